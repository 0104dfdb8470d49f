"""The website spider: a firm's own site, followed within its registrable domain(s), recorded page by page.

Each fetched resource becomes a capture item: what was asked and what came back (final URL, status, headers that
matter, time, body and its sha256) plus the parsed summary a reader wants (language, title, meta, hreflang,
links, visible text). Detectors never run here: the report is built later from the captures alone.

    scrapy crawl website -a url=https://example.com/ -O pages.jsonl
"""

from __future__ import annotations

import base64
import sys
from datetime import UTC, datetime
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.exceptions import IgnoreRequest
from scrapy.linkextractors import IGNORED_EXTENSIONS

from detectors.context import registrable_domain
from detectors.document import build_document

KEPT_HEADERS = ("content-type", "content-language", "content-length", "last-modified", "location", "server",
                "x-robots-tag", "vary", "cache-control", "date", "link", "retry-after")
_SKIP_EXTENSIONS = frozenset("." + e for e in IGNORED_EXTENSIONS)


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _without_fragment(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


class WebsiteSpider(scrapy.Spider):
    name = "website"

    def __init__(self, url: str = "", urls=None, channel: str = "", max_pages=200, max_depth=5,
                 progress=False, **kwargs):
        super().__init__(**kwargs)
        starts = list(urls or []) or [u for u in url.split(",") if u]
        if not starts:
            raise ValueError("the website spider needs a start URL: -a url=https://example.com/")
        self.start_urls_ = [_without_fragment(u) for u in starts]
        self.sites = {registrable_domain(urlsplit(u).hostname or "") for u in self.start_urls_}
        self.channel = channel or f"website:{sorted(self.sites)[0]}"
        self.max_pages = int(max_pages)
        self.max_depth = int(max_depth)
        self.progress = progress in (True, "1", "true", "yes")
        self.scheduled: set[str] = set()

    # ------------------------------------------------------------------------------------------ scheduling

    async def start(self):
        for url in self.start_urls_:
            request = self._page_request(url, depth=0, force=True)
            if request:
                yield request
        for origin in sorted({f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.start_urls_}):
            yield scrapy.Request(f"{origin}/sitemap.xml", callback=self.parse, errback=self.on_error,
                                 meta={"fp_depth": 0, "fp_optional": True}, dont_filter=True)

    def _page_request(self, url: str, depth: int, force: bool = False) -> scrapy.Request | None:
        url = _without_fragment(url)
        if url in self.scheduled or len(self.scheduled) >= self.max_pages:
            return None
        if not force and not self._in_scope(url, depth):
            return None
        self.scheduled.add(url)
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta={"fp_depth": depth})

    def _in_scope(self, url: str, depth: int) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or depth > self.max_depth:
            return False
        if any(parts.path.lower().endswith(ext) for ext in _SKIP_EXTENSIONS):
            return False
        return registrable_domain(parts.hostname or "") in self.sites

    # ------------------------------------------------------------------------------------------ callbacks

    def parse(self, response):
        depth = response.meta.get("fp_depth", 0)
        body = response.body
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        requested = (response.meta.get("redirect_urls") or [response.request.url])[0]
        fetched_at = utc_now()
        doc = build_document(channel=self.channel, requested_url=requested, url=response.url,
                             status=response.status, fetched_at=fetched_at, content_type=content_type, body=body)
        if self.progress:
            print(f"  [{self.channel}] {response.status} {response.url}", file=sys.stderr, flush=True)
        yield {
            "channel": self.channel,
            "kind": doc.kind,
            "requested_url": requested,
            "url": response.url,
            "redirects": list(response.meta.get("redirect_urls") or [])[1:],
            "status": response.status,
            "fetched_at": fetched_at,
            "depth": depth,
            "optional": bool(response.meta.get("fp_optional")),
            "headers": {k: response.headers.get(k, b"").decode("latin-1") for k in KEPT_HEADERS
                        if response.headers.get(k)},
            "content_type": content_type,
            "body_sha256": doc.body_sha256,
            "body_b64": base64.b64encode(body).decode("ascii"),
            "document": {
                "html_lang": doc.html_lang,
                "title": doc.title,
                "meta": [list(m) for m in doc.meta],
                "hreflang": [[a.hreflang, a.url] for a in doc.alternates],
                "links": [link.url for link in doc.links],
                "text": doc.text,
            },
        }
        if response.status >= 400 or doc.kind == "other":
            return
        for target in [link.url for link in doc.links] + [a.url for a in doc.alternates]:
            request = self._page_request(target, depth + 1)
            if request:
                yield request

    def on_error(self, failure):
        request = failure.request
        skipped = failure.check(IgnoreRequest) is not None
        message = failure.getErrorMessage() or failure.type.__name__
        if skipped and "robots" not in message.lower():
            message = f"skipped: {message}"
        if self.progress and not request.meta.get("fp_optional"):
            print(f"  [{self.channel}] error {request.url}: {message}", file=sys.stderr, flush=True)
        yield {
            "channel": self.channel,
            "kind": "error",
            "requested_url": request.url,
            "url": request.url,
            "status": None,
            "fetched_at": utc_now(),
            "depth": request.meta.get("fp_depth", 0),
            "optional": bool(request.meta.get("fp_optional")),
            "skipped": skipped,
            "error": f"{failure.type.__name__}: {message}",
        }
