"""CURRENCY: an amount called typical describes the market, as "typically" already did: "a typical minimum deposit
is 20 EUR", "tres perfiles típicos ... 100-300 €" (a hedge of lexicons/incentives.yaml in every language). The
site's own minimum said plainly is still offered."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(lang: str, text: str) -> set[str]:
    return found_values(currency, lang, text, url="https://www.example-guide.com/deposits")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "A typical minimum deposit across these casinos is 20 EUR by card."),
    ("es", "Un depósito mínimo típico en estas plataformas es de 50 € por transferencia."),
    ("hu", "A minimális befizetés tipikus értéke 15 € a kártyás fizetésnél."),
])
def test_a_typical_amount_is_no_offer(lang, text):
    assert codes(lang, text) == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Our minimum deposit is 20 EUR by card."),
    ("es", "Nuestro depósito mínimo es de 50 € por transferencia."),
    ("hu", "Nálunk a minimális befizetés 15 € kártyás fizetésnél."),
])
def test_near_miss_the_sites_own_minimum_is_offered(lang, text):
    assert codes(lang, text) == {"EUR"}
