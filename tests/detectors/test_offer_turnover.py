"""Offer context: Slovene and Croatian "promet" is any flow of payments ("dnevni limit prometa", a card's daily
transaction limit) and a firm's turnover only as the firm's ("letni promet", "promet podjetja", "godišnji promet"):
only those are news about money, so a limit on the flow stays an offer."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


@pytest.mark.parametrize(("lang", "text"), [
    ("sl", "Dnevni limit prometa s kartico znaša 700 EUR na dan."),
    ("hr", "Dnevni limit prometa karticom iznosi 700 EUR."),
])
def test_a_limit_on_the_flow_of_payments_is_an_offer(lang, text):
    assert found_values(currency, lang, text) == {"EUR"}


@pytest.mark.parametrize(("lang", "text"), [
    ("sl", "Ob limitu 700 EUR na kartico je letni promet podjetja ostal enak."),
    ("hr", "Uz limit od 700 EUR po kartici godišnji promet tvrtke ostao je isti."),
])
def test_near_miss_a_firms_turnover_is_news(lang, text):
    assert found_values(currency, lang, text) == set()
