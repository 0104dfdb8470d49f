"""detectors/register: the register's checks as pure functions over made-up rows and a made-up finding history,
each with a near miss."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from detectors.register import judge
from detectors.register.attribution import attestation_only, locale_mismatch, mediated
from detectors.register.drift import drift_reason
from detectors.register.exposure import cohort_spikes, live_content
from detectors.register.history import History, ScanPoint, Sighting
from detectors.register.records import Client, ServiceRequest, Settings

SETTINGS = Settings(coverage_days=31, same_type_window=30, cohort_weeks=4, cohort_ratio=2.0, cohort_min_clients=5,
                    examples=5, keyword_language_min=0.9)
S1 = ScanPoint("scan-1", datetime(2026, 3, 1, tzinfo=UTC), "/out/1")
S2 = ScanPoint("scan-2", datetime(2026, 3, 15, tzinfo=UTC), "/out/2")
S3 = ScanPoint("scan-3", datetime(2026, 4, 1, tzinfo=UTC), "/out/3")
BONUS_DE = Sighting("a" * 16, "BONUS", "website:x.com", ("DE",), "https://x.com/de/bonus", "100 €", "<urn:1>",
                    "f" * 64, "screenshots/bonus.png")
LANG_DE = Sighting("b" * 16, "LANG", "website:x.com", ("DE", "AT"), "https://x.com/de/", "de")
DISCLAIMER_DE = Sighting("c" * 16, "DISCLAIMER", "website:x.com", ("DE",), "https://x.com/terms")
BONUS_NOWHERE = Sighting("d" * 16, "BONUS", "website:x.com", (), "https://x.com/bonus")


def history() -> History:
    """The German bonus in scans 1 and 2, gone in 3; German-language pages (DE, AT) new in scan 3; a disclaimer
    and an untargeted bonus throughout (neither directs anything at a member state)."""
    return History([(S3, [LANG_DE, DISCLAIMER_DE, BONUS_NOWHERE]), (S1, [BONUS_DE, DISCLAIMER_DE, BONUS_NOWHERE]),
                    (S2, [BONUS_DE, DISCLAIMER_DE])], coverage_days=31)


def client(name: str, state: str, when: datetime, **fields) -> Client:
    return Client(client=name.ljust(24, "0"), line=fields.pop("line", 2), residence=state, onboarded_at=when,
                  **fields)


def day(month: int, dom: int) -> datetime:
    return datetime(2026, month, dom, 12, tzinfo=UTC)


def test_intervals_run_from_first_seen_to_the_first_scan_without_the_finding():
    intervals = {(i.sighting.finding_id, i.first_seen.id): i for i in history().intervals}
    assert set(intervals) == {("a" * 16, "scan-1"), ("b" * 16, "scan-3")}  # markers and untargeted left out
    bonus = intervals[("a" * 16, "scan-1")]
    assert (bonus.last_seen, bonus.ended_by) == (S2, S3)
    assert intervals[("b" * 16, "scan-3")].ended_by is None


@pytest.mark.parametrize(("when", "gap"), [
    (day(2, 20), (None, "scan-1")),  # before any scan
    (day(3, 5), None),
    (day(3, 31), None),  # 16 days after scan 2
    (S3.at + timedelta(days=31), None),  # the last covered instant
    (day(5, 20), ("scan-3", None)),  # more than 31 days after the newest scan
])
def test_a_date_is_covered_for_coverage_days_after_a_scan(when, gap):
    found = history().gap(when)
    assert (found if found is None else (found.before and found.before.id, found.after and found.after.id)) == gap


def test_live_content_names_the_intervals_and_scans_behind_each_client():
    clients = [client("between", "DE", day(3, 20)), client("after", "DE", day(4, 5)),
               client("austrian", "AT", day(3, 20)), client("gap", "DE", day(2, 1)),
               client("first-contact", "DE", day(4, 10), first_contact_at=day(3, 2), line=6)]
    # the Austrian client of 20 March saw nothing directed at AT: German-language pages appear only in scan 3
    (de,) = live_content(clients, history(), SETTINGS)
    assert de.member_state == "DE"
    assert set(de.clients) == {c.client for c in clients if c.residence == "DE"} - {"gap".ljust(24, "0")}
    scans = dict(de.client_scans)
    assert scans["between".ljust(24, "0")] == ("scan-1", "scan-2", "scan-3")
    assert scans["after".ljust(24, "0")] == ("scan-3",)  # the German pages, still shown by the newest scan
    assert scans["first-contact".ljust(24, "0")] == ("scan-1", "scan-2", "scan-3")  # bonus live at first contact
    (between,) = [e for e in de.examples if e.client == "between".ljust(24, "0")]
    assert between.detail == ("BONUS (1 finding(s), https://x.com/de/bonus): first seen in scan scan-1, last seen in "
                              "scan scan-2, gone by scan scan-3")
    ref = next(r for r in de.scans if r["finding_id"] == "a" * 16)
    assert ref["archive"] == "/out/2/capture.warc.gz" and ref["screenshot"] == "/out/2/screenshots/bonus.png"
    assert (ref["first_seen_scan"], ref["last_seen_scan"], ref["ended_by_scan"]) == ("scan-1", "scan-2", "scan-3")


def test_cohort_spike_after_content_first_appeared_and_its_near_misses():
    before = [client(f"b{n}", "DE", day(3, 1) + timedelta(days=n)) for n in range(2)]
    after = [client(f"a{n}", "DE", day(3, 16) + timedelta(days=n)) for n in range(6)]
    (spike,) = cohort_spikes(before + after, history(), SETTINGS)
    assert (spike.check, spike.member_state, len(spike.clients)) == ("COHORT_SPIKE", "DE", 6)
    assert "first seen in scan scan-3 (not in scan scan-2)" in spike.detail
    assert [r["finding_id"] for r in spike.scans] == ["b" * 16]  # the bonus of the first scan is no launch
    assert cohort_spikes(before + after[:4], history(), SETTINGS) == []  # fewer than 5 after
    steady = [client(f"s{n}", "DE", day(2, 20) + timedelta(days=n)) for n in range(4)]
    assert cohort_spikes(steady + before + after, history(), SETTINGS) == []  # 6 after against 6 before


def request(service: str, when: datetime, **fields) -> ServiceRequest:
    return ServiceRequest(client="c".ljust(24, "0"), line=fields.pop("line", 2), requested_at=when, service=service,
                          **fields)


@pytest.mark.parametrize(("later", "expected"), [
    (request("staking", day(2, 10), initiated_by="firm"), "new service staking"),
    (request("staking", day(2, 10), offer_ref="OFFER-1"), "new service staking"),
    (request("custody", day(1, 20), initiated_by="firm", asset_class="EMT"), "new asset class EMT"),
    (request("custody", day(2, 20), initiated_by="firm"), "outside the 30-day same-type window"),
    # near misses: the client's own request; a firm offer of the same type within the window; unknown initiator
    (request("staking", day(2, 10), initiated_by="client"), ""),
    (request("custody", day(1, 20), initiated_by="firm", asset_class="other"), ""),
    (request("staking", day(2, 10), initiated_by="unknown"), ""),
])
def test_service_drift(later, expected):
    first = request("custody", day(1, 5), asset_class="other", initiated_by="client")
    reason = drift_reason(first, later, 30)
    assert (expected in reason) if expected else reason == ""


def test_attribution_checks_and_their_near_misses():
    when = day(3, 20)
    assert mediated(client("m", "FR", when, attribution={"utm_campaign": "fr-spring"})) == "utm_campaign=fr-spring"
    assert mediated(client("m", "FR", when, attribution={"msclkid": "x1"})) == "msclkid=x1"
    assert mediated(client("m", "FR", when, attribution={"utm_source": "newsletter"})) == ""  # no campaign
    inbound = {"channel": "inbound_email"}
    assert "pl-PL" in locale_mismatch(client("l", "PL", when, signup_locale="pl-PL", **inbound))
    assert "app store country DE" in locale_mismatch(client("l", "DE", when, app_store_country="DE", **inbound))
    assert locale_mismatch(client("l", "DE", when, signup_locale="de-CH", **inbound)) == ""  # outside the EU
    assert locale_mismatch(client("l", "DE", when, signup_locale="en", **inbound)) == ""
    assert locale_mismatch(client("l", "PL", when, signup_locale="pl-PL", channel="web_form")) == ""
    attested = {"attested_at": when}
    assert attestation_only(client("a", "IT", when, **attested)).startswith("own-initiative click")
    assert attestation_only(client("a", "IT", when, how_heard_given=True, **attested)) == ""
    assert attestation_only(client("a", "IT", when, channel="phone", **attested)) == ""


def test_judge_statuses_shares_and_stable_ids():
    clients = [client("between", "DE", day(3, 20), line=2), client("gap", "DE", day(2, 1), line=3),
               client("attested", "IT", day(3, 20), attested_at=day(3, 20), line=4),
               client("plain", "IT", day(3, 20), channel="web_form", line=5),
               client("abroad", "US", day(3, 20), attribution={"gclid": "x"}, line=6),
               client("situated", "US", day(3, 20), first_contact_country="FR", attribution={"gclid": "y"}, line=7)]
    register = judge(clients, [], history(), SETTINGS, "onboarding.csv")
    statuses = {row["client"][:8].rstrip("0"): row["status"] for row in register.clients}
    assert statuses == {"between": "flagged", "gap": "coverage-gap", "attested": "attestation-only",
                        "plain": "no-finding", "abroad": "outside-eu", "situated": "flagged"}
    assert register.shares["eu_clients"] == 5 and register.shares["outside_eu_clients"] == 1
    assert register.shares["member_states"]["IT"]["checks"]["ATTESTATION_ONLY"] == {"clients": 1, "share": 0.5}
    again = judge(list(reversed(clients)), [], history(), SETTINGS, "onboarding.csv")
    assert [f.id for f in again.findings] == [f.id for f in register.findings]
    assert len({f.id for f in register.findings}) == len(register.findings)


def test_the_checks_agree_with_the_data_file_and_the_published_schema():
    import json

    from detectors.register.records import vocabulary
    from detectors.register.summary import SHARED
    from tests.conftest import ROOT

    schema = json.loads((ROOT / "reports" / "schema" / "register.schema.json").read_text(encoding="utf-8"))
    assert set(vocabulary().checks) == set(SHARED) == set(schema["$defs"]["finding"]["properties"]["check"]["enum"])
