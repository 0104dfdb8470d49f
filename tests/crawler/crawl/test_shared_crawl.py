"""The batch's shared crawl process (crawler/crawl/shared.py): each firm's job ends on its own, with its own
archive; a process that dies fails only the firms in it at that moment, and the next firm gets a new one."""

from __future__ import annotations

import threading
import time

import pytest

from crawler.captures.stream import ArchiveStream
from crawler.config.profiles import firm_from_urls
from crawler.config.scan_config import RunOptions, resolve
from crawler.crawl.job import CrawlJob
from crawler.crawl.shared import SharedCrawl
from crawler.plan.channels import plan_channels
from crawler.plan.visitors import profiles
from crawler.sandbox import SandboxWeb
from tests.support.sites import write_host


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    for host in ("first-firm.com", "second-firm.com"):
        pages = {f"p{n}.html": f"<html lang=en><title>{host} {n}</title><p>Text {n}.</p></html>" for n in range(4)}
        links = "".join(f"<a href='/p{n}.html'>{n}</a>" for n in range(4))
        write_host(root, host, {"index.html": f"<html lang=en><title>{host}</title>{links}</html>", **pages})
    with SandboxWeb(root) as sandbox:
        yield sandbox


def _job(url: str, archive, delay: float) -> CrawlJob:
    firm = firm_from_urls([url])
    config = resolve(firm, RunOptions(settings={"delay": delay, "max_pages": 5, "render": "never"}))
    return CrawlJob(plan_channels(firm, config), config, profiles([]), archive)


def _pages(archive) -> list[str]:
    """The pages captured (the sitemap.xml asked for, a 404 here, left out)."""
    with ArchiveStream(archive) as stream:
        return [data["url"] for kind, data in stream.entries(final=True)
                if kind == "capture" and not data["url"].endswith("sitemap.xml")]


def test_two_firms_crawl_at_once_each_into_its_own_archive(web, tmp_path):
    jobs = [_job("https://first-firm.com/", tmp_path / "a.warc.gz", 0),
            _job("https://second-firm.com/", tmp_path / "b.warc.gz", 0)]
    results = {}
    with SharedCrawl(web.url, progress=False) as shared:
        threads = [threading.Thread(target=lambda j=j: results.__setitem__(j.archive.name, shared.crawl([j], web.url)))
                   for j in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert results == {"a.warc.gz": (0, ""), "b.warc.gz": (0, "")}
    assert {p.split("/")[2] for p in _pages(tmp_path / "a.warc.gz")} == {"first-firm.com"}
    assert {p.split("/")[2] for p in _pages(tmp_path / "b.warc.gz")} == {"second-firm.com"}
    assert len(_pages(tmp_path / "a.warc.gz")) == 5


def test_a_dead_crawl_process_fails_the_firm_in_it_and_the_next_firm_gets_a_new_one(web, tmp_path):
    slow = _job("https://first-firm.com/", tmp_path / "slow.warc.gz", 0.5)  # 5 pages, half a second apart
    result = {}
    with SharedCrawl(web.url, progress=False) as shared:
        crawling = threading.Thread(target=lambda: result.__setitem__("slow", shared.crawl([slow], web.url)))
        crawling.start()
        deadline = time.monotonic() + 30
        while not (slow.archive.exists() and _pages(slow.archive)) and time.monotonic() < deadline:
            time.sleep(0.1)
        first = shared._proc
        first.kill()  # the OOM killer, say
        crawling.join(timeout=30)
        after = shared.crawl([_job("https://second-firm.com/", tmp_path / "next.warc.gz", 0)], web.url)
        second = shared._proc
    code, tail = result["slow"]
    assert code == -9 and 1 <= len(_pages(slow.archive)) < 5  # what was captured is kept
    assert after == (0, "") and len(_pages(tmp_path / "next.warc.gz")) == 5
    assert second is not first and first.returncode == -9 and second.returncode == 0
