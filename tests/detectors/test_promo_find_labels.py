"""PROMO: a comparison site's label that finds the reader what it ranks is its call, as its "compare" button is: a
verb of finding with a hook of time or price, or one that praises what it finds ("Jetzt passendes Depot finden",
"Encuentra tu tarjeta en 3 minutos", "Löydä halvin vakuutus"). Near misses: a verb of finding with a place word
("Hier finden Sie ...": a pointer to reading), a locator with no hook ("Filiale finden"), finding in a sentence."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls


def calls(detect, lang: str, *paragraphs: str) -> set[str]:
    return {value for _, value, _ in promo_calls(detect, lang, *paragraphs)}


@pytest.mark.parametrize(("lang", "label", "call"), [
    ("de", "Jetzt passendes Depot finden", "jetzt passendes depot finden"),
    ("es", "Encuentra tu tarjeta en 3 minutos", "encuentra tu tarjeta en 3 minutos"),
    ("fi", "Löydä halvin vakuutus verkossa", "löydä halvin vakuutus verkossa"),
    ("pl", "Znajdź najtańsze konto już dziś", "znajdź najtańsze konto już dziś"),
])
def test_a_finding_label_with_a_hook_or_praise_is_a_call(detect, lang, label, call):
    assert calls(detect, lang, "Vergleich", label) == {call}


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("de", ("Hier finden Sie weitere Informationen",)),
    ("de", ("Filiale finden",)),
    ("da", ("FIND FILIAL",)),
    ("es", ("Encuentra tu cuenta en el menú de la aplicación",)),
    ("en", ("In the table you will find the fees of each provider.",)),
])
def test_a_finding_verb_without_a_hook_or_praise_is_no_call(detect, lang, paragraphs):
    assert calls(detect, lang, "Vergleich", *paragraphs) == set()
