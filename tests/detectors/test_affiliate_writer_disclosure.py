"""AFFILIATE: a writer's own disclosure in the first person ("I may be compensated ... for referral links") is the
site's statement of its pay, even on a page that reports on another firm's referral programme. In the third person
the same words are that programme's rules ("referrers are compensated for ... their links"), and a denial discloses
nothing."""

from __future__ import annotations

import pytest

from detectors import affiliate
from tests.support.paragraph_pages import body_values

REPORTS = {
    "en": "<p>Northwind Exchange launches a referral program for its users, according to a statement on Monday.</p>",
    "de": "<p>Die Börse Northwind startet ein Empfehlungsprogramm für ihre Nutzer, teilte das Unternehmen mit.</p>",
}


def affiliate_values(lang: str, sentence: str) -> list[str]:
    return body_values(affiliate, lang, f"{REPORTS[lang]}<p>{sentence}</p>")


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Heads-up: I may be compensated by some exchanges named below because of referral links."),
    ("de", "Hinweis: Für Anmeldungen über die Links in meinem Beitrag bekomme ich eine Provision."),
], ids=["en-i-may-be-compensated", "de-ich-bekomme-provision"])
def test_a_first_person_disclosure_on_a_page_reporting_a_programme(lang, sentence):
    assert affiliate_values(lang, sentence) == ["affiliate disclosure"]


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "Referrers are compensated for every trader who joins through their links."),  # the programme's rule
    ("de", "Werber erhalten eine Provision für jede Anmeldung über ihre Links."),
    ("en", "I am not compensated for any of the links in this story."),  # a denial
], ids=["en-third-person-rule", "de-third-person-rule", "en-denial"])
def test_near_miss_the_programmes_rules_or_a_denial_disclose_nothing(lang, sentence):
    assert affiliate_values(lang, sentence) == []
