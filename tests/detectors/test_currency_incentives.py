"""CURRENCY: the amount of an incentive the site offers (BONUS judges it: a reward, a verb of getting, a trigger) is
the site's own offer in that currency, on a page that otherwise reads as news too -- an advert box beside a story.
Another firm's incentive reported in the story names no currency the site offers."""

from __future__ import annotations

import pytest

from detectors import bonus, currency
from detectors.context import Context
from detectors.document import build_document

STORY = {
    "en": ["The minister said on Tuesday that the new rules would apply from spring, a spokesman told the press.",
           "Traders told us that prices fell after the announcement."],
    "de": ["Die Ministerin sagte am Dienstag, die neuen Regeln gälten ab dem Frühjahr, erklärte ein Sprecher.",
           "Händler sagte, die Kurse seien danach gefallen."],
}


def page(paragraphs: list[str], lang: str):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return build_document(channel="website:test", requested_url="https://www.example-news.com/markets/story",
                          url="https://www.example-news.com/markets/story", status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                          body=f'<!doctype html><html lang="{lang}"><body>{body}</body></html>'.encode())


@pytest.mark.parametrize(("box", "lang", "expected"), [
    (["Want a quick €15?", "1. Open an account", "2. Deposit 15 euro", "3. You receive €15 extra straight away!"],
     "en", {"EUR"}),
    (["Schnell 20 € verdienen?", "1. Konto eröffnen", "2. 20 Euro einzahlen", "3. Du erhältst sofort 20 € extra!"],
     "de", {"EUR"}),
])
def test_the_amount_of_the_sites_own_incentive_beside_a_story_is_offered(box, lang, expected):
    doc = page(STORY[lang] + box, lang)
    assert bonus.detect(doc, Context())  # BONUS finds the incentive ...
    assert {f.evidence.value for f in currency.detect(doc, Context())} == expected  # ... and its currency counts


@pytest.mark.parametrize(("reported", "lang"), [
    ("The bank said new customers receive 50 € when they open an account, a spokesman told reporters.", "en"),
    ("Die Bank erklärte, Neukunden erhalten 50 € für die Kontoeröffnung, sagte ein Sprecher.", "de"),
])
def test_another_firms_incentive_reported_in_a_story_names_no_currency(reported, lang):
    doc = page([*STORY[lang], reported], lang)
    assert bonus.detect(doc, Context()) == []
    assert currency.detect(doc, Context()) == []
