"""Sandbox web: a local forward HTTP(S) proxy that answers for made-up hosts from files.

Tests and the demo route every fetch through it, so the crawler runs its production code path with only
the proxy swapped. Content comes from ``ROOT/<host>/<path>``; an optional ``ROOT/<host>/_sandbox.yaml`` holds
rules that vary the answer by visitor (proxy user name, as geo-proxies use it) or Accept-Language. HTTPS
arrives as CONNECT and is served inside the tunnel with a throw-away self-signed certificate (clients here
do not verify it).

Replay: ROOT may instead be a footprint capture archive (``*.warc.gz`` / ``*.warc``). Then every raw HTTP response
in it answers again, for the visitor who fetched it (else the baseline's, else the first capture of the URL), so a
captured crawl can be re-crawled offline. A redirect followed in the original crawl answers as a 302 from the
requested URL to the final one; rendered DOMs and failed fetches are not served; a URL not in the archive is a
404, a host not in it a 502 (as an unreachable host).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import html
import mimetypes
import socket
import ssl
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

__all__ = [
    "ArchiveReplay",
    "RequestLog",
    "Rule",
    "SandboxConfigError",
    "SandboxWeb",
    "is_archive_path",
    "load_rules",
    "replay_key",
    "serve_forever",
]

RULES_FILE = "_sandbox.yaml"
CERT_COMMON_NAME = "footprint sandbox web"
IDLE_TIMEOUT = 30  # seconds a keep-alive connection may sit idle before its thread gives up
ARCHIVE_SUFFIXES = (".warc.gz", ".warc")

# Built-in table only: /etc/mime.types differs between machines and would make answers machine-dependent.
_MIME = mimetypes.MimeTypes()
_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}
# A peer vanishing mid-request is normal for a proxy (crawler cancelled, browser closed): not worth a
# traceback. OSError covers resets, broken pipes, timeouts and TLS failures.
_QUIET_ERRORS = (OSError,)


class SandboxConfigError(ValueError):
    """A ``_sandbox.yaml`` file is malformed; the message names the file and the offending key."""


# ---------------------------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class Rule:
    """One entry of ``rules:`` in a host's ``_sandbox.yaml``."""

    path: str
    visitor: tuple[str, ...] = ()
    accept_language: tuple[str, ...] = ()
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    redirect: str | None = None
    file: str | None = None
    body: str | None = None

    def matches(self, path: str, visitor: str, accept_language: str) -> bool:
        if self.path.endswith("*"):
            if not path.startswith(self.path[:-1]):
                return False
        elif path != self.path:
            return False
        if self.visitor and visitor.lower() not in self.visitor:
            return False
        if self.accept_language:
            tag = _first_language(accept_language)
            return any(tag == want or tag.startswith(want + "-") for want in self.accept_language)
        return True


_RULE_KEYS = {"path", "when", "status", "headers", "redirect", "file", "body"}
_WHEN_KEYS = {"visitor", "accept_language"}


def load_rules(path: str | Path) -> list[Rule]:
    """Parse and validate a ``_sandbox.yaml`` file; raise SandboxConfigError on any mistake."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SandboxConfigError(f"{path}: not valid YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, dict):
        raise SandboxConfigError(f"{path}: top level must be a mapping with a 'rules' key")
    for key in data:
        if key != "rules":
            raise SandboxConfigError(f"{path}: unknown key {key!r} (only 'rules' is allowed)")
    entries = data.get("rules") or []
    if not isinstance(entries, list):
        raise SandboxConfigError(f"{path}: 'rules' must be a list")
    return [_parse_rule(path, i, entry) for i, entry in enumerate(entries)]


def _parse_rule(path: Path, index: int, entry: Any) -> Rule:
    where = f"{path}: rules[{index}]"
    if not isinstance(entry, dict):
        raise SandboxConfigError(f"{where} must be a mapping")
    for key in entry:
        if key not in _RULE_KEYS:
            raise SandboxConfigError(
                f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(_RULE_KEYS))})"
            )
    rule_path = entry.get("path")
    if not isinstance(rule_path, str) or not rule_path.startswith("/"):
        raise SandboxConfigError(f"{where}: 'path' is required and must be a string starting with '/'")
    when = entry.get("when") or {}
    if not isinstance(when, dict):
        raise SandboxConfigError(f"{where}: 'when' must be a mapping")
    for key in when:
        if key not in _WHEN_KEYS:
            raise SandboxConfigError(f"{where}: unknown key 'when.{key}' (allowed: visitor, accept_language)")
    status = entry.get("status")
    if status is not None and (type(status) is not int or not 100 <= status <= 599):
        raise SandboxConfigError(f"{where}: 'status' must be an integer HTTP status")
    if entry.get("file") is not None and entry.get("body") is not None:
        raise SandboxConfigError(f"{where}: give 'file' or 'body', not both")
    return Rule(
        path=rule_path,
        visitor=_string_list(where, "when.visitor", when.get("visitor")),
        accept_language=_string_list(where, "when.accept_language", when.get("accept_language")),
        status=status,
        headers=_headers(where, entry.get("headers")),
        redirect=_optional_str(where, "redirect", entry.get("redirect")),
        file=_rule_file(where, entry.get("file")),
        body=_optional_str(where, "body", entry.get("body")),
    )


def _string_list(where: str, key: str, value: Any) -> tuple[str, ...]:
    # A list lets one rule cover several countries, e.g. visitor: [DE, FR, IT].
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    if not values or not all(isinstance(v, str) and v for v in values):
        raise SandboxConfigError(f"{where}: '{key}' must be a non-empty string or a list of them")
    return tuple(v.lower() for v in values)


def _headers(where: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str | int | float) and not isinstance(v, bool)
        for k, v in value.items()
    ):
        raise SandboxConfigError(f"{where}: 'headers' must map header names to strings")
    return {k: str(v) for k, v in value.items()}


def _optional_str(where: str, key: str, value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise SandboxConfigError(f"{where}: '{key}' must be a string")
    return value


def _rule_file(where: str, value: Any) -> str | None:
    value = _optional_str(where, "file", value)
    if value is not None and (value.startswith("/") or ".." in Path(value).parts):
        raise SandboxConfigError(f"{where}: 'file' must be a path inside the host directory")
    return value


def _first_language(accept_language: str) -> str:
    first = accept_language.split(",", 1)[0]
    return first.split(";", 1)[0].strip().lower()


class _RuleCache:
    """Rules per host, re-read when the file changes so tests can edit them while the server runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[tuple[int, int], list[Rule]]] = {}

    def get(self, path: Path) -> list[Rule]:
        try:
            st = path.stat()
        except FileNotFoundError:
            return []
        stamp = (st.st_mtime_ns, st.st_size)
        with self._lock:
            cached = self._cache.get(path)
        if cached and cached[0] == stamp:
            return cached[1]
        rules = load_rules(path)
        with self._lock:
            self._cache[path] = (stamp, rules)
        return rules


# ---------------------------------------------------------------------------------------------- TLS


def _make_tls_context(hostname: str = "") -> ssl.SSLContext:
    """A server context with a fresh self-signed EC P-256 certificate (never written anywhere lasting).

    With a host name the certificate names it (subjectAltName), so clients that check the name against the
    certificate (Scrapy warns, browsers refuse) see what they would see on the real site, bar the trust chain.
    """
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CERT_COMMON_NAME)])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
    )
    if hostname:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), critical=False)
    cert = builder.sign(key, hashes.SHA256())
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    # Only HTTP/1.1 is spoken inside the tunnel; say so, or browsers may try h2.
    ctx.set_alpn_protocols(["http/1.1"])
    # load_cert_chain only takes file names: write them to a private temp dir and delete at once.
    with tempfile.TemporaryDirectory(prefix="footprint-sandbox-") as tmp:
        pem = Path(tmp) / "cert.pem"
        pem.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            + cert.public_bytes(serialization.Encoding.PEM)
        )
        ctx.load_cert_chain(pem)
    return ctx


# ---------------------------------------------------------------------------------------------- request log


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


# ---------------------------------------------------------------------------------------------- handler


@dataclass
class _Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # extra headers, e.g. from a rule
    content_type: str = "text/html; charset=utf-8"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: Scrapy and browsers reuse connections
    server_version = "footprint-sandbox"
    sys_version = ""
    timeout = IDLE_TIMEOUT
    server: _Server

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
        host = _normalise_host(host)
        if self.tunnel_host is not None or not self.server.web.knows_host(host):
            # How a real proxy reports an unreachable host: refuse the tunnel and hang up.
            self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            self.close_connection = True
            return
        self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
        self.wfile.flush()
        self.tunnel_host, self.tunnel_port = host, int(port)
        self.tunnel_visitor = _visitor(self.headers.get("Proxy-Authorization", ""))
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
        self._drain_body()
        host, url, path, query = self._target()
        visitor = (
            self.tunnel_visitor
            if self.tunnel_host is not None
            else _visitor(self.headers.get("Proxy-Authorization", ""))
        )
        if host is None:
            answer = _Answer(400, _html_page(400, "Bad Request", "No host in request."))
        else:
            try:
                answer = self.server.web._answer(
                    host, url, path, query, visitor, self.headers.get("Accept-Language", "")
                )
            except SandboxConfigError as exc:
                answer = _Answer(500, _html_page(500, "Sandbox configuration error", str(exc)))
        self.server.web.requests.append(
            {
                "method": self.command,
                "url": url,
                "headers": _lower_headers(self.headers),
                "visitor": visitor,
                "status": answer.status,
            }
        )
        self._send(answer, send_body)

    def _target(self) -> tuple[str | None, str, str, str]:
        """(host, absolute url, raw path, raw query) for absolute-form, origin-form and tunnelled requests."""
        parts = urlsplit(self.path)
        path = parts.path or "/"
        if parts.scheme and parts.netloc:  # absolute-form: a proxied plain-HTTP request
            return _normalise_host(parts.netloc), self.path, path, parts.query
        if self.tunnel_host is not None:
            netloc = self.tunnel_host
            if self.tunnel_port != (443 if self.tunnel_scheme == "https" else 80):
                netloc = f"{netloc}:{self.tunnel_port}"
            return self.tunnel_host, f"{self.tunnel_scheme}://{netloc}{self.path}", path, parts.query
        host_header = self.headers.get("Host", "")  # origin-form sent straight to us, not via a proxy
        if not host_header:
            return None, self.path, path, parts.query
        return _normalise_host(host_header), f"http://{host_header}{self.path}", path, parts.query

    def _drain_body(self) -> None:
        # Unread request bodies would be parsed as the next request on a kept-alive connection.
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self.close_connection = True
            return
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > 0:
            self.rfile.read(int(length))

    def _send(self, answer: _Answer, send_body: bool) -> None:
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
        self.send_header("Content-Length", str(len(answer.body)))
        for name, value in extra.items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if send_body and answer.body:
            self.wfile.write(answer.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # idle keep-alive connections must not keep the process (or stop()) waiting
    web: SandboxWeb

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, _QUIET_ERRORS):
            return
        super().handle_error(request, client_address)


# ---------------------------------------------------------------------------------------------- helpers


def _normalise_host(netloc: str) -> str:
    """Host name as used for the directory: lower case, no port, no user info, no trailing dot."""
    netloc = netloc.rpartition("@")[2].strip()
    if netloc.startswith("["):  # IPv6 literal
        return netloc[1:].partition("]")[0].lower()
    return netloc.partition(":")[0].rstrip(".").lower()


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


def _html_page(status: int, title: str, detail: str = "") -> bytes:
    heading = f"{status} {html.escape(title)}"
    text = f"<!doctype html><title>{heading}</title><h1>{heading}</h1>"
    if detail:
        text += f"<p>{html.escape(detail)}</p>"
    return (text + "\n").encode("utf-8")


def _content_type(path: Path, data: bytes) -> str:
    name = path.name.partition("?")[0]  # "details?id=com.x" is typed by "details", not by ".x"
    suffix = Path(name).suffix.lower()
    if suffix in _CONTENT_TYPES:
        return _CONTENT_TYPES[suffix]
    guessed, encoding = _MIME.guess_type(name)
    if guessed and not encoding:
        return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed
    return _sniff(data)


def _sniff(data: bytes) -> str:
    # Files saved from URLs often have no extension (app-store pages): guess from the content.
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "text/html; charset=utf-8"
    if head.startswith(b"<?xml"):
        return "application/xml"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "application/octet-stream"
    return "text/plain; charset=utf-8"


def _file_answer(path: Path, status: int = 200, extra: dict[str, str] | None = None) -> _Answer:
    data = path.read_bytes()
    return _Answer(status, data, dict(extra or {}), _content_type(path, data))


# ---------------------------------------------------------------------------------------------- replay

# Not replayed: they describe the original transfer, not the content (bodies in footprint archives are stored
# decoded, and the length is recomputed). Content-Type is set from the record separately.
_NOT_REPLAYED = {
    "connection",
    "content-encoding",
    "content-length",
    "content-type",
    "keep-alive",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}


def is_archive_path(path: str | Path) -> bool:
    """True if path names a WARC archive (``.warc.gz`` / ``.warc``) rather than a directory of hosts."""
    return Path(path).name.lower().endswith(ARCHIVE_SUFFIXES)


def replay_key(url: str) -> str:
    """The URL as the replay index keys it: scheme and host lower case, default port and fragment dropped,
    empty path as '/', user info removed; path and query kept as they are."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = _normalise_host(parts.netloc)
    netloc = f"[{host}]" if ":" in host else host
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != {"http": 80, "https": 443}.get(scheme):
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


@dataclass(frozen=True)
class _Recorded:
    """One answer of the archive for one URL: a recorded response, or a redirect to where one was followed."""

    visitor: str  # lower case; "" for the baseline
    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    content_type: str = ""
    location: str | None = None  # set for a redirect (requested URL -> final URL of the original crawl)

    def answer(self) -> _Answer:
        if self.location is not None:
            return _Answer(302, _html_page(302, "Found", f"Moved to {self.location}"), {"Location": self.location})
        return _Answer(self.status, self.body, dict(self.headers), self.content_type or _sniff(self.body))


class ArchiveReplay:
    """The raw HTTP responses of a footprint capture archive, indexed by (URL, visitor) for replay."""

    def __init__(self, path: str | Path) -> None:
        from crawler.warc import read_archive  # only replay needs warcio

        self.path = Path(path)
        archive = read_archive(self.path)
        self.torn = archive.torn  # why reading stopped early, if it did (what was read is still served)
        self.entries: dict[str, list[_Recorded]] = {}
        self.hosts: set[str] = set()
        self.responses = 0
        for capture in archive.captures:
            if capture.get("rendered") or capture.get("status") is None or capture.get("body") is None:
                continue  # a browser's DOM or a failed fetch: nothing a server ever sent
            self._add(capture)
        if not (archive.captures or archive.info or archive.screenshots):
            raise ValueError(f"not a readable capture archive (no footprint records): {self.path} {self.torn}".strip())

    def _add(self, capture: dict[str, Any]) -> None:
        visitor = (capture.get("visitor") or "").lower()
        final = capture.get("url") or capture.get("requested_url") or ""
        requested = capture.get("requested_url") or final
        if not urlsplit(final).netloc:
            return
        headers = tuple(
            (str(name), str(value))
            for name, value in (capture.get("headers") or {}).items()
            if str(name).lower() not in _NOT_REPLAYED and not any(c in f"{name}{value}" for c in "\r\n")
        )
        content_type = capture.get("content_type") or ""
        self._put(final, _Recorded(visitor, int(capture["status"]), headers, capture["body"], content_type))
        self.responses += 1
        if replay_key(requested) != replay_key(final) and urlsplit(requested).netloc:
            self._put(requested, _Recorded(visitor, 302, location=final))

    def _put(self, url: str, recorded: _Recorded) -> None:
        self.entries.setdefault(replay_key(url), []).append(recorded)
        self.hosts.add(_normalise_host(urlsplit(url).netloc))

    def knows_host(self, host: str) -> bool:
        return _normalise_host(host) in self.hosts

    def lookup(self, url: str, visitor: str = "") -> _Recorded | None:
        """The visitor's own capture of url, else the baseline's, else the first; None if url is not archived."""
        candidates = self.entries.get(replay_key(url))
        if not candidates:
            return None
        visitor = visitor.lower()
        for want in (visitor, ""):
            for recorded in candidates:
                if recorded.visitor == want:
                    return recorded
        return candidates[0]

    def answer(self, host: str, url: str, visitor: str) -> _Answer:
        if not self.knows_host(host):
            return _Answer(502, _html_page(502, "Bad Gateway", f"Host {host!r} is not in the archive."))
        recorded = self.lookup(url, visitor)
        if recorded is None:
            return _Answer(404, _html_page(404, "Not Found", f"{replay_key(url)} is not in the archive."))
        return recorded.answer()


# ---------------------------------------------------------------------------------------------- the server


class SandboxWeb:
    """A forward HTTP(S) proxy on ``host:port`` answering for any host from ``ROOT/<host>/``, or, when ROOT is a
    ``.warc.gz`` / ``.warc`` capture archive, replaying the responses recorded in it.

    ``start()`` runs it in a daemon thread; ``url`` is the proxy URL to give clients; ``requests`` records
    what was asked (method, absolute url, lower-cased headers, visitor, status); ``replay`` is the archive's
    index once started in replay mode.
    """

    def __init__(self, root: str | Path, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = Path(root).resolve()
        self.is_archive = is_archive_path(self.root) or self.root.is_file()
        self.replay: ArchiveReplay | None = None
        self.host = host
        self.port = port
        self.requests = RequestLog()
        self.tls_context: ssl.SSLContext | None = None
        self._rules = _RuleCache()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._tls_contexts: dict[str, ssl.SSLContext] = {}
        self._tls_lock = threading.Lock()

    # -- lifecycle ----------------------------------------------------------------------------------

    def start(self) -> SandboxWeb:
        if self._server is not None:
            return self
        if self.is_archive:
            if not self.root.is_file():
                raise FileNotFoundError(f"sandbox web archive not found: {self.root}")
            if self.replay is None:
                self.replay = ArchiveReplay(self.root)  # indexed once: later requests only read it
        elif not self.root.is_dir():
            raise FileNotFoundError(f"sandbox web root is not a directory: {self.root}")
        else:
            self.check_config()  # fail at start-up, not on the first request that happens to hit a bad file
        self.tls_context = _make_tls_context()
        server = _Server((self.host, self.port), _Handler)
        server.web = self
        self._server = server
        self.port = server.server_address[1]
        # A short poll interval keeps stop() (and so every test fixture's teardown) quick.
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="sandbox-web", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> SandboxWeb:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("sandbox web is not running; call start() first")
        return f"http://{self.host}:{self.port}"

    def tls_context_for(self, host: str) -> ssl.SSLContext:
        """One certificate per host, made on first use and kept for the server's life."""
        with self._tls_lock:
            if host not in self._tls_contexts:
                self._tls_contexts[host] = _make_tls_context(host) if host else self.tls_context
            return self._tls_contexts[host]

    def check_config(self) -> None:
        """Validate every ``ROOT/<host>/_sandbox.yaml``; raise SandboxConfigError on the first bad one."""
        if self.is_archive:
            return
        for rules_file in sorted(self.root.glob(f"*/{RULES_FILE}")):
            load_rules(rules_file)

    # -- answering ----------------------------------------------------------------------------------

    def knows_host(self, host: str) -> bool:
        """Whether the sandbox answers for host (a CONNECT to any other is refused)."""
        if self.is_archive:
            return self.replay is not None and self.replay.knows_host(host)
        return self.host_dir(host) is not None

    def host_dir(self, host: str) -> Path | None:
        """ROOT/<host> if that host exists in the sandbox (directory mode), else None."""
        if self.is_archive:
            return None
        if not host or host in {".", ".."} or "/" in host or "\\" in host or "\x00" in host:
            return None
        path = self.root / host
        return path if path.is_dir() else None

    def _answer(
        self, host: str, url: str, path: str, query: str, visitor: str, accept_language: str
    ) -> _Answer:
        if self.is_archive:
            if self.replay is None:
                return _Answer(503, _html_page(503, "Service Unavailable", "The archive is not indexed yet."))
            return self.replay.answer(host, url, visitor)
        base = self.host_dir(host)
        if base is None:
            return _Answer(502, _html_page(502, "Bad Gateway", f"Unknown host {host!r} in the sandbox web."))
        decoded = unquote(path)
        for rule in self._rules.get(base / RULES_FILE):
            if rule.matches(decoded, visitor, accept_language):
                return self._rule_answer(rule, base, url, decoded, query)
        return self._lookup(base, decoded, query)

    def _rule_answer(self, rule: Rule, base: Path, url: str, path: str, query: str) -> _Answer:
        headers = dict(rule.headers)
        status = rule.status
        if rule.redirect is not None:
            status = status or 302
            headers["Location"] = urljoin(url, rule.redirect)
        if rule.file is not None:
            target = _inside(base, base / rule.file)
            if target is None or not target.is_file():
                raise SandboxConfigError(f"{base / RULES_FILE}: rule {rule.path!r}: no file {rule.file!r}")
            return _file_answer(target, status or 200, headers)
        if rule.body is not None:
            return _Answer(status or 200, rule.body.encode("utf-8"), headers)
        if status is not None and status != 200:
            # No content given: a small page for the status (e.g. 451 geo-blocked, 302 redirect).
            return _Answer(status, _html_page(status, _reason(status)), headers)
        found = self._lookup(base, path, query)
        found.headers.update(headers)
        return found

    def _lookup(self, base: Path, path: str, query: str) -> _Answer:
        target = self._find_file(base, path, query)
        if target is None:
            return _Answer(404, _html_page(404, "Not Found", f"No file for {path} in the sandbox web."))
        return _file_answer(target)

    def _find_file(self, base: Path, path: str, query: str) -> Path | None:
        segments = [s for s in path.split("/") if s]
        if any(s == ".." or "\x00" in s for s in segments):
            return None
        directory = path.endswith("/") or not segments
        candidate = base.joinpath(*segments)
        last = "index.html" if directory else segments[-1]
        parent = candidate if directory else candidate.parent
        names = []
        if query:
            # wget-style names: /store/apps/details?id=x -> details?id=x, /?q=1 -> index.html?q=1
            names += [f"{last}?{query}", f"{last}?{unquote(query)}"]
        names.append(last)
        for name in names:
            found = _servable(base, parent / name)
            if found is not None:
                return found
        return None


def _servable(base: Path, candidate: Path) -> Path | None:
    inside = _inside(base, candidate)
    if inside is None:
        return None
    if inside.is_dir():
        inside = _inside(base, inside / "index.html")
    if inside is None or not inside.is_file() or inside.name == RULES_FILE:
        return None
    return inside


def _inside(base: Path, candidate: Path) -> Path | None:
    """The resolved candidate if it stays inside base (no '..' or symlink escape), else None."""
    try:
        resolved = candidate.resolve()
    except (OSError, RuntimeError):
        return None
    return resolved if resolved.is_relative_to(base.resolve()) else None


def _reason(status: int) -> str:
    return BaseHTTPRequestHandler.responses.get(status, ("",))[0] or "Status"


# ---------------------------------------------------------------------------------------------- CLI


def serve_forever(root: str | Path, host: str = "127.0.0.1", port: int = 0) -> None:
    """Serve ROOT (a directory of hosts, or a ``.warc.gz`` / ``.warc`` archive to replay) as a sandbox web until
    Ctrl-C (for ``footprint sandbox ROOT --port N``)."""
    web = SandboxWeb(root, host, port).start()
    if web.replay is not None:
        replay = web.replay
        what = f"replaying {web.root} ({replay.responses} responses, {len(replay.hosts)} hosts)"
        if replay.torn:
            print(f"sandbox web: archive ends in a torn record, served up to it: {replay.torn}", file=sys.stderr)
    else:
        what = f"serving {web.root}"
    print(f"sandbox web {what} on {web.url}", file=sys.stderr, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        web.stop()


if __name__ == "__main__":  # python -m crawler.sandbox ROOT|ARCHIVE.warc.gz [PORT]
    serve_forever(sys.argv[1], port=int(sys.argv[2]) if len(sys.argv) > 2 else 0)
