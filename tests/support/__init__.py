"""Helpers shared by the tests and the benchmarks (generated websites: sites.py, and the N-page exchange site of the
crawl and memory benchmarks: exchange_site.py), and by tests in several folders (PostgreSQL for the store tests:
pg_server.py)."""
