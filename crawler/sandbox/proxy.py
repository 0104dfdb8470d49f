"""The forward HTTP(S) proxy itself: parse a request, ask the web behind it for the answer, write it back.

Plain HTTP arrives in absolute form (``GET http://host/path``); HTTPS arrives as CONNECT and is served inside
the tunnel with a throw-away certificate for the host. The proxy user name (``Proxy-Authorization: Basic``) is
the visitor, as geo-proxies use it. Connections are kept alive, so every answer leaves in one write on a socket
with Nagle's algorithm off: a status line and a body in separate small segments would otherwise wait for the
client's delayed ACK (~40 ms per response).
"""

from __future__ import annotations

import base64
import binascii
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol
from urllib.parse import urlsplit

from crawler.sandbox.answers import Answer, html_page, normalise_host
from crawler.sandbox.rules import SandboxConfigError

IDLE_TIMEOUT = 30  # seconds a keep-alive connection may sit idle before its thread gives up

# A peer vanishing mid-request is normal for a proxy (crawler cancelled, browser closed): not worth a
# traceback. OSError covers resets, broken pipes, timeouts and TLS failures.
_QUIET_ERRORS = (OSError,)


class RequestLog:
    """Thread-safe, append-only record of the requests served (list-like for reading)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[dict[str, Any]] = []

    def append(self, item: dict[str, Any]) -> None:
        with self._lock:
            self._items.append(item)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def snapshot(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._items)

    def __iter__(self):
        return iter(self.snapshot())

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __getitem__(self, index):
        with self._lock:
            return self._items[index]

    def __repr__(self) -> str:
        return f"RequestLog({self.snapshot()!r})"


class ProxiedWeb(Protocol):
    """What the proxy asks of the web behind it (``SandboxWeb``): kept as a protocol so this module needs
    nothing from ``web.py``, which starts the proxy."""

    requests: RequestLog
    require_proxy_user: bool

    def knows_host(self, host: str) -> bool: ...

    def tls_context_for(self, host: str) -> ssl.SSLContext: ...

    def answer(self, host: str, url: str, path: str, query: str, visitor: str, accept_language: str) -> Answer: ...


class ProxyHandler(BaseHTTPRequestHandler):
    """One client connection: plain proxied requests, or a CONNECT tunnel and the requests inside it."""

    protocol_version = "HTTP/1.1"  # keep-alive: Scrapy and browsers reuse connections
    server_version = "footprint-sandbox"
    sys_version = ""
    timeout = IDLE_TIMEOUT
    # TCP_NODELAY on the accepted socket (set in setup()); the TLS socket of a tunnel wraps the same descriptor,
    # so it holds inside CONNECT tunnels too.
    disable_nagle_algorithm = True
    server: ProxyServer

    # Set by a successful CONNECT; every later request on this connection belongs to the tunnel.
    tunnel_host: str | None = None
    tunnel_port: int = 443
    tunnel_scheme: str = "https"
    tunnel_visitor: str = ""

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet by design: tests read .requests instead

    def handle(self) -> None:
        try:
            super().handle()
        except _QUIET_ERRORS:
            pass

    def finish(self) -> None:
        try:
            super().finish()
        except _QUIET_ERRORS:
            pass
        if self.tunnel_host is not None:
            # The TLS socket replaced self.request, which socketserver will close; close ours too.
            try:
                self.connection.close()
            except OSError:
                pass

    # -- CONNECT ------------------------------------------------------------------------------------

    def do_CONNECT(self) -> None:
        host, _, port = self.path.rpartition(":")
        if not host or not port.isdigit():
            host, port = self.path, "443"
        host = normalise_host(host)
        if self.tunnel_host is not None or not self.server.web.knows_host(host):
            # How a real proxy reports an unreachable host: refuse the tunnel and hang up.
            self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            self.close_connection = True
            return
        visitor = _visitor(self.headers.get("Proxy-Authorization", ""))
        if self._challenged(visitor):
            return
        self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        self.wfile.flush()
        self.tunnel_host, self.tunnel_port = host, int(port)
        self.tunnel_visitor = visitor
        self._enter_tunnel()

    def _enter_tunnel(self) -> None:
        # Peek rather than assume: CONNECT to port 80 (websockets, some tools) carries plain HTTP.
        first = self.connection.recv(1, socket.MSG_PEEK)
        if not first:
            self.close_connection = True
            return
        if first == b"\x16":  # TLS handshake record
            context = self.server.web.tls_context_for(self.tunnel_host or "")
            self.connection = context.wrap_socket(self.connection, server_side=True)
            self.tunnel_scheme = "https"
        else:
            self.tunnel_scheme = "http"
        for stream in (self.rfile, self.wfile):
            try:
                stream.close()
            except OSError:
                pass
        self.rfile = self.connection.makefile("rb", self.rbufsize)
        self.wfile = self.connection.makefile("wb")
        # http.client sends CONNECT as HTTP/1.0, which would otherwise end the connection here.
        self.close_connection = False

    # -- ordinary requests --------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def do_POST(self) -> None:
        self._serve(send_body=True)

    def _serve(self, send_body: bool) -> None:
        arrived = time.monotonic()  # the per-host gaps a politeness test measures
        self._drain_body()
        host, url, path, query = self._target()
        visitor = (
            self.tunnel_visitor
            if self.tunnel_host is not None
            else _visitor(self.headers.get("Proxy-Authorization", ""))
        )
        if self.tunnel_host is None and self._challenged(visitor):
            return
        if host is None:
            answer = Answer(400, html_page(400, "Bad Request", "No host in request."))
        else:
            try:
                answer = self.server.web.answer(
                    host, url, path, query, visitor, self.headers.get("Accept-Language", "")
                )
            except SandboxConfigError as exc:
                answer = Answer(500, html_page(500, "Sandbox configuration error", str(exc)))
        self.server.web.requests.append(
            {
                "method": self.command,
                "url": url,
                "headers": _lower_headers(self.headers),
                "visitor": visitor,
                "status": answer.status,
                "at": arrived,
            }
        )
        self._send(answer, send_body)

    def _challenged(self, visitor: str) -> bool:
        """Answer 407 (keeping the connection, as browsers retry on it with credentials) when a user is required."""
        if visitor or not self.server.web.require_proxy_user:
            return False
        self.server.web.requests.append({"method": self.command, "url": self.path,
                                         "headers": _lower_headers(self.headers), "visitor": "", "status": 407})
        self.wfile.write(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                         b'Proxy-Authenticate: Basic realm="sandbox geo-proxy"\r\nContent-Length: 0\r\n\r\n')
        self.wfile.flush()
        return True

    def _target(self) -> tuple[str | None, str, str, str]:
        """(host, absolute url, raw path, raw query) for absolute-form, origin-form and tunnelled requests."""
        parts = urlsplit(self.path)
        path = parts.path or "/"
        if parts.scheme and parts.netloc:  # absolute-form: a proxied plain-HTTP request
            return normalise_host(parts.netloc), self.path, path, parts.query
        if self.tunnel_host is not None:
            netloc = self.tunnel_host
            if self.tunnel_port != (443 if self.tunnel_scheme == "https" else 80):
                netloc = f"{netloc}:{self.tunnel_port}"
            return self.tunnel_host, f"{self.tunnel_scheme}://{netloc}{self.path}", path, parts.query
        host_header = self.headers.get("Host", "")  # origin-form sent straight to us, not via a proxy
        if not host_header:
            return None, self.path, path, parts.query
        return normalise_host(host_header), f"http://{host_header}{self.path}", path, parts.query

    def _drain_body(self) -> None:
        # Unread request bodies would be parsed as the next request on a kept-alive connection.
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self.close_connection = True
            return
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > 0:
            self.rfile.read(int(length))

    def _send(self, answer: Answer, send_body: bool) -> None:
        extra = {name: value for name, value in answer.headers.items() if name.lower() != "content-length"}
        given = {name.lower() for name in extra}
        # send_response() without its Server and Date when the answer has its own (a replayed response does).
        self.log_request(answer.status)
        self.send_response_only(answer.status)
        if "server" not in given:
            self.send_header("Server", self.version_string())
        if "date" not in given:
            self.send_header("Date", self.date_time_string())
        if "content-type" not in given:  # a rule may override the type
            self.send_header("Content-Type", answer.content_type)
        streamed = answer.chunks is not None
        if not streamed or answer.length is not None:
            self.send_header("Content-Length", str(answer.length if streamed else len(answer.body)))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        for name, value in extra.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        # end_headers() would write the head on its own, and the body would follow in a second write; the
        # buffered head and the body go out together instead (the HTTP/0.9 rule is end_headers()'s own).
        head = b""
        if self.request_version != "HTTP/0.9":
            self._headers_buffer.append(b"\r\n")
            head, self._headers_buffer = b"".join(self._headers_buffer), []
        data = head + answer.body if send_body and not streamed else head
        if data:
            self.wfile.write(data)
        if streamed and send_body:
            self._stream(answer)

    def _stream(self, answer: Answer) -> None:
        """Write a streamed body as it is made; a client that stops reading (a size limit) ends it with an
        OSError, quietly, like any peer that hangs up."""
        chunked = answer.length is None
        for chunk in answer.chunks or ():
            if chunk:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")


class ProxyServer(ThreadingHTTPServer):
    """The listening socket: one daemon thread per connection, quiet about clients that hang up."""

    daemon_threads = True  # idle keep-alive connections must not keep the process (or stop()) waiting
    # socketserver's listen backlog is 5: a crawler opening more connections at once than the accept loop takes
    # (Scrapy through a proxy does, the accept loop sharing the GIL with the handlers) had its surplus SYNs dropped,
    # each retried by the kernel only after 1 s. The system's maximum instead (net.core.somaxconn caps it).
    request_queue_size = socket.SOMAXCONN
    web: ProxiedWeb

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, _QUIET_ERRORS):
            return
        super().handle_error(request, client_address)


def _visitor(proxy_authorization: str) -> str:
    """User name of a ``Proxy-Authorization: Basic`` header, or ''."""
    scheme, _, token = proxy_authorization.strip().partition(" ")
    if scheme.lower() != "basic" or not token:
        return ""
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return ""
    return decoded.partition(":")[0]


def _lower_headers(headers: Any) -> dict[str, str]:
    result: dict[str, str] = {}
    for name, value in headers.items():
        key = name.lower()
        result[key] = f"{result[key]}, {value}" if key in result else value
    return result
