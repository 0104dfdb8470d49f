"""An exclamation that closes a quotation is someone's speech the page reports ("a friend has told you “... you win
too!”"), not the site urging its reader: an offer sentence (detectors/call_offers.py) counts its exclamation mark
only outside quotes, as it already did for its urging words. The same words as the site's own exclamation still
offer."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

GERMAN = ("AT", "BE", "DE", "LI", "LU")

QUOTED = [
    ("es", "Seguro que alguna vez un amigo te ha dicho “¡te invito, ganas tú también!”"),
    ("de", "Bestimmt hat dir ein Freund schon gesagt: „Lade mich ein, dann verdienst du eine Prämie!“"),
]


@pytest.mark.parametrize(("language", "line"), QUOTED, ids=[lang for lang, _ in QUOTED])
def test_an_exclamation_inside_a_quotation_offers_nothing(detect, language, line):
    assert promo_calls(detect, language, line) == set()


OWN = [
    ("es", "Seguro que alguna vez un amigo te ha dicho que te invita y ganas tú también!",
     {(("ES",), "seguro que alguna vez un amigo te ha", "es")}),
    ("de", "Lade einen Freund ein, dann verdienst du eine Prämie!",
     {(GERMAN, "lade einen freund ein", "de"), (GERMAN, "lade einen freund ein, dann verdienst du eine", "de")}),
]


@pytest.mark.parametrize(("language", "line", "expected"), OWN, ids=[lang for lang, _, _ in OWN])
def test_near_miss_the_sites_own_exclamation_still_offers(detect, language, line, expected):
    assert promo_calls(detect, language, line) == expected
