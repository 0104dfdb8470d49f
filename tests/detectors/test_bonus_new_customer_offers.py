"""BONUS: an offer for new customers and a welcome gift are named incentives (bonus.yaml: "Erbjudande för nya
kunder", "Willkommensgeschenk", "cadeau de bienvenue"), in every language. Near misses: a news item on another
firm's offer reports it; a sentence that says what many banks usually do explains, offers nothing."""

from __future__ import annotations

import pytest


def bonus_values(page, lang: str, body: str) -> list[str]:
    from detectors import bonus
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in bonus.detect(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("sv", "<h2>Erbjudande för nya kunder</h2><p>Handla utan courtage under dina två första månader hos Aurora.</p>",
     "erbjudande för nya kunder"),
    ("de", "<p>Ihr Willkommensgeschenk: Aurora übernimmt die Depotgebühr im ersten Jahr.</p>",
     "willkommensgeschenk"),
    ("fr", "<h2>Cadeau de bienvenue</h2><p>Aurora prend en charge vos frais de garde la première année.</p>",
     "cadeau de bienvenue"),
], ids=["sv", "de", "fr"])
def test_a_new_customer_offer_is_a_named_incentive(page, lang, body, value):
    assert value in bonus_values(page, lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("sv", "<p>Banken Nordvind lanserar ett erbjudande för nya kunder, meddelade företaget på tisdagen.</p>"),
    ("fr", "<p>Beaucoup de banques proposent souvent un cadeau de bienvenue, par exemple des frais offerts.</p>"),
], ids=["sv-news", "fr-generic"])
def test_near_miss_reported_or_explained(page, lang, body):
    assert bonus_values(page, lang, body) == []
