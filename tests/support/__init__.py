"""Helpers shared by the tests and the benchmarks (generated websites: sites.py), and by tests in several folders
(PostgreSQL for the store tests: pg_server.py)."""
