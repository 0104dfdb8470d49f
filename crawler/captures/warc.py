"""The evidence archive: every exchange of a scan in one `capture.warc.gz` (WARC 1.1, via warcio).

What is written, per fetch: a `request` record (what was sent, with the visitor's headers) and a `response` record
(status, headers, body as received); a browser-rendered DOM as a `resource` record; a failed fetch as a
`metadata` record; screenshots as `resource` records (image/png); the scan's configuration and visitor profiles
in a `warcinfo` record. footprint's own facts ride in `WARC-Footprint-*` headers (channel, visitor, requested
URL, the referring page, the request's start time, the client that fetched it; docs/0014-evidence.md). Record
ids are derived from what they hold (channel, visitor, URL, time, body hash), so a finding can point at its
record and the same capture always has the same id.

Each record is its own gzip member (at WARC_GZIP_LEVEL), flushed as written: a crawl killed mid-way leaves every
finished record readable, and the reader (crawler/captures/stream.py) stops cleanly at a torn last one.
"""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.captures.stream import (
    H_BOXES,
    H_CHANNEL,
    H_CLIENT,
    H_KIND,
    H_OPTIONAL,
    H_REFERRER,
    H_REQUESTED,
    H_STARTED,
    H_VISITOR,
    ArchiveStream,
)
from crawler.config.defaults import WARC_GZIP_LEVEL


def record_id(*parts: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}>"


def warc_date(fetched_at: str) -> str:
    return fetched_at  # already ISO 8601 UTC with Z, which WARC 1.1 allows (with fractions of a second)


class _Member:
    """One record's gzip member, at WARC_GZIP_LEVEL (what warcio's GzippingWrapper does at its fixed level 9)."""

    def __init__(self, out):
        self._compressor = zlib.compressobj(WARC_GZIP_LEVEL, zlib.DEFLATED, zlib.MAX_WBITS + 16)
        self._out = out

    def write(self, data: bytes) -> None:
        self._out.write(self._compressor.compress(data))

    def flush(self) -> None:  # the record's end (warcio flushes once per record)
        self._out.write(self._compressor.flush())
        self._out.flush()


class _Writer(WARCWriter):
    """warcio's writer, each record its own gzip member as with gzip=True, compressed at WARC_GZIP_LEVEL (warcio's is
    fixed at 9)."""

    def write_record(self, record, params=None):
        self._write_warc_record(_Member(self.out), record)


class CaptureWriter:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("ab")
        self._writer = _Writer(self._file, gzip=False, warc_version="WARC/1.1")  # gzip: by _Writer

    def close(self) -> None:
        self._file.close()

    def _write(self, record) -> None:
        self._writer.write_record(record)
        self._file.flush()

    def _headers(self, item: dict, rid: str, kind: str) -> dict:
        headers = {
            "WARC-Record-ID": rid,
            "WARC-Date": warc_date(item["fetched_at"]),
            H_CHANNEL: item["channel"],
            H_REQUESTED: item["requested_url"],
            H_KIND: kind,
        }
        if item.get("visitor"):
            headers[H_VISITOR] = item["visitor"]
        if item.get("optional"):
            headers[H_OPTIONAL] = "1"
        # Provenance of the capture (docs/0014-evidence.md): the page that linked here, when the request went out,
        # the address connected to (WARC 1.1's own header for it).
        if item.get("referrer"):
            headers[H_REFERRER] = item["referrer"]
        if item.get("started_at"):
            headers[H_STARTED] = item["started_at"]
        if item.get("server_ip"):
            headers["WARC-IP-Address"] = item["server_ip"]
        if item.get("client"):
            headers[H_CLIENT] = item["client"]
        return headers

    def write_info(self, info: dict) -> None:
        payload = json.dumps(info, sort_keys=True, ensure_ascii=False).encode("utf-8")
        record = self._writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(payload), length=len(payload),
            warc_content_type="application/json",
            warc_headers_dict={"WARC-Record-ID": record_id("warcinfo", hashlib.sha256(payload).hexdigest())})
        self._write(record)

    def write_capture(self, item: dict, body: bytes) -> str:
        """Write one fetch (raw response, rendered DOM or failure); returns the WARC-Record-ID of its content."""
        url = item["url"]
        base = (item["channel"], item.get("visitor", ""), url, item["fetched_at"])
        if item.get("status") is None:
            rid = record_id("metadata", *base)
            payload = json.dumps({k: item.get(k) for k in ("error", "skipped", "depth")}, sort_keys=True).encode()
            self._write(self._writer.create_warc_record(
                url, "metadata", payload=io.BytesIO(payload), length=len(payload),
                warc_content_type="application/json", warc_headers_dict=self._headers(item, rid, "error")))
            return rid
        sha = hashlib.sha256(body).hexdigest()
        if item.get("rendered"):
            rid = record_id("resource", *base, sha)
            self._write(self._writer.create_warc_record(
                url, "resource", payload=io.BytesIO(body), length=len(body),
                warc_content_type=item.get("content_type") or "text/html",
                warc_headers_dict={**self._headers(item, rid, "rendered"), "WARC-Payload-Digest": f"sha256:{sha}",
                                   "WARC-Footprint-Status": str(item["status"])}))
            return rid
        rid = record_id("response", *base, sha)
        request_headers = [(k, v) for k, v in sorted((item.get("request_headers") or {}).items())]
        request = self._writer.create_warc_record(
            url, "request", payload=io.BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(f"GET {_path_of(url)} HTTP/1.1", request_headers, is_http_request=True),
            warc_headers_dict={**self._headers(item, record_id("request", *base), "request"),
                               "WARC-Concurrent-To": rid})
        status_line = f"{item['status']} {item.get('reason') or 'OK'}"
        response_headers = [(k, v) for k, v in (item.get("headers") or {}).items()]
        response = self._writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=StatusAndHeaders(status_line, response_headers, protocol="HTTP/1.1"),
            warc_headers_dict={**self._headers(item, rid, "page")})
        self._write(request)
        self._write(response)
        return rid

    def write_supplied(self, *, channel: str, name: str, added_at: str, data: bytes) -> str:
        """A file the firm supplied (posts export, mbox), kept whole so `analyze` can judge it again."""
        sha = hashlib.sha256(data).hexdigest()
        rid = record_id("supplied", channel, name, sha)
        item = {"channel": channel, "requested_url": f"file:{name}", "fetched_at": added_at}
        self._write(self._writer.create_warc_record(
            f"file:{name}", "resource", payload=io.BytesIO(data), length=len(data),
            warc_content_type="application/octet-stream", warc_headers_dict=self._headers(item, rid, "supplied")))
        return rid

    def write_screenshot(self, *, channel: str, url: str, visitor: str, taken_at: str, png: bytes,
                         boxes: dict | None = None) -> str:
        sha = hashlib.sha256(png).hexdigest()
        rid = record_id("screenshot", channel, visitor, url, taken_at, sha)
        item = {"channel": channel, "requested_url": url, "visitor": visitor, "fetched_at": taken_at}
        headers = self._headers(item, rid, "screenshot")
        if boxes:  # the elements measured on this picture, so that `analyze` marks them without a browser
            headers[H_BOXES] = json.dumps(boxes, sort_keys=True, separators=(",", ":"))
        self._write(self._writer.create_warc_record(
            url, "resource", payload=io.BytesIO(png), length=len(png), warc_content_type="image/png",
            warc_headers_dict=headers))
        return rid


def _path_of(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class Archive:
    info: list[dict] = field(default_factory=list)
    captures: list[dict] = field(default_factory=list)  # in archive order; body in "body"
    screenshots: list[dict] = field(default_factory=list)
    torn: str = ""  # why reading stopped early, if it did


def read_archive(path: str | Path) -> Archive:
    """Everything in a footprint WARC, as plain dicts, bodies included (for tests and replay, which want it all;
    judging streams it: crawler/captures/stream.py); a torn last record ends the reading, reported in `torn`."""
    archive = Archive()
    lists = {"info": archive.info, "capture": archive.captures, "screenshot": archive.screenshots}
    with ArchiveStream(path) as stream:
        for kind, data in stream.entries(final=True):
            lists[kind].append(data)
        archive.torn = stream.torn
    return archive
