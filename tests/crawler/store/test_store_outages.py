"""A store's server going away for a moment (a PostgreSQL restart) is StoreUnavailable, which callers try again,
never a verdict on the store: a connection dropped while the schema version is read is not "not a footprint
store" (which only a table of another shape earns). Calls tried again after their first try committed but lost its
answer are in test_store.py (begin_scan) and test_fleet_records.py (record_complete)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.store import StoreError, open_store
from crawler.store.db import connect
from crawler.store.errors import StoreUnavailable
from crawler.store.migrate import migrate
from tests.crawler.store.test_store import _is_postgres, _need_postgres, spec, sql  # noqa: F401 (the store-location fixture)
from tests.support.pg_server import fresh_schema


def test_a_schema_migrations_table_of_another_shape_is_not_a_footprint_store(spec):  # noqa: F811
    if not _is_postgres(spec):
        Path(spec).parent.mkdir(parents=True)
    sql(spec, "CREATE TABLE schema_migrations (release TEXT, notes TEXT)")
    with pytest.raises(StoreError, match="schema_migrations table is not footprint's") as err:
        open_store(spec)
    assert not isinstance(err.value, StoreUnavailable)


def test_a_connection_dropped_while_the_version_is_read_is_unavailable_not_a_verdict():
    with fresh_schema(_need_postgres()) as url:
        open_store(url).close()
        db = connect(url)
        try:
            (pid,) = db.one("SELECT pg_backend_pid()")
            read_tables = db.tables

            def tables_then_a_restart():
                found = read_tables()
                sql(url, "SELECT pg_terminate_backend(?)", (pid,))  # what a fast shutdown does to every session
                return found

            db.tables = tables_then_a_restart
            with pytest.raises(StoreUnavailable, match="terminat|closed|lost"):
                migrate(db)
            db.tables = read_tables
            assert migrate(db) > 0  # tried again: the store reconnects and finds its schema whole
        finally:
            db.close()
