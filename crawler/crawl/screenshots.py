"""Screenshots of the pages that carry findings, per visitor, taken by a real Chromium whatever the render mode.

A supervisor's evidence: what the page looked like to that visitor when it was assessed. One browser for the
whole batch, one context per visitor (locale, time zone, proxy), every page and context closed in `finally`
so memory stays bounded however many pages there are; a page whose renderer passes its memory budget is stopped
(a thread watches the browser's processes) and its screenshot noted as failed.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from crawler.captures.warc import CaptureWriter
from crawler.config.defaults import (
    BATCH_BROWSERS,
    MARKED_ELEMENTS_PER_PAGE,
    NAVIGATION_TIMEOUT_MS,
    SCREENSHOTS_PER_CHANNEL,
)
from crawler.crawl.browser import chromium_executable, context_options, launch_options, proxy_url
from crawler.crawl.browser_memory import ThreadWatchdog, new_marker
from crawler.crawl.egress.guard import REFUSAL_HEADER, EgressGuard
from crawler.crawl.element_boxes import ElementQuery, element_query, measure
from crawler.plan.visitors import VisitorProfile
from detectors.model import ChannelKind, ChannelResult
from detectors.timestamps import stamp_ms

_BROWSERS = threading.BoundedSemaphore(BATCH_BROWSERS)  # screenshot browsers open at once in this process
SHOWN_KINDS = (ChannelKind.WEBSITE, ChannelKind.AFFILIATE)  # app lookups are JSON, posts come from previews


@dataclass(frozen=True)
class Shot:
    channel: str
    url: str
    visitor: str
    path: str = ""  # relative to the firm's output folder
    png: bytes = b""
    taken_at: str = ""
    error: str = ""
    boxes: dict | None = None  # finding id -> its element's box on the screenshot, None if not located


def file_name(url: str, visitor: str) -> str:
    return f"screenshots/{visitor or 'default'}-{hashlib.sha1(url.encode()).hexdigest()[:16]}.png"


Target = tuple[str, str, dict, list[ElementQuery]]  # channel, url, visitor profile, the elements to measure


def take(targets: list[Target], out_dir: Path, proxy: str, user_agent: str,
         stop_requested: Callable[[], bool] = lambda: False, allow_private: bool = False) -> tuple[list[Shot], str]:
    """Screenshot (channel, url, visitor profile, element queries) targets into out_dir/screenshots/, measuring
    the queried elements first; also returns the browser's version. Failures are returned, not raised: a missing
    screenshot must not cost the report. `stop_requested` is asked before each page (a SIGTERM stops within one
    page, not after all of them). Unless `allow_private`, the browser reaches the web through the egress guard
    (a page may redirect inward since it was crawled)."""
    if not targets:
        return [], ""
    (out_dir / "screenshots").mkdir(parents=True, exist_ok=True)
    by_visitor: dict[str, list[Target]] = {}
    for target in targets:
        by_visitor.setdefault(target[2].get("country", ""), []).append(target)
    with _BROWSERS:  # a batch's firms take their screenshots a few browsers at a time (its memory budget)
        return _take(by_visitor, out_dir, proxy, user_agent, stop_requested, allow_private)


def _take(by_visitor: dict[str, list[Target]], out_dir: Path, proxy: str, user_agent: str,
          stop_requested: Callable[[], bool], allow_private: bool) -> tuple[list[Shot], str]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    shots: list[Shot] = []
    targets = [t for items in by_visitor.values() for t in items]
    guard = None if allow_private else EgressGuard()
    proxied = bool(proxy) or any(t[2].get("proxy") for t in targets) or guard is not None
    marker = new_marker()  # the same memory budgets as rendering (crawler/crawl/browser_memory.py)
    with sync_playwright() as playwright, ThreadWatchdog(marker):
        options = launch_options(chromium_executable(), proxied, marker)
        if guard is not None:  # contexts without a proxy of their own use the browser's: the guard, --proxy behind it
            options["proxy"] = {"server": guard.route_for(proxy)}
        browser = playwright.chromium.launch(**options)
        version = f"Chromium {browser.version}"
        try:
            for visitor, items in sorted(by_visitor.items()):
                profile = items[0][2]
                context = browser.new_context(**_guarded(
                    context_options(profile, profile.get("proxy") or proxy, user_agent) if profile else
                    {"ignore_https_errors": True, "user_agent": user_agent,
                     **({"proxy": {"server": proxy}} if proxy else {})}, guard, proxy))
                # One tab per visitor, navigated from page to page (a tab opened and closed per page cost about a
                # quarter of a second each); a tab whose page failed is replaced, as its renderer may be gone.
                page = None
                try:
                    for channel, url, _, queries in items:
                        if stop_requested():
                            return shots, version
                        page = page or context.new_page()
                        shot = _shoot(page, channel, url, visitor, queries, out_dir, PlaywrightError)
                        shots.append(shot)
                        if shot.error and not shot.error.startswith(REFUSED):
                            _close(page, PlaywrightError)
                            page = None
                finally:
                    context.close()
        finally:
            browser.close()
            if guard is not None:
                guard.close()
    return shots, version


def _guarded(options: dict, guard: EgressGuard | None, proxy: str) -> dict:
    """Context options with the guard as the proxy, the context's own (or --proxy) behind it."""
    if guard is None:
        return options
    upstream = proxy_url(options["proxy"]) if options.get("proxy") else proxy
    return {**options, "proxy": {"server": guard.route_for(upstream)}}


REFUSED = "refused: "  # a shot the egress guard refused: its tab is unharmed


def _close(page, error_type) -> None:
    try:
        page.close()
    except error_type:
        pass  # the tab's renderer was already gone (stopped over its memory budget)


def _shoot(page, channel: str, url: str, visitor: str, queries: list[ElementQuery], out_dir: Path,
           error_type) -> Shot:
    try:
        response = page.goto(url, wait_until="load", timeout=NAVIGATION_TIMEOUT_MS)
        refused = response.headers.get(REFUSAL_HEADER.lower()) if response is not None else None
        if refused:
            return Shot(channel, url, visitor, error=f"{REFUSED}{refused}")
        boxes = measure(page, queries)  # the same page, the moment before its picture
        png = page.screenshot(full_page=True, type="png", scale="css")  # 1 image pixel = 1 CSS pixel of a box
        path = file_name(url, visitor)
        (out_dir / path).write_bytes(png)
        return Shot(channel, url, visitor, path, png, stamp_ms(), boxes=boxes)
    except error_type as exc:
        return Shot(channel, url, visitor, error=str(exc).splitlines()[0][:300])


def targets(results: list[ChannelResult], visitors: list[VisitorProfile]) -> list[Target]:
    """The pages with findings, per visitor that saw them, as (channel, url, visitor profile with its real proxy,
    the elements of the findings this screenshot will show); the strongest-evidence pages first, capped per
    channel and visitor."""
    by_country = {v.country: {**v.__dict__} for v in visitors}
    out = []
    for channel in results:
        if channel.kind not in SHOWN_KINDS:
            continue
        seen: dict[tuple[str, str], float] = {}
        for f in channel.findings:
            for visitor in f.visitors or ("",):
                key = (f.url, visitor)
                seen[key] = max(seen.get(key, 0.0), f.confidence)
        ranked = sorted(seen, key=lambda k: (-seen[k], k))
        for url, visitor in ranked[: SCREENSHOTS_PER_CHANNEL * max(1, len(visitors))]:
            shown = [f for f in channel.findings if f.url == url and (f.visitors or ("",))[0] == visitor]
            queries = [q for q in map(element_query, sorted(shown, key=lambda f: -f.confidence)) if q]
            out.append((channel.id, url, by_country.get(visitor, {}), queries[:MARKED_ELEMENTS_PER_PAGE]))
    return out


def capture(results: list[ChannelResult], visitors: list[VisitorProfile], archive: Path, proxy: str,
            user_agent: str, stop_requested: Callable[[], bool],
            allow_private: bool = False) -> tuple[dict[tuple[str, str], str], str, dict[tuple[str, str], dict]]:
    """Screenshot the pages with findings into the archive's folder and the archive itself. Returns the
    screenshots' paths by (url, visitor), the browser's version and the findings' element boxes by (url,
    visitor); failures are noted on their channel."""
    shots, version = take(targets(results, visitors), archive.parent, proxy, user_agent, stop_requested,
                          allow_private)
    writer = CaptureWriter(archive)
    try:
        if version:  # the report's provenance names the browser that took them, from the archive too
            writer.write_info({"provenance": {"screenshots_browser": version}})
        for shot in shots:
            if shot.png:
                writer.write_screenshot(channel=shot.channel, url=shot.url, visitor=shot.visitor,
                                        taken_at=shot.taken_at, png=shot.png, boxes=shot.boxes)
    finally:
        writer.close()
    for shot in shots:
        if shot.error:
            channel = next(c for c in results if c.id == shot.channel)
            channel.errors.append({"url": shot.url, "error": f"screenshot as {shot.visitor or 'default'}: "
                                                            f"{shot.error}"})
    return ({(s.url, s.visitor): s.path for s in shots if s.path}, version,
            {(s.url, s.visitor): s.boxes for s in shots if s.path and s.boxes})
