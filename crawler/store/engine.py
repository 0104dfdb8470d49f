"""The queue engine's schema in footprint's store: procrastinate (docs/0013-fleet.md).

procrastinate leaves applying its schema to the application. `footprint db migrate` applies it here, in the same
database (and PostgreSQL schema) as footprint's tables, under footprint's migration lock, and records the version
in `engine_schema`, so a second `db migrate` changes nothing and a worker started on an unprepared store says what
to run instead of failing on a missing table. Enqueueing defers a job through procrastinate's own stored procedure
inside footprint's transaction: a firm of a batch is never recorded without its job, nor a job made without it.
"""

from __future__ import annotations

import json
from importlib.metadata import version

from crawler.store.db import Database
from crawler.store.errors import StoreError
from detectors.timestamps import stamp

ENGINE = "procrastinate"
_DEFER = ("SELECT unnest(procrastinate_defer_jobs_v1(ARRAY[ROW(?, ?, 0, NULL, NULL, ?::jsonb, NULL)"
          "::procrastinate_job_to_defer_v1]))")


def engine_version() -> str:
    return version(ENGINE)


def require_postgres(db: Database, what: str) -> None:
    if db.dialect != "postgres":
        raise StoreError(f"store {db.location}: {what} needs a PostgreSQL store (--store postgresql://...); a SQLite "
                         f"file cannot be shared by workers on several machines")


def apply_engine_schema(db: Database) -> str:
    """procrastinate's schema in this store, once; what was done ("applied 3.10.0" or "already at 3.10.0")."""
    from procrastinate.schema import SchemaManager

    require_postgres(db, "the queue")
    installed = engine_version()
    with db.write():
        db.lock_migrations()
        row = db.one("SELECT version FROM engine_schema WHERE engine = ?", (ENGINE,))
        if row is not None:
            if row[0] != installed:
                raise StoreError(f"store {db.location}: its {ENGINE} schema is version {row[0]}, this footprint "
                                 f"runs {ENGINE} {installed}: apply {ENGINE}'s migrations between them (its docs: "
                                 f"'Migrations'), then record the version in engine_schema")
            return f"{ENGINE} schema already at {installed}"
        if "procrastinate_jobs" in db.tables():
            raise StoreError(f"store {db.location}: {ENGINE}'s tables exist but footprint did not record them; "
                             f"expected a store whose queue `footprint db migrate` set up")
        db.run_script(SchemaManager.get_schema())
        db.execute("INSERT INTO engine_schema (engine, version, applied_at) VALUES (?, ?, ?)",
                   (ENGINE, installed, stamp()))
    return f"{ENGINE} schema {installed} applied"


def check_engine_schema(db: Database) -> None:
    """StoreError unless `footprint db migrate` has set the queue up at this footprint's version."""
    require_postgres(db, "the queue")
    with db.read():
        row = db.one("SELECT version FROM engine_schema WHERE engine = ?", (ENGINE,))
    if row is None or row[0] != engine_version():
        found = "no queue schema" if row is None else f"{ENGINE} schema {row[0]}"
        raise StoreError(f"store {db.location}: {found}, this footprint needs {ENGINE} {engine_version()}: run "
                         f"`footprint db migrate --store URL` first")


def defer(db: Database, queue: str, task: str, args: dict) -> int:
    """Inside a write transaction: a new job for `task` with `args`; its id."""
    row = db.one(_DEFER, (queue, task, json.dumps(args, sort_keys=True)))
    assert row is not None
    return int(row[0])
