"""Triage decisions and --since-last marks in a report: what a reviewer sees, and what is (not) scored."""

from __future__ import annotations

import csv
import io

from detectors.model import ChannelResult
from reports.csv_report import render_csv
from reports.html import render_html
from reports.markdown import render_markdown
from reports.since_last import mark_since_last, new_findings_at
from reports.terminal import summary_lines
from reports.validate import validate_report
from tests.conftest import report_of
from tests.reports.test_formats import ASSESSED, T0, channels, finding

LEVELS = ("none", "low", "medium", "high")


def _report(chs=None, triage=None, started_at=T0) -> dict:
    return report_of(firm={"name": "Cryptex Ltd", "home_country": "SC", "slug": "cryptex-ltd"},
                        channels=channels() if chs is None else chs, started_at=started_at,
                        finished_at="2026-01-01T00:05:00Z", visitors=["DE", "US"], config={}, triage=triage)


def _channel(report: dict) -> dict:
    return next(c for c in report["channels"] if c["id"] == ASSESSED)


def _decision(status: str) -> dict:
    return {"status": status, "reason": "seen on a staging page", "by": "analyst@nca.example",
            "at": "2026-02-01T10:00:00Z"}


def _single_lang_channel() -> list[ChannelResult]:
    return [ChannelResult(id=ASSESSED, kind="website", target="https://cryptex.de/", status="assessed",
                          pages_fetched=1,
                          findings=[finding("LANG", "https://cryptex.de/", "de", '<html lang="de">', "html[lang]",
                                            ("DE",))])]


def test_a_dismissed_finding_is_listed_marked_and_not_scored():
    plain = _report(_single_lang_channel())
    lang_id = _channel(plain)["findings"][0]["id"]
    assert _channel(plain)["score"] > 0 and plain["member_states"]

    dismissed = _report(_single_lang_channel(), {lang_id: _decision("dismissed")})
    channel = _channel(dismissed)
    assert validate_report(dismissed) == []
    assert [f["id"] for f in channel["findings"]] == [lang_id]  # still visible...
    assert channel["findings"][0]["triage"] == _decision("dismissed")
    assert channel["score"] == 0 and channel["level"] == "none" and channel["dismissed"] == 1  # ...not scored
    assert channel["indicators"] == [] and dismissed["member_states"] == {}
    assert "1 finding(s) dismissed in triage" in dismissed["verdict"]["summary"]


def test_a_confirmed_finding_is_marked_and_scored_as_before():
    plain = _report()
    some_id = _channel(plain)["findings"][0]["id"]
    confirmed = _report(triage={some_id: _decision("confirmed")})
    assert _channel(confirmed)["score"] == _channel(plain)["score"]
    assert _channel(confirmed)["findings"][0]["triage"]["status"] == "confirmed"
    assert _channel(confirmed)["dismissed"] == 0
    assert validate_report(confirmed) == []


def test_decisions_show_in_html_markdown_and_csv():
    plain = _report()
    first, second = (f["id"] for f in _channel(plain)["findings"][:2])
    report = _report(triage={first: _decision("dismissed"), second: _decision("confirmed")})
    html = render_html(report)
    assert 'class="finding dismissed"' in html and "DISMISSED (not scored) by analyst@nca.example" in html
    assert "CONFIRMED by analyst@nca.example" in html
    md = render_markdown(report)
    assert "DISMISSED (not scored) by analyst@nca.example" in md and "1 dismissed in triage" in md
    rows = {r["finding_id"]: r for r in csv.DictReader(io.StringIO(render_csv(report)))}
    assert rows[first]["triage"] == "dismissed" and rows[first]["triage_reason"] == "seen on a staging page"
    assert rows[second]["triage"] == "confirmed"


def test_since_last_marks_new_findings_and_lists_resolved_ones_of_channels_seen_again():
    before = _report()
    after_channels = channels()
    after_channels[0].findings = after_channels[0].findings[1:] + [
        finding("LANG", "https://cryptex.de/fr/", "fr", '<html lang="fr">', "html[lang]", ("FR",))]
    after = _report(after_channels)
    marked = mark_since_last(after, [before])
    assert validate_report(marked) == []
    channel = _channel(marked)
    new = [f for f in channel["findings"] if f["new"]]
    assert [f["url"] for f in new] == ["https://cryptex.de/fr/"]
    gone = next(f for f in _channel(before)["findings"] if f["indicator"] == "LANG")  # the one taken out
    assert marked["since_last"]["resolved_findings"] == [
        {"id": gone["id"], "channel": ASSESSED, "indicator": gone["indicator"], "url": gone["url"],
         "value": gone["evidence"]["value"]}]
    assert marked["since_last"]["previous_scan"] == before["scan"]["id"] and marked["since_last"]["new"] == 1
    assert "Since the previous scan" in render_html(marked) and "NEW" in render_markdown(marked)
    assert f"Since scan {before['scan']['id']} ({T0}): 1 new, 1 resolved" in summary_lines(marked)


def test_since_last_does_not_call_findings_of_an_unreachable_channel_resolved():
    before = _report()
    after_channels = channels()
    after_channels[0] = ChannelResult(id=ASSESSED, kind="website", target="https://cryptex.de/",
                                      status="not-assessed", reason="connection refused", pages_failed=1)
    marked = mark_since_last(_report(after_channels), [before])
    assert marked["since_last"]["resolved"] == 0


def test_without_a_previous_scan_everything_is_new_and_fail_on_new_sees_it():
    marked = mark_since_last(_report(), [])
    assert marked["since_last"]["previous_scan"] is None
    assert all(f["new"] for c in marked["channels"] for f in c["findings"])
    assert new_findings_at(marked, "high", LEVELS)
    assert new_findings_at(mark_since_last(_report(), [_report()]), "high", LEVELS) == []
    # a new finding the reviewer dismissed does not raise the alarm
    ids = [f["id"] for f in _channel(marked)["findings"]]
    dismissed_all = _report(triage={i: _decision("dismissed") for i in ids})
    assert new_findings_at(mark_since_last(dismissed_all, []), "low", LEVELS) == []


def test_after_an_outage_findings_are_compared_with_the_last_scan_that_saw_the_channel():
    """Week 1 assessed, week 2 unreachable, week 3 assessed again with the same pages: nothing is new."""
    week1 = _report()
    down = channels()
    down[0] = ChannelResult(id=ASSESSED, kind="website", target="https://cryptex.de/", status="not-assessed",
                            reason="connection refused", pages_failed=1)
    week2 = _report(down, started_at="2026-01-08T00:00:00Z")
    week3 = mark_since_last(_report(started_at="2026-01-15T00:00:00Z"), [week2, week1])  # newest first
    assert week1["scan"]["id"] != week2["scan"]["id"]
    assert week3["since_last"]["new"] == 0 and week3["since_last"]["resolved"] == 0
    assert week3["since_last"]["previous_scan"] == week2["scan"]["id"]
    assert week3["since_last"]["baselines"][ASSESSED] == week1["scan"]["id"]
    assert new_findings_at(week3, "low", LEVELS) == []
    # Never assessed before: every finding is new, and the block says there was no baseline.
    first_sight = mark_since_last(_report(), [week2])
    assert first_sight["since_last"]["baselines"][ASSESSED] is None
    assert all(f["new"] for f in _channel(first_sight)["findings"])


def test_a_page_that_failed_once_is_neither_resolved_then_nor_new_after():
    """Week 2: the German page answers 500 (channel partial). Its findings are not "resolved" in week 2, and not
    "new" in week 3 when it is back unchanged."""
    week1 = _report()
    german = next(f for f in _channel(week1)["findings"] if f["indicator"] == "LANG")
    failing = channels()
    failing[0].findings = [f for f in failing[0].findings if f.url != german["url"]]
    failing[0].status, failing[0].reason = "partial", "1 page failed"
    failing[0].errors = [{"url": german["url"], "error": "HTTP 500"}]
    week2 = mark_since_last(_report(failing, started_at="2026-01-08T00:00:00Z"), [week1])
    assert week2["since_last"]["resolved"] == 0
    week3 = mark_since_last(_report(started_at="2026-01-15T00:00:00Z"), [week2, week1])
    assert week3["since_last"]["new"] == 0 and new_findings_at(week3, "low", LEVELS) == []


def test_reports_say_which_channels_were_compared_with_an_older_scan():
    week1 = _report()
    down = channels()
    down[0] = ChannelResult(id=ASSESSED, kind="website", target="https://cryptex.de/", status="not-assessed",
                            reason="connection refused", pages_failed=1)
    week2 = _report(down, started_at="2026-01-08T00:00:00Z")
    week3 = mark_since_last(_report(started_at="2026-01-15T00:00:00Z"), [week2])
    html, md = render_html(week3), render_markdown(week3)
    assert f"{ASSESSED}: not assessed in any earlier scan with these settings: all its findings are new" in md
    assert "not assessed in any earlier scan with these settings" in html
    week3 = mark_since_last(_report(started_at="2026-01-15T00:00:00Z"), [week2, week1])
    assert f"compared with scan {week1['scan']['id']}, the latest that could assess it" in render_markdown(week3)
