"""Runs one crawl job in its own process: `python -m crawler.crawl.child JOB.json`.

Twisted's reactor cannot be restarted inside a process, so footprint runs each crawl in a child process; the
parent (the CLI) stays re-entrant, and a crash of the crawl leaves the captures written so far on disk.
The job file lists channels, each with its start URLs, budget and capture file, and the shared settings; it names
visitor proxies with their passwords, so it sits in the crawl's private folder (crawler/crawl/scratch.py) and is
deleted as soon as it has been read.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_ENV = "FOOTPRINT_PARENT_PID"  # set by crawler.crawl.job.crawl: who started us


def run(job: dict) -> int:
    # Imported here, after die_with_parent: Scrapy's imports take most of a second, a window in which a parent
    # killed meanwhile would go unnoticed.
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler.crawl import settings as default_settings
    from crawler.crawl.spiders.pages import PagesSpider
    from crawler.crawl.spiders.website import WebsiteSpider

    spiders = {"website": WebsiteSpider, "pages": PagesSpider}
    base = Settings()
    base.setmodule(default_settings, priority="project")
    base.setdict(job.get("settings", {}), priority="cmdline")
    process = CrawlerProcess(base, install_root_handler=True)
    failures: list[str] = []
    for n, channel in enumerate(job["channels"]):
        # Per-channel settings (capture file, delay, robots) ride on a subclass: Scrapy applies a spider's
        # custom_settings to its own crawler only.
        custom = {**channel.get("settings", {}), "FOOTPRINT_CAPTURES": channel["captures"]}
        base_cls = spiders[channel.get("spider", "website")]
        spider_cls = type(f"{base_cls.__name__}{n}", (base_cls,), {"custom_settings": custom})
        extra = {"follow": channel["follow"]} if channel.get("follow") else {}
        deferred = process.crawl(spider_cls, urls=channel["start_urls"], channel=channel["id"],
                                 max_pages=channel["max_pages"], max_depth=channel["max_depth"],
                                 progress=job.get("progress", False), visitors=channel.get("visitors"),
                                 render=channel.get("render", "never"), **extra)
        deferred.addErrback(lambda failure, cid=channel["id"]: failures.append(
            f"{cid}: {failure.getErrorMessage() or 'the crawl failed'}"))
    process.start()
    for failure in failures:
        print(f"crawl failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


def die_with_parent() -> None:
    """Linux: get SIGTERM when the footprint process that started us dies (a SIGKILL or the OOM killer gives it no
    chance to stop us), rather than crawling on, unsupervised, into a run folder nobody will finish."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    expected = os.environ.get(PARENT_ENV, "")
    if expected.isdigit() and os.getppid() != int(expected):  # the parent died before prctl took effect
        sys.exit(1)


def read_job(path: str) -> dict:
    """The job, and the file gone: it names proxies with their passwords, and it has been read."""
    with open(path, encoding="utf-8") as fh:
        job = json.load(fh)
    with contextlib.suppress(OSError):
        os.unlink(path)
    return job


if __name__ == "__main__":
    die_with_parent()
    sys.exit(run(read_job(sys.argv[1])))
