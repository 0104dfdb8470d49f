"""Reading a format-1 report (one finding per page) as format 2 (one finding per fact of a channel), so `diff` and
`--since-last` compare across the format change: the same facts must not read as resolved and new again."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from detectors.analyze import detectors
from detectors.catalogue import catalogue
from detectors.model import Evidence, Finding, Scope, Sighting, merged_id
from detectors.scoring import contribution as scoring_contribution
from reports.build import FORMAT_1, SCHEMA
from reports.diff import diff_reports, render_diff_html, render_diff_text, validate_diff
from reports.since_last import mark_since_last
from reports.upgrade import PER_ITEM_INDICATORS, as_format_2, contribution
from reports.validate import validate_report
from tests.conftest import report_of
from tests.reports.test_diff import build, website

T1, T2, T3 = "2026-01-01T00:00:00Z", "2026-01-01T00:01:00Z", "2026-01-01T00:02:00Z"
SITE = "website:cryptex.de"
NEW_FIELDS = ("pages", "seen_on", "first_seen", "last_seen")


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def page_finding(indicator, url, value, at=T1, visitors=("DE",), channel=SITE) -> Finding:
    """A finding of one page, as format 1 recorded every one."""
    return Finding(indicator=indicator, channel=channel, url=url, fetched_at=at, body_sha256=sha(url),
                   confidence=0.9, member_states=("DE",), evidence=Evidence(value, value, "text"),
                   legal_ref="MiCA Art. 61(1)", strength="medium", visitors=visitors, record_id=f"<urn:{url}>")


def merged(findings: list[Finding]) -> Finding:
    """The merged finding format 2 writes for these page findings (the contract's rule)."""
    ordered = sorted(findings, key=lambda f: f.url)
    times = sorted(f.fetched_at for f in findings)
    return replace(ordered[0], pages=len(ordered), first_seen=times[0], last_seen=times[-1],
                   seen_on=tuple(Sighting(f.url, f.record_id, f.fetched_at) for f in ordered[:10]),
                   visitors=tuple(sorted({v for f in findings for v in f.visitors})))


def as_format_1(report: dict) -> dict:
    """What footprint before format 2 wrote for the same channels."""
    channels = [{**{k: v for k, v in c.items() if k != "checked_pages"},
                 "findings": [{k: v for k, v in f.items() if k not in NEW_FIELDS} for f in c["findings"]]}
                for c in report["channels"]]
    tool = {k: v for k, v in report["tool"].items() if k != "libraries"}
    return {**report, "schema": FORMAT_1, "tool": tool, "channels": channels}


PHONE = [page_finding("PHONE", f"https://cryptex.de/p{i}", "+493022334455", at=(T3, T1, T2)[i % 3])
         for i in range(12)]
GEO = page_finding("GEO_TARGETED", "https://cryptex.de/", "de", visitors=("DE",))


def test_per_item_indicators_are_the_detectors_not_of_one_document():
    per_item = {name for scope in Scope if scope != Scope.DOCUMENT for name in detectors(scope)}
    assert PER_ITEM_INDICATORS == per_item


def test_a_fact_on_many_pages_becomes_one_finding_as_format_2_writes_it():
    lang = page_finding("LANG", "https://cryptex.de/", "de")
    old = as_format_1(build([website(SITE, [*PHONE, GEO, lang])], T1))
    assert validate_report(old) == []
    upgraded = as_format_2(old)
    assert upgraded["schema"] == SCHEMA and validate_report(upgraded) == []
    findings = {f["id"]: f for f in upgraded["channels"][0]["findings"]}
    phone = findings[merged_id("PHONE", SITE, "+493022334455")]
    assert phone["pages"] == 12 and len(phone["seen_on"]) == 10
    assert [s["url"] for s in phone["seen_on"]] == sorted(f.url for f in PHONE)[:10]
    assert phone["url"] == "https://cryptex.de/p0" and (phone["first_seen"], phone["last_seen"]) == (T1, T3)
    assert findings[merged_id("LANG", SITE, "de")]["pages"] == 1  # a fact on one page is merged too
    assert findings[GEO.id]["seen_on"] == [] and findings[GEO.id]["pages"] == 1  # per item: kept as it was
    assert len(findings) == 3
    current = build([website(SITE, [merged(PHONE), GEO, merged([lang])])], T1)
    assert {f["id"] for f in current["channels"][0]["findings"]} == set(findings)
    assert as_format_2(current) is current  # format 2 is left alone


def test_near_misses_stay_apart():
    other_value = page_finding("PHONE", "https://cryptex.de/p1", "+493022334456")
    other_channel = page_finding("PHONE", "https://cryptex.eu/", "+493022334455", channel="website:cryptex.eu")
    old = as_format_1(build([website(SITE, [*PHONE[:2], other_value]),
                             website("website:cryptex.eu", [other_channel])], T1))
    ids = [[f["id"] for f in c["findings"]] for c in as_format_2(old)["channels"]]
    assert ids == [[merged_id("PHONE", SITE, "+493022334455"), merged_id("PHONE", SITE, "+493022334456")],
                   [merged_id("PHONE", "website:cryptex.eu", "+493022334455")]]


def test_diff_across_the_format_change_sees_the_same_facts():
    old = as_format_1(build([website(SITE, [*PHONE, GEO])], T1))
    new = build([website(SITE, [merged(PHONE), GEO])], "2026-02-01T00:00:00Z")
    diff = diff_reports(old, new)
    assert validate_diff(diff) == []
    assert diff["totals"] == {"new": 0, "resolved": 0, "changed": 0, "not_compared": 0}
    assert any("different formats: footprint.report/1 (old), footprint.report/2 (new)" in w and "merged" in w
               for w in diff["warnings"])
    assert "different formats" in render_diff_text(diff)
    gone = build([website(SITE, [GEO])], "2026-02-01T00:00:00Z")
    resolved = diff_reports(old, gone)["channels"][0]["resolved_findings"]
    assert [(f["id"], f["pages"]) for f in resolved] == [(merged_id("PHONE", SITE, "+493022334455"), 12)]
    assert "(and 11 more pages)" in render_diff_text(diff_reports(old, gone))
    assert "and 11 more page(s)" in render_diff_html(diff_reports(old, gone))


def test_two_format_1_reports_are_compared_page_by_page_as_before():
    old = as_format_1(build([website(SITE, PHONE[:2])], T1))
    new = as_format_1(build([website(SITE, PHONE[:1])], "2026-02-01T00:00:00Z"))
    diff = diff_reports(old, new)
    assert [f["id"] for f in diff["channels"][0]["resolved_findings"]] == [PHONE[1].id]
    assert not any("formats" in w for w in diff["warnings"])


def test_since_last_reads_a_format_1_history():
    old = as_format_1(build([website(SITE, [*PHONE, GEO])], T1))
    report = report_of(firm={"name": "Cryptex", "slug": "cryptex-ltd"}, channels=[website(SITE, [merged(PHONE), GEO])],
                       started_at="2026-02-01T00:00:00Z", finished_at="2026-02-01T00:05:00Z", visitors=["DE"],
                       config={})
    marked = mark_since_last(report, [old])
    assert validate_report(marked) == []
    assert marked["since_last"]["new"] == 0 and marked["since_last"]["resolved"] == 0
    fresh = mark_since_last(report, [as_format_1(build([website(SITE, [GEO])], T1))])
    assert fresh["since_last"]["new"] == 1  # near miss: the phone number was not there before


def test_a_merged_finding_is_resolved_only_if_one_of_its_pages_was_seen_again():
    before = build([website(SITE, [merged(PHONE[:2]), GEO])], T1)
    now = report_of(firm={"name": "Cryptex", "slug": "cryptex-ltd"}, channels=[website(SITE, [GEO])],
                    started_at="2026-02-01T00:00:00Z", finished_at="2026-02-01T00:05:00Z", visitors=["DE"], config={})
    failed_both = {**now, "errors": [{"channel": SITE, "url": f.url, "error": "timeout"} for f in PHONE[:2]]}
    assert mark_since_last(failed_both, [before])["since_last"]["resolved"] == 0  # neither page could be seen
    failed_one = {**now, "errors": failed_both["errors"][:1]}
    resolved = mark_since_last(failed_one, [before])["since_last"]["resolved_findings"]
    assert [r["id"] for r in resolved] == [merged_id("PHONE", SITE, "+493022334455")]  # the other page was seen


def test_the_strongest_page_stands_for_the_fact_as_detectors_score_it():
    untargeted = replace(PHONE[0], member_states=())
    targeted = replace(PHONE[1], member_states=("AT", "DE"))
    for finding in (untargeted, targeted, replace(PHONE[2], strength="strong", confidence=0.4)):
        assert contribution(finding.to_dict()) == round(scoring_contribution(finding, catalogue()), 9)
    old = as_format_1(build([website(SITE, [untargeted, targeted])], T1))
    (phone,) = as_format_2(old)["channels"][0]["findings"]
    assert phone["url"] == targeted.url and phone["member_states"] == ["AT", "DE"]  # not the first page's
    assert [s["url"] for s in phone["seen_on"]] == [untargeted.url, targeted.url]
