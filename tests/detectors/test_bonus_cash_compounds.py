"""Cash as a reward is the word itself ("paid in cash", "cash back"), not the compounds that begin with it: a
cashier, a cash terminal, a cashless payment name where or how the reader pays ("after registration you receive
your coins at any cashpoint" offers nothing; incentives.yaml en rewards)."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

COMPOUNDS = [
    "After registration you receive your coins at any cashpoint in the city.",
    "New users receive the receipt from the cashier once the payment is done.",
]


@pytest.mark.parametrize("sentence", COMPOUNDS, ids=["cashpoint", "cashier"])
def test_a_cash_compound_is_no_reward(sentence):
    found, hedged = offers(sentence, ("en",))
    assert (found, hedged) == ((), 0)


def test_near_miss_a_reward_paid_in_cash_still_offers():
    sentence = "Sign up today and get paid in cash after your first trade."
    found, _ = offers(sentence, ("en",))
    assert [(o.text, o.language) for o in found] == [(sentence, "en")]
