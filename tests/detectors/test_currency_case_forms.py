"""CURRENCY: the euro and the forint after a number in the case forms of the languages that inflect them ("enintään
30 euroon asti", "5000 forintig", "kuni 50 euroni"): an amount like "30 euroa", read in its offer context
(lexicons/currency.yaml's `words`)."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(text: str, lang: str) -> set[str]:
    return found_values(currency, lang, text, url="https://www.example-pankki.com/hinnasto")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Palvelumaksu nousee kuukaudessa enintään 30 euroon asti.", "fi", {"EUR"}),
    ("Kortin tilausmaksu alkaen 4 eurosta kuukaudessa.", "fi", {"EUR"}),
    ("A befizetés 5000 forintig díjmentes minden ügyfélnek.", "hu", {"HUF"}),
    ("Kuutasu on kuni 50 euroni iga konto kohta.", "et", {"EUR"}),
])
def test_an_inflected_currency_word_after_a_number_is_an_amount(text, lang, expected):
    assert codes(text, lang) == expected


def test_near_miss_a_longer_word_that_begins_like_one_is_no_amount():
    assert codes("Palvelumaksu koskee 3 eurooppalaista pankkia.", "fi") == set()
