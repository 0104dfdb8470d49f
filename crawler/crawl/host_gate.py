"""One politeness gate per crawl process: a request to a host starts only once the previous one to it has ended,
and the delay has passed since, whichever crawler (whichever firm) sends them.

Scrapy spaces requests per download slot, and every crawler (one per channel, so one per firm and kind) has slots
of its own: two firms of a batch crawled in one process (crawler/crawl/shared.py) that share a host (a hosting
platform, an app store) would each keep their own delay and together hit it twice as often. The gate sits in the
download handlers, where a request really leaves (after Scrapy's own slot delay, which still applies per crawler).
It counts the delay from the end of the previous request, not its start: a start-to-start spacing comes out
shorter at the server whenever the earlier request spent longer connecting (a new tunnel and TLS handshake), and
the host is then asked twice within the delay. Between two requests with different delays (two firms' settings)
the larger holds. One asyncio loop runs the whole process (Scrapy's asyncio reactor), so plain dicts need no lock.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from twisted.internet.defer import Deferred

from crawler.crawl import host_slots


@dataclass
class _Host:
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)  # one request to the host at a time
    ended: float = float("-inf")  # when the last request to it ended
    delay: float = 0.0  # that request's delay

    def pause(self, now: float, delay: float) -> float:
        """Seconds a request with `delay` still waits for its turn."""
        return max(0.0, self.ended + max(self.delay, delay) - now)


class HostGate:
    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._hosts: dict[str, _Host] = {}

    def host(self, name: str) -> _Host:
        return self._hosts.setdefault(name, _Host())

    @contextlib.asynccontextmanager
    async def turn(self, name: str, delay: float) -> AsyncIterator[None]:
        """Hold the host for one request: wait until the previous one has ended and the delay has passed."""
        host = self.host(name)
        async with host.turn:
            pause = host.pause(self._clock(), delay)
            if pause > 0:
                await asyncio.sleep(pause)
            try:
                yield
            finally:
                host.ended, host.delay = self._clock(), delay


GATE = HostGate()


async def through_gate(crawler, request, download):
    """`download()` in the request's turn at its host, under the crawler's DOWNLOAD_DELAY (the firm's delay): in a
    fleet crawl (the store's URL in FOOTPRINT_HOST_SLOTS) a turn claimed in the store across every worker
    (crawler/crawl/host_slots.py), else this process's gate. FOOTPRINT_HOST_GATE off leaves only Scrapy's
    per-crawler spacing (the tests' negative control)."""
    settings = crawler.settings
    delay = settings.getfloat("DOWNLOAD_DELAY")
    host = urlsplit(request.url).hostname
    if delay <= 0 or not host or not settings.getbool("FOOTPRINT_HOST_GATE", True):
        return await download()
    store = settings.get(host_slots.SETTING)
    if store:
        interval = host_slots.host_interval(host, delay, robots_crawl_delay(crawler, request))
        async with host_slots.slots_for(store).turn(host, interval):
            return await download()
    async with GATE.turn(host, delay):
        return await download()


def robots_crawl_delay(crawler, request) -> float | None:
    """The Crawl-delay the host's robots.txt asks of this crawler's user agent, once Scrapy's RobotsTxtMiddleware
    has parsed it (None before, for robots.txt itself, or when robots.txt is not obeyed). Scrapy's parsers expose
    `crawl_delay` but its downloader does not apply it; the middleware keeps its parsers by netloc."""
    engine = getattr(crawler, "engine", None)
    middlewares = engine.downloader.middleware.middlewares if engine and engine.downloader else ()
    robots = next((m for m in middlewares if isinstance(m, RobotsTxtMiddleware)), None)
    parser = robots._parsers.get(urlsplit(request.url).netloc) if robots is not None else None
    if parser is None or isinstance(parser, Deferred):
        return None
    agent = robots._robotstxt_useragent or request.headers.get(b"User-Agent") or robots._default_useragent
    return parser.crawl_delay(agent)


class GatedHTTPDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler behind the gate (crawler/crawl/settings.py: DOWNLOAD_HANDLERS)."""

    async def download_request(self, request):
        download = super().download_request
        return await through_gate(self._crawler, request, lambda: download(request))
