"""Launching a crawl: the job file the child process reads (channels, visitors, per-channel Scrapy settings) and
the child itself (crawler/crawl/child.py), whose progress lines are shown as they come.

Twisted's reactor cannot be restarted inside a process, so every crawl runs in a child process; the parent stays
re-entrant, and a crash of the crawl leaves the captures written so far on disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from crawler.config.defaults import JUDGE_WHILE_CRAWLING_EVERY, NAVIGATION_TIMEOUT_MS
from crawler.config.limits import plain_error
from crawler.config.scan_config import ScanConfig
from crawler.crawl import progress as crawl_progress
from crawler.crawl.browser import chromium_executable, launch_options
from crawler.crawl.child import PARENT_ENV
from crawler.crawl.host_slots import SETTING as HOST_SLOTS
from crawler.crawl.scratch import scratch, write_private
from crawler.plan.channels import ChannelPlan
from crawler.plan.visitors import VisitorProfile
from detectors.model import ChannelKind

PROGRESS_PREFIX = "  ["  # lines of the child's stderr that are progress, not log
JOB_FILE = "job.json"


@dataclass(frozen=True)
class CrawlJob:
    """One firm's channels to crawl, as its visitors, into its archive."""

    plans: list[ChannelPlan]
    config: ScanConfig
    visitors: list[VisitorProfile]  # with their real proxy URLs (never written to reports)
    archive: Path


def _crawl_settings(config: ScanConfig) -> dict:
    settings = {"DOWNLOAD_DELAY": config.delay, "ROBOTSTXT_OBEY": config.obey_robots,
                "AUTOTHROTTLE_START_DELAY": max(config.delay, 0.1), "FOOTPRINT_ALLOW_PRIVATE": config.allow_private}
    if config.delay == 0:
        settings["AUTOTHROTTLE_ENABLED"] = False
    return settings


def _browser_settings(proxied: bool) -> dict:
    """scrapy-playwright: only requests marked `playwright` go through the browser, the rest stay plain HTTP."""
    handler = "crawler.crawl.playwright_handler.DeadlinePlaywrightHandler"
    return {
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": launch_options(chromium_executable(), proxied),
        # Bounded memory on long crawls: few contexts (one per visitor), few pages open in each.
        "PLAYWRIGHT_MAX_CONTEXTS": 8,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
        "PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT": NAVIGATION_TIMEOUT_MS,
        # The context's own locale, Accept-Language and user agent, not Scrapy's headers.
        "PLAYWRIGHT_PROCESS_REQUEST_HEADERS": None,
        "PLAYWRIGHT_RESTART_DISCONNECTED_BROWSER": True,
    }


def channels_of(job: CrawlJob, proxy: str) -> list[dict]:
    """The job's channels as the crawl child reads them."""
    render = job.config.render
    visitors = [{**v.__dict__} for v in job.visitors]  # with the real proxy URL, for the crawl only
    out = []
    for plan in (p for p in job.plans if p.spider != "none"):
        # App lookups name their storefront in the URL; social pages are read once, as the baseline visitor.
        who = visitors if plan.spider == "website" else [{}] if plan.kind == ChannelKind.APP else visitors[:1]
        renders = plan.spider == "website" and render != "never"
        settings = _crawl_settings(job.config)
        if renders:  # only crawlers that may render start Playwright (each start costs two node drivers)
            settings.update(_browser_settings(bool(proxy) or any(v.proxy for v in job.visitors)))
        out.append({"id": plan.id, "start_urls": plan.start_urls, "max_pages": plan.max_pages,
                    "max_depth": plan.max_depth, "captures": str(job.archive), "visitors": who,
                    "render": render if renders else "never", "spider": plan.spider, "follow": plan.follow,
                    "settings": settings})
    return out


def process_settings(jobs: list[CrawlJob], proxy: str, user_agent: str, host_slots: str = "") -> dict:
    """The settings a crawl process shares between all its channels; `host_slots`: a fleet worker's store URL, where
    the process claims its turns at hosts (crawler/crawl/host_slots.py)."""
    # The resolver serves the whole process: it lets private answers through only if every firm in it opted in.
    shared: dict = {"FOOTPRINT_ALLOW_PRIVATE": all(job.config.allow_private for job in jobs),
                    "FOOTPRINT_PROXY_HOSTS": sorted({urlsplit(v.proxy).hostname or "" for job in jobs
                                                     for v in job.visitors if v.proxy} - {""})}
    if proxy:
        shared["FOOTPRINT_PROXY"] = proxy
    if user_agent:
        shared["USER_AGENT"] = user_agent
    if host_slots:
        shared[HOST_SLOTS] = host_slots
    return shared


def crawl(jobs: list[CrawlJob], proxy: str = "", user_agent: str = "", progress: bool = True,
          supervise: Callable[[subprocess.Popen], contextlib.AbstractContextManager] = contextlib.nullcontext,
          while_running: Callable[[], bool | None] | None = None, host_slots: str = "") -> tuple[int, str]:
    """Crawl every planned channel of the jobs in one child process. Returns its exit code and stderr tail.
    `supervise(proc)`: a context the child runs in (the run's stop handling: crawler/runs/interrupt.py);
    `while_running()`: called in this thread every JUDGE_WHILE_CRAWLING_EVERY seconds while the child crawls, at
    once again when it returns True (a scan judges the pages archived so far meanwhile, on another core than the
    crawl's, a slice at a time, so that it sees the crawl's end when it comes)."""
    channels = [c for job in jobs for c in channels_of(job, proxy)]
    if not channels:
        return 0, ""
    shared = process_settings(jobs, proxy, user_agent, host_slots)
    tail: list[str] = []
    # The job names visitor proxies with their passwords: it lives in a private folder, only as long as the crawl
    # (crawler/crawl/scratch.py), and the child's temporary files (the browser's) go there too.
    with scratch() as folder:
        job_path = write_private(folder / JOB_FILE, json.dumps({"channels": channels, "settings": shared,
                                                                "progress": progress}))
        with subprocess.Popen([sys.executable, "-m", "crawler.crawl.child", str(job_path)], stderr=subprocess.PIPE,
                              text=True, env=child_env(folder)) as proc, supervise(proc):
            # The child's stderr is read beside this thread, so that a full pipe never stalls the crawl while
            # this thread is busy in while_running().
            reader = threading.Thread(target=read_log, args=(proc.stderr, progress, tail), daemon=True)
            reader.start()
            busy = False  # while_running left work for its next call: look at the child, do not wait for it
            while True:
                try:
                    proc.wait(timeout=0 if busy else JUDGE_WHILE_CRAWLING_EVERY if while_running is not None else None)
                    break
                except subprocess.TimeoutExpired:
                    try:
                        busy = bool(while_running())
                    except BaseException:  # a stop, or judging failed: the crawl is of no use any more
                        proc.terminate()
                        raise
            reader.join()
    return proc.returncode, "\n".join(tail)


def child_env(folder: Path) -> dict[str, str]:
    """A crawl child's environment: its temporary files (the browser's) in the crawl's private folder."""
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "crawler.crawl.settings", PARENT_ENV: str(os.getpid()),
            "TMPDIR": str(folder)}


def read_log(stream, progress: bool, tail: list[str]) -> None:
    """Progress lines are shown as they come; the rest of the crawl's log is kept for a failure message."""
    with contextlib.suppress(ValueError, OSError):  # the pipe closed under us: the scan was stopped
        for line in stream:
            if line.startswith(PROGRESS_PREFIX):
                if progress:
                    crawl_progress.crawl_line(line)
            else:
                tail.append(line.rstrip())
                del tail[:-20]


def failure_of(code: int, tail: str) -> str:
    """What a failed crawl process said last ("" when it did not fail)."""
    return f"exit code {code}: {plain_error(tail.splitlines()[-1]) if tail else 'no message'}" if code else ""
