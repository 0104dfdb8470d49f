"""A gain stated in an item of a list of how-to steps is what the steps lead to ("- Confirm the transfer / - The
money is now in your account and starts earning interest!"), not the site's offer: PROMO reads such an item as one
more step, within the list only (detectors/call_steps.among_steps). The same sentence standing on its own still
urges the reader."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

STEPS = {
    "no": ["Slik kommer du i gang:",
           "• Velg hvor mye du vil sette inn",
           "• Trykk på Bekreft",
           "• Vent på e-posten fra oss",
           "• Nå ligger pengene på kontoen din og du begynner å tjene belønninger!"],
    "en": ["How to move your coins:",
           "- Open the wallet screen",
           "- Select the coin you hold",
           "- Check the amount twice",
           "- Now your coins sit in the vault and you start to earn rewards today!"],
}
GAIN = {  # a sentence, and the first words PROMO shows of it
    "no": ("Nå begynner du å tjene belønninger på kontoen din!", "nå begynner du å tjene belønninger på kontoen"),
    "en": ("Now you start to earn rewards in the vault today!", "now you start to earn rewards in the"),
}


@pytest.mark.parametrize("language", ["no", "en"])
def test_a_gain_stated_as_the_last_of_a_list_of_steps_is_no_offer(detect, language):
    assert promo_calls(detect, language, *STEPS[language]) == set()


@pytest.mark.parametrize(("language", "states"), [("no", ("NO",)), ("en", ())])
def test_near_miss_the_same_gain_outside_a_list_of_steps_is_an_offer(detect, language, states):
    sentence, value = GAIN[language]
    assert promo_calls(detect, language, "Slik kommer du i gang." if language == "no" else "Getting started.",
                       sentence) == {(states, value, language)}
