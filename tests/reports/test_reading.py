"""The HTML report read in ten seconds (issue 15): the verdict's reasons in words with what to fix, the member-state
chart, findings by page and indicator with the match marked, new findings first, legal references once."""

from __future__ import annotations

import pytest

from detectors.catalogue import catalogue
from reports.chart import GROUP_FROM, bars
from reports.evidence_view import SHOWN_PER_INDICATOR, marked, page_groups
from reports.html import render_html
from reports.reasons import MAX_REASONS, strongest_reasons, wording
from reports.since_last import mark_since_last
from reports.words import country_name, language_name, short_url
from tests.reports.html_tags import parse
from tests.reports.test_diff import DE, EU, NEW_T, OLD_T, TG, build, finding, website

BONUS_PAGE = "https://cryptex.de/de/bonus/"
ON_BONUS_PAGE = [finding(DE, "LANG", BONUS_PAGE, "de", ("AT", "DE"), '<html lang="de">'),
                 finding(DE, "BONUS", BONUS_PAGE, "willkommensbonus", ("DE",), "Ihr Willkommensbonus: 50 EUR"),
                 finding(DE, "AFFILIATE", BONUS_PAGE, "referral parameter ref: KBV-7", ("DE",),
                         '<a href="/join?ref=KBV-7">Jetzt</a>')]
WEAK_PAGE = finding(DE, "PROMO", "https://cryptex.de/en/", "buy now", (), strength="weak")


def test_every_catalogue_indicator_has_words_and_a_fix():
    indicators = wording()["indicators"]
    assert set(catalogue().indicators) == set(indicators)
    assert all(entry["fix"].endswith(".") for entry in indicators.values())


def test_a_reason_says_the_page_in_words_with_what_to_fix():
    (reason, weaker) = strongest_reasons(build([website(DE, [*ON_BONUS_PAGE, WEAK_PAGE])], OLD_T))
    assert reason.text == ("German-language page with a referral code and a sign-up bonus on "
                           "cryptex.de/de/bonus")  # equally strong: by indicator id
    fixes = wording()["indicators"]
    assert reason.fixes == (fixes["AFFILIATE"]["fix"], fixes["BONUS"]["fix"]) and reason.channel == DE
    (lang_only,) = strongest_reasons(build([website(DE, ON_BONUS_PAGE[:1])], OLD_T))
    assert lang_only.text == "German-language page on cryptex.de/de/bonus"
    assert lang_only.fixes == (fixes["LANG"]["fix"],)
    assert weaker.text == "Page with promotional copy on cryptex.de/en"  # no language, untargeted: last


def test_reasons_take_the_strongest_page_of_each_channel_first_and_leave_out_unrated_and_dismissed():
    other = [finding(EU, "BONUS", f"https://cryptex.eu/p{i}", "bonus", ("DE",), strength="medium") for i in range(3)]
    down = website("website:cryptex.fr", [finding("website:cryptex.fr", "LANG", "https://cryptex.fr/", "fr",
                                                  ("FR",))], status="not-assessed", reason="refused")
    report = build([website(DE, [*ON_BONUS_PAGE, WEAK_PAGE]), website(EU, other), down], OLD_T)
    reasons = strongest_reasons(report)
    assert [r.channel for r in reasons][:2] == [DE, EU]  # a weaker channel's best before a second page of DE
    assert all(r.channel != "website:cryptex.fr" for r in reasons) and len(reasons) <= MAX_REASONS
    for f in report["channels"][0]["findings"]:
        f["triage"] = {"status": "dismissed", "reason": "staging", "by": "a", "at": NEW_T}
    assert all(r.channel != DE for r in strongest_reasons(report))


def test_names_instead_of_codes():
    assert (country_name("DE"), country_name("EU"), country_name("XX")) == ("Germany", "EU as a whole", "XX")
    assert (language_name("de-DE"), language_name("pl"), language_name("zz")) == ("German", "Polish", "zz")
    assert short_url("https://cryptex.de/de/bonus/?a=1") == "cryptex.de/de/bonus?a=1"


def _state(score, indicators):
    return {"score": score, "indicators": list(indicators), "channels": [DE]}


def test_chart_groups_identical_states_from_three_on_and_colours_by_level():
    same = [(code, _state(31, ["CURRENCY"])) for code in ("AT", "BE", "FI")[:GROUP_FROM]]
    rows = bars([("DE", _state(100, ["LANG"])), ("EU", _state(31, ["CURRENCY"])), *same, ("IE", _state(5, ["X"]))])
    assert [(b.label, b.level) for b in rows] == [("Germany", "high"), ("EU as a whole", "medium"),
                                                   ("3 states", "medium"), ("Ireland", "low")]
    assert rows[2].names == "Austria, Belgium, Finland" and (rows[0].width, rows[2].width) == (300, 93)
    pair = bars([("AT", _state(31, ["CURRENCY"])), ("BE", _state(31, ["CURRENCY"]))])  # near miss: two stay two
    assert [b.label for b in pair] == ["Austria", "Belgium"]


@pytest.mark.parametrize(("snippet", "value", "expected"), [
    ("Ihr Willkommensbonus: 50 EUR", "willkommensbonus", ("Ihr ", "Willkommensbonus", ": 50 EUR")),
    ('<a href="/join?ref=KBV-7">', "referral parameter ref: KBV-7", ('<a href="/join?ref=', "KBV-7", '">')),
    ('<html lang="de">', "de", ('<html lang="de">', "", "")),  # too short to find honestly
    ("Straße kaufen", "strasse", ("Straße kaufen", "", "")),  # casefold would shift positions: not marked
    ("nothing here", "bonus", ("nothing here", "", "")),
])
def test_the_match_is_found_in_the_snippet(snippet, value, expected):
    assert marked(snippet, value) == expected


def test_html_marks_the_match_as_text_and_never_as_markup():
    hostile = finding(DE, "BONUS", BONUS_PAGE, "<b>bonus</b>", ("DE",), "x <b>bonus</b> <script>y</script>")
    html = render_html(build([website(DE, [hostile])], OLD_T))
    assert "x <mark>&lt;b&gt;bonus&lt;/b&gt;</mark> &lt;script&gt;y&lt;/script&gt;" in html
    assert [t for t, _ in parse(html).tags if t in ("b", "script")] == []


def test_findings_by_page_and_indicator_folded_beyond_the_first_with_legal_references_once():
    many = [finding(DE, "BONUS", BONUS_PAGE, f"bonus {i}", ("DE",)) for i in range(4)]
    report = build([website(DE, [*ON_BONUS_PAGE, *many, WEAK_PAGE])], OLD_T)
    (page, weak) = page_groups(report["channels"][0])
    assert (page.url, page.open, weak.open) == (BONUS_PAGE, True, False)
    bonus = next(g for g in page.indicators + page.more if g.indicator == "BONUS")
    assert len(bonus.shown) == SHOWN_PER_INDICATOR and len(bonus.shown) + len(bonus.folded) == 5
    html = render_html(report)
    assert html.count("MiCA Art. 61(1) (BONUS)") == 1
    assert html.count('<article class="finding"') == len(report["channels"][0]["findings"])


def test_after_since_last_new_findings_come_first_and_are_listed_at_the_top():
    before = build([website(DE, ON_BONUS_PAGE), website(TG, [])], OLD_T)
    new = finding(DE, "PROMO", "https://cryptex.de/zz/", "jetzt kaufen", (), strength="weak", at=NEW_T)
    after = mark_since_last(build([website(DE, [*ON_BONUS_PAGE, new]), website(TG, [])], NEW_T), [before])
    (first, *_) = page_groups(next(c for c in after["channels"] if c["id"] == DE))
    assert first.url == "https://cryptex.de/zz/" and first.new == 1 and first.open  # weakest page, but new
    html = render_html(after)
    top = html[html.index('id="since-last"'):html.index('id="channels"')]
    assert f'href="#f-{new.id}"' in top and "PROMO: jetzt kaufen" in top


def test_coverage_lists_every_page_checked_and_says_so_when_an_older_report_cannot():
    report = build([website(DE, ON_BONUS_PAGE)], OLD_T)
    channel = report["channels"][0]
    channel["checked_pages"] = ["https://cryptex.de/", BONUS_PAGE]
    report["errors"] = [{"channel": DE, "url": "https://cryptex.de/gone/", "error": "HTTP 404"}]
    html = render_html(report)
    coverage = html[html.index('id="coverage"'):html.index('id="errors"')]
    links = [a["href"] for tag, a in parse(coverage).tags if tag == "a"]
    assert links == ["https://cryptex.de/", BONUS_PAGE, "https://cryptex.de/gone/"] and "HTTP 404" in coverage
    del channel["checked_pages"]  # format 1, or a report written before the list existed
    assert "does not list the pages checked" in render_html(report)
