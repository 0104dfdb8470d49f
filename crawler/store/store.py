"""`Store`: the one object callers hold, and `open_store`, the one way to get it.

Opening a store connects (SQLite file or PostgreSQL URL), brings its schema up to date, and fails early with a
StoreError that names the store, so a scan never runs for an hour to find at the end that its history cannot be
written. The scan records and the triage records live in their own modules; this one joins them over a connection.
"""

from __future__ import annotations

from pathlib import Path

from crawler.store.db import Database, connect
from crawler.store.errors import StoreError
from crawler.store.fleet import FleetRecords
from crawler.store.fleet_status import FleetStatus
from crawler.store.lists import WarningListRecords
from crawler.store.location import default_location
from crawler.store.migrate import migrate
from crawler.store.register import RegisterRecords
from crawler.store.scans import ScanRecords
from crawler.store.triage import TriageRecords


class Store(ScanRecords, TriageRecords, RegisterRecords, WarningListRecords, FleetRecords, FleetStatus):
    """Scans over time, triage decisions, register imports and imported warning lists, in SQLite or PostgreSQL,
    and a fleet's batches (PostgreSQL); safe to share between threads."""

    def __init__(self, db: Database):
        self._db = db
        self.location = db.location  # for display: a URL's password is redacted

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.location!r})"


def open_store(spec: str | None = None, create: bool = True, make_folder: bool = True) -> Store:
    """The store at `spec` (a file path, or a postgresql:// URL; None: `default_location()`), schema up to date.

    `create=False` for commands that only read (history, diff): a mistyped path is an error then, not a new empty
    store that answers "no scans". `make_folder=False`: a SQLite file's missing folder is an error rather than
    created (the command line's rule for a store the user named: a typo must not start a new history)."""
    spec = default_location() if spec is None else spec
    if not create and "://" not in spec:
        path = Path(spec).expanduser()
        if not path.is_file() or path.stat().st_size == 0:
            raise StoreError(f"store {path.absolute()}: no such store (expected an SQLite file written by footprint; "
                             "scans create it, or give --store PATH|URL)")
    db = connect(spec, make_folder)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return Store(db)
