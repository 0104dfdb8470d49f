"""Tests of crawler/store: the scan store on SQLite and PostgreSQL."""
