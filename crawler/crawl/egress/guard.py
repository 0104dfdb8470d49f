"""The egress policy for Chromium: a forward proxy on loopback that every browser connection goes through.

Playwright's request interception cannot be the guard: its route handler is not called for redirect hops (the
handler "will only be called for the first url if the response is a redirect", Playwright's docs), and a check
made there would be followed by Chromium's own DNS lookup, which a rebinding name can answer differently. So the
browser is given this proxy (per context: one listener per upstream proxy, or none) and never resolves a target
name itself; Playwright adds `<-loopback>` to the bypass list, so loopback goes through it too.

For each CONNECT (https) or absolute-form request (plain http) it refuses the private hosts of `host_refusal`;
then, with an upstream proxy (--proxy, a visitor's proxy), hands the request to it (which resolves the name), or
else resolves the name itself and connects only to an address `address_refusal` allows, the one it checked.
Plain-http requests are one per connection (`Connection: close`), so a kept-alive connection can never carry a
second request to a host that was not checked. A refused request gets a 403 naming the reason in
REFUSAL_HEADER; the refusal is also kept by host for the crawl's error message.
"""

from __future__ import annotations

import base64
import ipaddress
import selectors
import socket
import socketserver
import threading
from urllib.parse import unquote, urlsplit

from crawler.crawl.egress.addresses import address_refusal, host_refusal

REFUSAL_HEADER = "X-Footprint-Egress-Refused"
HEAD_LIMIT = 64 * 1024  # a request head longer than this is refused (Chromium's are a few KiB)
IDLE_TIMEOUT = 60  # seconds a tunnel may carry nothing before it is closed
CONNECT_TIMEOUT = 15
REFUSALS_KEPT = 10_000
# Request headers meant for this hop only: the guard sends its own Connection and the upstream's credentials.
HOP_BY_HOP = (b"connection:", b"proxy-connection:", b"keep-alive:", b"proxy-authorization:")


class GuardRefusal(Exception):
    pass


class EgressGuard:
    """The proxy's listeners (one per upstream) and the refusals they made. `route_for(upstream)` is the proxy URL
    to give the browser for contexts that would use `upstream` ("" for none)."""

    def __init__(self, resolve=socket.getaddrinfo):
        self.resolve = resolve
        self.refusals: dict[str, str] = {}  # host -> why
        self._servers: dict[str, socketserver.ThreadingTCPServer] = {}
        self._lock = threading.Lock()

    def route_for(self, upstream: str) -> str:
        with self._lock:
            server = self._servers.get(upstream)
            if server is None:
                server = _GuardServer(("127.0.0.1", 0), _GuardHandler)
                server.guard, server.upstream = self, upstream
                threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                 name="egress-guard", daemon=True).start()
                self._servers[upstream] = server
            return f"http://127.0.0.1:{server.server_address[1]}"

    def refusal_for(self, url: str) -> str:
        """Why the guard refused (or would refuse without resolving) a URL's host; "" if it did not."""
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
        return host_refusal(host) or self.refusals.get(host, "")

    def check_host(self, host: str) -> None:
        reason = host_refusal(host)
        if reason:
            self._refused(host, reason)

    def connect_direct(self, host: str, port: int) -> socket.socket:
        """A connection to host, resolved here, to an address the policy allows (the one checked)."""
        try:
            answers = self.resolve(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise GuardRefusal(f"cannot resolve {host}: {exc}") from None
        reasons = []
        for family, kind, proto, _, sockaddr in answers:
            reason = address_refusal(ipaddress.ip_address(sockaddr[0].split("%", 1)[0]))
            if reason:
                reasons.append(reason)
                continue
            sock = socket.socket(family, kind, proto)
            sock.settimeout(CONNECT_TIMEOUT)
            try:
                sock.connect(sockaddr)
            except OSError:
                sock.close()
                continue
            return sock
        if reasons:
            self._refused(host, f"{host}, which resolves to {reasons[0]}")
        raise GuardRefusal(f"cannot connect to {host}:{port}")

    def _refused(self, host: str, reason: str) -> None:
        with self._lock:
            if len(self.refusals) >= REFUSALS_KEPT:
                self.refusals.clear()
            self.refusals[host.rstrip(".").lower()] = reason
        raise GuardRefusal(reason)

    def close(self) -> None:
        with self._lock:
            servers, self._servers = list(self._servers.values()), {}
        for server in servers:
            server.shutdown()
            server.server_close()


class _GuardServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    # Chromium opens many connections at once (a page's sub-resources): socketserver's backlog of 5 lets the kernel
    # drop the surplus whenever accepting lags (the GIL is shared with the crawl), each retried only after 1 s; the
    # sandbox web had that stall (docs/stack-notes.md).
    request_queue_size = socket.SOMAXCONN
    guard: EgressGuard
    upstream: str


class _GuardHandler(socketserver.BaseRequestHandler):
    server: _GuardServer

    def handle(self) -> None:
        client = self.request
        client.settimeout(IDLE_TIMEOUT)
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # relayed writes go out as they come
        try:
            head, rest = _read_head(client)
            method, target, version = head.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
            if method.upper() == "CONNECT":
                host, _, port = target.rpartition(":")
                self._tunnel(client, host.strip("[]"), int(port), head, rest)
            else:
                self._forward(client, method, target, version, head, rest)
        except GuardRefusal as exc:
            _refuse(client, str(exc))
        except (OSError, ValueError):
            pass  # a peer gone or a request we cannot read: nothing to answer
        finally:
            client.close()

    def _tunnel(self, client, host: str, port: int, head: bytes, rest: bytes) -> None:
        guard = self.server.guard
        guard.check_host(host)
        if self.server.upstream:
            upstream = _connect_upstream(self.server.upstream)
            upstream.sendall(_with_proxy_auth(head, self.server.upstream) + rest)
        else:
            upstream = guard.connect_direct(host, port)
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            if rest:
                upstream.sendall(rest)
        _pipe(client, upstream)

    def _forward(self, client, method: str, target: str, version: str, head: bytes, rest: bytes) -> None:
        parts = urlsplit(target)
        if parts.scheme != "http" or not parts.hostname:
            raise GuardRefusal(f"not a proxy request: {method} {target[:200]}")
        self.server.guard.check_host(parts.hostname)
        lines = head.split(b"\r\n")[1:]
        kept = [line for line in lines if line and not line.lower().startswith(HOP_BY_HOP)]
        if self.server.upstream:
            upstream = _connect_upstream(self.server.upstream)
            first = f"{method} {target} {version}".encode("latin-1")
            auth = _proxy_auth(self.server.upstream)
            kept += [auth] if auth else []
        else:
            upstream = self.server.guard.connect_direct(parts.hostname, parts.port or 80)
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            first = f"{method} {path} {version}".encode("latin-1")
        upstream.sendall(b"\r\n".join([first, *kept, b"Connection: close", b"", b""]) + rest)
        _send_body_rest(client, upstream, _content_length(lines) - len(rest))
        _pipe(client, upstream, client_done=True)


def _read_head(sock: socket.socket) -> tuple[bytes, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(8192)
        if not chunk:
            raise ValueError("connection closed before a request")
        data += chunk
        if len(data) > HEAD_LIMIT:
            raise GuardRefusal("request head too long")
    head, _, rest = data.partition(b"\r\n\r\n")
    return head + b"\r\n\r\n", rest


def _content_length(lines: list[bytes]) -> int:
    for line in lines:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length" and value.strip().isdigit():
            return int(value.strip())
    return 0


def _send_body_rest(client: socket.socket, upstream: socket.socket, left: int) -> None:
    """The part of a request body (a form's POST) that arrived after the head was read."""
    while left > 0:
        chunk = client.recv(min(left, 65536))
        if not chunk:
            return
        upstream.sendall(chunk)
        left -= len(chunk)


def _connect_upstream(upstream: str) -> socket.socket:
    parts = urlsplit(upstream)
    return socket.create_connection((parts.hostname, parts.port or 8080), timeout=CONNECT_TIMEOUT)


def _proxy_auth(upstream: str) -> bytes:
    parts = urlsplit(upstream)
    if not parts.username:
        return b""
    token = base64.b64encode(f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()).decode()
    return f"Proxy-Authorization: Basic {token}".encode("latin-1")


def _with_proxy_auth(head: bytes, upstream: str) -> bytes:
    """A CONNECT head for the upstream proxy: the browser's own proxy credentials (none) replaced by its."""
    lines = [line for line in head.split(b"\r\n") if line and not line.lower().startswith(b"proxy-authorization:")]
    auth = _proxy_auth(upstream)
    return b"\r\n".join(lines + ([auth] if auth else []) + [b"", b""])


def _refuse(client: socket.socket, reason: str) -> None:
    body = f"refused by footprint's egress policy: {reason}\n".encode()
    header = reason.encode("ascii", "replace")[:500]
    try:
        client.sendall(b"HTTP/1.1 403 Forbidden\r\n" + REFUSAL_HEADER.encode() + b": " + header +
                       b"\r\nContent-Type: text/plain\r\nContent-Length: " + str(len(body)).encode() +
                       b"\r\nConnection: close\r\n\r\n" + body)
    except OSError:
        pass


def _pipe(client: socket.socket, upstream: socket.socket, client_done: bool = False) -> None:
    """Relay bytes both ways until either side closes or both are idle for IDLE_TIMEOUT. `client_done`: relay the
    upstream's answer only (a plain-http request was sent whole; anything more from the client is not relayed)."""
    selector = selectors.DefaultSelector()
    selector.register(upstream, selectors.EVENT_READ, client)
    if not client_done:
        selector.register(client, selectors.EVENT_READ, upstream)
    try:
        while True:
            ready = selector.select(IDLE_TIMEOUT)
            if not ready:
                return
            for key, _ in ready:
                data = key.fileobj.recv(65536)
                if not data:
                    return
                key.data.sendall(data)
    finally:
        selector.close()
        upstream.close()
