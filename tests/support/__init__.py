"""Helpers shared by the tests and the benchmarks (generated websites: sites.py)."""
