"""Tests of crawler.sandbox, one file per module (a package so these names cannot clash with other tests')."""
