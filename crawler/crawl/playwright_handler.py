"""scrapy-playwright's download handler with a deadline on every rendered request, started only when a page is
rendered, one instance for both URL schemes, and the browser behind the egress guard.

After a browser crash, a request on the dying context can wait for ever: the driver never answers the new-page
call and scrapy-playwright sets no deadline on it (seen in 3 runs of 10 of tests/crawler/crawl/test_browser_crash.py). A
deadline turns that into a download timeout, which Scrapy retries in the relaunched browser.

scrapy-playwright's handler is built eagerly, once per URL scheme, and starts a Playwright driver (a node process
of ~100 MiB) as the engine starts: two per crawler, whether or not a page is ever rendered (a `render: auto` site
that needs no browser). Here one instance serves both schemes and Playwright starts on the first rendered request.

Unless the scan opted in to private addresses, every browser context reaches the web through the egress guard
(crawler/crawl/egress/guard.py), its own proxy (if any) behind it; a navigation whose redirect chain reached a
refused host fails with the refusal as its reason, as a plain fetch's would.
"""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DownloadTimeoutError
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.config.defaults import NAVIGATION_TIMEOUT_MS
from crawler.crawl.browser import proxy_url
from crawler.crawl.egress.guard import EgressGuard
from crawler.crawl.egress.middleware import EgressRefused

DEADLINE_S = NAVIGATION_TIMEOUT_MS / 1000 + 15  # navigation, plus the time a page may take to be created


class DeadlinePlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    _started: asyncio.Future | None = None
    _closed = False
    guard: EgressGuard | None = None

    @classmethod
    def from_crawler(cls, crawler):
        handler = getattr(crawler, "_footprint_playwright_handler", None)
        if handler is None:  # Scrapy asks once per scheme (http, https): one handler, one Playwright
            handler = crawler._footprint_playwright_handler = cls(crawler)
            if not crawler.settings.getbool("FOOTPRINT_ALLOW_PRIVATE"):
                handler.guard = EgressGuard()
                # Contexts without a proxy of their own use the browser's: the guard, in front of --proxy.
                route = handler.guard.route_for(crawler.settings.get("FOOTPRINT_PROXY", ""))
                handler.config.launch_options = {**handler.config.launch_options, "proxy": {"server": route}}
        return handler

    async def _maybe_launch_in_thread(self) -> None:
        """scrapy-playwright's engine_started hook: Playwright is started by the first rendered request instead."""

    async def download_request(self, request):
        if not request.meta.get("playwright"):
            return await super().download_request(request)
        if self._started is None:
            self._started = asyncio.ensure_future(self._launch())
        await asyncio.shield(self._started)
        chain = self._guarded(request)
        try:
            response = await asyncio.wait_for(super().download_request(request), DEADLINE_S)
        except TimeoutError:
            raise DownloadTimeoutError(f"rendering {request.url} took over {DEADLINE_S:.0f} s "
                                       "(browser crashed or hung); retried") from None
        except Exception:
            self._raise_refusal(chain)
            raise
        self._raise_refusal(chain)
        return response

    def _guarded(self, request) -> list[str]:
        """Route the request's browser context through the guard; returns the list its main-frame navigation
        requests (each redirect hop) are recorded in."""
        chain: list[str] = []
        if self.guard is None:
            return chain
        kwargs = request.meta.get("playwright_context_kwargs")
        if kwargs and kwargs.get("proxy") and not request.meta.get("fp_guarded"):
            upstream = proxy_url(kwargs["proxy"])
            request.meta["playwright_context_kwargs"] = {**kwargs, "proxy": {"server": self.guard.route_for(upstream)}}
            request.meta["fp_guarded"] = True

        def on_request(browser_request) -> None:
            if browser_request.is_navigation_request() and browser_request.frame.parent_frame is None:
                chain.append(browser_request.url)

        request.meta["playwright_page_event_handlers"] = {**(request.meta.get("playwright_page_event_handlers") or {}),
                                                          "request": on_request}
        return chain

    def _raise_refusal(self, chain: list[str]) -> None:
        if self.guard is None:
            return
        for n, url in enumerate(chain):
            reason = self.guard.refusal_for(url)
            if reason:
                where = f"redirect from {chain[n - 1]} to" if n else "request to"
                raise EgressRefused(f"refused: {where} {reason} (browser)")

    async def close(self) -> None:
        if not self._closed:  # called once per scheme, so twice for the one instance
            self._closed = True
            await super().close()
            if self.guard is not None:
                self.guard.close()
