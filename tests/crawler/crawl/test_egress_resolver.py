"""The egress policy in Scrapy: the middleware refuses a request (and each redirect hop) by its URL's host, and
the resolver refuses a name by the address it answers with, on every lookup, so a name that answered a public
address once and a private one now (DNS rebinding) is refused now."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import CannotResolveHostError
from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from crawler.crawl.egress.middleware import EgressPolicyMiddleware, EgressRefused
from crawler.crawl.egress.resolver import EgressCheckingResolver


class FakeReactor:
    def getThreadPool(self):  # noqa: N802 -- Twisted's name
        return None


@pytest.fixture
def answers(monkeypatch):
    """The system resolver's answers, one per lookup, in order."""
    queue: list[str] = []

    def lookup(self, name, timeout=()):
        return defer.succeed(queue.pop(0))

    monkeypatch.setattr(CachingThreadedResolver, "getHostByName", lookup)
    return queue


def _resolve(resolver, name):
    outcome = []
    resolver.getHostByName(name).addBoth(outcome.append)
    return outcome[0]


def test_a_rebinding_name_is_refused_when_it_answers_a_private_address(answers):
    resolver = EgressCheckingResolver(FakeReactor(), 0, 5)
    answers += ["93.184.215.14", "127.0.0.1"]
    assert _resolve(resolver, "rebind.example") == "93.184.215.14"
    refused = _resolve(resolver, "rebind.example")
    assert refused.check(DNSLookupError)
    assert resolver.refusals == {"rebind.example": "a loopback address 127.0.0.1"}


def test_proxies_and_the_opt_in_are_let_through(answers):
    answers += ["10.0.0.5", "192.168.1.1"]
    assert _resolve(EgressCheckingResolver(FakeReactor(), 0, 5, exempt={"proxy.corp"}), "proxy.corp") == "10.0.0.5"
    assert _resolve(EgressCheckingResolver(FakeReactor(), 0, 5, allow_private=True), "staging.corp") == "192.168.1.1"


def test_the_middleware_refuses_a_redirect_hop_naming_where_it_came_from():
    middleware = EgressPolicyMiddleware()
    hop = Request("http://0x7f.1:8080/admin", meta={"redirect_urls": ["https://firm.example/go"]})
    with pytest.raises(EgressRefused, match=r"^refused: redirect from https://firm.example/go to a loopback "
                                            r"address 127.0.0.1$"):
        middleware.process_request(hop)
    assert middleware.process_request(Request("https://firm.example/about/")) is None  # near miss


def test_the_middleware_gives_a_resolver_refusal_as_the_requests_reason():
    middleware = EgressPolicyMiddleware(lambda: {"rebind.example": "a private address 10.0.0.1"})
    request = Request("http://rebind.example/")
    with pytest.raises(EgressRefused, match="request to rebind.example, which resolves to a private address"):
        middleware.process_exception(request, DNSLookupError("rebind.example"))
    # An ordinary lookup failure stays what it is.
    assert middleware.process_exception(Request("http://gone.example/"), CannotResolveHostError("gone")) is None
