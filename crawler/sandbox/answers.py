"""What the sandbox sends back, and the small pieces every way of answering shares.

Both answering modes (files under ROOT, a replayed archive) build an ``Answer``; the proxy turns it into bytes on
the wire. Kept apart from either mode so neither imports the other, nor the proxy.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler


@dataclass
class Answer:
    """One HTTP response before it is written: status, body, extra headers and the body's content type.

    A streamed answer (`chunks`, for tests of hostile servers: a body of gigabytes made on the fly) is written
    chunk by chunk after the head, with `length` as its Content-Length (chunked transfer when None); `body` is
    then unused."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)  # extra headers, e.g. from a rule
    content_type: str = "text/html; charset=utf-8"
    chunks: Iterable[bytes] | None = None
    length: int | None = None


def html_page(status: int, title: str, detail: str = "") -> bytes:
    """A minimal HTML page for a status that has no content of its own (404, 502, a rule's 451 ...)."""
    heading = f"{status} {html.escape(title)}"
    text = f"<!doctype html><title>{heading}</title><h1>{heading}</h1>"
    if detail:
        text += f"<p>{html.escape(detail)}</p>"
    return (text + "\n").encode("utf-8")


def reason(status: int) -> str:
    """The standard reason phrase of an HTTP status ('Status' for one the standard library does not know)."""
    return BaseHTTPRequestHandler.responses.get(status, ("",))[0] or "Status"


def sniff(data: bytes) -> str:
    """Content type guessed from the bytes, for bodies whose name or record says nothing."""
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


def normalise_host(netloc: str) -> str:
    """Host name as the sandbox keys hosts (ROOT/<host>, the replay index): lower case, no port, no user info,
    no trailing dot."""
    netloc = netloc.rpartition("@")[2].strip()
    if netloc.startswith("["):  # IPv6 literal
        return netloc[1:].partition("]")[0].lower()
    return netloc.partition(":")[0].rstrip(".").lower()
