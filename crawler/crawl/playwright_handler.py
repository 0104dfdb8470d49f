"""scrapy-playwright's download handler with a deadline on every rendered request, started only when a page is
rendered, one instance for both URL schemes, the browser behind the egress guard, and rendering bounded in size
and memory.

After a browser crash, a request on the dying context can wait for ever: the driver never answers the new-page
call and scrapy-playwright sets no deadline on it (seen in 3 runs of 10 of tests/crawler/crawl/test_browser_crash.py). A
deadline turns that into a download timeout, which Scrapy retries in the relaunched browser.

scrapy-playwright's handler is built eagerly, once per URL scheme, and starts a Playwright driver (a node process
of ~100 MiB) as the engine starts: two per crawler, whether or not a page is ever rendered (a `render: auto` site
that needs no browser). Here one instance serves both schemes and Playwright starts on the first rendered request.

Unless the scan opted in to private addresses, every browser context reaches the web through the egress guard
(crawler/crawl/egress/guard.py), its own proxy (if any) behind it; a navigation whose redirect chain reached a
refused host fails with the refusal as its reason, as a plain fetch's would.

Bounds (docs/SECURITY.md): every rendered page has a guard (crawler/crawl/page_guard.py: the body limit of plain
fetches, counted in decoded bytes, and a refusal when its renderer is stopped), and the browser is watched
(crawler/crawl/browser_memory.py: a memory budget per page and one for the browsers together, past which the
browser is restarted). A refused page fails with RenderRefused, which Scrapy does not retry.
"""

from __future__ import annotations

import asyncio
import logging

from playwright.async_api import Error as PlaywrightError
from scrapy.exceptions import DownloadTimeoutError
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler
from scrapy_playwright.page import PageMethod

from crawler.config.defaults import BATCH_BROWSERS, NAVIGATION_TIMEOUT_MS
from crawler.crawl.browser import proxy_url
from crawler.crawl.browser_memory import WATCHDOG, kill, measure, new_marker
from crawler.crawl.egress.guard import EgressGuard
from crawler.crawl.egress.middleware import EgressRefused
from crawler.crawl.host_gate import through_gate
from crawler.crawl.page_guard import PageGuard, RenderRefused

DEADLINE_S = NAVIGATION_TIMEOUT_MS / 1000 + 15  # navigation, plus the time a page may take to be created
CRASH_GRACE_S = 0.5  # how long a failed download waits for its page's crash event, which names the reason
CLOSE_S = 10  # a browser restarted for its memory may take this long to close before it is killed
logger = logging.getLogger(__name__)


class DeadlinePlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    _started: asyncio.Future | None = None
    _closed = False
    _holds_slot = False
    guard: EgressGuard | None = None

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        # This handler's browser, named on its command line so the memory watchdog finds its processes.
        self.marker = new_marker()
        options = self.config.launch_options
        self.config.launch_options = {**options, "args": [*options.get("args", []), self.marker]}

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
        if request.meta.get("playwright"):  # the browser first: waiting for it must not hold the host's turn
            if self._started is None:
                self._started = asyncio.ensure_future(self._launch_in_turn())
                WATCHDOG.watch(self.marker, self.restart_browser)
            await asyncio.shield(self._started)
        # Its turn at the host, across the process's firms (crawler/crawl/host_gate.py).
        return await through_gate(self._crawler, request, lambda: self._download(request))

    async def _download(self, request):
        if not request.meta.get("playwright"):
            return await super().download_request(request)
        chain = self._guarded(request)
        page_guard = PageGuard(WATCHDOG.kills.reason)
        _guard_request(request, page_guard)
        download = asyncio.ensure_future(super().download_request(request))
        try:
            await asyncio.wait({download, page_guard.refused}, timeout=DEADLINE_S,
                               return_when=asyncio.FIRST_COMPLETED)
            if download.done() and download.exception() is not None:
                # A crashed page fails its navigation as its crash event arrives: take the guard's reason.
                await asyncio.wait({page_guard.refused}, timeout=CRASH_GRACE_S)
            if page_guard.refused.done():
                raise RenderRefused(page_guard.refused.result())
            if download.done():
                self._raise_refusal(chain)  # a redirect the egress guard refused explains a failed navigation
                response = download.result()
                browser = getattr(self, "browser", None)  # launched with the first page's context
                if browser is not None:  # the capture's provenance names the browser that rendered it
                    request.meta["fp_client"] = f"Chromium {browser.version}"
                return response
            raise DownloadTimeoutError(f"rendering {request.url} took over {DEADLINE_S:.0f} s "
                                       "(browser crashed or hung); retried")
        finally:
            if not download.done():
                download.cancel()
                await asyncio.wait({download}, timeout=CLOSE_S)
            await page_guard.close()

    async def _launch_in_turn(self) -> None:
        """A crawl process holds at most BATCH_BROWSERS browsers: a batch's firms share it (crawler/crawl/shared.py),
        and a firm whose pages need rendering waits for another's browser to close (its crawl's end)."""
        await _browser_slots().acquire()
        self._holds_slot = True
        await self._launch()

    async def restart_browser(self) -> None:
        """Close the browser (the watchdog found it over its memory bound); scrapy-playwright launches a new one
        for the next page (PLAYWRIGHT_RESTART_DISCONNECTED_BROWSER) and retries the pages that were in flight."""
        browser = getattr(self, "browser", None)
        if browser is None:
            return
        try:
            await asyncio.wait_for(browser.close(), CLOSE_S)
        except (PlaywrightError, TimeoutError):
            usage = (await asyncio.to_thread(measure, [self.marker])).get(self.marker)
            if usage is not None:
                kill(usage.browser_pid)

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
            WATCHDOG.forget(self.marker)
            try:
                await super().close()
            finally:
                if self._holds_slot:
                    _browser_slots().release()
            if self.guard is not None:
                self.guard.close()


_slots: list[asyncio.Semaphore] = []


def _browser_slots() -> asyncio.Semaphore:
    if not _slots:  # made on the crawl's event loop, on first use
        _slots.append(asyncio.Semaphore(BATCH_BROWSERS))
    return _slots[0]


def _guard_request(request, guard: PageGuard) -> None:
    """Give the request's page to the guard when it is created, and the guard's DOM check before its content is
    taken, after what the spider set itself (kept aside once, so that a retried copy is not guarded twice)."""
    meta = request.meta
    init, methods = meta.setdefault("fp_page_hooks", (meta.get("playwright_page_init_callback"),
                                                      list(meta.get("playwright_page_methods") or [])))

    async def on_page(page, req) -> None:
        if init is not None:
            await init(page, req)
        await guard.attach(page, req)

    meta["playwright_page_init_callback"] = on_page
    meta["playwright_page_methods"] = [*methods, PageMethod(guard.check_dom)]
