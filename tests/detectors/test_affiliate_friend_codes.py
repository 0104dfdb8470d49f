"""AFFILIATE: a friend code names a refer-a-friend programme ("codice amico", "Friend Code", "Freundescode",
"vänkod"), in every language (partner_programme.yaml), as "invite a friend" does; a code's mere field name for a
promotion ("promo code", "Gutscheincode") stays a code name that needs a code. Near misses: a news item on another
firm's friend code reports it; a promo code with no code shown names no programme."""

from __future__ import annotations

import pytest


def affiliate_values(page, lang: str, body: str) -> list[str]:
    from detectors import affiliate
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in affiliate.detect(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("it", "<p>Apri il conto Aurora entro marzo inserendo il Codice Amico che ti ha dato chi ti presenta.</p>",
     "codice amico"),
    ("en", "<p>Open an Aurora account with a valid Friend Code before the end of March.</p>", "friend code"),
    ("de", "<p>Gib bei der Kontoeröffnung den Freundescode deiner Bekannten ein.</p>", "freundescode"),
    ("sv", "<p>Ange din väns vänkod när du öppnar kontot hos Aurora.</p>", "vänkod"),
], ids=["it", "en", "de", "sv"])
def test_a_friend_code_names_the_programme(page, lang, body, value):
    assert value in affiliate_values(page, lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("it", "<p>La banca Solaria lancia il codice amico per i clienti, ha annunciato martedì l'azienda.</p>"),
    ("de", "<p>Gib bei der Bestellung deinen Gutscheincode ein, falls du einen hast.</p>"),
], ids=["it-news", "de-promo-code-field"])
def test_near_miss_news_or_a_promo_code_field(page, lang, body):
    assert affiliate_values(page, lang, body) == []
