"""Politeness across a fleet (crawler/crawl/host_slots.py): crawl processes given the store's URL claim their turns
at a host in PostgreSQL, so separate processes sharing a host hit it no faster than the interval allows; without
the store each process keeps its own gate and together they hit the host faster (the negative control). A
platform's host gets its own, longer interval; robots.txt's Crawl-delay, when longer than the firm's delay, holds."""

from __future__ import annotations

import asyncio
import threading
from itertools import pairwise
from urllib.parse import urlsplit

import pytest

from crawler.config.defaults import SHARED_HOST_INTERVAL_SECONDS
from crawler.config.profiles import firm_from_urls
from crawler.config.scan_config import RunOptions, resolve
from crawler.crawl.host_slots import HostSlots, host_interval
from crawler.crawl.job import CrawlJob, crawl
from crawler.plan.channels import plan_channels
from crawler.plan.visitors import profiles
from crawler.sandbox import SandboxWeb
from crawler.store import open_store
from tests.support.pg_server import fresh_schema, postgres_url, skip_reason
from tests.support.sites import write_host

HOST = "shared-hosting.com"
SLOW_HOST = "slow-robots.com"  # its robots.txt asks for a Crawl-delay longer than the firms' delay
FIRMS = ("alpha", "beta", "gamma")
DELAY = 0.5
CRAWL_DELAY = 0.8


def test_the_interval_is_the_largest_of_the_delay_the_crawl_delay_and_a_platforms_own():
    assert host_interval("example.com", 0.5) == 0.5
    assert host_interval("example.com", 0.5, crawl_delay=2.0) == 2.0
    assert host_interval("example.com", 0.5, crawl_delay=0.1) == 0.5
    assert host_interval("apps.apple.com", 0.5) == SHARED_HOST_INTERVAL_SECONDS > 0.5
    assert host_interval("www.youtube.com", 0.5) == SHARED_HOST_INTERVAL_SECONDS  # a platform's subdomain
    assert host_interval("notyoutube.com", 0.5) == 0.5  # near miss: not a platform's host


@pytest.fixture(scope="module")
def store_url():
    url = postgres_url()
    if url is None:
        pytest.skip(skip_reason())
    with fresh_schema(url) as fresh:
        open_store(fresh).close()  # migrated: the host_slots table
        yield fresh


async def _claims(url: str, asks: list[tuple[str, float]]) -> list[float | None]:
    """Each claim's wait, from two connections (two workers) in turn, each released at once (no request sent, no
    waiting for the turn); a claim that finds the host held by the previous one is retried after its release."""
    first, second = HostSlots(url), HostSlots(url)
    waits: list[float | None] = []
    try:
        for slots in (first, second):  # connected before the claims measured
            await slots.claim("warm-up.test", 0.0)
            await slots.release("warm-up.test", 0.0)
        for i, (host, interval) in enumerate(asks):
            slots, other = (first, second) if i % 2 else (second, first)
            wait = await slots.claim(host, interval)
            if i and asks[i - 1][0] == host:
                assert wait is None  # the previous claim still holds the host
                await other.release(*asks[i - 1])
                wait = await slots.claim(host, interval)
            waits.append(wait)
        await slots.release(*asks[-1])
    finally:
        await first.close()
        await second.close()
    return waits


def _about(wait: float | None, turn: float) -> bool:
    """A wait for a turn `turn` seconds after the first claim: each wait is counted from its own statement's now(),
    a few ms after the previous statement's, so it comes out a little shorter, never longer."""
    return wait is not None and turn - 0.1 <= wait <= turn + 0.001


def test_claims_from_two_connections_take_turns_an_interval_apart_by_the_databases_clock(store_url):
    shared = host_interval("play.google.com", 0.5)
    waits = asyncio.run(_claims(store_url, [("claims.test", 0.5)] * 3 + [("other.test", 0.5)]
                                + [("play.google.com", shared)] * 3))
    assert waits[0] <= 0 and _about(waits[1], 0.5) and _about(waits[2], 1.0)
    assert waits[3] <= 0  # another host does not wait
    assert waits[4] <= 0 and _about(waits[5], shared) and _about(waits[6], 2 * shared)


def test_after_a_longer_interval_a_shorter_claim_still_waits_for_it(store_url):
    waits = asyncio.run(_claims(store_url, [("mixed.test", 1.0), ("mixed.test", 0.2), ("mixed.test", 1.0)]))
    assert _about(waits[1], 1.0)  # the previous claim's interval
    assert _about(waits[2], 2.0)  # its own interval from the previous turn, not 0.2 after it


async def _hold_then_die(url: str, expire: bool) -> tuple[float | None, float | None, float | None]:
    """A claim while another holds the host; after the holder's connection is gone (`expire`: its hold ran out
    instead, the connection still open); and the wait of the claim that took the host then."""
    holder, waiter = HostSlots(url), HostSlots(url)
    try:
        await holder.claim("dead.test", 0.2)
        held = await waiter.claim("dead.test", 0.2)
        if expire:
            await waiter._run("UPDATE host_slots SET held_until = now() - interval '1 second'", {})
        else:
            await holder.close()  # its crawl process died without letting go
        for _ in range(40):  # the server process ends a moment after its connection closed
            after = await waiter.claim("dead.test", 0.2)
            if after is not None:
                break
            await asyncio.sleep(0.05)
        still_held = await holder.claim("dead.test", 0.2) if expire else None
        return held, after, still_held
    finally:
        await holder.close()
        await waiter.close()


@pytest.mark.parametrize("expire", [False, True], ids=["connection gone", "hold ran out"])
def test_a_dead_holder_lets_go_and_the_host_is_claimed_again(store_url, expire):
    asyncio.run(_reset(store_url))
    held, after, still_held = asyncio.run(_hold_then_die(store_url, expire))
    assert held is None and after is not None and after <= 0.2  # the dead holder's turn is still kept
    assert still_held is None  # near miss: the host is now the waiter's, held until its request ends


async def _reset(url: str) -> None:
    slots = HostSlots(url)
    try:
        await slots._run("DELETE FROM host_slots WHERE host = 'dead.test'", {})
    finally:
        await slots.close()


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    for host, robots in ((HOST, None), (SLOW_HOST, f"User-agent: *\nCrawl-delay: {CRAWL_DELAY}\nAllow: /\n")):
        files = {}
        for firm in FIRMS:
            files[f"{firm}/index.html"] = f"<html lang=en><title>{firm}</title><p>Plain text.</p></html>"
        if robots:
            files["robots.txt"] = robots
        write_host(root, host, files)
    with SandboxWeb(root) as sandbox:
        yield sandbox


def _job(tmp_path, host: str, firm_name: str, delay: float) -> CrawlJob:
    options = RunOptions(settings={"delay": delay, "max_pages": 1, "render": "never", "screenshots": False})
    firm = firm_from_urls([f"https://{host}/{firm_name}/"])
    config = resolve(firm, options)
    return CrawlJob(plan_channels(firm, config), config, profiles([]), tmp_path / f"{host}.{firm_name}.warc.gz")


def _crawl_apart(web, tmp_path, host: str, firms: tuple[str, ...], delay: float, store: str) -> list[float]:
    """Each firm crawled by a crawl process of its own, all at once; the gaps between requests to the host."""
    web.requests.clear()
    results: list[tuple[int, str]] = []
    threads = [threading.Thread(target=lambda f=firm: results.append(
        crawl([_job(tmp_path, host, f, delay)], web.url, progress=False, host_slots=store))) for firm in firms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert [code for code, _ in results] == [0] * len(firms), "\n\n".join(tail for _, tail in results)
    times = sorted(r["at"] for r in web.requests if urlsplit(r["url"]).hostname == host)
    assert len(times) == 3 * len(firms), results  # each firm: robots.txt, sitemap.xml, its index page
    return [b - a for a, b in pairwise(times)]


def test_crawl_processes_sharing_a_host_through_the_store_hit_it_a_delay_apart(web, tmp_path, store_url):
    gaps = _crawl_apart(web, tmp_path, HOST, FIRMS, DELAY, store_url)
    assert min(gaps) >= DELAY - 0.02, gaps


def test_negative_control_crawl_processes_without_the_store_hit_the_shared_host_faster(web, tmp_path):
    gaps = _crawl_apart(web, tmp_path, HOST, FIRMS, DELAY, "")
    assert min(gaps) < DELAY - 0.02, gaps  # each process's own gate spaces only its own requests


def test_a_robots_crawl_delay_longer_than_the_delay_holds_across_processes(web, tmp_path, store_url):
    gaps = _crawl_apart(web, tmp_path, SLOW_HOST, FIRMS[:2], 0.3, store_url)
    # Until a process has read robots.txt it knows only the firm's delay: its robots.txt request, and the one
    # after it, may come 0.3 s apart; every request sent once robots.txt was read keeps the Crawl-delay.
    assert sum(gap >= CRAWL_DELAY - 0.02 for gap in gaps) >= len(gaps) - 2, gaps
    assert min(gaps) >= 0.3 - 0.02, gaps
