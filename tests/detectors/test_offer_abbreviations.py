"""The dot of "min." or "max." abbreviates the offer word right before an amount ("min. 12,50 EUR"): it ends no
sentence, so the amount keeps its offer word (detectors/offer_context.py). A full stop after another word still
ends one."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(lines: list[str]) -> set[str]:
    return found_values(currency, "lv", *lines, url="https://www.example-bank.lv/cenas/akcijas")


@pytest.mark.parametrize(("line", "expected"), [
    ("Copenhagen Stock Exchange and Aarhus Market 0,15% no apjoma, min. 35,00 DKK", {"DKK"}),
    ("Oslo Stock Exchange and Bergen Market 0,15% no apjoma, Max. 900,00 NOK", {"NOK"}),
])
def test_an_amount_after_min_or_max_keeps_its_offer_word(line, expected):
    assert codes([line]) == expected


def test_near_miss_a_full_stop_after_another_word_ends_the_sentence():
    assert codes(["Shares listed in Copenhagen and in Aarhus, 0,15% no apjoma, admin. 35,00 DKK"]) == set()
