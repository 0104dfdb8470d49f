"""The crawl's parsed pages, handed to the scan's judge so that each page is parsed once.

The crawl process parses every page it fetches (detectors/document.py `build_document`: its links are what the crawl
follows). Before the page's WARC record, it writes that Document as one line of JSON to a file beside the archive
(`beside`); the scan's judge (crawler/captures/feed.py) reads the line when it reads the record and judges the
crawl's Document instead of parsing the page again (2-2.5 ms a page, about a seventh of the judge's time on the
crawl benchmark's site). A Document is taken only when it is the capture's own (same channel, visitor, addresses,
status, time, content type, rendering and body hash), else the page is parsed again, so the report is the one
`footprint analyze` rebuilds from the archive alone. The file is the scan's scratch, removed when the scan has
judged its archive.
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path
from typing import TextIO

from detectors.document import sha256
from detectors.evidence import Capture
from detectors.model import Alternate, Document, Link

SUFFIX = ".documents.jsonl"
LINES_KEPT = 256  # lines read past while looking for a capture's own (records with no line of their own: errors)

# How the fields that are not plain strings, numbers and booleans come back from JSON
_READ = {
    "meta": lambda v: tuple(map(tuple, v)),
    "alternates": lambda v: tuple(Alternate(*a) for a in v),
    "links": lambda v: tuple(Link(*link) for link in v),
    "headings": tuple, "json_ld": tuple, "select_options": tuple, "buttons": tuple,
    "images": lambda v: tuple(map(tuple, v)),
}
_WRITE = {
    "alternates": lambda v: [(a.hreflang, a.url, a.locator) for a in v],
    "links": lambda v: [(link.url, link.text, link.locator) for link in v],
}
_NAMES = tuple(f.name for f in fields(Document))


def beside(archive: str | Path) -> Path:
    """Where the crawl writes its parsed pages for the archive `archive`."""
    return Path(f"{archive}{SUFFIX}")


def _key(channel: str, visitor: str, url: str, fetched_at: str, body_sha256: str) -> str:
    return "\x1f".join((channel, visitor, url, fetched_at, body_sha256))


def write_document(out: TextIO, doc: Document) -> None:
    """One page's line (in the crawl process, before the page's record)."""
    data = {name: _WRITE.get(name, _same)(getattr(doc, name)) for name in _NAMES}
    key = _key(doc.channel, doc.visitor, doc.url, doc.fetched_at, doc.body_sha256)
    out.write(f"{key}\t{json.dumps(data)}\n")  # ASCII: a lone surrogate in a page's text is written too
    out.flush()


def _same(value):
    return value


class DocumentFeed:
    """The crawl's parsed pages of one archive, read as the judge reads the archive's records."""

    def __init__(self, archive: str | Path):
        self.path = beside(archive)
        self._fh: TextIO | None = None
        self._partial = ""
        self._ahead: dict[str, str] = {}  # key -> its line's JSON, for lines read past

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    def document(self, capture: Capture) -> Document | None:
        """The crawl's Document of `capture`, when the crawl wrote one and it is the capture's own; else None (the
        judge parses the page)."""
        if capture.body is None or capture.status is None:
            return None
        body_sha256 = sha256(capture.body)
        key = _key(capture.channel, capture.visitor, capture.url, capture.fetched_at, body_sha256)
        line = self._ahead.pop(key, None) or self._read_to(key)
        if line is None:
            return None
        data = json.loads(line)
        doc = Document(**{name: _READ[name](value) if name in _READ else value for name, value in data.items()})
        own = (doc.channel, doc.requested_url, doc.url, doc.status, doc.fetched_at, doc.content_type, doc.visitor,
               doc.rendered, doc.body_sha256) == (
            capture.channel, capture.requested_url, capture.url, capture.status, capture.fetched_at,
            capture.content_type, capture.visitor, capture.rendered, body_sha256)
        return replace(doc, record_id=capture.record_id) if own else None

    def _read_to(self, key: str) -> str | None:
        if self._fh is None:
            try:
                self._fh = self.path.open(encoding="utf-8")
            except FileNotFoundError:  # an archive read without its crawl (footprint analyze), or nothing parsed yet
                return None
        while line := self._fh.readline():
            if not line.endswith("\n"):  # still being written
                self._partial += line
                return None
            line, self._partial = self._partial + line, ""
            found, _, data = line.rstrip("\n").partition("\t")
            if found == key:
                return data
            self._ahead[found] = data
            if len(self._ahead) > LINES_KEPT:
                del self._ahead[next(iter(self._ahead))]
        return None
