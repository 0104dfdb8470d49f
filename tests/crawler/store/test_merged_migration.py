"""A store written before report format 2 (one finding per page), opened by today's footprint: every triage
decision made on a per-page finding applies to the merged finding the page belongs to, the newest one winning when
several pages of one fact were decided; old scans stay readable; `triage` takes merged ids. On SQLite and
PostgreSQL."""

from __future__ import annotations

from crawler.cli.main import main as cli
from crawler.store import open_store
from detectors.model import merged_id
from reports.diff import diff_reports
from tests.conftest import report_of
from tests.crawler.store.test_store import spec, sql  # noqa: F401 (the store-location fixture)
from tests.reports.test_diff import website
from tests.reports.test_upgrade import GEO, PHONE, SITE, as_format_1, merged
from tests.support.store_v2 import write_version_2_store

FIRM = {"name": "Cryptex Ltd", "slug": "cryptex-ltd", "home_country": "SC"}
OLD_T, NEW_T = "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"
PHONE_ID = merged_id("PHONE", SITE, "+493022334455")
EARLY, LATE, LATER = "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z", "2026-01-04T10:00:00Z"


def scan_report(findings, started_at, triage=None) -> dict:
    return report_of(firm=dict(FIRM), channels=[website(SITE, findings)], started_at=started_at,
                     finished_at=started_at.replace("00:00:00", "00:05:00"), visitors=["DE"], config={},
                     triage=triage)


def old_store(spec):  # noqa: F811 (the fixture's value)
    """A version-2 store: a format-1 scan of the phone number on 12 pages, and decisions made on its pages."""
    old = as_format_1(scan_report([*PHONE, GEO], OLD_T))
    write_version_2_store(spec, old, [
        (PHONE[3].id, "confirmed", "a real EU number", EARLY),
        (PHONE[5].id, "dismissed", "the firm's Swiss office", LATE),  # the newest of the fact's decisions
        (GEO.id, "dismissed", "seen by a VPN exit", EARLY),  # one item: keeps its own identity
        ("0123456789abcdef", "dismissed", "a finding of another store", LATE),  # in no stored row
    ])
    return old


def test_a_dismissal_made_before_applies_to_the_merged_finding(spec):  # noqa: F811
    old = old_store(spec)
    with open_store(spec) as store:
        decisions = store.triage()
        assert decisions[PHONE_ID] == {"status": "dismissed", "reason": "the firm's Swiss office", "by": "reviewer",
                                       "at": LATE}
        assert decisions[PHONE[3].id]["status"] == "confirmed"  # the per-page decisions stay, as decided
        assert set(decisions) == {PHONE_ID, PHONE[3].id, PHONE[5].id, GEO.id, "0123456789abcdef"}
        assert store.triage_log(PHONE_ID) == [{"status": "dismissed", "reason": "the firm's Swiss office",
                                               "by": "reviewer", "at": LATE,
                                               "source": f"carried over from per-page finding {PHONE[5].id}"}]
        assert len(store.triage_log(PHONE[5].id)) == 1
        assert store.report(old["scan"]["id"]) == old  # the old scan's stored copy is still read
        new = scan_report([merged(PHONE), GEO], NEW_T, triage=store.triage())
    phone = next(f for f in new["channels"][0]["findings"] if f["indicator"] == "PHONE")
    assert phone["id"] == PHONE_ID and phone["triage"]["status"] == "dismissed"
    assert new["channels"][0]["dismissed"] == 2  # the phone number and the geo finding: listed, not scored
    undecided = scan_report([merged(PHONE), GEO], NEW_T)
    assert undecided["channels"][0]["score"] > new["channels"][0]["score"]


def test_migrating_again_changes_nothing_and_a_later_merged_decision_stands(spec):  # noqa: F811
    old_store(spec)
    with open_store(spec) as store:
        store.set_triage(PHONE_ID, "confirmed", "reviewed again on the merged finding", "lead", LATER)
    with open_store(spec) as store:
        assert store.triage()[PHONE_ID]["status"] == "confirmed"
        assert len(store.triage_log(PHONE_ID)) == 2
        # an older decision on a page, imported from a store still at format 1, does not override it
        store.import_triage({"schema": "footprint.triage/1", "decisions": [
            {"finding_id": PHONE[7].id, "status": "dismissed", "reason": "old laptop", "by": "x", "at": LATE}]},
            "laptop.json")
        assert store.triage()[PHONE_ID]["status"] == "confirmed"
        assert store.triage()[PHONE[7].id]["status"] == "dismissed"


def test_a_decision_made_later_on_a_per_page_id_reaches_the_merged_finding(spec):  # noqa: F811
    old_store(spec)
    with open_store(spec) as store:
        store.set_triage(PHONE[0].id, "open", "withdrawn after review", "lead", LATER)
        assert PHONE_ID not in store.triage()  # reopened: the merged finding is open again
        assert store.triage_log(PHONE_ID)[-1]["source"] == f"carried over from per-page finding {PHONE[0].id}"
        store.set_triage(GEO.id, "confirmed", "checked", "lead", LATER)
        assert merged_id("GEO_TARGETED", SITE, "de") not in store.triage()  # per item: nothing to carry over


def test_triage_finds_a_merged_id_in_rows_written_before(spec):  # noqa: F811
    old_store(spec)
    with open_store(spec) as store:
        assert store.finding(PHONE_ID) == {"id": PHONE_ID, "firm_slug": "cryptex-ltd", "channel": SITE,
                                           "indicator": "PHONE", "url": PHONE[0].url, "scan_id": store.scans()[0].id}
        assert store.finding(merged_id("PHONE", SITE, "+493022334456")) is None  # near miss: another value
        assert store.finding(merged_id("GEO_TARGETED", SITE, "de")) is None  # per item: no merged id


def test_new_scans_keep_no_report_copy_and_read_back_for_diff(spec):  # noqa: F811
    old = old_store(spec)
    with open_store(spec) as store:
        new = scan_report([merged(PHONE), GEO], NEW_T, triage=store.triage())
        scan = new["scan"]
        store.begin_scan(scan["id"], FIRM["slug"], FIRM["name"], scan["started_at"], "out")
        store.complete_scan(new, "out")
        stored = store.report(scan["id"])
        old_stored = store.report(old["scan"]["id"])
    assert sql(spec, "SELECT report FROM scans WHERE id = ?", (scan["id"],)) == [(None,)]
    assert stored["schema"] == "footprint.report/2" and stored["scan"] == scan
    assert [f["id"] for f in stored["channels"][0]["findings"]] == [f["id"] for f in new["channels"][0]["findings"]]
    assert diff_reports(new, stored)["totals"] == {"new": 0, "resolved": 0, "changed": 0, "not_compared": 0}
    across = diff_reports(old_stored, stored)
    assert across["totals"]["new"] == 0 and across["totals"]["resolved"] == 0
    assert any("different formats" in w for w in across["warnings"])


def test_the_triage_command_takes_a_merged_id(spec, capsys):  # noqa: F811
    old_store(spec)
    assert cli(["triage", PHONE_ID, "--status", "confirmed", "--reason", "merged", "--store", spec]) == 0
    assert "PHONE on website:cryptex.de" in capsys.readouterr().out
    assert cli(["triage", merged_id("PHONE", SITE, "+493022334456"), "--status", "confirmed", "--reason", "x",
                "--store", spec]) == 2  # near miss: a fact no stored scan has
    with open_store(spec) as store:
        assert store.triage()[PHONE_ID]["reason"] == "merged"
