"""`footprint view FOLDER|ARCHIVE`: the archived pages of a scan served on loopback, script-free, the finding's
match highlighted; never the live site.

The archive is indexed once at start (record id -> the file offset of its gzip member, with its URL and time; no
bodies kept), and each request reads one record back by seeking to it, as pywb's CDX index does. A page is served
as crawler/captures/page_copy.py makes it (the copies beside report.html are the same), with a
Content-Security-Policy header that also sandboxes it: no script runs and nothing is fetched from anywhere, this
server included. Routes:

    /                                  the archive's pages and, for a firm folder, its findings, each linked
    /record/<WARC-Record-ID>?mark=T    one capture, text T highlighted (mark= may repeat)
    /url?u=URL&mark=T                  the last capture of URL
    anything else, an unknown record   404 with a plain message

Bounded: it listens on a loopback address only (another is bad input, exit 2) and answers only requests whose
Host header names it (a page on another site cannot reach it by DNS rebinding).
"""

from __future__ import annotations

import html
import ipaddress
import json
import socket
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.captures.page_copy import COPY_CSP, Capture, is_html, safe_copy
from crawler.captures.stream import H_KIND, entry_of
from crawler.runs.page_copies import finding_marks
from crawler.runs.report import ARCHIVE
from detectors.inputs import InputError

SERVED_CSP = f"sandbox; {COPY_CSP}; frame-ancestors 'none'"  # sandbox without allow-scripts: no script at all
MAX_MARKS = 20  # mark= parameters honoured per request
PAGE_KINDS = ("page", "rendered")


@dataclass(frozen=True)
class Indexed:
    record_id: str
    url: str
    fetched_at: str
    kind: str
    visitor: str
    offset: int


def resolve(target: Path) -> tuple[Path, Path | None]:
    """(archive, report.json or None) for a firm folder or an archive file; anything else is bad input."""
    if target.is_dir():
        archive = target / ARCHIVE
        if not archive.is_file():
            raise InputError(str(target), "(folder)", f"a firm folder holding {ARCHIVE} (as `footprint scan` writes)")
        report = target / "report.json"
        return archive, report if report.is_file() else None
    if not target.is_file():
        raise InputError(str(target), "(file)", f"an existing firm folder or {ARCHIVE}")
    return target, None


def loopback_host(host: str) -> str:
    try:
        if ipaddress.ip_address(host).is_loopback:
            return host
    except ValueError:
        pass
    raise InputError("command line", "--host", f"a loopback address such as 127.0.0.1 or ::1, not {host!r}: "
                                               "`footprint view` serves archived pages to this machine only")


def index_archive(archive: Path) -> dict[str, Indexed]:
    """The archive's captured pages by record id (a torn end stops the indexing; what came before is served)."""
    pages: dict[str, Indexed] = {}
    with archive.open("rb") as fh:
        records = ArchiveIterator(fh)
        try:
            for record in records:
                headers = record.rec_headers
                if headers.get_header(H_KIND) in PAGE_KINDS:
                    rid = headers.get_header("WARC-Record-ID")
                    pages[rid] = Indexed(rid, headers.get_header("WARC-Target-URI") or "",
                                         headers.get_header("WARC-Date") or "", headers.get_header(H_KIND),
                                         headers.get_header("WARC-Footprint-Visitor") or "",
                                         records.get_record_offset())
        except (ArchiveLoadFailed, EOFError, OSError, ValueError):
            pass
    return pages


class ViewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, archive: Path, report: Path | None, host: str, port: int):
        self.address_family = socket.AF_INET6 if ":" in loopback_host(host) else socket.AF_INET
        self.archive = archive
        self.pages = index_archive(archive)
        self.findings = _findings(report)
        super().__init__((host, port), ViewHandler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"

    def read(self, page: Indexed) -> dict | None:
        with self.archive.open("rb") as fh:
            fh.seek(page.offset)
            for record in ArchiveIterator(fh):
                entry = entry_of(record)
                return entry[1] if entry and entry[0] == "capture" else None
        return None


def _findings(report: Path | None) -> list[dict]:
    if report is None:
        return []
    data = json.loads(report.read_text(encoding="utf-8"))
    return [f for c in data.get("channels", []) for f in c.get("findings", []) if f.get("record_id")]


class ViewHandler(BaseHTTPRequestHandler):
    server: ViewServer
    server_version = "footprint-view"

    def log_message(self, format, *args) -> None:  # noqa: A002 - http.server's name; quiet: the URL was printed
        pass

    def do_GET(self) -> None:
        host = self.headers.get("Host", "")
        port = self.server.server_address[1]
        if host not in {f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"}:
            return self._plain(421, f"this server answers for 127.0.0.1:{port} only, not for Host {host!r}")
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        marks = [(f"m-{i + 1}", text) for i, text in enumerate(query.get("mark", [])[:MAX_MARKS])]
        if parts.path == "/":
            return self._html(self._index().encode("utf-8"))
        if parts.path.startswith("/record/"):
            rid = unquote(parts.path[len("/record/"):])
            rid = rid if rid.startswith("<") else f"<{rid}>"
            return self._page(self.server.pages.get(rid), f"no captured page with record id {rid} in this archive",
                              marks)
        if parts.path == "/url":
            url = query.get("u", [""])[0]
            hits = [p for p in self.server.pages.values() if p.url == url]
            return self._page(hits[-1] if hits else None, f"no captured page of {url!r} in this archive", marks)
        return self._plain(404, f"not found: {parts.path} (see / for the archive's pages)")

    def _page(self, page: Indexed | None, missing: str, marks: list[tuple[str, str]]) -> None:
        entry = self.server.read(page) if page else None
        if entry is None:
            return self._plain(404, missing)
        body = entry.get("body") or b""
        if not is_html(entry.get("content_type") or "", body):
            return self._plain(415, f"record {page.record_id} is {entry.get('content_type')!r}, not an HTML page")
        self._html(safe_copy(body, entry.get("content_type") or "", Capture(page.url, page.fetched_at,
                                                                            page.record_id), marks))

    def _index(self) -> str:
        rows = [f'<li><a href="/record/{quote(p.record_id.strip("<>"))}">{html.escape(p.url)}</a> '
                f"{html.escape(p.fetched_at)} {p.kind} {html.escape(p.visitor)}</li>"
                for p in self.server.pages.values()]
        findings = [f'<li><a href="/record/{quote(f["record_id"].strip("<>"))}?mark={quote(text)}#m-1">'
                    f'{html.escape(f["indicator"])}: {html.escape(f["evidence"]["value"])}</a> on '
                    f'{html.escape(f["url"])}</li>'
                    for f, (_, text) in zip(self.server.findings, finding_marks(self.server.findings), strict=True)
                    if f["record_id"] in self.server.pages]
        return ("<!DOCTYPE html><meta charset=utf-8><title>footprint view</title><h1>Archived pages of "
                f"{html.escape(self.server.archive.name)}</h1>"
                + (f"<h2>Findings ({len(findings)})</h2><ul>{''.join(findings)}</ul>" if findings else "")
                + f"<h2>Captured pages ({len(rows)})</h2><ul>{''.join(rows)}</ul>")

    def _html(self, data: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self._common(data)

    def _plain(self, status: int, message: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self._common(f"{message}\n".encode())

    def _common(self, data: bytes) -> None:
        self.send_header("Content-Security-Policy", SERVED_CSP)
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
