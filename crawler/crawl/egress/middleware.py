"""The egress policy's downloader middleware: every request is checked by its URL's host before it is downloaded.

It sits before RobotsTxtMiddleware (100), so a refused host's robots.txt is never asked for either, and it sees
every redirect hop, because Scrapy's RedirectMiddleware hands each hop back to the engine as a new request. A name
is checked when it is resolved (resolver.py); the refusal the resolver recorded becomes this request's reason.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from scrapy.exceptions import CannotResolveHostError, IgnoreRequest, NotConfigured
from twisted.internet.error import DNSLookupError

from crawler.crawl.egress.addresses import url_refusal

# What a lookup the resolver refused surfaces as: Twisted's error, which Scrapy's HTTP/1.1 handler wraps in its own.
LOOKUP_FAILURES = (DNSLookupError, CannotResolveHostError)


class EgressRefused(IgnoreRequest):
    """A request the egress policy refused: never sent. The message says which hop and why."""


def hop(request) -> str:
    """How the scan came to ask for a request's URL, for the refusal message."""
    previous = request.meta.get("redirect_urls") or []
    return f"redirect from {previous[-1]} to" if previous else "request to"


def _reactor_resolver_refusals() -> dict[str, str]:
    # Looked up when needed: CrawlerProcess installs the resolver after the crawlers (and this middleware) exist.
    from twisted.internet import reactor

    return getattr(reactor.resolver, "refusals", {})


class EgressPolicyMiddleware:
    def __init__(self, resolver_refusals: Callable[[], dict[str, str]] = _reactor_resolver_refusals):
        self.resolver_refusals = resolver_refusals

    @classmethod
    def from_crawler(cls, crawler):
        if crawler.settings.getbool("FOOTPRINT_ALLOW_PRIVATE"):
            raise NotConfigured
        return cls()

    def process_request(self, request, spider=None):
        reason = url_refusal(request.url)
        if reason:
            raise EgressRefused(f"refused: {hop(request)} {reason}")

    def process_exception(self, request, exception, spider=None):
        if isinstance(exception, LOOKUP_FAILURES):
            host = urlsplit(request.url).hostname or ""
            reason = self.resolver_refusals().get(host.rstrip(".").lower())
            if reason:
                raise EgressRefused(f"refused: {hop(request)} {host}, which resolves to {reason}") from None
