"""Screenshots of the pages that carry findings, per visitor, taken by a real Chromium whatever the render mode.

A supervisor's evidence: what the page looked like to that visitor when it was assessed. One browser for the
whole batch, one context per visitor (locale, time zone, proxy), every page and context closed in `finally`
so memory stays bounded however many pages there are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crawler import interrupt
from crawler.browser import chromium_executable, context_options, launch_options

MAX_PER_CHANNEL = 40  # pages per channel and visitor; the evidence table still lists every finding
TIMEOUT_MS = 30_000


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


def take(targets: list[tuple[str, str, dict]], out_dir: Path, proxy: str,
         user_agent: str) -> tuple[list[Shot], str]:
    """Screenshot (channel, url, visitor profile) targets into out_dir/screenshots/; also returns the browser's
    version. Failures are returned, not raised: a missing screenshot must not cost the report."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    shots: list[Shot] = []
    if not targets:
        return shots, ""
    (out_dir / "screenshots").mkdir(parents=True, exist_ok=True)
    by_visitor: dict[str, list[tuple[str, str, dict]]] = {}
    for channel, url, profile in targets:
        by_visitor.setdefault(profile.get("country", ""), []).append((channel, url, profile))
    proxied = bool(proxy) or any(p.get("proxy") for _, _, p in targets)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(chromium_executable(), proxied))
        version = f"Chromium {browser.version}"
        try:
            for visitor, items in sorted(by_visitor.items()):
                profile = items[0][2]
                context = browser.new_context(**(context_options(profile, profile.get("proxy") or proxy, user_agent)
                                                 if profile else {"ignore_https_errors": True,
                                                                  "user_agent": user_agent,
                                                                  **({"proxy": {"server": proxy}} if proxy else {})}))
                try:
                    for channel, url, _ in items:
                        if interrupt.requested():  # SIGTERM: stop within one page, not after all of them
                            return shots, version
                        shots.append(_shoot(context, channel, url, visitor, out_dir, PlaywrightError))
                finally:
                    context.close()
        finally:
            browser.close()
    return shots, version


def _shoot(context, channel: str, url: str, visitor: str, out_dir: Path, error_type) -> Shot:
    page = context.new_page()
    try:
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        png = page.screenshot(full_page=True, type="png")
        path = file_name(url, visitor)
        (out_dir / path).write_bytes(png)
        taken = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        return Shot(channel, url, visitor, path, png, taken)
    except error_type as exc:
        return Shot(channel, url, visitor, error=str(exc).splitlines()[0][:300])
    finally:
        page.close()
