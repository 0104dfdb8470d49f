"""Crediting the reader's own money is no reward: a sentence whose only verb of getting credits an account and whose
credited thing is the reader's deposit, funds, balance or amount ("your funds will be credited", "das Guthaben wird
gutgeschrieben"; incentives.yaml credits and own_funds, every language) offers nothing. A bonus, a referral or a sum
credited without naming the reader's own money still offers."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

OWN_MONEY = [
    ("After you join, your funds will be credited to your wallet as soon as the transfer clears.", "en"),
    ("Nach deiner Einzahlung wird dir das Guthaben sofort auf dem Konto gutgeschrieben.", "de"),
    ("Après votre premier dépôt de 50 €, le montant sera crédité sur votre compte.", "fr"),
]


@pytest.mark.parametrize(("sentence", "language"), OWN_MONEY, ids=["en", "de", "fr"])
def test_the_readers_own_money_credited_is_no_incentive(sentence, language):
    found, hedged = offers(sentence, (language, "en"))
    assert (found, hedged) == ((), 0)


REWARDS = [
    ("After your first deposit, a €20 reward will be credited to your account.", "en"),
    ("Nach deiner Einzahlung wird dir ein Bonus von 20 € gutgeschrieben.", "de"),
    ("Après votre premier dépôt, 20 € seront crédités sur votre compte.", "fr"),
    ("Invite a friend and the funds for both of you will be credited once they sign up: €10 each.", "en"),
]


@pytest.mark.parametrize(("sentence", "language"), REWARDS, ids=["en-reward", "de-bonus", "fr-sum", "en-referral"])
def test_near_miss_a_reward_credited_still_offers(sentence, language):
    found, _ = offers(sentence, (language, "en"))
    assert [(o.text, o.language) for o in found] == [(sentence, language)]
