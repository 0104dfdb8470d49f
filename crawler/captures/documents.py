"""The crawl's parsed pages, handed to the scan's judge so that each page is parsed once.

The crawl process parses every page it fetches (detectors/document.py `build_document`: its links are what the crawl
follows). Before the page's WARC record, it writes that Document as one frame (its length, then the page's key and
its JSON, compressed: 5.6 KiB a page on the crawl benchmark's site, 20.9 uncompressed, against 11.6 KiB of archive)
to a file beside the archive (`beside`); the scan's judge (crawler/captures/feed.py) reads the frame when it reads
the record and judges the crawl's Document instead of parsing the page again (2-2.5 ms a page, about a seventh of
the judge's time on the crawl benchmark's site). A Document is taken only when it is the capture's own (same
channel, visitor, addresses, status, time, content type, rendering and body hash), else the page is parsed again, so
the report is the one `footprint analyze` rebuilds from the archive alone. The file is the scan's scratch, removed
when the scan has judged its archive.
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import fields, replace
from pathlib import Path
from typing import BinaryIO

from detectors.document import sha256
from detectors.evidence import Capture
from detectors.model import Alternate, Document, Link

SUFFIX = ".documents"
FRAMES_KEPT = 256  # frames read past while looking for a capture's own (records with no frame of their own: errors)
_LENGTH = struct.Struct(">I")

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


def write_document(out: BinaryIO, doc: Document) -> None:
    """One page's frame (in the crawl process, before the page's record)."""
    data = {name: _WRITE.get(name, _same)(getattr(doc, name)) for name in _NAMES}
    key = _key(doc.channel, doc.visitor, doc.url, doc.fetched_at, doc.body_sha256)
    # JSON in ASCII: a lone surrogate in a page's text is written too. Level 1: the crawl process has CPU to spare.
    frame = zlib.compress(f"{key}\t{json.dumps(data)}".encode("ascii"), 1)
    out.write(_LENGTH.pack(len(frame)) + frame)
    out.flush()


def _same(value):
    return value


def read_frame(fh: BinaryIO) -> tuple[str, str] | None:
    """The (key, JSON) of the next whole frame of `fh`, or None at its end (a frame cut short included)."""
    head = fh.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    size = _LENGTH.unpack(head)[0]
    body = fh.read(size)
    if len(body) < size:
        return None
    key, _, data = zlib.decompress(body).decode("ascii").partition("\t")
    return key, data


def frame_offsets(path: Path, offset: int = 0, limit: int | None = None) -> list[int]:
    """Where the whole frames of the file `path` from byte `offset` on begin (at most `limit` of them)."""
    found: list[int] = []
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(offset)
        while limit is None or len(found) < limit:
            head = fh.read(_LENGTH.size)
            if len(head) < _LENGTH.size or offset + _LENGTH.size + _LENGTH.unpack(head)[0] > size:
                break
            found.append(offset)
            offset += _LENGTH.size + _LENGTH.unpack(head)[0]
            fh.seek(offset)
    return found


def document_from(data: str) -> Document:
    """The Document of a frame's JSON."""
    fields_ = json.loads(data)
    return Document(**{name: _READ[name](value) if name in _READ else value for name, value in fields_.items()})


class DocumentFeed:
    """The crawl's parsed pages of one archive, read as the judge reads the archive's records. Frames are numbered
    in file order from 0: `frame` is the number of the last Document `document` returned."""

    def __init__(self, archive: str | Path):
        self.path = beside(archive)
        self._fh: BinaryIO | None = None
        self._partial = b""  # the start of a frame still being written
        self._ahead: dict[str, tuple[int, str]] = {}  # key -> its frame's number and JSON, for frames read past
        self._frames = 0  # frames read so far
        self.frame = -1

    def unread(self) -> tuple[int, int]:
        """The number and byte offset of the first frame not read yet."""
        offset = self._fh.tell() - len(self._partial) if self._fh is not None else 0
        return self._frames, offset

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
        found = self._ahead.pop(key, None) or self._read_to(key)
        if found is None:
            return None
        self.frame, data = found
        doc = document_from(data)
        own = (doc.channel, doc.requested_url, doc.url, doc.status, doc.fetched_at, doc.content_type, doc.visitor,
               doc.rendered, doc.body_sha256) == (
            capture.channel, capture.requested_url, capture.url, capture.status, capture.fetched_at,
            capture.content_type, capture.visitor, capture.rendered, body_sha256)
        return replace(doc, record_id=capture.record_id) if own else None

    def _read_to(self, key: str) -> tuple[int, str] | None:
        if self._fh is None:
            try:
                self._fh = self.path.open("rb")
            except FileNotFoundError:  # an archive read without its crawl (footprint analyze), or nothing parsed yet
                return None
        while True:
            head = self._partial or self._fh.read(_LENGTH.size)
            if len(head) < _LENGTH.size:
                head += self._fh.read(_LENGTH.size - len(head))
            if len(head) < _LENGTH.size:
                self._partial = head
                return None
            size = _LENGTH.unpack(head[:_LENGTH.size])[0]
            body = head[_LENGTH.size:] + self._fh.read(size - (len(head) - _LENGTH.size))
            if len(body) < size:  # still being written
                self._partial = head[:_LENGTH.size] + body
                return None
            self._partial = b""
            found, _, data = zlib.decompress(body).decode("ascii").partition("\t")
            self._frames += 1
            if found == key:
                return self._frames - 1, data
            self._ahead[found] = self._frames - 1, data
            if len(self._ahead) > FRAMES_KEPT:
                del self._ahead[next(iter(self._ahead))]
