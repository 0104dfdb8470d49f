"""Clients for the sandbox tests: urllib through the proxy, and http.client through a CONNECT tunnel."""

from __future__ import annotations

import http.client
import ssl
import urllib.error
import urllib.request

from crawler.sandbox import SandboxWeb


def unverified_tls() -> ssl.SSLContext:
    """A client context that accepts the sandbox's self-signed certificates."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands a redirect back as the response instead of following it."""

    def redirect_request(self, *args, **kwargs):
        return None


def fetch(web: SandboxWeb, url: str, visitor: str | None = None, headers=None, method="GET", follow=True):
    """(status, headers, body) of url fetched through the sandbox proxy with urllib."""
    proxy = web.url if visitor is None else web.url.replace("http://", f"http://{visitor}:pw@")
    handlers = [
        urllib.request.ProxyHandler({"http": proxy, "https": proxy}),
        urllib.request.HTTPSHandler(context=unverified_tls()),
    ]
    if not follow:
        handlers.append(NoRedirect())
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        with err:
            return err.code, err.headers, err.read()


def tunnel(web: SandboxWeb, host: str, auth: str | None = None) -> http.client.HTTPSConnection:
    """An HTTPS connection to host through a CONNECT tunnel of the proxy (auth: a Proxy-Authorization value)."""
    conn = http.client.HTTPSConnection("127.0.0.1", web.port, context=unverified_tls(), timeout=10)
    conn.set_tunnel(host, 443, headers={"Proxy-Authorization": auth} if auth else None)
    return conn
