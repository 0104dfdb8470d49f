"""Judging an archive as it is read keeps memory bounded in pages (issue 12): what stays after a page is judged is
a compact summary of it, never its body or its document. Measured with tracemalloc on the streaming path
(crawler/captures/feed.py): what stays allocated after 40 pages and after 60 more, the same facts on every page as
on a real site (the site chrome), so that what grows is what is kept per page."""

from __future__ import annotations

import gc
import tracemalloc
from pathlib import Path

from benchmarks.harness import exchange_copy
from crawler.captures.feed import ArchiveJudgement
from crawler.captures.warc import CaptureWriter
from tests.support.exchange_site import HOST, START_URL, page_path, write_exchange_site

LAYOUTS = 4  # distinct page bodies: the facts on the pages do not grow with their number
FIRST, MORE = 40, 60  # pages judged before the first measure (past the detectors' bounded caches), then after it
CHANNEL = f"website:{HOST}"
# What the judgement may keep per page (its URL, status and the states its findings name, its share of the visitor
# comparison; measured: 2-4 KiB with two visitors). Holding the bodies alone would take 60-120 KiB per page here,
# a scan before issue 12 held 176 KiB per page.
KEPT_PER_PAGE = 12 * 1024


def _start(path: Path) -> None:
    plan = {"id": CHANNEL, "kind": "website", "target": START_URL, "start_urls": [START_URL], "max_pages": 1000,
            "max_depth": 5}
    writer = CaptureWriter(path)
    writer.write_info({"firm": {"name": "Exchange Bench", "slug": "exchange-bench"}, "plans": [plan], "config": {},
                       "visitors": [{"country": "US", "baseline": True}, {"country": "DE"}]})
    writer.close()


def _append(path: Path, site: Path, pages: range) -> None:
    """Pages of the site, each fetched by the baseline and one EU visitor."""
    bodies = [(site / HOST / (page_path(n).lstrip("/") or "index.html")).read_bytes() for n in range(LAYOUTS)]
    writer = CaptureWriter(path)
    for n in pages:
        url = f"https://{HOST}/page/{n}.html"
        for visitor in ("US", "DE"):
            writer.write_capture({"channel": CHANNEL, "url": url, "requested_url": url, "status": 200,
                                  "fetched_at": f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}.000Z",
                                  "visitor": visitor, "headers": {"Content-Type": "text/html; charset=utf-8"}},
                                 bodies[n % LAYOUTS])
    writer.close()


def _traced_now() -> int:
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


def test_judging_more_pages_keeps_only_a_small_summary_of_each(tmp_path):
    site = tmp_path / "web"
    write_exchange_site(site, LAYOUTS + 1, exchange_copy())
    warm = tmp_path / "warm.warc.gz"
    _start(warm)
    _append(warm, site, range(LAYOUTS))
    with ArchiveJudgement(warm) as judged:  # loads the tables and language models, meets every layout
        judged.take_new(final=True)
        judged.finish()

    path = tmp_path / "capture.warc.gz"
    _start(path)
    _append(path, site, range(FIRST))
    tracemalloc.start()
    try:
        with ArchiveJudgement(path) as judged:
            judged.take_new()
            first = _traced_now()
            _append(path, site, range(FIRST, FIRST + MORE))  # as the crawl goes on writing
            judged.take_new(final=True)
            later = _traced_now()
            results = judged.finish()
    finally:
        tracemalloc.stop()
    per_page = (later - first) / MORE
    assert results[0].pages_fetched == FIRST + MORE and results[0].findings
    assert per_page < KEPT_PER_PAGE, f"{per_page / 1024:.1f} KiB kept per page judged"
