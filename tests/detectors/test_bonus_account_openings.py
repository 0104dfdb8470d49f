"""An account's opening is a trigger beside a reward ("Eröffne ein Depot und erhalte 50 € Prämie"); an account merely
named is not: a comparison that says what "the individual depots" cost and how a premium is got offers nothing.
German lists the opening, switch or transfer of a Depot (incentives.yaml openings), as every language lists the
opening of an account, not the bare noun."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

NAMED = [
    "Hier lesen Sie, welche Gebühren die einzelnen Depots verlangen und wie man eine Prämie erhält.",
    "Im Vergleich stehen die Kosten der Depots und die Bedingungen, eine Prämie zu erhalten.",
]


@pytest.mark.parametrize("sentence", NAMED)
def test_an_account_named_is_no_trigger(sentence):
    assert offers(sentence, ("de", "en")) == ((), 0)


OPENED = [
    "Eröffne ein Depot und erhalte 50 € Prämie.",
    "Beim Depotwechsel erhältst du eine Prämie von 100 €.",
    "Übertrage dein Depot zu uns und erhalte eine Prämie von 100 €.",
]


@pytest.mark.parametrize("sentence", OPENED)
def test_near_miss_an_account_opened_switched_or_transferred_triggers(sentence):
    found, _ = offers(sentence, ("de", "en"))
    assert [i.language for i in found] == ["de"]
