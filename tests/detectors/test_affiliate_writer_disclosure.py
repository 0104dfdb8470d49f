"""AFFILIATE: a writer's own disclosure in the first person ("I may be compensated ... for referral links") is the
site's statement of its pay, even on a page that reports on another firm's referral programme. In the third person
the same words are that programme's rules ("referrers are compensated for ... their links"), and a denial discloses
nothing."""

from __future__ import annotations

import pytest

REPORTS = {
    "en": "<p>Northwind Exchange launches a referral program for its users, according to a statement on Monday.</p>",
    "de": "<p>Die Börse Northwind startet ein Empfehlungsprogramm für ihre Nutzer, teilte das Unternehmen mit.</p>",
}


def affiliate_values(page, lang: str, sentence: str) -> list[str]:
    from detectors import affiliate
    from detectors.context import Context

    body = f"{REPORTS[lang]}<p>{sentence}</p>"
    doc = page(f"<!doctype html><html lang='{lang}'><body>{body}</body></html>")
    return [f.evidence.value for f in affiliate.detect(doc, Context())]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Heads-up: I may be compensated by some exchanges named below because of referral links."),
    ("de", "Hinweis: Für Anmeldungen über die Links in meinem Beitrag bekomme ich eine Provision."),
], ids=["en-i-may-be-compensated", "de-ich-bekomme-provision"])
def test_a_first_person_disclosure_on_a_page_reporting_a_programme(page, lang, sentence):
    assert affiliate_values(page, lang, sentence) == ["affiliate disclosure"]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Referrers are compensated for every trader who joins through their links."),  # the programme's rule
    ("de", "Werber erhalten eine Provision für jede Anmeldung über ihre Links."),
    ("en", "I am not compensated for any of the links in this story."),  # a denial
], ids=["en-third-person-rule", "de-third-person-rule", "en-denial"])
def test_near_miss_the_programmes_rules_or_a_denial_disclose_nothing(page, lang, sentence):
    assert affiliate_values(page, lang, sentence) == []
