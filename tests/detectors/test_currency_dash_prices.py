"""CURRENCY: a German price of whole euros written with a dash for its cents ("99,- Euro") is an amount when the
currency is spelled out, as "99,- €" already was; a dash that stands between a number and a word is none."""

from __future__ import annotations

import pytest

from detectors import currency
from detectors.currency import _amounts, _rules
from tests.support.paragraph_pages import found_values


def amounts(text: str) -> list[str]:
    return [m.group(0) for m in _amounts(_rules(), text)]


def test_a_dash_for_the_cents_before_a_spelled_out_currency_is_an_amount():
    assert amounts("Die Einrichtung kostet einmalig 99,- Euro.") == ["99,- Euro"]
    assert found_values(currency, "de", "Die Einrichtung kostet einmalig 99,- Euro.") == {"EUR"}


@pytest.mark.parametrize("text", [
    "Kapitel 3 - Euro und Dollar im Vergleich der Preise",  # a dash set off by spaces: no cents
    "Seiten 12- Euro-Raum und Preise",  # a number's dash runs into no unit
])
def test_near_miss_a_dash_that_is_no_cents_makes_no_amount(text):
    assert amounts(text) == []
