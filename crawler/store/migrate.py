"""Schema migrations: numbered SQL files in `migrations/`, applied in order, each in its own transaction.

`NNNN_name.sql` files are the whole history of the schema (with `DATA_STEPS`, the Python a migration needs for what
SQL cannot compute); `schema_migrations` records which ones a store has, so opening a store brings it up to date and
opening it again changes nothing. Two processes opening a fresh store at
once must not both migrate it: PostgreSQL takes an advisory lock for the transaction, SQLite's BEGIN IMMEDIATE
holds the file's write lock. A store migrated by a newer footprint is refused rather than misread, and a database
that holds someone else's tables is refused rather than written into.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from crawler.store.db import Database
from crawler.store.errors import StoreError
from crawler.store.merged import adopt_format_1_rows
from detectors.timestamps import stamp

_FILE = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
# What SQL cannot do (a fingerprint per row): run after a migration's statements, in the same transaction.
DATA_STEPS: dict[int, Callable[[Database], None]] = {3: adopt_format_1_rows}
CREATE_TABLE = ("CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def available() -> tuple[Migration, ...]:
    """The migrations this footprint ships, by version; versions run 1, 2, 3... without gaps or repeats."""
    found = []
    for entry in resources.files("crawler.store").joinpath("migrations").iterdir():
        match = _FILE.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"crawler/store/migrations: versions {[m.version for m in found]}, expected 1..N")
    return tuple(found)


def statements(sql: str) -> list[str]:
    """The statements of a migration file, one by one (a driver's multi-statement call may commit on its own)."""
    out, pending = [], ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):  # SQLite's tokenizer: a ';' in a string or comment does not count
            out.append(pending.strip())
            pending = ""
    if any(line.strip() and not line.strip().startswith("--") for line in pending.splitlines()):
        raise RuntimeError(f"migration ends with an unterminated statement: {pending.strip()[:80]!r}")
    return out


def migrate(db: Database) -> int:
    """Bring the store up to this footprint's schema; the version it is at afterwards."""
    migrations = available()
    known = migrations[-1].version
    with db.read():
        applied = _applied(db, known)
    if applied >= {m.version for m in migrations}:
        return known
    for migration in migrations:
        with db.write():
            db.lock_migrations()
            if migration.version in _applied(db, known, create=True):
                continue  # another process got there first
            for statement in statements(migration.sql):
                db.execute(statement)
            if migration.version in DATA_STEPS:
                DATA_STEPS[migration.version](db)
            db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                       (migration.version, migration.name, stamp()))
    return known


def _applied(db: Database, known: int, create: bool = False) -> set[int]:
    tables = db.tables()
    if "schema_migrations" not in tables:
        if tables:
            shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(f"store {db.location} is not a footprint store: it holds tables ({shown}) but no "
                             f"schema_migrations; expected an empty database or one made by footprint "
                             f"(on PostgreSQL, a schema of its own: add ?options=-csearch_path%3Dfootprint)")
        if create:
            db.execute(CREATE_TABLE)
        return set()
    try:
        rows = db.rows("SELECT version, name FROM schema_migrations")
        versions = {int(version) for version, _ in rows}
    except (db.driver_error, TypeError, ValueError) as exc:
        if isinstance(exc, db.driver_error) and not db.misfits(exc):
            raise  # the server went away mid-read (a restart): StoreUnavailable, to be tried again, not a verdict
        raise StoreError(f"store {db.location} is not a footprint store: its schema_migrations table is not "
                         f"footprint's (expected columns version INTEGER, name TEXT, applied_at TEXT)") from exc
    newest = max(versions, default=0)
    if newest > known:
        raise StoreError(f"store {db.location} has schema version {newest}, this footprint knows up to {known}: "
                         f"upgrade footprint")
    return versions
