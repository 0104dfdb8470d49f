"""Replay mode: the raw HTTP responses of a footprint capture archive (``*.warc.gz`` / ``*.warc``) answer again.

Each URL answers for the visitor who fetched it (else the baseline's capture, else the first), so a captured
crawl can be re-crawled offline. A redirect followed in the original crawl answers as a 302 from the requested
URL to the final one; rendered DOMs and failed fetches are not served (no server ever sent them); a URL not in
the archive is a 404, a host not in it a 502 (as an unreachable host).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from crawler.sandbox.answers import Answer, html_page, normalise_host, sniff

ARCHIVE_SUFFIXES = (".warc.gz", ".warc")

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
    host = normalise_host(parts.netloc)
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

    def answer(self) -> Answer:
        if self.location is not None:
            return Answer(302, html_page(302, "Found", f"Moved to {self.location}"), {"Location": self.location})
        return Answer(self.status, self.body, dict(self.headers), self.content_type or sniff(self.body))


class ArchiveReplay:
    """The raw HTTP responses of a footprint capture archive, indexed by (URL, visitor) for replay."""

    def __init__(self, path: str | Path) -> None:
        from crawler.captures.warc import read_archive  # only replay needs warcio

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
        self.hosts.add(normalise_host(urlsplit(url).netloc))

    def knows_host(self, host: str) -> bool:
        return normalise_host(host) in self.hosts

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

    def answer(self, host: str, url: str, visitor: str) -> Answer:
        if not self.knows_host(host):
            return Answer(502, html_page(502, "Bad Gateway", f"Host {host!r} is not in the archive."))
        recorded = self.lookup(url, visitor)
        if recorded is None:
            return Answer(404, html_page(404, "Not Found", f"{replay_key(url)} is not in the archive."))
        return recorded.answer()
