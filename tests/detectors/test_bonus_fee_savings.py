"""A saving is got as a reward is: "save 10 % on fees" with a trigger (signing up, a referral code) is an incentive
in every language (incentives.yaml verbs: save, économisez, risparmia, zaoszczędź ...), as "get 10 % off" is. Saving
without a trigger ("compare brokers and save on fees") and the market's savings in general ("many exchanges let new
users save ...") offer nothing."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

SAVINGS = [
    ("Enter a friend's referral code at sign-up to save 0.2 % on trading fees.", "en"),
    ("Inscrivez-vous avec un code de parrainage et économisez 10 % sur les frais.", "fr"),
    ("Registrati con il codice invito e risparmia il 10 % sulle spese di trading.", "it"),
    ("Zarejestruj się z kodem polecającym i zaoszczędź 10 % na opłatach.", "pl"),
]


@pytest.mark.parametrize(("sentence", "language"), SAVINGS, ids=["en", "fr", "it", "pl"])
def test_a_saving_with_a_trigger_is_an_incentive(sentence, language):
    found, _ = offers(sentence, (language, "en"))
    assert [o.text for o in found] == [sentence]


NO_OFFER = [
    ("Compare the brokers in our table and save on fees.", "en"),
    ("Many exchanges let new users save 10 % on fees when they register.", "en"),
    ("Comparez les courtiers de notre tableau et économisez sur les frais.", "fr"),
]


@pytest.mark.parametrize(("sentence", "language"), NO_OFFER, ids=["en-compare", "en-generic", "fr-compare"])
def test_near_miss_saving_without_a_trigger_or_in_general(sentence, language):
    found, _ = offers(sentence, (language, "en"))
    assert found == ()
