"""The items listed under a table of contents ("Table of Contents", "Inhaltsverzeichnis", "Indice":
contents_headings.yaml) are the titles of the page's sections, not calls to act, whatever their verb ("- Open your
account and fund it", "- Jetzt loslegen"): PROMO skips a bulleted line whose list is headed so
(detectors/call_steps.in_contents). The same item under a heading of another kind still calls."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

ITEMS = {
    "en": ["- What the platform offers", "- Who it suits", "- Open your trading account now", "- Final thoughts"],
    "it": ["- Cosa serve per cominciare", "- Apri subito il tuo conto di trading", "- Domande frequenti"],
}
HEADINGS = {"en": ("Table of Contents", "Our picks"), "it": ("Indice", "I nostri consigli")}
CALLS = {"en": ((), "- open your trading account now", "en"),
         "it": (("IT",), "- apri subito il tuo conto di trading", "it")}


@pytest.mark.parametrize("language", ["en", "it"])
def test_an_item_of_a_table_of_contents_is_no_call(detect, language):
    contents, _ = HEADINGS[language]
    assert promo_calls(detect, language, contents, *ITEMS[language]) == set()


@pytest.mark.parametrize("language", ["en", "it"])
def test_near_miss_the_same_item_under_another_heading_calls(detect, language):
    _, other = HEADINGS[language]
    assert promo_calls(detect, language, other, *ITEMS[language]) == {CALLS[language]}


SUMMARY = {
    "es": ("3 puntos clave:", "Nuestra propuesta", "• Abrir tu cuenta en la app lleva cinco minutos y es gratis.",
           (("ES",), "• abrir tu cuenta en la app lleva", "es")),  # its first words
    "it": ("In sintesi:", "La nostra proposta", "• Apri il tuo conto oggi, ci vogliono cinque minuti.",
           (("IT",), "• apri il tuo conto oggi", "it")),
}


@pytest.mark.parametrize("language", ["es", "it"])
def test_a_point_of_an_articles_summary_is_no_call(detect, language):
    summary, _, point, _ = SUMMARY[language]
    assert promo_calls(detect, language, summary, point, "• Otro punto." if language == "es" else "• Altro.") == set()


@pytest.mark.parametrize("language", ["es", "it"])
def test_near_miss_the_same_point_under_another_heading_calls(detect, language):
    _, other, point, call = SUMMARY[language]
    assert promo_calls(detect, language, other, point, "• Otro punto." if language == "es" else "• Altro.") == {call}
