"""The egress policy at connect time: the reactor's resolver, answering only with addresses a scan may fetch from.

Scrapy's HTTP/1.1 handler connects to whatever address the reactor's resolver answers (Twisted's HostnameEndpoint
and connectTCP both ask it; neither looks the name up again), so checking the answer here checks the address
actually connected to: a name that answered a public address to some earlier check and a private one now (DNS
rebinding) is refused now. Answers are checked on every lookup, cached or not.

Configured proxies are the exception: their names and addresses are the user's choice (a corporate proxy on
10.0.0.5), and through a proxy a target's name is resolved by the proxy, never here.
"""

from __future__ import annotations

import ipaddress
import urllib.request
from urllib.parse import urlsplit

from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer

from crawler.crawl.egress.addresses import address_refusal

REFUSALS_KEPT = 10_000  # names remembered with their refusal, for the request's error message


def proxy_hosts(settings) -> set[str]:
    """The hosts of every proxy a crawl may connect to: --proxy, the visitors' proxies (FOOTPRINT_PROXY_HOSTS,
    host names only: the job file need not carry their passwords twice), HTTP(S)_PROXY."""
    urls = [settings.get("FOOTPRINT_PROXY", ""), *urllib.request.getproxies().values()]
    hosts = {(urlsplit(u).hostname or "") for u in urls if u} | set(settings.getlist("FOOTPRINT_PROXY_HOSTS"))
    return {h.lower() for h in hosts} - {""}


@implementer(IResolverSimple)
class EgressCheckingResolver(CachingThreadedResolver):
    def __init__(self, reactor, cache_size: int, timeout: float, exempt: set[str] = frozenset(),
                 allow_private: bool = False):
        super().__init__(reactor, cache_size, timeout)
        self.exempt = exempt
        self.allow_private = allow_private
        self.refusals: dict[str, str] = {}  # name -> why, read by the middleware for the request's message

    @classmethod
    def from_crawler(cls, crawler, reactor):
        settings = crawler.settings  # the process's settings: one resolver serves every crawler of the process
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        return cls(reactor, cache_size, settings.getfloat("DNS_TIMEOUT"), proxy_hosts(settings),
                   settings.getbool("FOOTPRINT_ALLOW_PRIVATE"))

    def getHostByName(self, name: str, timeout=()):
        answer = super().getHostByName(name, timeout)
        if self.allow_private or name.lower() in self.exempt:
            return answer
        return answer.addCallback(self._checked, name)

    def _checked(self, address: str, name: str) -> str:
        reason = address_refusal(ipaddress.ip_address(address))
        if reason:
            if len(self.refusals) >= REFUSALS_KEPT:
                self.refusals.clear()
            self.refusals[name.rstrip(".").lower()] = reason
            raise DNSLookupError(f"{name}: refused, resolves to {reason}")
        return address
