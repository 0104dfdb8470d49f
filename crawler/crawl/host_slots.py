"""Politeness across a fleet's workers: turns at a host claimed in the store's `host_slots` table (migration 7), so
crawl processes on any machine hit one host no faster than its interval allows.

A crawl under a fleet worker is given the store's URL (job setting FOOTPRINT_HOST_SLOTS); every other crawl keeps
the per-process gate (crawler/crawl/host_gate.py) and never reaches a database. A claim is one statement: while no
request to the host is waiting or in flight, it takes the host's next turn, the latest of now, the previous claim's
`next_allowed_at` and the previous turn plus this claim's interval (between two requests with different intervals
the larger holds), holds the host, and returns how long until the turn, all by PostgreSQL's clock, the only clock
every worker shares (workers' own clocks may disagree by more than a delay). The caller sleeps that long, sends the
request, and once it has ended lets the host go with `next_allowed_at` at least its end plus the interval. Spacing
counts from a request's end, as the per-process gate does: a start-to-start spacing comes out shorter at the server
whenever the earlier request spent longer connecting (measured here: 0.35 s apart for a 0.5 s interval, three
processes). A claim that finds the host held gets no turn and looks again when the next turn could come. A holder
whose connection is gone (its crawl process died: a worker killed, a crawl stopped mid-request) lets go at once,
since the hold names the server process of its connection; one whose connection lingers, HOST_SLOT_HOLD_SECONDS
after its turn. Requests of one process to one host take turns in the process first, so they never poll the
database against each other.

The interval at a host is the largest of: the firm's delay, the host's robots.txt Crawl-delay (read from Scrapy's
robots.txt parser for the crawler, once it has one), and SHARED_HOST_INTERVAL_SECONDS on a platform's hosts (app
stores, social networks: every firm of a batch asks them).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

from crawler.config.defaults import (
    FLEET_STORE_RETRY_SECONDS,
    FLEET_STORE_WAIT_SECONDS,
    HOST_SLOT_HOLD_SECONDS,
    HOST_SLOT_POLL_SECONDS,
    SHARED_HOST_INTERVAL_SECONDS,
)
from crawler.store.db import CONNECT_SECONDS
from detectors.platforms import platform_kind

SETTING = "FOOTPRINT_HOST_SLOTS"  # the store's URL, in a fleet crawl's job settings

_INTERVAL = "make_interval(secs => %(interval)s)"
_TURN = f"greatest(now(), slot.next_allowed_at, slot.last_turn_at + {_INTERVAL})"
CLAIM = f"""
INSERT INTO host_slots AS slot (host, last_turn_at, next_allowed_at, held_until, held_by)
VALUES (%(host)s, now(), now() + {_INTERVAL}, now() + make_interval(secs => %(hold)s), pg_backend_pid())
ON CONFLICT (host) DO UPDATE SET
    last_turn_at = {_TURN},
    next_allowed_at = {_TURN} + {_INTERVAL},
    held_until = {_TURN} + {_INTERVAL} + make_interval(secs => %(hold)s),
    held_by = pg_backend_pid()
WHERE slot.held_until IS NULL OR slot.held_until < now()
   OR NOT EXISTS (SELECT FROM pg_stat_activity WHERE pid = slot.held_by)
RETURNING extract(epoch FROM slot.last_turn_at - now())::float8
"""
# The host is held: when its next turn could come at the earliest.
BUSY = """
SELECT extract(epoch FROM next_allowed_at - now())::float8 FROM host_slots WHERE host = %(host)s
"""
RELEASE = f"""
UPDATE host_slots
SET held_until = NULL, held_by = NULL, next_allowed_at = greatest(next_allowed_at, now() + {_INTERVAL})
WHERE host = %(host)s
"""


def host_interval(host: str, delay: float, crawl_delay: float | None = None,
                  shared: float = SHARED_HOST_INTERVAL_SECONDS) -> float:
    """Seconds between two requests to `host`, whoever sends them."""
    return max(delay, crawl_delay or 0.0, shared if platform_kind(host) else 0.0)


class HostSlots:
    """One crawl process's claims, over one autocommit connection opened on first use (each statement is its own
    transaction, so now() is the statement's time). Claims to different hosts share it; psycopg serialises them,
    and they are short: the waiting is done here, not in the database."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._conn = None
        self._opening = asyncio.Lock()
        self._hosts: dict[str, asyncio.Lock] = {}

    async def _connection(self):
        async with self._opening:
            if self._conn is None or self._conn.closed:
                import psycopg  # only a fleet crawl needs the driver

                self._conn = await psycopg.AsyncConnection.connect(self._url, autocommit=True,
                                                                  connect_timeout=CONNECT_SECONDS)
            return self._conn

    async def _run(self, sql: str, params: dict):
        """The statement's first row. A connection the server dropped (a restart) is opened again at once, then
        every FLEET_STORE_RETRY_SECONDS for up to FLEET_STORE_WAIT_SECONDS: a request waits for its turn through an
        outage rather than go out without one or fail."""
        import psycopg

        deadline = time.monotonic() + FLEET_STORE_WAIT_SECONDS
        tries = 0
        while True:
            try:
                conn = await self._connection()
                cursor = await conn.execute(sql, params)
                return await cursor.fetchone() if cursor.description else None
            except psycopg.OperationalError:
                if self._conn is not None:
                    await self._conn.close()
                if time.monotonic() > deadline:
                    raise
            tries += 1
            if tries > 1:  # the first time, at once: the server may have dropped only this connection
                await asyncio.sleep(FLEET_STORE_RETRY_SECONDS)

    async def claim(self, host: str, interval: float) -> float | None:
        """Take and hold the host's next turn: seconds until it comes, by the database's clock (0 or less: now);
        None when another request holds the host."""
        row = await self._run(CLAIM, {"host": host, "interval": interval, "hold": HOST_SLOT_HOLD_SECONDS})
        return None if row is None else row[0]

    async def release(self, host: str, interval: float) -> None:
        """Let the host go: the next turn no sooner than the interval after now (this request's end)."""
        await self._run(RELEASE, {"host": host, "interval": interval})

    @contextlib.asynccontextmanager
    async def turn(self, host: str, interval: float) -> AsyncIterator[None]:
        """Hold a turn at the host for one request: wait for it, and let the host go once the request has ended."""
        async with self._hosts.setdefault(host, asyncio.Lock()):
            while (wait := await self.claim(host, interval)) is None:
                (busy,) = await self._run(BUSY, {"host": host})
                await asyncio.sleep(max(busy, HOST_SLOT_POLL_SECONDS))
            try:
                if wait > 0:
                    await asyncio.sleep(wait)
                yield
            finally:
                await self.release(host, interval)

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()


_SLOTS: dict[str, HostSlots] = {}


def slots_for(url: str) -> HostSlots:
    """The process's claims on the store at `url` (one connection per process)."""
    if url not in _SLOTS:
        _SLOTS[url] = HostSlots(url)
    return _SLOTS[url]
