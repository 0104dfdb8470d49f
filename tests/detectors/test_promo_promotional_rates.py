"""PROMO: a promotional rate is the site's own time-limited offer ("Aktionszins 3,2 % bis Ende März", "taux
promotionnel", "kampanjränta"), in every language (promo.yaml). Near misses: a question about one ("Gibt es einen
Aktionszins?") and a sentence on what banks often do ("Viele Banken werben oft mit einem Aktionszins")."""

from __future__ import annotations

import pytest


def promo_values(page, lang: str, body: str) -> list[str]:
    from detectors import promo
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in promo.detect(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("de", "<p>Tagesgeld bei Aurora: Aktionszins 3,2 % für Neugeld bis Ende März.</p>", "aktionszins"),
    ("fr", "<p>Livret Aurora : taux promotionnel de 4 % pendant trois mois.</p>", "taux promotionnel"),
    ("sv", "<p>Sparkonto hos Aurora med kampanjränta 3,5 % till och med mars.</p>", "kampanjränta"),
], ids=["de", "fr", "sv"])
def test_a_promotional_rate_is_an_offer(page, lang, body, value):
    assert value in promo_values(page, lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("de", "<p>Gibt es einen Aktionszins für Bestandskunden?</p>"),
    ("de", "<p>Viele Banken werben oft mit einem Aktionszins für Neukunden.</p>"),
], ids=["de-question", "de-generic"])
def test_near_miss_asked_or_said_of_banks_in_general(page, lang, body):
    assert promo_values(page, lang, body) == []
