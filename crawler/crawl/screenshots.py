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
from crawler.config.defaults import BATCH_BROWSERS, NAVIGATION_TIMEOUT_MS, SCREENSHOTS_PER_CHANNEL
from crawler.crawl.browser import chromium_executable, context_options, launch_options, proxy_url
from crawler.crawl.browser_memory import ThreadWatchdog, new_marker
from crawler.crawl.egress.guard import REFUSAL_HEADER, EgressGuard
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


def file_name(url: str, visitor: str) -> str:
    return f"screenshots/{visitor or 'default'}-{hashlib.sha1(url.encode()).hexdigest()[:16]}.png"


def take(targets: list[tuple[str, str, dict]], out_dir: Path, proxy: str, user_agent: str,
         stop_requested: Callable[[], bool] = lambda: False, allow_private: bool = False) -> tuple[list[Shot], str]:
    """Screenshot (channel, url, visitor profile) targets into out_dir/screenshots/; also returns the browser's
    version. Failures are returned, not raised: a missing screenshot must not cost the report. `stop_requested`
    is asked before each page (a SIGTERM stops within one page, not after all of them). Unless `allow_private`,
    the browser reaches the web through the egress guard (a page may redirect inward since it was crawled)."""
    if not targets:
        return [], ""
    (out_dir / "screenshots").mkdir(parents=True, exist_ok=True)
    by_visitor: dict[str, list[tuple[str, str, dict]]] = {}
    for channel, url, profile in targets:
        by_visitor.setdefault(profile.get("country", ""), []).append((channel, url, profile))
    with _BROWSERS:  # a batch's firms take their screenshots a few browsers at a time (its memory budget)
        return _take(by_visitor, out_dir, proxy, user_agent, stop_requested, allow_private)


def _take(by_visitor: dict[str, list[tuple[str, str, dict]]], out_dir: Path, proxy: str, user_agent: str,
          stop_requested: Callable[[], bool], allow_private: bool) -> tuple[list[Shot], str]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    shots: list[Shot] = []
    targets = [t for items in by_visitor.values() for t in items]
    guard = None if allow_private else EgressGuard()
    proxied = bool(proxy) or any(p.get("proxy") for _, _, p in targets) or guard is not None
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
                try:
                    for channel, url, _ in items:
                        if stop_requested():
                            return shots, version
                        shots.append(_shoot(context, channel, url, visitor, out_dir, PlaywrightError))
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


def _shoot(context, channel: str, url: str, visitor: str, out_dir: Path, error_type) -> Shot:
    page = context.new_page()
    try:
        response = page.goto(url, wait_until="load", timeout=NAVIGATION_TIMEOUT_MS)
        refused = response.headers.get(REFUSAL_HEADER.lower()) if response is not None else None
        if refused:
            return Shot(channel, url, visitor, error=f"refused: {refused}")
        png = page.screenshot(full_page=True, type="png")
        path = file_name(url, visitor)
        (out_dir / path).write_bytes(png)
        return Shot(channel, url, visitor, path, png, stamp_ms())
    except error_type as exc:
        return Shot(channel, url, visitor, error=str(exc).splitlines()[0][:300])
    finally:
        page.close()


def targets(results: list[ChannelResult], visitors: list[VisitorProfile]) -> list[tuple[str, str, dict]]:
    """The pages with findings, per visitor that saw them, as (channel, url, visitor profile with its real proxy);
    the strongest-evidence pages first, capped per channel and visitor."""
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
            out.append((channel.id, url, by_country.get(visitor, {})))
    return out


def capture(results: list[ChannelResult], visitors: list[VisitorProfile], archive: Path, proxy: str,
            user_agent: str, stop_requested: Callable[[], bool],
            allow_private: bool = False) -> tuple[dict[tuple[str, str], str], str]:
    """Screenshot the pages with findings into the archive's folder and the archive itself. Returns the
    screenshots' paths by (url, visitor) and the browser's version; failures are noted on their channel."""
    shots, version = take(targets(results, visitors), archive.parent, proxy, user_agent, stop_requested,
                          allow_private)
    writer = CaptureWriter(archive)
    try:
        if version:  # the report's provenance names the browser that took them, from the archive too
            writer.write_info({"provenance": {"screenshots_browser": version}})
        for shot in shots:
            if shot.png:
                writer.write_screenshot(channel=shot.channel, url=shot.url, visitor=shot.visitor,
                                        taken_at=shot.taken_at, png=shot.png)
    finally:
        writer.close()
    for shot in shots:
        if shot.error:
            channel = next(c for c in results if c.id == shot.channel)
            channel.errors.append({"url": shot.url, "error": f"screenshot as {shot.visitor or 'default'}: "
                                                            f"{shot.error}"})
    return {(s.url, s.visitor): s.path for s in shots if s.path}, version
