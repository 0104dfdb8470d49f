"""BONUS: news of another firm's offer, told the way reporters cite it ("teilte das Unternehmen mit", "según
informó la empresa", "poinformowała spółka", "enligt bolaget"), reports an incentive, it does not offer one
(lexicons/programme_reporting.yaml). Near miss: the site's own offer in its own voice, on a page that also cites a
source ("according to our terms"), and an ordinal "second" that is no citation (Italian "secondo")."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import page_of


def bonuses(detect, lang: str, *paragraphs: str) -> set[str]:
    return {value for (_, _, value, _) in detect("bonus", page_of(lang, *paragraphs))}


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("de", ["Die Börse Nordwind startete am Montag eine Kampagne: Neukunden sollen sich registrieren und 20 Euro "
            "erhalten, teilte das Unternehmen mit."]),
    ("es", ["El exchange Nordwind regala 20 euros a los nuevos usuarios que se registren, según informó la empresa "
            "este lunes."]),
    ("pl", ["Giełda Nordwind daje nowym klientom 50 zł za rejestrację, poinformowała spółka w komunikacie."]),
    ("sv", ["Nya kunder får 200 kronor när de registrerar sig hos Nordwind, enligt bolaget."]),
], ids=["de-teilte-mit", "es-segun-informo", "pl-poinformowala", "sv-enligt"])
def test_another_firms_offer_cited_from_a_source_is_reported(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("es", ["Regístrate hoy y recibe 20 euros de regalo.", "Según nuestras condiciones, el bono se abona en 7 días."]),
    ("it", ["Invita il secondo amico e ricevi altri 20 euro.", "Il bonus arriva sul tuo conto entro una settimana."]),
], ids=["es-own-offer-citing-own-terms", "it-ordinal-secondo"])
def test_near_miss_the_sites_own_offer_stays_one(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) != set()
