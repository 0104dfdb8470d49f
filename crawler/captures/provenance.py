"""Provenance of a scan's captures, as a case file needs it (NF Z67-147 style; docs/0014-evidence.md).

Two halves, both kept in the archive so that `footprint analyze` rebuilds the same block:
- the scan's vantage point, written in the archive's first warcinfo record before anything is fetched
  (`scan_provenance`): per visitor the route (its proxy, `--proxy`, an environment proxy, or "direct"), the
  exit country and egress address as far as footprint can know them (else "not known: why"); the browser
  profile (fresh); the machine (operating system, Python, the crawling libraries);
- each capture's own facts, in its WARC headers (crawler/captures/warc.py): the page that linked to it, when its
  request went out and its answer came, the address connected to, the client that fetched it. `Navigation`
  gathers them while the archive is read; `provenance_block` turns both into the report's `provenance`.

An archive written before these records existed still reads: every missing fact says so.
"""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from crawler.config.secrets import redact

OLD_ARCHIVE = "not known: the archive was written before footprint recorded it"
FRESH_PROFILE = ("fresh for this scan: each visitor's browser context is new (no cookies, cache or storage from "
                 "earlier visits, in a temporary profile deleted afterwards); plain fetches send no cookies "
                 "(Scrapy's COOKIES_ENABLED off) and use no HTTP cache")
EGRESS_VIA_PROXY = ("not known: the proxy chooses the address the target sees and does not report it to footprint, "
                    "which asks no outside address-echo service (that would announce the scan)")
EGRESS_DIRECT = ("not known: the machine's public address is not asked of any outside address-echo service "
                 "(that would announce the scan); behind NAT it differs from the machine's own")
EXIT_SHARED = "not known: the proxy serves every visitor and does not report where it exits"
EXIT_DIRECT = "not known: footprint does not look up where this machine's address is located"
CRAWL_LIBRARIES = ("scrapy", "scrapy-playwright", "playwright", "warcio")
NOT_CAPTURED = "not known: the archive holds no capture of this page"
PATH_LIMIT = 50  # referrer hops followed back towards the start URL (a crawl is at most max_depth deep)


def scan_provenance(visitors: list[dict], proxy: str, environ: dict[str, str] | None = None) -> dict:
    """What the archive's first warcinfo record keeps. `visitors`: the profiles as recorded (proxies redacted);
    `proxy`: --proxy (redacted here); `environ`: where HTTP(S)_PROXY come from (os.environ)."""
    environ = os.environ if environ is None else environ
    env_proxy = environ.get("HTTPS_PROXY") or environ.get("https_proxy") or environ.get("HTTP_PROXY") or \
        environ.get("http_proxy") or ""
    return {"vantage": [vantage_of(v, proxy, env_proxy) for v in visitors], "browser_profile": FRESH_PROFILE,
            "system": system_versions()}


def vantage_of(visitor: dict, proxy: str, env_proxy: str = "") -> dict:
    """One visitor's vantage point: route, exit country, egress address (each known, or "not known: why")."""
    own = visitor.get("proxy") or ""
    if own:
        route = f"proxy {redact(own)} (this visitor's own)"
        exit_country = (f"{visitor['country']}: as configured for this visitor's proxy (footprint does not verify "
                        "where the proxy exits)")
    elif proxy or env_proxy:
        route = f"proxy {redact(proxy)} (--proxy)" if proxy else f"proxy {redact(env_proxy)} (environment variable)"
        exit_country = EXIT_SHARED
    else:
        route, exit_country = "direct", EXIT_DIRECT
    return {"visitor": visitor.get("country", ""), "route": route, "exit_country": exit_country,
            "egress_ip": EGRESS_DIRECT if route == "direct" else EGRESS_VIA_PROXY}


def system_versions() -> dict:
    try:
        name = platform.freedesktop_os_release().get("PRETTY_NAME", "")
    except OSError:
        name = ""
    system = f"{name or platform.system()} ({platform.system()} {platform.release()}, {platform.machine()})"
    return {"os": system, "python": platform.python_version(),
            "libraries": {lib: _version(lib) for lib in CRAWL_LIBRARIES}}


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


@dataclass(frozen=True, slots=True)
class Step:
    referrer: str
    started_at: str
    fetched_at: str
    server_ip: str
    client: str
    record_id: str
    redirected: bool = False  # the capture's request was for another URL

    def rank(self) -> tuple[bool, bool, str]:
        """Which of a page's captures a report names: lower first (see `Navigation`)."""
        return self.redirected, bool(self.referrer), self.referrer


class Navigation:
    """Each capture's provenance, by (channel, visitor, URL). A page captured more than once as a visitor (a start
    URL redirected to a page a link also led to; its rendered copy) keeps one capture chosen by what it holds, not
    by which answer came first, so that two scans of the same site give the same report: the page fetched at its
    own address before one a redirect landed on, then a start URL before a linked page, then the first referrer
    in order (the rendered copy of a page fetched plainly keeps the plain fetch, whose referrer is the same)."""

    def __init__(self):
        self.steps: dict[tuple[str, str, str], Step] = {}
        self._records: dict[str, tuple[str, str, str]] | None = None

    def add(self, capture: dict) -> None:
        if capture.get("supplied"):
            return
        # Kept for every capture of a scan (tens of thousands): the values many captures share are interned.
        channel, visitor = sys.intern(capture["channel"]), sys.intern(capture.get("visitor", ""))
        referrer, requested = sys.intern(capture.get("referrer", "")), capture.get("requested_url") or ""
        redirected = bool(requested) and requested != capture["url"]
        step = Step(referrer, capture.get("started_at", ""), capture["fetched_at"],
                    sys.intern(capture.get("server_ip", "")), sys.intern(capture.get("client", "")),
                    capture.get("record_id", ""), redirected)
        self._keep((channel, visitor, capture["url"]), step)
        if redirected:  # a redirected page is found by either URL, after any capture made at that URL itself
            self._keep((channel, visitor, requested), step)

    def _keep(self, key: tuple[str, str, str], step: Step) -> None:
        kept = self.steps.get(key)
        if kept is None or step.rank() < kept.rank():
            self.steps[key] = step

    def first_address(self, visitor: str) -> str:
        """The address the first capture as `visitor` connected to ("" when none was recorded)."""
        return next((s.server_ip for (_, who, _), s in self.steps.items() if who == visitor and s.server_ip), "")

    def clients(self) -> list[str]:
        return sorted({s.client for s in self.steps.values() if s.client})

    def path(self, channel: str, visitor: str, url: str) -> list[str]:
        """The pages followed from a start URL to `url`, start first (`url` last); [] when not captured."""
        step = self.steps.get((channel, visitor, url))
        if step is None:
            return []
        path = [url]
        while step is not None and step.referrer and step.referrer not in path and len(path) < PATH_LIMIT:
            path.append(step.referrer)
            step = self.steps.get((channel, visitor, step.referrer))
        return path[::-1]

    def page(self, channel: str, visitor: str, url: str, record_id: str = "") -> dict:
        """One evidence page's provenance for the report. A finding read from a page that only links to its URL
        (a social post on its channel's preview page) is found by its WARC record: its path is that page's,
        then the finding's URL."""
        key = (channel, visitor, url) if (channel, visitor, url) in self.steps else self._by_record().get(record_id)
        if key is None:
            return {"channel": channel, "visitor": visitor, "url": url, "path": [], "started_at": NOT_CAPTURED,
                    "finished_at": NOT_CAPTURED, "server_ip": NOT_CAPTURED, "client": NOT_CAPTURED,
                    "record_id": record_id}
        step = self.steps[key]
        path = self.path(*key) + ([url] if key[2] != url else [])
        known = bool(step.started_at)  # archives before provenance records carry neither start nor referrer
        return {"channel": channel, "visitor": key[1], "url": url,  # who was shown it: the capture's visitor
                "path": path if known or len(path) > 1 else [],
                "started_at": step.started_at or OLD_ARCHIVE, "finished_at": step.fetched_at,
                "server_ip": step.server_ip or ("not known: not recorded by the download handler" if known
                                                else OLD_ARCHIVE),
                "client": step.client or OLD_ARCHIVE, "record_id": step.record_id}

    def _by_record(self) -> dict[str, tuple[str, str, str]]:
        """Each capture's key by its WARC record id, built once, when first needed (after the archive is read); a
        redirected capture is kept under two URLs: the first in order names it, whichever was read first."""
        if self._records is None:
            self._records = {}
            for key, step in sorted(self.steps.items()):
                self._records.setdefault(step.record_id, key)
        return self._records


def provenance_block(recorded: dict, navigation: Navigation,
                     evidence_pages: list[tuple[str, str, str, str]]) -> dict:
    """The report's provenance facts beyond tool, configuration and times: `recorded` is what the archive's
    warcinfo records said (scan_provenance, plus the screenshots' browser), `evidence_pages` the (channel,
    visitor, URL, WARC record id) of every page a finding points at."""
    learnt = recorded.get("egress") or {}  # what the scan learnt after connecting (crawler/crawl/vantage.py)
    vantage = [{**v, "egress_ip": learnt.get(v["visitor"], v["egress_ip"])} for v in recorded.get("vantage") or []] \
        or [{"visitor": "", "route": OLD_ARCHIVE, "exit_country": OLD_ARCHIVE, "egress_ip": OLD_ARCHIVE}]
    system = recorded.get("system") or {"os": OLD_ARCHIVE, "python": OLD_ARCHIVE, "libraries": {}}
    fetched = "not used: nothing was fetched" if recorded else OLD_ARCHIVE
    browsers = {"crawl": ", ".join(navigation.clients()) or fetched,
                "screenshots": recorded.get("screenshots_browser") or "not used: no screenshot was taken"}
    return {"vantage": vantage, "browser_profile": recorded.get("browser_profile") or OLD_ARCHIVE,
            "system": system, "clients": browsers,
            "pages": [navigation.page(*page, record) for page, record in _first_record(evidence_pages).items()]}


def _first_record(evidence_pages: list[tuple[str, str, str, str]]) -> dict[tuple[str, str, str], str]:
    """Each (channel, visitor, URL) once, in order, with the first of its findings' record ids."""
    chosen: dict[tuple[str, str, str], str] = {}
    for channel, visitor, url, record_id in sorted(set(evidence_pages)):
        chosen.setdefault((channel, visitor, url), record_id)
    return chosen
