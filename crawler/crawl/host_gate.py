"""One politeness gate per crawl process: requests to one host start at least its delay apart, whichever crawler
(whichever firm) sends them.

Scrapy spaces requests per download slot, and every crawler (one per channel, so one per firm and kind) has slots
of its own: two firms of a batch crawled in one process (crawler/crawl/shared.py) that share a host (a hosting
platform, an app store) would each keep their own delay and together hit it twice as often. The gate sits in the
download handlers, where a request really leaves (after Scrapy's own slot delay, which still applies per crawler,
randomised between 0.5 and 1.5 times the delay), and reserves the host's next start time: the later of now and
the previous start plus the larger of the two requests' delays. One asyncio loop runs the whole process (Scrapy's
asyncio reactor), so a plain dict needs no lock.
"""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler


class HostGate:
    def __init__(self, clock=time.monotonic) -> None:
        self._clock = clock
        self._last: dict[str, tuple[float, float]] = {}  # host -> (start reserved last, that request's delay)

    def reserve(self, host: str, delay: float) -> float:
        """The seconds to wait before a request to `host` may start; the start is reserved now."""
        now = self._clock()
        previous = self._last.get(host)
        start = now if previous is None else max(now, previous[0] + max(previous[1], delay))
        self._last[host] = (start, delay)
        return start - now

    async def wait(self, host: str, delay: float) -> None:
        pause = self.reserve(host, delay)
        if pause > 0:
            await asyncio.sleep(pause)


GATE = HostGate()


async def wait_for_host(settings, url: str) -> None:
    """Wait for the request to `url`'s turn at its host, under the crawler's DOWNLOAD_DELAY (the firm's delay);
    FOOTPRINT_HOST_GATE off leaves only Scrapy's per-crawler spacing (the tests' negative control)."""
    delay = settings.getfloat("DOWNLOAD_DELAY")
    host = urlsplit(url).hostname
    if delay > 0 and host and settings.getbool("FOOTPRINT_HOST_GATE", True):
        await GATE.wait(host, delay)



class GatedHTTPDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler behind the gate (crawler/crawl/settings.py: DOWNLOAD_HANDLERS)."""

    async def download_request(self, request):
        await wait_for_host(self._crawler.settings, request.url)
        return await super().download_request(request)
