"""A test resolver for crawls that connect directly (no proxy): names from FOOTPRINT_TEST_HOSTS (JSON, name ->
address) answer as the table says, as a DNS server under an attacker's control would, and the egress policy's
check applies to the answer as it does to a real one. Used as TWISTED_DNS_RESOLVER in a crawl child's job."""

from __future__ import annotations

import json
import os

from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from crawler.crawl.egress.resolver import EgressCheckingResolver


class TableResolver(EgressCheckingResolver):
    def getHostByName(self, name: str, timeout=()):  # noqa: N802 -- Twisted's name
        table = json.loads(os.environ.get("FOOTPRINT_TEST_HOSTS", "{}"))
        if name not in table:
            return defer.fail(DNSLookupError(f"{name}: not in the test table"))
        answer = defer.succeed(table[name])
        if self.allow_private or name.lower() in self.exempt:
            return answer
        return answer.addCallback(self._checked, name)
