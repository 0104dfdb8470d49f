"""What a run needs, checked before it starts: a browser that exists, proxies that answer, a store that opens, an
output folder that can be written. `footprint scan` stops on the first problem with exit 2 (nothing fetched);
`footprint doctor` runs every check and lists them all."""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from crawler.config.defaults import PROXY_CHECK_SECONDS
from detectors.inputs import InputError

CLI = "command line"


@dataclass(frozen=True)
class Check:
    what: str  # "browser", "store", "proxy 127.0.0.1:3128", ...
    ok: bool
    detail: str  # what was found, or what to fix
    needed: bool = True  # False: an optional part, listed but never a reason for exit 2


def proxy_problem(url: str) -> str:
    """Why the proxy at `url` cannot be used ("" when it accepts a connection)."""
    import socket

    parts = urlsplit(url)
    port = parts.port or {"https": 443, "socks5": 1080}.get(parts.scheme, 80)
    try:
        socket.create_connection((parts.hostname, port), timeout=PROXY_CHECK_SECONDS).close()
    except TimeoutError:
        return f"{parts.hostname}:{port} gave no answer in {PROXY_CHECK_SECONDS} s"
    except OSError as exc:
        return f"{parts.hostname}:{port} does not accept connections ({exc.strerror or 'unreachable'})"
    return ""


def check_proxies(proxy: str, visitor_proxies: dict[str, str]) -> None:
    """Each proxy answers, or bad input naming it: a dead proxy would otherwise mark every firm "not assessed"
    without saying why."""
    given = {proxy: "--proxy"} if proxy else {}
    for country, url in sorted(visitor_proxies.items()):
        given.setdefault(url, f"the visitor proxy for {country}")
    for url, what in given.items():
        problem = proxy_problem(url)
        if problem:
            raise InputError(CLI, what, f"a proxy that accepts connections; {problem}")


def browser_check() -> Check:
    from crawler.crawl.browser import BrowserUnavailable, chromium_executable

    try:
        path = chromium_executable()
    except BrowserUnavailable as exc:
        return Check("browser", False, str(exc))
    if path is None:
        return Check("browser", True, "Playwright's own Chromium")
    try:
        run = subprocess.run([path, "--headless", "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("browser", False, f"{path} does not start ({exc}); set FOOTPRINT_CHROMIUM to a working Chromium")
    found = (run.stdout or run.stderr).strip().splitlines()
    if run.returncode != 0 or not found:
        return Check("browser", False, f"{path} exits with {run.returncode}; set FOOTPRINT_CHROMIUM to a working "
                                       "Chromium, or scan with --render never --no-screenshots")
    return Check("browser", True, f"{found[0]} ({path})")


def store_check(spec: str | None) -> Check:
    from crawler.config.secrets import redact
    from crawler.store import StoreError, default_location, open_store
    from crawler.store.location import is_named

    where = redact(spec or default_location())
    try:
        with open_store(spec, create=False) as store:
            count = len(store.scans(limit=None))
    except StoreError as exc:
        if "no such store" in str(exc):
            folder = Path(spec or default_location()).expanduser().parent
            if is_named(spec) and not folder.is_dir():  # a named store's folder is never created (a typo)
                return Check("store", False, f"{where}: its folder {folder} does not exist")
            return Check("store", True, f"{where}: not created yet (the first scan creates it)")
        return Check("store", False, str(exc))
    return Check("store", True, f"{where}: {count} scan(s)")


def output_check(out: Path) -> Check:
    """The nearest existing folder of `out` accepts a file."""
    folder = out
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return Check("output folder", False, f"{out}: {folder} is not a folder")
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".footprint-doctor-"):
            pass
    except OSError as exc:
        return Check("output folder", False, f"{out}: cannot write in {folder} ({exc.strerror})")
    return Check("output folder", True, f"{out}" + ("" if out.exists() else f" (will be created in {folder})"))


def proxy_check(url: str) -> Check:
    from crawler.config.secrets import redact

    problem = proxy_problem(url)
    return Check(f"proxy {redact(url)}", not problem, problem or "accepts connections")


def render_extra_check() -> Check:
    from crawler.crawl.render_extra import EXTRA, missing_sentence

    missing = missing_sentence()
    return Check(f"{EXTRA} extra", not missing, missing + "; scans fetch statically and take no screenshots"
                 if missing else "installed (browser rendering and screenshots)", needed=False)


def without_render_extra(options, configs: list) -> tuple:
    """The run's options when the render extra is missing: `--render always` (from the command line or a
    profile) is bad input, since its promise of a browser cannot be kept; otherwise every firm is fetched
    statically without screenshots, recorded in each report's configuration and said once on stderr.
    Returns (options, notice); the notice is "" and the options unchanged when the extra is installed."""
    from crawler.crawl.render_extra import missing_sentence

    missing = missing_sentence()
    if not missing or not any(c.render != "never" or c.screenshots for c in configs):
        return options, ""
    if any(c.render == "always" for c in configs):
        raise InputError(CLI, "--render", f"a browser for --render always, but {missing}; or scan with "
                                          "--render auto or never")
    notice = f"{missing}; pages are fetched without a browser and no screenshots are taken"
    settings = {**options.settings, "render": "never", "screenshots": False}
    return replace(options, settings=settings, extra={**options.extra, "render_extra": notice}), notice


def environment_checks(out: Path, store: str | None, proxy: str) -> list[Check]:
    extra = render_extra_check()
    browser = browser_check()  # without the render extra nothing starts a browser: a missing one is only noted
    checks = [extra, browser if extra.ok else replace(browser, needed=False), store_check(store), output_check(out)]
    if proxy or os.environ.get("HTTPS_PROXY"):
        checks.append(proxy_check(proxy or os.environ["HTTPS_PROXY"]))
    return checks
