"""A percentage named in words is a rate -- interest, a fee -- not a reward (incentives.yaml rates, every language):
"as a new customer you receive a percentage of interest" offers nothing. Beside a referral it is a share of the
referred friend's fees, a reward: "invite a friend and receive a percentage of every fee they pay" still offers."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

RATES = [
    ("As a new customer you receive a percentage of interest on your savings.", "en"),
    ("Als Neukunde erhalten Sie zwei Prozent Zinsen auf Ihr Tagesgeld.", "de"),
    ("Jako nový klient získáte úrok ve výši několika procent ročně.", "cs"),
]


@pytest.mark.parametrize(("sentence", "language"), RATES, ids=["en", "de", "cs"])
def test_a_percentage_in_words_is_a_rate_not_a_reward(sentence, language):
    found, hedged = offers(sentence, (language, "en"))
    assert (found, hedged) == ((), 0)


SHARES = [
    ("Invite a friend and receive a percentage of every fee they pay.", "en"),
    ("Lade einen Freund ein und erhalte einen Prozentsatz seiner Gebühren.", "de"),
    ("Pozvěte přítele a získáte procento z jeho poplatků.", "cs"),
]


@pytest.mark.parametrize(("sentence", "language"), SHARES, ids=["en", "de", "cs"])
def test_near_miss_a_percentage_beside_a_referral_is_a_share(sentence, language):
    found, _ = offers(sentence, (language, "en"))
    assert [(o.text, o.language) for o in found] == [(sentence, language)]
