"""CURRENCY: an amount in a comparison "as if" ("als würde man 500 Euro wechseln", "comme si vous payiez 20 €") is
imagined, not a price of the site: an "as if" hedges its sentence as "for example" does (lexicons/incentives.yaml).
The same amount said plainly beside an offer word is still the site's own."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(lang: str, text: str) -> set[str]:
    return found_values(currency, lang, text, url="https://www.example-guide.com/kryptoboerse")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Bitcoin zu kaufen ist nicht so, als würde man am Bankschalter 500 Euro gegen Pfund tauschen."),
    ("fr", "Acheter du bitcoin, ce n'est pas comme si vous changiez 500 € en livres au guichet de la banque."),
    ("en", "Buying bitcoin is not as if you were exchanging 500 EUR for pounds at the bank counter."),
])
def test_an_amount_in_an_as_if_comparison_is_no_offer(lang, text):
    assert codes(lang, text) == set()


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Bei uns tauschen Sie am Schalter 500 Euro gegen Pfund zu einem festen Kurs."),
    ("fr", "Chez nous, vous changez 500 € en livres au guichet, sans frais."),
    ("en", "With us you exchange 500 EUR for pounds at the counter, with no fees."),
])
def test_near_miss_the_same_amount_said_plainly_is_offered(lang, text):
    assert codes(lang, text) == {"EUR"}
