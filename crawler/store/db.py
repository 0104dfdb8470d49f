"""A thin adapter over the two databases a store may live in: SQLite (stdlib sqlite3) and PostgreSQL (psycopg 3).

The store's SQL is written once, with `?` placeholders and portable types; this module is the only place that tells
the two apart: how to connect and what a failure to connect means to a person, how a write transaction starts
(SQLite's BEGIN IMMEDIATE takes the write lock up front, so concurrent writers queue on busy_timeout instead of one
failing half-way; PostgreSQL's ordinary BEGIN), how to list tables, how migrations are serialised between processes,
and which driver errors mean "this store is unusable" (a StoreError) rather than a bug.

One connection per store object, guarded by a lock: batch scans record firms from several threads, and every
operation is short, so serialising them costs nothing and keeps the drivers' thread rules out of the picture.
A PostgreSQL connection the server has dropped (a restart, a failover) is replaced before the next operation that
starts outside a transaction; the operation that met the drop fails with StoreUnavailable (a StoreError, as before)
and its caller decides whether to try again (the fleet's workers and runners do: docs/0013-fleet.md).
"""

from __future__ import annotations

import os
import select
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from crawler.config.secrets import redact, scrub
from crawler.store.errors import StoreError, StoreUnavailable
from crawler.store.location import POSTGRES_SCHEMES, url_scheme

BUSY_SECONDS = 30.0  # how long a SQLite writer waits for another process's write to finish
CONNECT_SECONDS = 10  # how long to wait for a PostgreSQL server that does not answer
MIGRATION_LOCK = 0x666F6F747072  # pg_advisory_xact_lock key for migrations ("footpr")


class Database:
    """One connection, a lock around it, and the few things that differ between SQLite and PostgreSQL."""

    dialect = ""
    driver_error: type[Exception] = Exception  # the driver's base error class
    integrity_error: type[Exception] = Exception

    def __init__(self, conn: Any, location: str):
        self._conn = conn
        self.location = location
        self._lock = threading.RLock()
        self._depth = 0  # read() and write() blocks open on this thread (the lock is held meanwhile)

    # -- what callers use ------------------------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Database]:
        """Exclusive use of the connection for a few autocommitted statements."""
        with self._lock, self._unusable():
            self._check_open()
            with self._nested():
                yield self

    @contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction: committed when the block ends, rolled back when it raises (whatever it raises)."""
        with self._lock, self._unusable():
            self._check_open()
            with self._nested(), self._transaction():
                yield self

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return [tuple(row) for row in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple | None:
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def tables(self) -> set[str]:
        """The tables of this store's namespace (a SQLite file; the PostgreSQL connection's current schema)."""
        raise NotImplementedError

    def lock_migrations(self) -> None:
        """Inside a write transaction: make other processes migrating the same store wait until it ends."""

    def run_script(self, sql: str) -> None:
        raise NotImplementedError(f"{self.dialect} stores take footprint's own migrations only")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    # -- per dialect -----------------------------------------------------------------------------------------------

    def _transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _is_unusable(self, exc: Exception) -> bool:
        """A driver error that says the database cannot be used (disk, lock, connection), not that our SQL is wrong."""
        return False

    def misfits(self, exc: Exception) -> bool:
        """A driver error that says the SQL does not fit the tables found (a missing table or column, a value of
        another type), not that the database is away for a moment."""
        return False

    @contextmanager
    def _unusable(self) -> Iterator[None]:
        try:
            yield
        except self.driver_error as exc:
            if self._is_unusable(exc):
                raise StoreUnavailable(f"store {self.location}: {first_line(exc)}") from exc
            raise

    def _check_open(self) -> None:
        if self._conn is None:
            raise StoreError(f"store {self.location} is closed")

    @contextmanager
    def _nested(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1


class SQLiteDatabase(Database):
    dialect = "sqlite"
    driver_error = sqlite3.Error
    integrity_error = sqlite3.IntegrityError

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._conn.execute(sql, tuple(params))

    def tables(self) -> set[str]:
        rows = self.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!'")
        return {name for (name,) in rows}

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _is_unusable(self, exc: Exception) -> bool:
        # OperationalError: locked too long, disk full or read-only, I/O; a bare DatabaseError: a corrupt file.
        return isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError

    def misfits(self, exc: Exception) -> bool:
        # SQLite reports a missing column as an OperationalError too; its code tells it from a lock or a full disk.
        return isinstance(exc, sqlite3.OperationalError) and exc.sqlite_errorcode == sqlite3.SQLITE_ERROR


class PostgresDatabase(Database):
    dialect = "postgres"

    def __init__(self, conn: Any, location: str, url: str = ""):
        import psycopg

        super().__init__(conn, location)
        self._url = url  # to connect again once the server has dropped this connection
        self.driver_error = psycopg.Error
        self.integrity_error = psycopg.IntegrityError
        self._operational = psycopg.OperationalError

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        # Our SQL never has a literal '?', and a literal '%' must be doubled for psycopg once parameters are passed
        # (always: an empty tuple too, so the escaping is the same for every statement).
        return self._conn.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(params))

    def tables(self) -> set[str]:
        rows = self.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
        return {name for (name,) in rows}

    def lock_migrations(self) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))

    def run_script(self, sql: str) -> None:
        """Several statements at once, verbatim (no parameters): a third party's schema file."""
        self._conn.execute(sql)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def _is_unusable(self, exc: Exception) -> bool:
        return isinstance(exc, self._operational)

    def misfits(self, exc: Exception) -> bool:
        import psycopg

        return isinstance(exc, (psycopg.ProgrammingError, psycopg.DataError))

    def _check_open(self) -> None:
        super()._check_open()
        if self._url and not self._depth and self._dropped():  # never in the middle of an outer block
            self._conn.close()
            # While the server is still away this raises StoreUnavailable and keeps the closed connection, so the next
            # operation tries again.
            self._conn = _connect_postgres(self._url)._conn

    def _dropped(self) -> bool:
        """The server has closed this connection (psycopg saw it go), or, while it sits idle outside a transaction,
        has sent something (an idle autocommit connection that listens to nothing is sent nothing but a goodbye: the
        FATAL "terminating connection" of a shutdown, then end of file; anything else, a notice, costs a needless
        reconnect, no more). poll, not select: a process may hold more than 1024 descriptors."""
        from psycopg import pq

        if self._conn.closed:
            return True
        if self._conn.info.transaction_status != pq.TransactionStatus.IDLE:
            return False
        poller = select.poll()
        poller.register(self._conn.fileno(), select.POLLIN | select.POLLPRI)
        return bool(poller.poll(0))


def first_line(exc: BaseException) -> str:
    """A driver message on one line (libpq's come with tabs, hints and newlines)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines[:2]) or type(exc).__name__


def connect(spec: str, make_folder: bool = True) -> Database:
    """A connection to the store at `spec` (a file path or a PostgreSQL URL), or a StoreError saying why not.
    `make_folder`: create a SQLite file's folder when missing (else a missing folder is an error)."""
    if not spec or not spec.strip():
        raise StoreError("empty store location: expected a file path or a postgresql:// URL")
    scheme = url_scheme(spec)
    if scheme is None:
        return _connect_sqlite(spec, make_folder)
    if scheme not in POSTGRES_SCHEMES:
        raise StoreError(f"store {redact(spec)}: unsupported URL scheme {scheme!r}: expected a postgresql:// "
                         f"(or postgres://) URL, or a file path for SQLite")
    return _connect_postgres(spec)


def _connect_sqlite(spec: str, make_folder: bool) -> SQLiteDatabase:
    path = Path(spec).expanduser().absolute()
    location = str(path)
    if path.is_dir():
        raise StoreError(f"store {location} is a directory: expected a SQLite file path, "
                         f"e.g. {path / 'footprint.sqlite'}")
    if not make_folder and not path.parent.is_dir():
        what = "is not a directory" if path.parent.exists() else "does not exist"
        raise StoreError(f"store {location}: its directory {path.parent} {what} (expected a file in an existing "
                         f"directory: footprint creates only the default store's, not a named one's)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"store {location}: cannot create its directory {path.parent}: "
                         f"{exc.strerror or exc} (expected a directory footprint may write to)") from exc
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(f"store {location}: directory {path.parent} is not writable "
                         f"(SQLite writes {path.name}-wal and {path.name}-shm beside the store)")
    conn = None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        mode = _wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        if type(exc) is sqlite3.DatabaseError:  # "file is not a database"
            raise StoreError(f"store {location} is not a SQLite database ({first_line(exc)}): "
                             f"expected a footprint store file, or a path where one may be created") from exc
        raise StoreError(f"store {location}: cannot open it: {first_line(exc)}") from exc
    if str(mode).lower() != "wal":
        conn.close()
        raise StoreError(f"store {location}: SQLite refused write-ahead logging (journal mode {mode!r}); "
                         f"expected a local file system")
    return SQLiteDatabase(conn, location)


def _wal(conn: sqlite3.Connection) -> str:
    """Switch to write-ahead logging (once per file: the mode is stored in it). The switch needs the file to itself,
    and SQLite reports "locked" at once, without waiting on busy_timeout, when another process opens it meanwhile:
    so wait here."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            (mode,) = conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return str(mode)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _connect_postgres(url: str) -> PostgresDatabase:
    location = redact(url)
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(f"store {location}: PostgreSQL stores need footprint's `postgres` extra (pip install "
                         f"'footprint[postgres]', or FOOTPRINT_EXTRAS=postgres bash scripts/install.sh)") from exc
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_SECONDS)
    except psycopg.Error as exc:
        message = scrub(first_line(exc), url)
        unusable = StoreUnavailable if isinstance(exc, psycopg.OperationalError) else StoreError
        raise unusable(f"cannot connect to store {location}: {message} (expected a reachable PostgreSQL server, "
                         f"an existing database and a user allowed to use it)") from exc
    return PostgresDatabase(conn, location, url)
