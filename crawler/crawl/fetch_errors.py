"""A failed fetch in words: what the report, the archive and the terminal say about it.

Twisted and Scrapy name failures by exception class and sometimes quote bytes ("TunnelError: Could not open CONNECT
tunnel with proxy 10.0.0.1:3128 [{'status': 502, 'reason': b'Bad Gateway'}]"). A reader needs the sentence: what
failed and, where it helps, what to check. Failures we do not know keep their own message, never a class name.
"""

from __future__ import annotations

import re

from scrapy.core.downloader.handlers.http11 import TunnelError
from scrapy.exceptions import IgnoreRequest
from twisted.internet import error as net
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler.config.limits import plain_error

# Most specific first: DNSLookupError is a ConnectError, TCPTimedOutError a TimeoutError.
_WORDS = (
    (net.DNSLookupError, "the host name could not be resolved"),
    (net.ConnectionRefusedError, "the server refused the connection"),
    ((net.TCPTimedOutError, net.TimeoutError), "no answer in time"),
    (net.NoRouteError, "no route to the server"),
    ((net.SSLError, net.CertificateError, net.VerifyError), "the secure (TLS) connection could not be set up"),
    (ResponseNeverReceived, "the connection closed before any response"),
    ((ResponseFailed, net.ConnectionLost, net.ConnectionDone), "the connection broke off during the response"),
    (net.ConnectError, "the connection could not be made"),
)
_TUNNEL = re.compile(r"proxy (?P<proxy>\S+) \[\{'status': (?P<status>\d+), 'reason': b?['\"](?P<reason>[^'\"]*)")


def fetch_error(failure) -> str:
    """The failure of one request as a sentence (a Twisted Failure)."""
    if failure.check(TunnelError):
        m = _TUNNEL.search(failure.getErrorMessage())
        if m:
            return (f"the proxy {m['proxy']} would not connect to the site (HTTP {m['status']} "
                    f"{m['reason']})").replace(" )", ")")
        return "the proxy would not connect to the site"
    for kinds, words in _WORDS:
        if failure.check(*kinds if isinstance(kinds, tuple) else (kinds,)):
            return words
    message = plain_error(failure.getErrorMessage()) if failure.getErrorMessage() else ""
    if message:
        return message
    return "the request was skipped" if failure.check(IgnoreRequest) else "the fetch failed"
