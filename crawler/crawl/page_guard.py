"""A rendered page's size limit, the same as a plain fetch's (MAX_BODY_BYTES), and its refusal when over it or
over its memory budget.

Scrapy stops a plain download past DOWNLOAD_MAXSIZE, counting decoded bytes; nothing stops Chromium: a 50 MB page
took it to 4.0 GiB and a gzip bomb to 5.0 GiB. scrapy-playwright has no size limit, and its hooks see requests
(PLAYWRIGHT_ABORT_REQUEST, route handlers) or whole responses (the `response` event, once its headers are in),
never the body as it arrives. Chromium's DevTools protocol does: in a CDP session of the page, `Network.dataReceived`
reports every chunk of every response with its decoded length (`dataLength`, after Content-Encoding, so a gzip
bomb counts as what it inflates to), and `Network.responseReceived` its announced Content-Length. The guard counts
them per response; past the limit the page is refused: the download fails with RenderRefused, naming the URL and
the bytes, and the page is closed, which stops its loading and frees its renderer. A page whose renderer crashed
(the memory watchdog stops one over its budget, or V8 past its heap limit) is refused the same way, as is a
rendered DOM larger than the limit once serialised (a script can build one from a small page).

Refusals are not retried (the same page would do the same again): the spider records them as the page's error,
with the reason, and the crawl goes on with the site's other pages.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from crawler.config.defaults import MAX_BODY_BYTES

STREAMED_TYPES = ("Media",)  # audio and video arrive in ranges as they play: not one body
_DOM_SIZE = "() => document.documentElement ? document.documentElement.outerHTML.length : 0"


class RenderRefused(Exception):
    """A rendered page refused: a response over the body limit, a renderer over its memory budget or crashed."""


def _mib(n: int) -> str:
    return f"{n / (1 << 20):.1f} MiB"


class PageGuard:
    """Watches one rendered request's page: `attach` is scrapy-playwright's page init callback, `check_dom` a
    page method run before the page's content is taken; `refused` is done, with the reason, once it is over."""

    def __init__(self, crash_reason: Callable[[], str], max_bytes: int = MAX_BODY_BYTES) -> None:
        self.crash_reason = crash_reason
        self.max_bytes = max_bytes
        self.refused: asyncio.Future[str] = asyncio.get_event_loop().create_future()
        self.page = None
        self._received: dict[str, int] = {}
        self._urls: dict[str, str] = {}

    async def attach(self, page, request) -> None:
        self.page = page
        page.on("crash", lambda _page: self.refuse(self.crash_reason()))
        session = await page.context.new_cdp_session(page)
        session.on("Network.responseReceived", self._on_response)
        session.on("Network.dataReceived", self._on_data)
        # This session keeps no copies of bodies for DevTools (the buffers Playwright's own session has anyway).
        await session.send("Network.enable", {"maxTotalBufferSize": 0, "maxResourceBufferSize": 0})

    def refuse(self, reason: str) -> None:
        if not self.refused.done():
            self.refused.set_result(reason)

    def _on_response(self, event: dict) -> None:
        if event.get("type") in STREAMED_TYPES:
            return
        response = event.get("response") or {}
        self._urls[event.get("requestId", "")] = url = response.get("url", "")
        headers = {k.lower(): v for k, v in (response.get("headers") or {}).items()}
        announced = str(headers.get("content-length", "")).strip()
        if announced.isdigit() and int(announced) > self.max_bytes:
            self.refuse(f"{url} announces {_mib(int(announced))} (Content-Length), over the {_mib(self.max_bytes)} "
                        "limit of a page: not rendered")

    def _on_data(self, event: dict) -> None:
        request_id = event.get("requestId", "")
        if request_id not in self._urls:
            return  # a streamed type, or a response this guard did not see begin
        received = self._received[request_id] = self._received.get(request_id, 0) + int(event.get("dataLength", 0))
        if received > self.max_bytes:
            self.refuse(f"{self._urls[request_id]} passed the {_mib(self.max_bytes)} limit of a page "
                        f"({_mib(received)} decoded received): not rendered")

    async def check_dom(self, page) -> None:
        """Refuse a rendered DOM over the limit before scrapy-playwright serialises it into the response."""
        length = await page.evaluate(_DOM_SIZE)
        if length > self.max_bytes:
            message = f"the rendered page is {_mib(length)} of HTML, over the {_mib(self.max_bytes)} limit of a page"
            self.refuse(message)
            raise RenderRefused(message)

    async def close(self) -> None:
        """Close the page if it is still open (a refusal, a deadline), so its renderer stops and its tab's slot is
        free: scrapy-playwright closes it only when the download ends on its own."""
        if self.page is not None and not self.page.is_closed():
            try:
                await asyncio.wait_for(self.page.close(), 10)
            except Exception:  # noqa: BLE001 - the page or the browser may be gone already: nothing left to close
                pass
