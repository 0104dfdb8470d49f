"""Runs one crawl job in its own process: `python -m crawler.crawl.child JOB.json`; or, with `--serve JOB.json`
(the process's settings only), the jobs of a batch's many firms at once, as they come (crawler/crawl/shared.py).

Twisted's reactor cannot be restarted inside a process, so footprint runs each crawl in a child process; the
parent (the CLI) stays re-entrant, and a crash of the crawl leaves the captures written so far on disk.
The job file lists channels, each with its start URLs, budget and capture file, and the shared settings; it names
visitor proxies with their passwords, so it sits in the crawl's private folder (crawler/crawl/scratch.py) and is
deleted as soon as it has been read.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import json
import os
import signal
import sys

PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_ENV = "FOOTPRINT_PARENT_PID"  # set by crawler.crawl.job.crawl: who started us


def run(job: dict) -> int:
    process = _process(job.get("settings", {}))
    failures: list[str] = []
    for channel in job["channels"]:
        _start_channel(process, channel, job.get("progress", False), failures.append)
    process.start()
    for failure in failures:
        print(f"crawl failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


def serve(job: dict) -> int:
    """Crawl the jobs read from stdin, one JSON line each (`{"job": N, "channels": [...]}`, or `{"cancel": N}`),
    all at once in this one process, until stdin closes and the last has finished; each job's end is one JSON line
    on stdout: `{"job": N, "failures": [...]}` (crawler/crawl/shared.py is the other end). Each channel is its own
    crawler, with its own settings, archive and download slots; the process's host gate spaces them all."""
    import threading

    from scrapy.utils.reactor import install_reactor

    process = _process(job.get("settings", {}))
    # Installed now, not at start(): jobs are handed to the reactor from the reader thread before it runs.
    install_reactor(process.settings["TWISTED_REACTOR"])
    from twisted.internet import reactor
    from twisted.internet.defer import DeferredList

    running: dict[int, list] = {}  # job -> its crawlers
    state = {"closed": False}

    def start(message: dict) -> None:
        if "cancel" in message:
            for crawler in running.get(message["cancel"], []):
                crawler.stop()
            return
        failures: list[str] = []
        crawlers = running[message["job"]] = []
        ends = [_start_channel(process, channel, job.get("progress", False), failures.append, crawlers.append)
                for channel in message["channels"]]
        DeferredList(ends, consumeErrors=True).addBoth(lambda _: finish(message["job"], failures))

    def finish(number: int, failures: list[str]) -> None:
        running.pop(number, None)
        print(json.dumps({"job": number, "failures": failures}), flush=True)
        maybe_stop()

    def maybe_stop() -> None:
        if state["closed"] and not running and reactor.running:
            reactor.stop()

    def closed() -> None:
        state["closed"] = True
        maybe_stop()

    def read() -> None:
        for line in sys.stdin:
            if line.strip():
                reactor.callFromThread(start, json.loads(line))
        reactor.callFromThread(closed)

    threading.Thread(target=read, name="jobs", daemon=True).start()
    process.start(stop_after_crawl=False)
    return 0


def _process(settings: dict):
    # Imported here, after die_with_parent: Scrapy's imports take most of a second, a window in which a parent
    # killed meanwhile would go unnoticed.
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings

    from crawler.crawl import settings as default_settings

    base = Settings()
    base.setmodule(default_settings, priority="project")
    base.setdict(settings, priority="cmdline")
    return CrawlerProcess(base, install_root_handler=True)


_spider_classes = itertools.count()


def _start_channel(process, channel: dict, progress: bool, failed, created=None):
    """Start one channel's crawler; `failed(message)` when it fails; `created(crawler)` once it exists. Returns
    the deferred that fires when it ends."""
    from crawler.crawl.spiders.pages import PagesSpider
    from crawler.crawl.spiders.website import WebsiteSpider

    spiders = {"website": WebsiteSpider, "pages": PagesSpider}
    # Per-channel settings (capture file, delay, robots) ride on a subclass: Scrapy applies a spider's
    # custom_settings to its own crawler only.
    # A scan's judge reads each page's parse beside the archive instead of parsing it again (captures/documents.py).
    custom = {**channel.get("settings", {}), "FOOTPRINT_CAPTURES": channel["captures"], "FOOTPRINT_PARSED_PAGES": True}
    base_cls = spiders[channel.get("spider", "website")]
    spider_cls = type(f"{base_cls.__name__}{next(_spider_classes)}", (base_cls,), {"custom_settings": custom})
    extra = {"follow": channel["follow"]} if channel.get("follow") else {}
    crawler = process.create_crawler(spider_cls)
    if created is not None:
        created(crawler)
    deferred = process.crawl(crawler, urls=channel["start_urls"], channel=channel["id"],
                             max_pages=channel["max_pages"], max_depth=channel["max_depth"], progress=progress,
                             visitors=channel.get("visitors"), render=channel.get("render", "never"), **extra)
    deferred.addErrback(lambda failure, cid=channel["id"]: failed(
        f"{cid}: {failure.getErrorMessage() or 'the crawl failed'}"))
    return deferred


def die_with_parent(parent: int | None = None) -> None:
    """Linux: get SIGTERM when the footprint process that started us dies (a SIGKILL or the OOM killer gives it no
    chance to stop us), rather than crawling on, unsupervised, into a run folder nobody will finish. `parent`: its
    pid, where not in PARENT_ENV (a fork)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        return
    expected = str(parent) if parent is not None else os.environ.get(PARENT_ENV, "")
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
    sys.exit(serve(read_job(sys.argv[2])) if sys.argv[1] == "--serve" else run(read_job(sys.argv[1])))
