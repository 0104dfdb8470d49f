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


async def through_gate(settings, request, download):
    """`download()` in the request's turn at its host, under the crawler's DOWNLOAD_DELAY (the firm's delay);
    FOOTPRINT_HOST_GATE off leaves only Scrapy's per-crawler spacing (the tests' negative control)."""
    delay = settings.getfloat("DOWNLOAD_DELAY")
    host = urlsplit(request.url).hostname
    if delay <= 0 or not host or not settings.getbool("FOOTPRINT_HOST_GATE", True):
        return await download()
    async with GATE.turn(host, delay):
        return await download()


class GatedHTTPDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler behind the gate (crawler/crawl/settings.py: DOWNLOAD_HANDLERS)."""

    async def download_request(self, request):
        download = super().download_request
        return await through_gate(self._crawler.settings, request, lambda: download(request))
