"""The per-host gate (crawler/crawl/host_gate.py): firms crawled together in one process (crawler/crawl/shared.py)
that share a host hit it no faster than the delay allows, together; and the gate, not Scrapy's per-crawler
spacing, is what holds it (the negative control turns the gate off: the same firms then hit the host at once)."""

from __future__ import annotations

import asyncio
import threading
from itertools import pairwise
from urllib.parse import urlsplit

import pytest

from crawler.config.profiles import firm_from_urls
from crawler.config.scan_config import RunOptions, resolve
from crawler.crawl.host_gate import HostGate, _Host
from crawler.crawl.job import CrawlJob
from crawler.crawl.shared import SharedCrawl
from crawler.plan.channels import plan_channels
from crawler.plan.visitors import profiles
from crawler.sandbox import SandboxWeb
from tests.support.sites import write_host

HOST = "shared-hosting.com"
FIRMS = ("alpha", "beta", "gamma")
DELAY = 0.5


def test_a_request_waits_for_the_delay_after_the_previous_one_to_its_host_ended():
    host = _Host(ended=10.0, delay=1.0)
    assert host.pause(10.2, 1.0) == pytest.approx(0.8)
    assert host.pause(11.5, 1.0) == 0  # long after: no wait
    assert host.pause(10.2, 3.0) == pytest.approx(2.8)  # the larger of the two requests' delays holds
    assert _Host(ended=10.0, delay=3.0).pause(10.2, 1.0) == pytest.approx(2.8)


def test_requests_to_one_host_take_turns_and_other_hosts_do_not_wait():
    gate = HostGate()
    log: list[tuple[str, str, float]] = []

    async def fetch(host: str, started: float) -> None:
        loop = asyncio.get_running_loop()
        async with gate.turn(host, 0.1):
            log.append((host, "start", loop.time() - started))
            await asyncio.sleep(0.05)  # the download itself
            log.append((host, "end", loop.time() - started))

    async def three_and_one() -> None:
        started = asyncio.get_running_loop().time()
        await asyncio.gather(*(fetch("a.com", started) for _ in range(3)), fetch("b.com", started))

    asyncio.run(three_and_one())
    a = [t for host, _, t in log if host == "a.com"]
    ends, starts = a[1::2], a[2::2]
    assert all(start - end >= 0.099 for end, start in zip(ends[:-1], starts, strict=True))  # a delay after each ended
    assert next(t for host, what, t in log if host == "b.com" and what == "start") < 0.05  # near miss: not held


@pytest.fixture(scope="module")
def shared_web(tmp_path_factory):
    """Three firms' sites on one host, each under its own folder (one page of each is crawled)."""
    root = tmp_path_factory.mktemp("web")
    files = {}
    for firm in FIRMS:
        files[f"{firm}/index.html"] = (f"<html lang=en><title>{firm}</title><a href='/{firm}/more.html'>More</a>"
                                       "</html>")
        files[f"{firm}/more.html"] = f"<html lang=en><title>{firm} more</title><p>Plain text.</p></html>"
    write_host(root, HOST, files)
    with SandboxWeb(root) as web:
        yield web


def _jobs(tmp_path, delay: float) -> list[CrawlJob]:
    options = RunOptions(settings={"delay": delay, "max_pages": 1, "render": "never", "screenshots": False})
    jobs = []
    for firm_name in FIRMS:
        firm = firm_from_urls([f"https://{HOST}/{firm_name}/"])
        config = resolve(firm, options)
        jobs.append(CrawlJob(plan_channels(firm, config), config, profiles([]), tmp_path / f"{firm_name}.warc.gz"))
    return jobs


def _crawl_together(web, tmp_path, gate: bool) -> list[float]:
    """The three firms crawled at once in one shared process; the gaps between requests to the host, in order."""
    web.requests.clear()
    jobs = _jobs(tmp_path, DELAY)
    with SharedCrawl(web.url, progress=False, extra_settings={"FOOTPRINT_HOST_GATE": gate}) as shared:
        results: list[tuple[int, str]] = []
        threads = [threading.Thread(target=lambda j=job: results.append(shared.crawl([j], web.url)))
                   for job in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert results == [(0, "")] * len(FIRMS)
    times = sorted(r["at"] for r in web.requests if urlsplit(r["url"]).hostname == HOST)
    # Each firm: robots.txt, sitemap.xml and its index page; every one of them reached the host.
    assert len(times) == 3 * len(FIRMS)
    return [b - a for a, b in pairwise(times)]


def test_firms_sharing_a_host_in_one_process_hit_it_a_delay_apart(shared_web, tmp_path):
    gaps = _crawl_together(shared_web, tmp_path, gate=True)
    assert min(gaps) >= DELAY - 0.02, gaps


def test_negative_control_without_the_gate_the_firms_hit_the_shared_host_at_once(shared_web, tmp_path):
    gaps = _crawl_together(shared_web, tmp_path, gate=False)
    assert min(gaps) < DELAY - 0.02, gaps  # each firm's crawler keeps its own delay, not the host's
