"""When the judge forks the helper that shares a crawl's backlog (crawler/captures/feed.py): once HELPER_FORK_AFTER
captures are judged, so that it starts with what judging compiled and remembered on the site's first pages; or when
the crawl ends, if that comes sooner."""

from __future__ import annotations

import crawler.captures.feed as feed
from benchmarks.harness import exchange_copy
from crawler.captures.feed import ArchiveJudgement
from tests.crawler.captures.test_feed_memory import LAYOUTS, _append, _start
from tests.support.exchange_site import write_exchange_site


def _judge(tmp_path):
    site = tmp_path / "web"
    write_exchange_site(site, LAYOUTS + 1, exchange_copy())
    archive = tmp_path / "capture.warc.gz"
    _start(archive)
    forks = []
    judged = ArchiveJudgement(archive, helper=lambda documents, ctx: forks.append(documents))  # no helper: None
    return archive, site, judged, forks


def test_the_helper_is_forked_once_enough_captures_are_judged(tmp_path, monkeypatch):
    monkeypatch.setattr(feed, "HELPER_FORK_AFTER", 6)
    archive, site, judged, forks = _judge(tmp_path)
    with judged:
        _append(archive, site, range(2))  # 4 captures: two visitors a page
        while judged.take_some():
            pass
        assert forks == []
        _append(archive, site, range(2, 3))  # 6
        while judged.take_some():
            pass
        assert len(forks) == 1
        _append(archive, site, range(3, 5))
        while judged.take_some():
            pass
        judged.take_rest()
        assert len(forks) == 1


def test_a_crawl_ending_sooner_forks_it_at_its_end(tmp_path, monkeypatch):
    monkeypatch.setattr(feed, "HELPER_FORK_AFTER", 100)
    archive, site, judged, forks = _judge(tmp_path)
    with judged:
        _append(archive, site, range(3))
        while judged.take_some():
            pass
        assert forks == []
        judged.take_rest()
        assert len(forks) == 1
