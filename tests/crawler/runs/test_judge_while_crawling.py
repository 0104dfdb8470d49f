"""A scan judges its pages while its crawl child is still fetching them (crawler/runs/firm.py reads the archive as
it grows, crawler/captures/feed.py), and the report is the one `analyze` rebuilds from the archive."""

from __future__ import annotations

import pytest

from benchmarks.harness import exchange_copy
from crawler.cli import main
from crawler.runs import firm
from detectors.analyze import load_tables
from detectors.channels.stream import FirmJudgement
from detectors.context import Context
from tests.conftest import firm_dir, read_report
from tests.support.exchange_site import START_URL, write_exchange_site

PAGES = 40
SLUG = "exchange-bench-com"


@pytest.fixture
def exchange_web(web_root):
    write_exchange_site(web_root, PAGES, exchange_copy())
    return web_root


def test_pages_are_judged_while_the_crawl_runs_and_the_report_is_analyzes(scan, exchange_web, tmp_path,
                                                                          monkeypatch):
    judged = {"while_crawling": 0, "after": 0}
    crawling = []
    # The judge's tables loaded already (as after any scan in this process): their first load, while the crawl
    # starts, takes about as long as this small site's whole crawl
    load_tables(Context())

    def counted_add(self, capture, document=None, found=None):
        judged["while_crawling" if crawling else "after"] += 1
        return real_add(self, capture, document, found)

    def watched_crawl(jobs, *args, **kwargs):
        *rest, while_running = args

        def during():
            crawling.append(True)
            try:
                return while_running()
            finally:
                crawling.pop()
        return real_crawl(jobs, *rest, during, **kwargs)

    real_add, real_crawl = FirmJudgement.add, firm.crawl
    monkeypatch.setattr(FirmJudgement, "add", counted_add)
    monkeypatch.setattr(firm, "crawl", watched_crawl)
    assert scan(START_URL, out=tmp_path / "scan", max_pages=PAGES, render="never") in (0, 1)

    scanned = read_report(tmp_path / "scan", SLUG)
    assert scanned["channels"][0]["pages"]["fetched"] == PAGES
    # Most pages were judged while the child crawled; the near miss, nothing at all, would mean judging waited.
    assert judged["while_crawling"] > 0 and judged["while_crawling"] + judged["after"] >= PAGES
    archive = firm_dir(tmp_path / "scan", SLUG) / "capture.warc.gz"
    assert main(["analyze", str(archive), "--out", str(tmp_path / "again")]) in (0, 1)
    rebuilt = read_report(tmp_path / "again", SLUG)
    for report in (scanned, rebuilt):
        del report["scan"]["finished_at"], report["provenance"]["finished_at"], report["provenance"]["browser"]
    assert rebuilt == scanned
