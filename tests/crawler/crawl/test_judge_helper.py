"""The helper that shares a crawl's backlog with the judge (crawler/crawl/judge_helper.py): what it sends for a
page is what the judge itself finds on it, with the capture's record id; it starts only where there is enough to
share, and a page it has not sent is the judge's to judge."""

from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest

from crawler.captures.documents import beside, frame_offsets, write_document
from crawler.config.defaults import HELPER_ENV
from crawler.crawl import judge_helper
from crawler.crawl.child import PARENT_ENV
from crawler.crawl.judge_helper import JudgeHelper
from detectors.channels.website import PageRole, judge_in_role
from detectors.context import Context
from tests.crawler.captures.test_documents import PAGES, _capture, _crawl_parse

CTX = Context(first_party=frozenset({"firm.example"}), home_country="CH")
KEY = "website:firm.example"
ROLES = {KEY: PageRole("website", ("DE", "US"), "US")}


def _frames(tmp_path, count: int):
    archive = tmp_path / "capture.warc.gz"
    # Pages of the baseline visitor, of a compared EU visitor, and of one whose pages get no view
    captures = [_capture(n, path.read_bytes(), visitor=("DE", "US", "FR")[n % 3])
                for n, path in enumerate(PAGES[:count])]
    with beside(archive).open("ab") as out:
        for capture in captures:
            write_document(out, _crawl_parse(capture))
    return beside(archive), captures


def finished(helper: JudgeHelper) -> JudgeHelper:
    """`helper` once it has judged all it was given and the judge has heard of every page (its notices read)."""
    os.waitid(os.P_PID, helper.pid, os.WEXITED | os.WNOWAIT)  # not reaped: the pid stays the helper's
    helper._reader.join(60)
    return helper


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a helper starts only where there is a second core")
def test_the_helper_sends_for_each_page_what_the_judge_finds_on_it(tmp_path, monkeypatch):
    monkeypatch.setattr(judge_helper, "HELPER_BACKLOG", 8)
    monkeypatch.setenv(PARENT_ENV, "1")  # as in a fleet's runner: the variable names the worker, not the judge
    documents, captures = _frames(tmp_path, 30)
    first = 6  # the judge has read six frames when the crawl ends
    helper = JudgeHelper.fork(documents, CTX)
    assert helper is not None and helper.start(first, frame_offsets(documents)[first], ROLES)
    found = 0
    try:
        finished(helper)
        for n, capture in enumerate(captures):
            sent = helper.judged(n, capture.record_id)
            if n < first:
                assert sent is None  # not its to judge
                continue
            own = judge_in_role(replace(_crawl_parse(capture), record_id=capture.record_id), CTX, ROLES[KEY])
            assert sent[0] == own[0] and {f.record_id for f in sent[0]} <= {capture.record_id}
            assert (sent[1] is None) == (own[1] is None) == (capture.visitor not in ("DE", "US"))
            if own[1] is not None:  # the view's record id is set where it is kept
                assert replace(sent[1], record_id=capture.record_id) == own[1]
            assert helper.judged(n, capture.record_id) is None  # handed over once, then forgotten
            found += len(sent[0])
        assert found > 0
    finally:
        helper.close()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a helper starts only where there is a second core")
def test_meeting_the_helper_stops_it(tmp_path, monkeypatch):
    monkeypatch.setattr(judge_helper, "HELPER_BACKLOG", 8)
    documents, captures = _frames(tmp_path, 40)
    helper = JudgeHelper.fork(documents, CTX)
    assert helper.start(0, 0, ROLES)
    deadline = time.monotonic() + 120
    while (sent := helper.judged(39, captures[39].record_id)) is None and time.monotonic() < deadline:
        time.sleep(0.01)  # the last page is the helper's first
    assert sent is not None
    with pytest.raises(ChildProcessError):  # met: killed and reaped at once, the pages before it left to the judge
        os.waitpid(helper.pid, os.WNOHANG)
    helper.close()


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a helper starts only where there is a second core")
def test_no_helper_for_a_small_backlog_or_where_it_is_turned_off(tmp_path, monkeypatch):
    monkeypatch.setattr(judge_helper, "HELPER_BACKLOG", 8)
    documents, captures = _frames(tmp_path, 10)
    for helper, frame, offset in ((JudgeHelper.fork(documents, CTX), 3, frame_offsets(documents)[3]),  # 7 left
                                  (JudgeHelper.fork(tmp_path / "none.documents", CTX), 0, 0)):  # no crawl parse
        assert not helper.start(frame, offset, ROLES)
        with pytest.raises(ChildProcessError):
            os.waitpid(helper.pid, os.WNOHANG)  # ended, and reaped
        assert helper.judged(9, captures[9].record_id) is None
        helper.close()
    monkeypatch.setenv(HELPER_ENV, "0")
    assert JudgeHelper.fork(documents, CTX) is None


def test_frames_are_found_whole_only(tmp_path):
    documents, _ = _frames(tmp_path, 5)
    offsets = frame_offsets(documents)
    assert len(offsets) == 5 and offsets[0] == 0
    assert frame_offsets(documents, offsets[2]) == offsets[2:]
    assert frame_offsets(documents, 0, 2) == offsets[:2]
    with documents.open("r+b") as fh:  # the last frame cut short: still being written
        fh.truncate(documents.stat().st_size - 10)
    assert frame_offsets(documents) == offsets[:4]
