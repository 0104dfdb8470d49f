"""PROMO restates the site's own incentives as its offers (detectors/promo.py): a campaign's terms, a referral
programme's reward, a welcome bonus put to the reader are offers whether or not a button asks for a click. What BONUS
does not count (an explainer, news of another firm's bonus, a hedged or negated mention) is no offer either."""

from __future__ import annotations

import pytest

from detectors.promo import INCENTIVE
from tests.support.paragraph_pages import page_of


def offers(detect, lang: str, *paragraphs: str) -> set[tuple[tuple[str, ...], str]]:
    """(member states, value) of each incentive PROMO restates."""
    return {(states, value) for (_, states, value, locator) in detect("promo", page_of(lang, *paragraphs))
            if locator.startswith(INCENTIVE)}


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    # a campaign's terms: no imperative, still the site's offer
    ("de", ["Teilnahmebedingungen der Aktion.",
            "Neukunden erhalten einen Bonus von 50 € nach der ersten Einzahlung von mindestens 100 €."],
     {(("AT", "BE", "DE", "LI", "LU"),
       "neukunden erhalten einen bonus von 50 € nach der ersten einzahlung von mindestens 100 €.")}),
    # a referral programme's help page, in the third person ("otrzymuje": the imperfective's present)
    ("pl", ["Program poleceń.",
            "Polecający otrzymuje 20 zł za każdego zaproszonego znajomego po jego pierwszej transakcji."],
     {(("PL",), "polecający otrzymuje 20 zł za każdego zaproszonego znajomego po jego pierwszej transakcji.")}),
    # in English the offer points at no member state
    ("en", ["Referral programme.",
            "Each referrer and the invited friend receive €10 in bitcoin after the first purchase."],
     {((), "each referrer and the invited friend receive €10 in bitcoin after the first purchase.")}),
], ids=["de-campaign-terms", "pl-referral-help", "en-referral"])
def test_the_sites_own_incentive_is_its_offer(detect, lang, paragraphs, expected):
    assert offers(detect, lang, *paragraphs) == expected


@pytest.mark.parametrize(("lang", "paragraphs"), [
    # an explainer of incentives in general (as many hedged sentences as offers)
    ("de", ["Viele Börsen bieten Neukunden oft einen Bonus von 50 € nach der ersten Einzahlung.",
            "Ein solcher Bonus kann an Bedingungen geknüpft sein."]),
    # a negated incentive
    ("en", ["There is no welcome bonus and new users get no free crypto when they sign up."]),
    # a question is no offer
    ("es", ["¿Recibes 10 € de regalo con tu primera compra?"]),
], ids=["de-explainer", "en-negated", "es-question"])
def test_near_miss_what_bonus_does_not_count_is_no_offer(detect, lang, paragraphs):
    assert offers(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Invite a friend and you both get €10 in bitcoin after the first purchase."),  # the call holds it
    ("de", "Jetzt registrieren und Willkommensbonus sichern!"),  # the call names it
])
def test_an_incentive_found_as_a_call_is_not_restated(detect, lang, line):
    found = detect("promo", page_of(lang, line))
    assert found and offers(detect, lang, line) == set()
