"""Staking pays a yield, not an incentive: a sentence that names staking and whose reward is only a reward word or a
rate ("take part in staking and receive rewards", "ricompense fino al 6 %") offers nothing (incentives.yaml yields,
word beginnings in every language). A bonus or a sum of money tied to a stake is still an incentive ("stake CRO and
you both get $20")."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

YIELDS = [
    ("By staking your coins you take part in the network's consensus and receive rewards in return.", "en"),
    ("Partecipando allo staking delle tue criptovalute ricevi ricompense fino al 6 % all'anno.", "it"),
    ("Wenn du beim Staking deiner Coins mitmachst, erhältst du dafür regelmäßig Belohnungen.", "de"),
]


@pytest.mark.parametrize(("sentence", "language"), YIELDS, ids=["en", "it", "de"])
def test_staking_rewards_are_a_yield_not_an_incentive(sentence, language):
    found, hedged = offers(sentence, (language, "en"))
    assert (found, hedged) == ((), 0)


BONUSES = [
    ("Stake 100 CRO in your first week and you and your friend both get $20.", "en"),
    ("Invita un amico che fa staking e ricevi un bonus di 15 USDT.", "it"),
    ("Lade einen Freund ein, der Staking nutzt, und erhalte einen Bonus von 10 €.", "de"),
]


@pytest.mark.parametrize(("sentence", "language"), BONUSES, ids=["en-sum", "it-bonus", "de-bonus"])
def test_near_miss_a_bonus_or_a_sum_for_staking_still_offers(sentence, language):
    found, _ = offers(sentence, (language, "en"))
    assert [(o.text, o.language) for o in found] == [(sentence, language)]
