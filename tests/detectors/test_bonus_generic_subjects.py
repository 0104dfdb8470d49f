"""An incentive sentence whose subject is providers in general ("Banks give ...", "Viele ...", "La plupart des ...")
describes the market, as a comparison guide does; it offers nothing, and PROMO does not restate it as the site's
offer. The site's own offer speaks of the reader, of "we" or of a name (detectors/incentives.py, generic_subjects
in incentives.yaml)."""

from __future__ import annotations

import pytest

from detectors.incentives import explains, offers
from tests.detectors.test_promo_incentives import offers as promo_offers
from tests.support.paragraph_pages import page_of

DESCRIBED = [
    ("en", "Banks give new customers a bonus of up to 300 € when they open an account."),
    ("en", "Most brokers reward new customers with 100 € after the first deposit."),
    ("de", "Viele Depotwechsel werden mit einer Prämie von 100 € für Neukunden belohnt."),
    ("de", "Die meisten Anbieter schenken Neukunden nach der ersten Einzahlung 50 € Guthaben."),
    ("fr", "La plupart des courtiers offrent une prime de 80 € aux nouveaux clients après le premier dépôt."),
    ("pl", "Banki dają nowym klientom premię do 200 zł za założenie konta."),
    ("sv", "De flesta banker ger nya kunder en bonus på 500 kr vid första insättningen."),
    ("es", "• La mayoría de los bancos regalan 15 € a los nuevos clientes tras el primer depósito."),
]


@pytest.mark.parametrize(("language", "sentence"), DESCRIBED, ids=[s for _, s in DESCRIBED])
def test_providers_in_general_as_subject_describe(language, sentence):
    found, hedged = offers(sentence, (language, "en"))
    assert found == () and hedged == 1  # incentive-shaped, and an explanation


OWN = [
    # near misses: the reader, "we", one firm as subject; "as many" and "viele" inside the sentence
    ("en", "Our bank gives new customers a bonus of up to 300 € when they open an account."),
    ("en", "Invite as many friends as you like and get 10 € for each friend who signs up."),
    ("de", "Lade so viele Freunde ein, wie du willst, und erhalte 10 € Prämie für jeden."),
    ("fr", "Nous offrons une prime de 80 € aux nouveaux clients après le premier dépôt."),
    ("pl", "Bank daje nowym klientom premię do 200 zł za założenie konta."),
    ("sv", "Som ny kund får du en bonus på 500 kr vid första insättningen."),
]


@pytest.mark.parametrize(("language", "sentence"), OWN, ids=[s for _, s in OWN])
def test_near_miss_the_reader_we_or_one_firm_still_offer(language, sentence):
    found, hedged = offers(sentence, (language, "en"))
    assert [i.language for i in found] == [language] and not explains(list(found), hedged)


def test_a_guide_that_describes_providers_offers_nothing(detect):
    page = page_of("de", "Depotwechsel mit Prämie", "Viele Broker belohnen Neukunden mit bis zu 200 € Prämie.",
                   "Worauf Sie beim Wechsel achten sollten, lesen Sie hier.")
    assert detect("bonus", page) == set()
    assert promo_offers(detect, "de", "Depotwechsel mit Prämie",
                        "Viele Broker belohnen Neukunden mit bis zu 200 € Prämie.") == set()


def test_near_miss_the_sites_own_offer_on_the_same_page(detect):
    own = "Wir belohnen Neukunden mit bis zu 200 € Prämie."
    assert {(states, value) for (_, states, value, _) in detect("bonus", page_of("de", own))} == {
        (("AT", "BE", "DE", "LI", "LU"), own.lower())}


def test_a_named_bonus_with_providers_as_subject_is_described(detect):
    # the named incentive ("welcome bonus") in a sentence about providers in general; near miss: the site's own
    assert detect("bonus", page_of("en", "Casinos lure players with a welcome bonus.")) == set()
    assert {value for (_, _, value, _) in detect("bonus", page_of("en", "Claim our welcome bonus."))} == {
        "welcome bonus"}
