"""crawler/crawl/fetch_errors.py: failed fetches are told in sentences, never by exception class or bytes repr."""

from __future__ import annotations

import re

import pytest
from scrapy.core.downloader.handlers.http11 import TunnelError
from scrapy.exceptions import IgnoreRequest
from twisted.internet import error as net
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

from crawler.config.limits import plain_error
from crawler.crawl.fetch_errors import fetch_error

PYTHON_TRACES = re.compile(r"\b[A-Z][A-Za-z]+(Error|Exception|Failed|Received)\b|\bb'")


def _failure(exc: BaseException) -> Failure:
    try:
        raise exc
    except BaseException:
        return Failure()


@pytest.mark.parametrize(("exc", "words"), [
    (TunnelError("Could not open CONNECT tunnel with proxy 10.1.2.3:3128 [{'status': 502, 'reason': b'Bad Gateway'}]"),
     "the proxy 10.1.2.3:3128 would not connect to the site (HTTP 502 Bad Gateway)"),
    (TunnelError("Could not open CONNECT tunnel with proxy p:1 [{'status': 407, 'reason': b''}]"),
     "the proxy p:1 would not connect to the site (HTTP 407)"),
    (net.DNSLookupError("gone.example"), "the host name could not be resolved"),
    (net.ConnectionRefusedError(), "the server refused the connection"),
    (net.TCPTimedOutError(), "no answer in time"),
    (net.TimeoutError(), "no answer in time"),
    (ResponseNeverReceived([Failure(net.ConnectionLost())]), "the connection closed before any response"),
    (IgnoreRequest("Forbidden by robots.txt"), "Forbidden by robots.txt"),  # a sentence already: kept
    (ValueError("odd value b'x' in header"), "odd value 'x' in header"),  # unknown: its message, no bytes repr
])
def test_each_failure_reads_as_a_sentence(exc, words):
    message = fetch_error(_failure(exc))
    assert message == words
    assert not PYTHON_TRACES.search(message)


@pytest.mark.parametrize(("line", "words"), [
    ("KeyError: 'channel'", "'channel'"),
    ("builtins.MemoryError", "an unexpected error"),
    ("twisted.internet.error.ConnectionLost: Connection to the other side was lost", "Connection to the other side "
                                                                                     "was lost"),
    ("crawl failed: website:x: the proxy said b'no'", "crawl failed: website:x: the proxy said 'no'"),
    ("Errors happen", "Errors happen"),  # near miss: a sentence that begins with a capital word is left alone
])
def test_a_python_processs_last_line_loses_its_class_name(line, words):
    assert plain_error(line) == words
