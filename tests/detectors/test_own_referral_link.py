"""A writer who offers its own referral link or code ("med min länk", "with my link") pitches the programme it earns
from, even on a page that otherwise reads as an explainer; the same explainer without it reports on someone else's
programme (detectors/affiliate_voice.py, detectors/own_voice.py)."""

from __future__ import annotations

import pytest

from detectors import affiliate, bonus
from detectors.context import Context
from detectors.document import build_document

NEWS = {"de": "https://www.blog.example.com/nachrichten/empfehlungsprogramm-beispielbank",
        "en": "https://www.blog.example.com/news/sample-bank-referral-programme"}

EXPLAINER = {
    "de": ("<p>Was ist ein Empfehlungsprogramm?</p>"
           "<p>Das Empfehlungsprogramm der Beispielbank zählt zu den beliebtesten.</p>"
           "<p>Wer Freunde einlädt, bekommt für jede Empfehlung 50 Euro Prämie.</p>"),
    "en": ("<p>What is a referral programme?</p>"
           "<p>The referral programme of Sample Bank is one of the most popular.</p>"
           "<p>Whoever invites friends gets a 50 euro reward for each referral.</p>"),
}
OWN_LINK = {
    "de": "<p>Sichere dir 20 € Startguthaben mit meinem Empfehlungslink.</p>",
    "en": "<p>Get 20 € of starting credit with my referral link.</p>",
}
NOT_OWN = {  # the writer's link named, but not offered: negated
    "de": "<p>Einen Bonus über meinen Empfehlungslink gibt es nicht mehr.</p>",
    "en": "<p>There is no bonus through my referral link any more.</p>",
}


def found(lang: str, body: str) -> set[str]:
    html = f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>{body}'
    doc = build_document(channel="website:test", requested_url=NEWS[lang], url=NEWS[lang], status=200,
                         fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=html.encode())
    return {f.indicator for module in (affiliate, bonus) for f in module.detect(doc, Context())}


@pytest.mark.parametrize("lang", sorted(EXPLAINER))
def test_an_explainer_reports_on_another_firms_programme(lang):
    assert found(lang, EXPLAINER[lang]) == set()


@pytest.mark.parametrize("lang", sorted(EXPLAINER))
def test_the_writers_own_referral_link_makes_the_programme_its_own(lang):
    assert found(lang, EXPLAINER[lang] + OWN_LINK[lang]) == {"AFFILIATE", "BONUS"}


@pytest.mark.parametrize("lang", sorted(EXPLAINER))
def test_near_miss_a_negated_own_link_offers_nothing(lang):
    assert found(lang, EXPLAINER[lang] + NOT_OWN[lang]) == set()
