"""Diffing two scans of a firm: what a supervisor would conclude from the diff must be what actually changed.

Two reports are built from constructed channels, as a re-scan a month later would produce them: the German bonus
page is gone, a French page appeared, a finding names more member states, a Telegram channel was added and the .eu
site could not be fetched. The diff must name exactly those findings, never call the unfetched site's findings
resolved without saying so, ignore what changes on every crawl, and render crawled text inert.
"""

from __future__ import annotations

import copy
import hashlib
import json
from dataclasses import replace

import pytest

from detectors.model import ChannelResult, Evidence, Finding
from reports.diff import diff_reports, render_diff_html, render_diff_json, render_diff_text, validate_diff
from tests.conftest import report_of
from tests.reports.html_tags import parse

OLD_T, NEW_T = "2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"
FIRM = {"name": "Cryptex <b>Ltd</b>", "home_country": "SC", "slug": "cryptex-ltd"}
DE, EU, TG = "website:cryptex.de", "website:cryptex.eu", "social:telegram:cryptex_official"
HOSTILE_SNIPPET = "Achetez maintenant <script>alert(1)</script> & profitez"
HOSTILE_URL = "javascript:alert(1)"
NA_REASON = "nothing could be fetched: connection refused"


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def finding(channel, indicator, url, value, states=(), snippet="", *, at=OLD_T, strength="strong", confidence=0.9,
            visitors=("DE",)):
    return Finding(indicator=indicator, channel=channel, url=url, fetched_at=at, body_sha256=sha(url + at),
                   confidence=confidence, member_states=tuple(states),
                   evidence=Evidence(value=value, snippet=snippet or value, locator="text"),
                   legal_ref=f"MiCA Art. 61(1) ({indicator})", strength=strength, visitors=tuple(visitors),
                   record_id=f"<urn:uuid:{sha(url + at)[:8]}>")


def website(cid, findings, status="assessed", reason=""):
    return ChannelResult(id=cid, kind="website", target=f"https://{cid.split(':', 1)[1]}/", status=status,
                         reason=reason, pages_fetched=len(findings) or (0 if status == "not-assessed" else 1),
                         pages_failed=1 if status != "assessed" else 0, findings=list(findings))


def build(channels, started_at, firm=FIRM):
    return report_of(firm=dict(firm), channels=channels, started_at=started_at,
                        finished_at=started_at.replace("00:00:00", "00:05:00"), visitors=["DE", "FR", "US"],
                        config={})


# --- the two scans ----------------------------------------------------------------------------------------------

LANG_DE = finding(DE, "LANG", "https://cryptex.de/", "de", ("AT", "DE", "LU"), '<html lang="de">')
BONUS_DE = finding(DE, "BONUS", "https://cryptex.de/bonus/", "100 eur willkommensbonus", ("AT", "DE"))
PHONE_DE = finding(DE, "PHONE", "https://cryptex.de/impressum/", "+493022334455", ("DE",), strength="medium")
EU_LANG = finding(EU, "LANG", "https://cryptex.eu/", "de", ("AT", "DE"))
EU_PROMO = finding(EU, "PROMO", "https://cryptex.eu/", "jetzt kaufen", ("DE",))

LANG_FR = finding(DE, "LANG", "https://cryptex.de/fr/", "fr", ("BE", "FR", "LU"), at=NEW_T)
PROMO_FR = finding(DE, "PROMO", "https://cryptex.de/fr/", "achetez maintenant", ("FR",), HOSTILE_SNIPPET, at=NEW_T)
AFFILIATE_JS = finding(DE, "AFFILIATE", HOSTILE_URL, "referral parameter ref: x1", at=NEW_T)
TG_BONUS = finding(TG, "BONUS", "https://t.me/cryptex_official/7", "bonus \u202egnp.exe", ("DE",), at=NEW_T)


def renewed(f: Finding, **changes) -> Finding:
    """The same observation on a later crawl: every volatile field differs (time, body hash, record, screenshot)."""
    return replace(f, fetched_at=NEW_T, body_sha256=sha(f.url + NEW_T), record_id="<urn:uuid:renewed>",
                   screenshot="screenshots/renewed.png", **changes)


def old_channels():
    return [website(DE, [LANG_DE, BONUS_DE, PHONE_DE]), website(EU, [EU_LANG, EU_PROMO])]


def new_channels():
    return [
        website(DE, [renewed(LANG_DE, member_states=("AT", "DE", "LI", "LU")), renewed(PHONE_DE), LANG_FR, PROMO_FR,
                     AFFILIATE_JS]),
        website(EU, [], status="not-assessed", reason=NA_REASON),
        ChannelResult(id=TG, kind="social", target="https://t.me/cryptex_official", status="assessed",
                      pages_fetched=1, findings=[TG_BONUS]),
    ]


@pytest.fixture(scope="module")
def old():
    return build(old_channels(), OLD_T)


@pytest.fixture(scope="module")
def new():
    return build(new_channels(), NEW_T)


@pytest.fixture(scope="module")
def diff(old, new):
    return diff_reports(old, new)


def by_id(diff: dict) -> dict[str, dict]:
    return {c["id"]: c for c in diff["channels"]}


def ids(findings) -> list[str]:
    return [f["id"] for f in findings]


# --- what changed -----------------------------------------------------------------------------------------------


def test_diff_names_exactly_the_new_resolved_and_changed_findings(diff):
    de = by_id(diff)[DE]
    assert de["change"] == "kept" and de["comparable"] and not de["unchanged"]
    assert sorted(ids(de["new_findings"])) == sorted([LANG_FR.id, PROMO_FR.id, AFFILIATE_JS.id])
    assert ids(de["resolved_findings"]) == [BONUS_DE.id]
    assert [c["id"] for c in de["changed_findings"]] == [LANG_DE.id]
    assert diff["totals"] == {"new": 3, "resolved": 1, "changed": 1, "not_compared": 3}


def test_findings_listed_whole_and_sorted(diff, old):
    de = by_id(diff)[DE]
    old_bonus = next(f for c in old["channels"] for f in c["findings"] if f["id"] == BONUS_DE.id)
    assert de["resolved_findings"] == [old_bonus]  # as it appears in the old report, volatile fields included
    keys = [(f["indicator"], f["url"], f["id"]) for f in de["new_findings"]]
    assert keys == sorted(keys) and [k[0] for k in keys] == ["AFFILIATE", "LANG", "PROMO"]


def test_changed_finding_lists_only_the_fields_that_changed(diff):
    (lang,) = by_id(diff)[DE]["changed_findings"]
    assert lang["changes"] == {"member_states": [["AT", "DE", "LU"], ["AT", "DE", "LI", "LU"]]}
    assert lang["finding"]["member_states"] == ["AT", "DE", "LI", "LU"]  # the finding as the new scan saw it
    # the phone number was re-crawled: new time, hash, record and screenshot, and it is not a change
    assert PHONE_DE.id not in [c["id"] for c in by_id(diff)[DE]["changed_findings"]]


def test_unassessed_channel_is_not_reported_as_resolved(diff):
    eu = by_id(diff)[EU]
    assert eu["change"] == "kept" and eu["comparable"] is False and eu["unchanged"] is False
    assert eu["reason"] == f"not assessed in the new scan ({NA_REASON})"
    assert eu["old"] == {"status": "assessed", "level": "high", "score": eu["old"]["score"]}
    assert eu["new"] == {"status": "not-assessed", "level": None, "score": None}
    assert sorted(ids(eu["resolved_findings"])) == sorted([EU_LANG.id, EU_PROMO.id])  # listed, but not counted
    assert diff["totals"]["resolved"] == 1


def test_added_channel_is_listed_but_not_counted_as_new(diff):
    tg = by_id(diff)[TG]
    assert tg["change"] == "added" and tg["old"] is None and tg["new"]["status"] == "assessed"
    assert ids(tg["new_findings"]) == [TG_BONUS.id] and tg["comparable"] is False
    assert tg["reason"] == "not scanned in the old scan"


def test_warnings_say_what_could_not_be_compared(diff):
    assert diff["warnings"] == [
        f"findings of {TG} could not be compared: not scanned in the old scan",
        f"findings of {EU} could not be compared: not assessed in the new scan ({NA_REASON})",
    ]


def test_scan_summaries_and_firm(diff, old, new):
    assert diff["schema"] == "footprint.diff/1"
    assert diff["firm"] == new["firm"]
    for side, report in (("old", old), ("new", new)):
        assert diff[side] == {"scan_id": report["scan"]["id"], "started_at": report["scan"]["started_at"],
                              "finished_at": report["scan"]["finished_at"],
                              "verdict": {k: report["verdict"][k] for k in ("level", "score", "complete")}}
    assert diff["new"]["verdict"]["complete"] is False and diff["old"]["verdict"]["complete"] is True


def test_channel_assessed_again_is_not_all_new(old, new):
    back = diff_reports(new, build(old_channels(), "2026-03-01T00:00:00Z"))
    eu = by_id(back)[EU]
    assert eu["comparable"] is False and eu["reason"] == f"not assessed in the old scan ({NA_REASON})"
    assert back["totals"]["new"] == 1  # the German bonus is back; the .eu findings are not "new"
    assert f"findings of {EU} could not be compared: not assessed in the old scan ({NA_REASON})" in back["warnings"]
    assert by_id(back)[TG]["change"] == "removed" and by_id(back)[TG]["reason"] == "not scanned in the new scan"


def test_identical_reports_change_nothing(old):
    rescan = build(old_channels(), NEW_T)  # same captures a month later: only times and the scan id differ
    for diff in (diff_reports(old, rescan), diff_reports(old, copy.deepcopy(old))):
        assert diff["totals"] == {"new": 0, "resolved": 0, "changed": 0, "not_compared": 0}
        assert [c["id"] for c in diff["channels"]] == [DE, EU]
        for c in diff["channels"]:
            assert c["unchanged"] and c["comparable"] and c["change"] == "kept"
            assert c["new_findings"] == c["resolved_findings"] == c["changed_findings"] == []
    assert diff_reports(old, rescan)["warnings"] == []
    assert diff_reports(old, old)["warnings"] == [f"both reports are of the same scan ({old['scan']['id']})"]


def test_volatile_fields_and_order_are_not_changes(old):
    rescanned = [website(DE, [renewed(f, member_states=tuple(reversed(f.member_states)),
                                      visitors=tuple(reversed(f.visitors + ("FR",))) if f is PHONE_DE else f.visitors)
                              for f in (PHONE_DE, BONUS_DE, LANG_DE)]),
                 website(EU, [renewed(EU_PROMO), renewed(EU_LANG)])]
    diff = diff_reports(old, build(list(reversed(rescanned)), NEW_T))
    de = by_id(diff)[DE]
    assert [c["id"] for c in de["changed_findings"]] == [PHONE_DE.id]
    assert de["changed_findings"][0]["changes"] == {"visitors": [["DE"], ["DE", "FR"]]}  # a real change, named
    assert by_id(diff)[EU]["unchanged"]


def test_meaningful_fields_are_changes(old):
    new = build([website(DE, [renewed(LANG_DE, strength="medium", confidence=0.5,
                                      evidence=Evidence("de", "<html lang='de-DE'>", "html[lang]")),
                              BONUS_DE, PHONE_DE]),
                 website(EU, [EU_LANG, EU_PROMO])], NEW_T)
    bonus = next(f for f in new["channels"][0]["findings"] if f["id"] == BONUS_DE.id)
    bonus["triage"] = {"status": "dismissed", "reason": "a test page, never published", "by": "analyst", "at": NEW_T}
    changed = {c["id"]: c["changes"] for c in by_id(diff_reports(old, new))[DE]["changed_findings"]}
    assert changed[LANG_DE.id] == {"strength": ["strong", "medium"], "confidence": [0.9, 0.5],
                                   "evidence.snippet": ['<html lang="de">', "<html lang='de-DE'>"],
                                   "evidence.locator": ["text", "html[lang]"]}
    assert changed[BONUS_DE.id] == {"triage.status": ["open", "dismissed"]}


def test_partial_new_scan_warns_about_resolved_findings(old):
    new = build([website(DE, [LANG_DE, PHONE_DE], status="partial", reason="2 of 5 pages failed"),
                 website(EU, [EU_LANG, EU_PROMO])], NEW_T)
    diff = diff_reports(old, new)
    assert diff["totals"]["resolved"] == 1 and by_id(diff)[DE]["comparable"]
    assert diff["warnings"] == [f"{DE} was partial in the new scan (2 of 5 pages failed): a resolved finding may only "
                                "be on a page that could not be fetched"]


def test_backwards_and_cross_firm_comparisons_are_flagged(old, new):
    backwards = diff_reports(new, old)
    assert backwards["warnings"][0] == (f"the old scan (started {NEW_T}) is newer than the new scan (started "
                                        f"{OLD_T}): new and resolved are swapped")
    other = build(old_channels(), NEW_T, firm={"name": "Other Exchange", "home_country": "MT", "slug": "other"})
    assert diff_reports(old, other)["warnings"][0] == (
        "comparing two different firms: 'cryptex-ltd' (old) and 'other' (new); findings of different firms never match")


def test_not_a_report_is_refused(old):
    with pytest.raises(ValueError, match="old report is not a footprint report"):
        diff_reports({"schema": "footprint.diff/1"}, old)


# --- schema and JSON --------------------------------------------------------------------------------------------


def test_diff_is_valid(diff, old):
    assert validate_diff(diff) == []
    assert validate_diff(diff_reports(old, old)) == []
    assert validate_diff(diff_reports(old, build([], NEW_T))) == []  # every channel removed


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: by_id(d)[DE]["changed_findings"][0]["changes"].__setitem__("fetched_at", [OLD_T, NEW_T]),
         "changes"),
        (lambda d: by_id(d)[DE].__setitem__("change", "moved"), "change"),
        (lambda d: by_id(d)[DE]["new_findings"][0].__setitem__("note", "x"), "new_findings[0]"),
        (lambda d: d["totals"].pop("not_compared"), "totals"),
        (lambda d: by_id(d)[EU].__setitem__("comparable", True), "reason"),
        (lambda d: by_id(d)[TG].__setitem__("old", by_id(d)[TG]["new"]), "old"),
        (lambda d: d.__setitem__("schema", "footprint.diff/2"), "schema"),
    ],
)
def test_schema_rejects_broken_diffs(diff, change, where):
    broken = copy.deepcopy(diff)
    change(broken)
    errors = validate_diff(broken)
    assert errors and any(where in e for e in errors), errors


def test_json_is_deterministic(old, new, diff):
    text = render_diff_json(diff)
    assert text.endswith("}\n") and json.loads(text) == diff
    shuffled = copy.deepcopy(new)
    shuffled["channels"].reverse()
    for c in shuffled["channels"]:
        c["findings"].reverse()
    assert render_diff_json(diff_reports(copy.deepcopy(old), shuffled)).encode() == text.encode()
    assert "<script>alert(1)</script>" in text  # stored as captured; escaping is the HTML's job


# --- text -------------------------------------------------------------------------------------------------------


def test_text_has_a_section_per_channel_with_ids(diff):
    text = render_diff_text(diff)
    assert text.startswith("Diff: Cryptex <b>Ltd</b> (cryptex-ltd)\n")
    assert "Totals: 3 new, 1 resolved, 1 changed; 3 more in channels that could not be compared" in text
    for cid in (DE, EU, TG):
        assert sum(line.startswith(f"Channel {cid}") for line in text.splitlines()) == 1
    assert f"Channel {TG} (ADDED): not scanned -> HIGH" in text
    assert f"Channel {EU}: HIGH" in text and "-> NOT ASSESSED" in text
    assert f"NOT COMPARED: not assessed in the new scan ({NA_REASON})" in text
    eu = text[text.index(f"Channel {EU}"):]
    assert "  seen only in the old scan (2):" in eu and "resolved (" not in eu
    assert f"    - {BONUS_DE.id} BONUS https://cryptex.de/bonus/ value: 100 eur willkommensbonus" in text
    assert f"    ~ {LANG_DE.id} LANG https://cryptex.de/" in text
    assert "        member_states: AT DE LU -> AT DE LI LU" in text
    assert f"WARNING: findings of {EU} could not be compared" in text


def test_text_makes_control_characters_visible(diff):
    text = render_diff_text(diff)
    assert "\u202e" not in text and "bonus \\u202egnp.exe" in text
    hostile = copy.deepcopy(diff)
    hostile["channels"][0]["new_findings"][0]["url"] = "https://x.example/\x1b[31mred"
    assert "\x1b" not in render_diff_text(hostile) and "\\u001b[31mred" in render_diff_text(hostile)


def test_text_of_unchanged_channels(old):
    text = render_diff_text(diff_reports(old, build(old_channels(), NEW_T)))
    assert "Totals: 0 new, 0 resolved, 0 changed\n" in text
    assert text.count("\n  unchanged\n") == 2


# --- HTML -------------------------------------------------------------------------------------------------------




def test_html_escapes_and_links_only_http_urls(diff):
    html = render_diff_html(diff)
    page = parse(html)
    assert "<script" not in html.lower() and not any(t == "script" for t, _ in page.tags)
    assert "Achetez maintenant &lt;script&gt;alert(1)&lt;/script&gt; &amp; profitez" in html
    assert HOSTILE_SNIPPET in "".join(page.text)
    assert "Cryptex &lt;b&gt;Ltd&lt;/b&gt;" in html
    hrefs = [a["href"] for t, a in page.tags if t == "a"]
    assert "https://cryptex.de/fr/" in hrefs
    assert all(h.startswith(("https://", "http://", "#")) for h in hrefs)
    assert HOSTILE_URL in "".join(page.text) and not any("javascript" in h.lower() for h in hrefs)
    assert not any(t in ("img", "iframe", "object", "embed", "link") for t, _ in page.tags)
    assert not any(name.startswith("on") or name == "src" for _, attrs in page.tags for name in attrs)
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0]["content"]


def test_html_shows_what_was_not_compared(diff):
    html = render_diff_html(diff)
    eu = html[html.index(f"<h2>Channel: {EU}</h2>"):]
    eu = eu[: eu.index("</section>")]
    assert "NOT COMPARED" in eu and NA_REASON in eu and "Seen only in the old scan (2)" in eu
    assert "Resolved findings" not in eu
    warnings = html[html.index('id="warnings"'):]
    assert f"findings of {EU} could not be compared" in warnings[: warnings.index("</section>")]
    assert html.index('id="totals"') < html.index('id="warnings"') < html.index(f"<h2>Channel: {DE}</h2>")


def test_html_is_deterministic(old, new, diff):
    assert render_diff_html(diff) == render_diff_html(diff_reports(copy.deepcopy(old), copy.deepcopy(new)))
