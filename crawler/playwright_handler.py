"""scrapy-playwright's download handler with a deadline on every rendered request.

After a browser crash, a request on the dying context can wait for ever: the driver never answers the new-page
call and scrapy-playwright sets no deadline on it (seen in 3 runs of 10 of tests/test_browser_crash.py). A
deadline turns that into a download timeout, which Scrapy retries in the relaunched browser.
"""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DownloadTimeoutError
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

NAVIGATION_TIMEOUT_MS = 30_000
DEADLINE_S = NAVIGATION_TIMEOUT_MS / 1000 + 15  # navigation, plus the time a page may take to be created


class DeadlinePlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    async def download_request(self, request):
        if not request.meta.get("playwright"):
            return await super().download_request(request)
        try:
            return await asyncio.wait_for(super().download_request(request), DEADLINE_S)
        except TimeoutError:
            raise DownloadTimeoutError(f"rendering {request.url} took over {DEADLINE_S:.0f} s "
                                       "(browser crashed or hung); retried") from None
