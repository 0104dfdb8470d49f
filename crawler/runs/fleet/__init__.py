"""Scans across machines: a batch queued in procrastinate over footprint's PostgreSQL store, workers running each
firm's scan in a process of its own, evidence uploaded off the machine before the scan is recorded complete
(docs/0013-fleet.md)."""
