"""Offer context: German offer words whose plural changes its vowel ("Beträge", "Käufe", "Konten") are offer words
as their singulars are; the stem "betrag*" does not reach them. A word that only looks alike ("Beiträge", posts or
contributions) is none."""

from __future__ import annotations

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(*paragraphs: str) -> set[str]:
    return found_values(currency, "de", *paragraphs, url="https://www.example-app.com/preise")


def test_a_currency_beside_an_umlauted_plural_offer_word_is_offered():
    assert codes("Alle genannten Beträge gelten gleichermaßen in EUR.") == {"EUR"}
    assert codes("Käufe in EUR werden sofort ausgeführt.") == {"EUR"}


def test_near_miss_a_word_that_only_looks_like_one_is_no_offer_word():
    assert codes("Alle genannten Beiträge gelten gleichermaßen in EUR.") == set()
