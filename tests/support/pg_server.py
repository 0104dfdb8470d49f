"""PostgreSQL for the tests: the private server `scripts/postgres.sh` runs on loopback, or the reason there is none.

`make test` starts it and passes its URL in `FOOTPRINT_TEST_POSTGRES` (empty when it could not start); a bare
`pytest` starts it here, once per session. Each test gets a schema of its own (`fresh_schema`, or
`fresh_database_url` where a fixture wants just a URL), reached through the URL's search_path, so tests never see
each other's rows and need no database created per test.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "postgres.sh"
ENV = "FOOTPRINT_TEST_POSTGRES"

_probed: tuple[str | None, str] | None = None


def _probe() -> tuple[str | None, str]:
    if ENV in os.environ:
        url = os.environ[ENV].strip()
        if url:
            return url, ""
        reason_file = ROOT / ".pg" / "reason"
        why = reason_file.read_text(encoding="utf-8").strip() if reason_file.exists() else ""
        return None, (f"PostgreSQL unavailable ({ENV} is empty: scripts/postgres.sh start could not start it): "
                      f"{why or 'see its message above the test run'}")
    try:
        proc = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, timeout=600, cwd=ROOT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"PostgreSQL unavailable: scripts/postgres.sh start failed: {exc}"
    url = proc.stdout.strip()
    if proc.returncode == 0 and url:
        return url, ""
    why = " ".join(proc.stderr.split()) or f"exit code {proc.returncode}, no URL printed"
    return None, f"PostgreSQL unavailable: scripts/postgres.sh start: {why}"


def postgres_url() -> str | None:
    """The test server's URL, or None when it cannot run (then `skip_reason()` says why)."""
    global _probed
    if _probed is None:
        _probed = _probe()
    return _probed[0]


def skip_reason() -> str:
    postgres_url()
    assert _probed is not None
    return _probed[1]


def with_search_path(url: str, schema: str) -> str:
    """The URL with every connection's search_path set to `schema` (a libpq `options` parameter)."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@contextmanager
def fresh_schema(url: str) -> Iterator[str]:
    """A URL whose connections work in a new, empty schema, dropped with everything in it afterwards."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield with_search_path(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute("SET lock_timeout = '10s'")
            admin.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def fresh_database_url() -> str:
    """A URL onto a new, empty schema of the test server, dropped when the session ends; skips the calling test
    (saying why) when PostgreSQL cannot run here."""
    import pytest

    url = postgres_url()
    if url is None:
        pytest.skip(skip_reason())
    scoped = fresh_schema(url)
    fresh = scoped.__enter__()

    def drop() -> None:
        try:
            scoped.__exit__(None, None, None)
        except Exception:  # the server stopped first: the schema goes with the cluster anyway
            pass

    atexit.register(drop)
    return fresh
