"""Offer context: the English news word "fines" is read as a penalty only where it is one ("fines of", "in fines",
"fines for"): in Spanish and Portuguese "fines" are ends or purposes ("los fines de semana", "con fines
informativos"), and narrative words count in any language, so the bare word vetoed a Spanish help page's currency."""

from __future__ import annotations

from detectors import currency
from tests.support.paragraph_pages import found_values

HELP = "https://help.example-wallet.com/es/articles/retiros"


def test_a_weekend_in_spanish_is_no_penalty():
    assert found_values(currency, "es", "Retiros en EUR: todos los días, también los fines de semana.", url=HELP) \
        == {"EUR"}


def test_near_miss_fines_as_a_penalty_still_make_news():
    assert found_values(currency, "en", "Clients paid fines of 40 EUR for late reports.", url=HELP) == set()
    assert found_values(currency, "en", "Withdrawals in EUR are settled even as fines for late payers grow.",
                        url=HELP) == set()
