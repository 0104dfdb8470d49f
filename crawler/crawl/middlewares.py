"""Downloader middlewares."""

from __future__ import annotations

from scrapy.exceptions import NotConfigured


class ForcedProxyMiddleware:
    """Sends every request through FOOTPRINT_PROXY (--proxy), robots.txt and sitemaps included.

    Setting `meta['proxy']` only in the spider would leave the robots.txt requests Scrapy makes itself going
    direct (docs/stack-notes.md); a middleware before HttpProxyMiddleware covers them all. Without --proxy, Scrapy's
    own HttpProxyMiddleware still honours HTTP_PROXY / HTTPS_PROXY / NO_PROXY.
    """

    def __init__(self, proxy: str):
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler):
        proxy = crawler.settings.get("FOOTPRINT_PROXY")
        if not proxy:
            raise NotConfigured
        return cls(proxy)

    def process_request(self, request, spider=None):
        request.meta.setdefault("proxy", self.proxy)
