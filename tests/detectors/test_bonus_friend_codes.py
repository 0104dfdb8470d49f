"""BONUS: a friend code names a refer-a-friend reward as "refer a friend" does ("Codice Amico", "Friend Code",
"vänkod"; bonus.yaml), in every language, and PROMO restates it as the site's offer. Near misses: a news item on
another firm's friend code reports it; a sentence on what banks often do explains it."""

from __future__ import annotations

import pytest


def values(page, module: str, lang: str, body: str) -> list[str]:
    import importlib

    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in importlib.import_module(f"detectors.{module}").detect(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("it", "<p>Apri il conto Aurora entro marzo inserendo il Codice Amico che ti ha dato chi ti presenta.</p>",
     "codice amico"),
    ("en", "<p>Open an Aurora account with a valid Friend Code before the end of March.</p>", "friend code"),
    ("sv", "<p>Ange din väns vänkod när du öppnar kontot hos Aurora.</p>", "vänkod"),
], ids=["it", "en", "sv"])
def test_a_friend_code_is_a_named_referral_incentive(page, lang, body, value):
    assert value in values(page, "bonus", lang, body)
    assert value in values(page, "promo", lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("it", "<p>La banca Solaria lancia il codice amico per i clienti, ha annunciato martedì l'azienda.</p>"),
    ("en", "<p>Many banks often hand out a friend code to their customers, for example at account opening.</p>"),
], ids=["it-news", "en-generic"])
def test_near_miss_reported_or_explained(page, lang, body):
    assert values(page, "bonus", lang, body) == []
