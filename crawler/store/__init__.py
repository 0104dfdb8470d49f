"""The scan store: every scan's outcome over time, and people's triage decisions on findings.

Reports on disk say what one scan found; the store says what was found before, what changed, and what a person
decided about a finding, across scans and machines. SQLite (a file, the default) for one user, PostgreSQL (a URL)
for a team; the same SQL and migrations for both, no ORM. See `open_store`.
"""

from crawler.store.errors import StoreError
from crawler.store.location import default_location
from crawler.store.scans import ScanRow
from crawler.store.store import Store, open_store

__all__ = ["ScanRow", "Store", "StoreError", "default_location", "open_store"]
