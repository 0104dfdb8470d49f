"""The page guard (crawler/crawl/page_guard.py) on DevTools events as Chromium sends them: the body limit counted in
decoded bytes per response, the announced length, streamed media left alone, the rendered DOM's size, crashes."""

from __future__ import annotations

import asyncio

import pytest

from crawler.crawl.page_guard import PageGuard, RenderRefused

LIMIT = 1000


def _response(request_id: str, url: str, headers: dict | None = None, kind: str = "Document") -> dict:
    return {"requestId": request_id, "type": kind, "response": {"url": url, "headers": headers or {}}}


def _data(request_id: str, decoded: int, encoded: int = 0) -> dict:
    return {"requestId": request_id, "dataLength": decoded, "encodedDataLength": encoded}


def _guard() -> PageGuard:
    return PageGuard(lambda: "crashed", max_bytes=LIMIT)


def test_decoded_bytes_are_counted_per_response_up_to_the_limit():
    async def run():
        guard = _guard()
        guard._on_response(_response("1", "https://shop.example/"))
        guard._on_response(_response("2", "https://shop.example/app.js"))
        for _ in range(5):
            guard._on_data(_data("1", 200, encoded=2))  # gzip: few bytes on the wire, many decoded
            guard._on_data(_data("2", 150))
        assert not guard.refused.done()  # near miss: exactly the limit, and two responses under it
        guard._on_data(_data("1", 1, encoded=1))
        assert guard.refused.done()
        return guard.refused.result()

    reason = asyncio.run(run())
    assert reason.startswith("https://shop.example/ passed the 0.0 MiB limit of a page")
    assert "decoded received" in reason


def test_announced_length_over_the_limit_is_refused_at_the_headers():
    async def run():
        guard = _guard()
        guard._on_response(_response("1", "https://shop.example/a", {"content-length": str(LIMIT)}))
        assert not guard.refused.done()
        guard._on_response(_response("2", "https://shop.example/big", {"Content-Length": str(LIMIT + 1)}))
        return guard.refused.result()

    assert "https://shop.example/big announces" in asyncio.run(run())


def test_media_streams_and_unseen_responses_are_not_counted():
    async def run():
        guard = _guard()
        guard._on_response(_response("1", "https://shop.example/clip.mp4", {"content-length": "99999"}, kind="Media"))
        guard._on_data(_data("1", 10 * LIMIT))
        guard._on_data(_data("unseen", 10 * LIMIT))
        return guard.refused.done()

    assert asyncio.run(run()) is False


def test_first_reason_is_kept():
    async def run():
        guard = _guard()
        guard.refuse("first")
        guard.refuse("second")
        return guard.refused.result()

    assert asyncio.run(run()) == "first"


class FakePage:
    def __init__(self, dom_length: int) -> None:
        self.dom_length = dom_length
        self.closed = False

    async def evaluate(self, script: str) -> int:
        assert "outerHTML.length" in script
        return self.dom_length

    def is_closed(self) -> bool:
        return self.closed

    async def close(self) -> None:
        self.closed = True


def test_rendered_dom_over_the_limit_is_refused_and_the_page_closed():
    async def run():
        guard = _guard()
        await guard.check_dom(FakePage(LIMIT))  # near miss: at the limit
        assert not guard.refused.done()
        guard.page = page = FakePage(LIMIT + 1)
        with pytest.raises(RenderRefused, match="the rendered page is .* of HTML, over the"):
            await guard.check_dom(page)
        await guard.close()
        return guard.refused.done(), page.closed

    assert asyncio.run(run()) == (True, True)
