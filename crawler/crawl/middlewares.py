"""Downloader middlewares."""

from __future__ import annotations

from scrapy.downloadermiddlewares.httpproxy import HttpProxyMiddleware
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


class UserNameProxyMiddleware(HttpProxyMiddleware):
    """Scrapy's HttpProxyMiddleware, also for proxies given as ``http://USER@host:port`` with no password.

    Geo-proxy services commonly take the exit country as the user name alone; Scrapy 2.19 then unquotes a missing
    password (None) and every request fails with a TypeError, leaving the channel "not assessed". A missing password
    is an empty one, as curl and browsers read it.
    """

    def _basic_auth_header(self, username: str, password: str | None) -> bytes:
        return super()._basic_auth_header(username, password or "")
