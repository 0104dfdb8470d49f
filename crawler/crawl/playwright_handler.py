"""scrapy-playwright's download handler with a deadline on every rendered request, started only when a page is
rendered, one instance for both URL schemes.

After a browser crash, a request on the dying context can wait for ever: the driver never answers the new-page
call and scrapy-playwright sets no deadline on it (seen in 3 runs of 10 of tests/crawler/crawl/test_browser_crash.py). A
deadline turns that into a download timeout, which Scrapy retries in the relaunched browser.

scrapy-playwright's handler is built eagerly, once per URL scheme, and starts a Playwright driver (a node process
of ~100 MiB) as the engine starts: two per crawler, whether or not a page is ever rendered (a `render: auto` site
that needs no browser). Here one instance serves both schemes and Playwright starts on the first rendered request.
"""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DownloadTimeoutError
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.config.defaults import NAVIGATION_TIMEOUT_MS

DEADLINE_S = NAVIGATION_TIMEOUT_MS / 1000 + 15  # navigation, plus the time a page may take to be created


class DeadlinePlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    _started: asyncio.Future | None = None
    _closed = False

    @classmethod
    def from_crawler(cls, crawler):
        handler = getattr(crawler, "_footprint_playwright_handler", None)
        if handler is None:  # Scrapy asks once per scheme (http, https): one handler, one Playwright
            handler = crawler._footprint_playwright_handler = cls(crawler)
        return handler

    async def _maybe_launch_in_thread(self) -> None:
        """scrapy-playwright's engine_started hook: Playwright is started by the first rendered request instead."""

    async def download_request(self, request):
        if not request.meta.get("playwright"):
            return await super().download_request(request)
        if self._started is None:
            self._started = asyncio.ensure_future(self._launch())
        await asyncio.shield(self._started)
        try:
            return await asyncio.wait_for(super().download_request(request), DEADLINE_S)
        except TimeoutError:
            raise DownloadTimeoutError(f"rendering {request.url} took over {DEADLINE_S:.0f} s "
                                       "(browser crashed or hung); retried") from None

    async def close(self) -> None:
        if not self._closed:  # called once per scheme, so twice for the one instance
            self._closed = True
            await super().close()
