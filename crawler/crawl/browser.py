"""Finding and configuring a real Chromium for Playwright.

Playwright's own browser build is used where it is installed (as users elsewhere will have it); otherwise the
system's Chromium (Debian's `chromium` package, which the setup script installs here, where `playwright install`
cannot download). The launch flags keep Chromium from calling home on a closed network.
"""

from __future__ import annotations

import os
import shutil
from functools import cache

from crawler.config.defaults import RENDER_JS_HEAP_MIB

QUIET_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
              "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
              # No UDP around the proxy (WebRTC's ICE would reach local addresses the egress guard never sees).
              "--force-webrtc-ip-handling-policy=disable_non_proxied_udp"]
# A page's script past its heap budget stops its own renderer (the page fails) instead of growing it for ever.
BOUNDED_ARGS = [f"--js-flags=--max-old-space-size={RENDER_JS_HEAP_MIB}"]
SYSTEM_CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class BrowserUnavailable(RuntimeError):
    pass


@cache
def chromium_executable() -> str | None:
    """None when Playwright's own Chromium is installed (Playwright finds it), else a system Chromium's path."""
    override = os.environ.get("FOOTPRINT_CHROMIUM")
    if override:
        if not (os.path.isfile(override) and os.access(override, os.X_OK)):
            raise BrowserUnavailable(f"FOOTPRINT_CHROMIUM is {override!r}, which is not an executable file: set it "
                                     "to a Chromium's path, unset it, or scan with --render never --no-screenshots")
        return override
    cache_dir = os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or os.path.expanduser("~/.cache/ms-playwright")
    if os.path.isdir(cache_dir) and any(name.startswith("chromium") for name in os.listdir(cache_dir)):
        return None  # `playwright install chromium` was run: Playwright finds its own build
    for name in SYSTEM_CHROMIUM:
        path = shutil.which(name)
        if path:
            return path
    raise BrowserUnavailable("no Chromium found for rendering and screenshots: install the system package "
                             "'chromium' (scripts/setup.sh does) or Playwright's browser, set FOOTPRINT_CHROMIUM "
                             "to its path, or scan with --render never --no-screenshots")


def launch_options(executable: str | None, proxied: bool = False, marker: str = "") -> dict:
    """Playwright's launch options; `marker` names the browser's process for its memory watchdog
    (crawler/crawl/browser_memory.py)."""
    options: dict = {"headless": True, "args": [*QUIET_ARGS, *BOUNDED_ARGS, *([marker] if marker else [])]}
    if executable:
        options["executable_path"] = executable
    if proxied:
        # Chromium applies per-context proxies only when the browser was launched with one (any value).
        options["proxy"] = {"server": "http://per-context"}
    return options


def proxy_url(proxy: dict) -> str:
    """A Playwright proxy setting ({server, username, password}) as one URL, credentials in it."""
    from urllib.parse import quote, urlsplit

    parts = urlsplit(proxy["server"])
    user = quote(proxy.get("username") or "", safe="")
    password = quote(proxy.get("password") or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    return f"{parts.scheme}://{credentials}{parts.netloc}"


def context_options(profile: dict, proxy: str, user_agent: str) -> dict:
    """Browser context for a visitor profile: locale, time zone, language header, proxy, our user agent."""
    from urllib.parse import urlsplit

    options = {"locale": profile["locale"], "timezone_id": profile["timezone"], "user_agent": user_agent,
               "extra_http_headers": {"Accept-Language": profile["accept_language"]}, "ignore_https_errors": True,
               "java_script_enabled": True}
    if proxy:
        parts = urlsplit(proxy)
        server = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        options["proxy"] = {"server": server, "username": parts.username or "", "password": parts.password or ""}
    return options
