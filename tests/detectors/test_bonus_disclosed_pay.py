"""BONUS: the sentence in which a site says, in the first person, that it is paid for the clients its links send (its
affiliate disclosure) has a pay word, a getting verb and "affiliate" in it, but the reward is the site's, not one put
to the reader. A partner programme's terms, where the partner is paid, stay an incentive
(tests/pages/bonus/nl-partner-entitled.html)."""

from __future__ import annotations

from detectors import bonus
from tests.support.paragraph_pages import found_values


def test_the_sites_own_affiliate_pay_is_no_incentive():
    assert found_values(bonus, "it", "Le nostre classifiche sono indipendenti.",
                        "Pur ricevendo compensi tramite affiliazioni, la nostra redazione sceglie da sola.") == set()
    assert found_values(bonus, "en", "We rank exchanges by their fees.",
                        "We may receive a commission through affiliate links when you sign up.") == set()


def test_near_miss_an_offer_to_the_reader_beside_the_disclosure_still_counts():
    found = found_values(bonus, "en", "Sign up through our link and you get 20 EUR in bitcoin.",
                         "We may receive a commission through affiliate links when you sign up.")
    assert any("you get 20 eur" in value for value in found)
