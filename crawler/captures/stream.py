"""Reading a footprint archive record by record, from its start or while the crawl is still writing it.

The writer (crawler/captures/warc.py) makes every WARC record its own gzip member and flushes it, so the file is
a sequence of complete members, perhaps followed by one being written. `ArchiveStream` decompresses the members
as they become whole and hands over one decoded record at a time, never a list of bodies: a scan tails its archive
while the crawl child appends to it, `footprint analyze` reads it once from start to end.

Where a member is torn (the crawl was killed mid-write) or damaged, reading stops there and `torn` says why, as
the whole-file reader always did: what comes after a torn member cannot be told from garbage.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.config.limits import plain_error

H_CHANNEL = "WARC-Footprint-Channel"
H_VISITOR = "WARC-Footprint-Visitor"
H_REQUESTED = "WARC-Footprint-Requested-URI"
H_KIND = "WARC-Footprint-Kind"
H_OPTIONAL = "WARC-Footprint-Optional"
H_REFERRER = "WARC-Footprint-Referrer"  # the page whose link led to this one; absent for start URLs and old archives
H_STARTED = "WARC-Footprint-Started"  # when the request went out (WARC-Date: when the answer came)
H_CLIENT = "WARC-Footprint-Client"  # what fetched it: "Chromium <version>" (rendered) or "Scrapy <version>"
# On a screenshot record: the findings' element boxes measured on it (crawler/crawl/element_boxes.py), as JSON
# {finding id: [x, y, width, height] or null}; absent in archives written before footprint measured them.
H_BOXES = "WARC-Footprint-Element-Boxes"

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 16  # compressed bytes read at a time: small enough that splitting members does not copy much
TORN_MEMBER = "its last record is cut off (the gzip data ends before the record does)"
Entry = tuple[str, dict]  # ("info" | "capture" | "screenshot", its fields; a capture's body in "body")


class ArchiveStream:
    """The entries of one archive, in archive order, as its records become complete."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.torn = ""  # why reading stopped early, if it did
        self._fh = self.path.open("rb")
        self._gzip: bool | None = None  # unknown until two bytes are there; footprint writes gzip, others may not
        self._member = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._started = False  # the current member has input
        self._start = 0  # where the current member begins in the file
        self._out: list[bytes] = []  # its decompressed bytes so far

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> ArchiveStream:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def entries(self, final: bool = True) -> Iterator[Entry]:
        """The entries of every record completed since the last call. `final`: nothing more will be written, so
        an incomplete last member is torn (otherwise it is waited for)."""
        if self.torn:
            return
        if self._gzip is None:
            head = self._fh.read(2)
            self._fh.seek(0)
            if len(head) < 2 and not final:
                return
            self._gzip = head == GZIP_MAGIC
            if not self._gzip and self.path.suffix == ".gz":
                self.torn = "it is not gzip data, though its name ends in .gz"
                return
        if not self._gzip:  # a plain WARC (not footprint's own): read once, at the end
            if final:
                yield from self._plain()
            return
        for offset, member in self._members():
            yield from self._decoded(offset, member)
            if self.torn:
                return
        if final and self._started and not self.torn:
            self.torn = TORN_MEMBER

    def _members(self) -> Iterator[tuple[int, bytes]]:
        """Every member completed by the bytes appended since the last read, with where it begins in the file."""
        while not self.torn:
            data = self._fh.read(CHUNK)
            if not data:
                return
            while data:
                self._started = True
                try:
                    self._out.append(self._member.decompress(data))
                except zlib.error as exc:
                    self.torn = f"BadGzipFile: {exc}"
                    return
                if not self._member.eof:
                    break
                start, data = self._start, self._member.unused_data
                self._start = self._fh.tell() - len(data)  # what is left of the last read begins the next member
                member, self._out = b"".join(self._out), []
                self._member = zlib.decompressobj(zlib.MAX_WBITS | 16)
                self._started = False
                yield start, member

    def entry_at(self, offset: int) -> Entry | None:
        """The entry of the record whose member begins at `offset` (as a capture's "offset" says), read alone."""
        with self.path.open("rb") as fh:
            fh.seek(offset)
            member, parts = zlib.decompressobj(zlib.MAX_WBITS | 16), []
            try:
                while not member.eof and (data := fh.read(CHUNK)):
                    parts.append(member.decompress(data))
            except zlib.error:  # no member begins there
                return None
        if not member.eof:
            return None
        return next(self._decoded(offset, b"".join(parts)), None)

    def _decoded(self, offset: int, member: bytes) -> Iterator[Entry]:
        try:
            for record in ArchiveIterator(io.BytesIO(member)):
                entry = entry_of(record)
                if entry is not None:
                    if entry[0] == "capture":
                        entry[1]["offset"] = offset  # its member's: entry_at reads it again alone
                    yield entry
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            self.torn = f"a record cannot be read ({plain_error(str(exc))})"

    def _plain(self) -> Iterator[Entry]:
        try:
            for record in ArchiveIterator(self._fh):
                entry = entry_of(record)
                if entry is not None:
                    yield entry
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            self.torn = f"a record cannot be read ({plain_error(str(exc))})"


def entry_of(record) -> Entry | None:
    """One WARC record as footprint reads it back; None for records it does not read (requests, foreign ones)."""
    headers = record.rec_headers
    rtype = record.rec_type
    if rtype == "warcinfo":
        return "info", json.loads(record.content_stream().read().decode("utf-8"))
    kind = headers.get_header(H_KIND) or ""
    if rtype == "request" or not headers.get_header(H_CHANNEL):
        return None
    base = {
        "channel": headers.get_header(H_CHANNEL),
        "visitor": headers.get_header(H_VISITOR) or "",
        "requested_url": headers.get_header(H_REQUESTED) or headers.get_header("WARC-Target-URI"),
        "url": headers.get_header("WARC-Target-URI"),
        "fetched_at": headers.get_header("WARC-Date"),
        "record_id": headers.get_header("WARC-Record-ID"),
        "optional": headers.get_header(H_OPTIONAL) == "1",
        "referrer": headers.get_header(H_REFERRER) or "",
        "started_at": headers.get_header(H_STARTED) or "",
        "server_ip": headers.get_header("WARC-IP-Address") or "",
        "client": headers.get_header(H_CLIENT) or "",
    }
    if kind == "screenshot":
        boxes = headers.get_header(H_BOXES)
        return "screenshot", {**base, "png": record.content_stream().read(),
                              "boxes": json.loads(boxes) if boxes else {}}
    if kind == "supplied":
        return "capture", {**base, "status": 200, "rendered": False, "supplied": True,
                           "content_type": "application/octet-stream", "body": record.content_stream().read()}
    if kind == "error":
        data = json.loads(record.content_stream().read().decode("utf-8"))
        return "capture", {**base, "status": None, "error": data.get("error", ""),
                           "skipped": bool(data.get("skipped")), "body": None}
    if kind == "rendered":
        return "capture", {**base, "status": int(headers.get_header("WARC-Footprint-Status") or 200),
                           "rendered": True, "content_type": headers.get_header("Content-Type") or "",
                           "body": record.content_stream().read()}
    if rtype == "response":
        http = record.http_headers
        return "capture", {**base, "status": int(http.get_statuscode()), "rendered": False,
                           "content_type": http.get_header("Content-Type") or "",
                           "headers": dict(http.headers), "body": record.content_stream().read()}
    return None
