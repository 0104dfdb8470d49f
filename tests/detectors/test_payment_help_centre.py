"""PAYMENT: the firm's own help centre (detectors/article_page.help_section) names the rails its service runs on with
no offer word beside them ("your reference account must be held at a bank in the SEPA area", "open the Satispay app
and ..."); the same sentence elsewhere is no offer, and news or law on the help centre names no rail offered."""

from __future__ import annotations

import pytest

from detectors import payment
from tests.support.paragraph_pages import found_values

HELP = "https://help.examplebroker.com/it/articoli/conto-di-riferimento"
BLOG = "https://www.example-blog.com/guide/conto-di-riferimento"


def rails(text: str, lang: str, url: str) -> set[str]:
    return found_values(payment, lang, text, url=url)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Il conto di riferimento deve essere intestato a te presso una banca dell'area SEPA.", "it", {"SEPA"}),
    ("Öffne die Satispay-App auf deinem Handy und lade deine Freunde ein.", "de", {"Satispay"}),
    ("Nie chcesz czekać, aż przelew SEPA przejdzie przez system bankowy?", "pl", {"SEPA"}),
])
def test_a_rail_the_firms_help_centre_names_is_its_own(text, lang, expected):
    assert rails(text, lang, HELP) == expected
    assert rails(text, lang, BLOG) == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("Le sanzioni per i bonifici SEPA non eseguiti sono fissate dalla legge.", "it"),
    ("Die Steuer auf Zahlungen per SEPA regelt das Finanzamt.", "de"),
])
def test_news_or_law_on_the_help_centre_names_no_rail_offered(text, lang):
    assert rails(text, lang, HELP) == set()
