"""The website spider: a firm's own site, followed within its registrable domain(s), recorded page by page and
visitor by visitor.

Every page is fetched once per visitor profile (the neutral baseline and each EU visitor: its Accept-Language,
its proxy), because geo-targeted content and geo-blocks differ by visitor; a scan's default EU visitor fetches the
start pages only. With `render: always` every page goes through a real Chromium (scrapy-playwright, one browser
context per visitor: locale, time zone, proxy); with `auto` a page is fetched plainly first and rendered too when
its content evidently comes from JavaScript.

Each fetch becomes a capture item: what was asked and what came back (final URL, status, headers, time, body and
its sha256) plus the parsed summary a reader wants (language, title, meta, hreflang, links, visible text).
Detectors never run here: the report is built later from the captures alone.

Pages are parsed in a worker thread, not on the event loop: lexbor releases the GIL while it builds the tree, so
downloads and the browser go on meanwhile; a parse still running after PAGE_PARSE_SECONDS (it cannot be, within
detectors/page_limits.py, but a bound should not rest on a measurement alone) leaves the page stored with its
links unfollowed.

    scrapy crawl website -a url=https://example.com/ -O pages.jsonl
"""

from __future__ import annotations

import asyncio
import base64
import json
import sys
from collections import deque
from datetime import timedelta
from functools import partial
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest
from scrapy.linkextractors import IGNORED_EXTENSIONS

from crawler.config.defaults import PAGE_PARSE_SECONDS, REQUESTS_AHEAD, UNVISITED_COUNTED
from crawler.crawl.browser import context_options
from crawler.crawl.egress.middleware import EgressRefused
from crawler.crawl.fetch_errors import fetch_error
from crawler.crawl.render_decision import render_reason
from detectors.document import build_document, classify, sha256
from detectors.domains import registrable_domain
from detectors.model import Document
from detectors.timestamps import stamp_ms, utc_now
from detectors.urls import normalise_url

_SKIP_EXTENSIONS = tuple(sorted({"." + e for e in IGNORED_EXTENSIONS}))  # a tuple: one endswith call, in C


def _decoded_headers(headers) -> dict[str, str]:
    return {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in headers.items()}


class WebsiteSpider(scrapy.Spider):
    name = "website"

    def __init__(self, url: str = "", urls=None, channel: str = "", max_pages=200, max_depth=5, progress=False,
                 visitors=None, render: str = "never", **kwargs):
        super().__init__(**kwargs)
        starts = list(urls or []) or [u for u in url.split(",") if u]
        if not starts:
            raise ValueError("the website spider needs a start URL: -a url=https://example.com/")
        self.start_urls_ = [normalise_url(u) for u in starts]
        self.sites = {registrable_domain(urlsplit(u).hostname or "") for u in self.start_urls_}
        self.channel = channel or f"website:{sorted(self.sites)[0]}"
        self.max_pages = int(max_pages)
        self.max_depth = int(max_depth)
        self.progress = progress in (True, "1", "true", "yes")
        # Visitor profiles as dicts (crawler.plan.visitors.VisitorProfile.to_dict plus the unredacted proxy); none: one
        # plain fetch per page, as a Scrapy user running the spider directly expects.
        self.visitors = json.loads(visitors) if isinstance(visitors, str) else list(visitors or [{}])
        self.render = render
        self.scheduled: set[str] = set()
        # In-site URLs found but left unvisited, by the limit that stopped them (said in the report).
        self.unvisited: dict[str, set[str]] = {"max_pages": set(), "max_depth": set()}
        # Pages scheduled (counted against the budget, in `scheduled`) whose requests are not made yet: breadth-first,
        # a crawl finds most of its pages long before it fetches them, and a queued Request is about 1 KiB.
        self.frontier: deque[tuple[str, int, str, bool]] = deque()  # (URL, depth, referrer, a start URL?)
        self.ahead = 0  # requests made and not answered yet

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        return spider

    # ------------------------------------------------------------------------------------------ scheduling

    async def start(self):
        for url in self.start_urls_:
            for request in self._page_requests(url, depth=0, force=True):
                yield request
        for origin in sorted({f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in self.start_urls_}):
            yield self._request(f"{origin}/sitemap.xml", self.visitors[0], depth=0, optional=True)

    def _page_requests(self, url: str, depth: int, force: bool = False, referrer: str = "") -> list[scrapy.Request]:
        url = normalise_url(url)
        if url in self.scheduled or not (force or self._in_site(url)):
            return []
        if not force and depth > self.max_depth:
            self._left_unvisited("max_depth", url)
            return []
        if len(self.scheduled) >= self.max_pages:
            self._left_unvisited("max_pages", url)
            return []
        self.scheduled.add(url)
        self.frontier.append((url, depth, referrer, force))
        return self._released()

    def _released(self) -> list[scrapy.Request]:
        """The requests of the frontier's first pages, as many as keep REQUESTS_AHEAD requests unanswered."""
        requests = []
        while self.frontier and self.ahead < REQUESTS_AHEAD:
            url, depth, referrer, start = self.frontier.popleft()
            # A default EU visitor (`start_pages_only`) fetches the start URLs alone; redirects it is sent are followed.
            requests += [self._request(url, visitor, depth, render=self.render == "always", referrer=referrer)
                         for visitor in self.visitors if start or not visitor.get("start_pages_only")]
        return requests

    def on_idle(self, spider) -> None:
        """Scrapy has nothing left to fetch: the frontier's next pages, if any (a request answered by neither
        callback, dropped on the way, must not stall the crawl: the count starts again from none unanswered)."""
        if spider is not self or not self.frontier:
            return
        self.ahead = 0
        for request in self._released():
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def _request(self, url: str, visitor: dict, depth: int, optional: bool = False,
                 render: bool = False, referrer: str = "") -> scrapy.Request:
        # `fp_referrer`: the page whose link led here ("" for a start URL), the capture's navigation path.
        meta = {"fp_depth": depth, "fp_optional": optional, "fp_visitor": visitor.get("country", ""),
                "fp_profile": visitor, "fp_referrer": referrer}
        self.ahead += 1
        headers = {}
        if visitor.get("accept_language"):
            headers["Accept-Language"] = visitor["accept_language"]
        if visitor.get("proxy"):
            meta["proxy"] = visitor["proxy"]
        if render:
            meta.update(self._browser_meta(visitor))
        # The same URL is fetched once per visitor (and once more when rendered): our own `scheduled` set
        # dedupes pages, so Scrapy's URL-only duplicate filter must let these through.
        return scrapy.Request(url, callback=self.parse, errback=self.on_error, meta=meta, headers=headers,
                              dont_filter=True)

    def _browser_meta(self, visitor: dict) -> dict:
        proxy = visitor.get("proxy") or self.settings.get("FOOTPRINT_PROXY", "")
        user_agent = self.settings.get("USER_AGENT")
        return {"playwright": True, "fp_rendered": True,
                "playwright_context": f"visitor-{visitor.get('country') or 'default'}",
                "playwright_context_kwargs": context_options(visitor, proxy, user_agent) if visitor else
                {"ignore_https_errors": True, "user_agent": user_agent}}

    def _in_site(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return False
        if parts.path.lower().endswith(_SKIP_EXTENSIONS):
            return False
        return registrable_domain(parts.hostname or "") in self.sites

    def _left_unvisited(self, limit: str, url: str) -> None:
        if sum(map(len, self.unvisited.values())) < UNVISITED_COUNTED:  # a trap site's URLs are endless
            self.unvisited[limit].add(url)

    def limits_reached(self) -> list[dict]:
        """Each limit that left in-site URLs unvisited: which, its value, how many URLs (a URL fetched after all,
        found again by a shorter path, does not count; one both limits stopped counts for the page budget)."""
        budget = self.unvisited["max_pages"] - self.scheduled
        depth = self.unvisited["max_depth"] - self.scheduled - budget
        exact = sum(map(len, self.unvisited.values())) < UNVISITED_COUNTED
        return [{"channel": self.channel, "limit": limit, "value": value, "unvisited": len(urls),
                 "unvisited_exact": exact}
                for limit, value, urls in (("max_pages", self.max_pages, budget), ("max_depth", self.max_depth, depth))
                if urls]

    # ------------------------------------------------------------------------------------------ callbacks

    async def parse(self, response):
        self.ahead -= 1
        item, doc = await self._capture(response)
        yield item
        if doc is not None and response.status < 400 and doc.kind != "other":
            for request in self._followed(response, doc):
                yield request
        for request in self._released():  # every answer makes room for the frontier's next pages, links or none
            yield request

    def _followed(self, response, doc: Document) -> list[scrapy.Request]:
        """What a page leads to: its rendered copy when `auto` finds it needs one, then its in-site links."""
        meta = response.meta
        requests = []
        if self.render == "auto" and not meta.get("fp_rendered") and render_reason(doc, response.body):
            requests.append(self._request(doc.requested_url, meta.get("fp_profile") or {}, meta.get("fp_depth", 0),
                                          render=True, referrer=meta.get("fp_referrer", "")))
        for target in [link.url for link in doc.links] + [a.url for a in doc.alternates]:
            requests += self._page_requests(target, meta.get("fp_depth", 0) + 1, referrer=doc.url)
        return requests

    async def _capture(self, response) -> tuple[dict, Document | None]:
        """The capture item of a response, and the document parsed from it (None: the parse took too long)."""
        meta = response.meta
        depth = meta.get("fp_depth", 0)
        visitor = meta.get("fp_visitor", "")
        rendered = bool(meta.get("fp_rendered"))
        body = response.body
        content_type = response.headers.get("Content-Type", b"").decode("latin-1") or ("text/html" if rendered
                                                                                        else "")
        if rendered:  # the browser's DOM, re-encoded by scrapy-playwright: its charset is the one used for that
            content_type = f"{content_type.split(';')[0].strip() or 'text/html'}; charset={response.encoding}"
        requested = (meta.get("redirect_urls") or [response.request.url])[0]
        received = utc_now()
        fetched_at = stamp_ms(received)
        # Both download handlers (Scrapy's, scrapy-playwright's) time the last hop from its request to its answer.
        started_at = stamp_ms(received - timedelta(seconds=meta.get("download_latency") or 0.0))
        build = partial(build_document, channel=self.channel, requested_url=requested, url=response.url,
                        status=response.status, fetched_at=fetched_at, content_type=content_type, body=body,
                        visitor=visitor, rendered=rendered)
        try:
            doc = await asyncio.wait_for(asyncio.to_thread(build), PAGE_PARSE_SECONDS)
        except TimeoutError:
            doc = None
            print(f"  [{self.channel}] parse of {response.url} took over {PAGE_PARSE_SECONDS} s: stored, links "
                  f"not followed", file=sys.stderr, flush=True)
        if self.progress:
            how = " rendered" if rendered else ""
            who = f" as {visitor}" if visitor else ""
            print(f"  [{self.channel}] {response.status}{how}{who} {response.url}", file=sys.stderr, flush=True)
        item = {
            "channel": self.channel,
            "kind": doc.kind if doc else classify(content_type, body),
            "visitor": visitor,
            "rendered": rendered,
            "requested_url": requested,
            "url": response.url,
            "redirects": list(meta.get("redirect_urls") or [])[1:],
            "status": response.status,
            "fetched_at": fetched_at,
            "started_at": started_at,
            "referrer": meta.get("fp_referrer", ""),
            "server_ip": str(response.ip_address or ""),  # the address connected to (a proxy's, when proxied)
            "client": meta.get("fp_client") or f"Scrapy {scrapy.__version__}",  # what fetched it: browser or not
            "depth": depth,
            "optional": bool(meta.get("fp_optional")),
            "request_headers": _decoded_headers(response.request.headers),
            "headers": _decoded_headers(response.headers),
            "content_type": content_type,
            "body_sha256": doc.body_sha256 if doc else sha256(body),
            "body_b64": base64.b64encode(body).decode("ascii"),
            "document": _summary(doc),
        }
        if doc is not None and self.settings.getbool("FOOTPRINT_PARSED_PAGES"):
            item["_document"] = doc  # the pipeline hands it to the scan's judge and drops it from the item
        return item, doc

    def on_error(self, failure):
        self.ahead -= 1
        request = failure.request
        skipped = failure.check(IgnoreRequest) is not None
        message = fetch_error(failure)
        # A refusal says so itself ("refused: redirect from ... to a loopback address 127.0.0.1").
        if skipped and not failure.check(EgressRefused) and "robots" not in message.lower():
            message = f"skipped: {message}"
        if self.progress and not request.meta.get("fp_optional"):
            print(f"  [{self.channel}] error {request.url}: {message}", file=sys.stderr, flush=True)
        yield {
            "channel": self.channel,
            "kind": "error",
            "visitor": request.meta.get("fp_visitor", ""),
            "rendered": bool(request.meta.get("fp_rendered")),
            "requested_url": request.url,
            "url": request.url,
            "status": None,
            "fetched_at": stamp_ms(),
            "referrer": request.meta.get("fp_referrer", ""),
            "depth": request.meta.get("fp_depth", 0),
            "optional": bool(request.meta.get("fp_optional")),
            "skipped": skipped,
            "error": message,
        }
        yield from self._released()


def _summary(doc: Document | None) -> dict | None:
    """What a reader of the spider's own output wants of a page; None when it was not parsed in time."""
    if doc is None:
        return None
    return {"html_lang": doc.html_lang, "title": doc.title, "meta": [list(m) for m in doc.meta],
            "hreflang": [[a.hreflang, a.url] for a in doc.alternates], "links": [link.url for link in doc.links],
            "text": doc.text, "encoding": doc.encoding, "decoded_by": doc.decoded_by, "truncated": doc.truncated}
