"""The pages spider: a fixed list of URLs for channels that are not websites (app-store lookups per storefront,
social profile pages), fetched as they are, no link following, except a Telegram preview's "older posts" pages.

Each fetch becomes the same capture item as the website spider's, so the archive and the judging are shared.
"""

from __future__ import annotations

import sys

import scrapy

from crawler.crawl.spiders.website import WebsiteSpider
from detectors.social.telegram import parse_preview


class PagesSpider(WebsiteSpider):
    name = "pages"

    def __init__(self, *args, follow: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.follow = follow  # "telegram": follow the preview's older-posts link, within max_pages

    async def start(self):
        for url in self.start_urls_:
            self.scheduled.add(url)
            yield self._request(url, self.visitors[0], depth=0)

    async def parse(self, response):
        item, _ = await self._capture(response)
        yield item
        if self.follow == "telegram" and response.status < 400:
            page = parse_preview(response.body, response.url)
            older = page.older_url
            if older and older not in self.scheduled and len(self.scheduled) < self.max_pages:
                self.scheduled.add(older)
                if self.progress:
                    print(f"  [{self.channel}] following older posts {older}", file=sys.stderr, flush=True)
                yield scrapy.Request(older, callback=self.parse, errback=self.on_error,
                                     meta={"fp_depth": response.meta.get("fp_depth", 0) + 1,
                                           "fp_referrer": response.url}, dont_filter=True)
