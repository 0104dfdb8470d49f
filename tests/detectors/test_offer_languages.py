"""The site speaking of its own offer ("vous pouvez", "we accept") outweighs a story's or an explainer's reading of
an amount, so it is read in the page's own languages only (detectors/offer_context.py): a word of another
language's list that a French sentence happens to contain (Finnish "voit", "you can", in "se voit amputé") is not
the site speaking. Offer words themselves stay shared: cognates read the same across languages."""

from __future__ import annotations

from detectors import currency
from detectors.context import Context
from detectors.document import build_document
from detectors.offer_context import offer_context

STORY = "https://news.example.fr/2025/12/10/la-banque-ouvre-le-bitcoin/"
FEES = "Concrètement, un investissement de 1 000 € se voit amputé de 15 € de frais."


def amounts(sentence: str, url: str = STORY, lang: str = "fr") -> set[str]:
    html = f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body><p>{sentence}</p>'
    doc = build_document(channel="website:test", requested_url=url, url=url, status=200,
                         fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=html.encode())
    return {f.evidence.value for f in currency.detect(doc, Context())}


def test_another_languages_own_offer_word_does_not_make_a_story_the_sites_offer():
    assert amounts(FEES) == set()


def test_near_miss_the_pages_own_language_still_speaks_for_the_site():
    assert amounts("Chez nous, vous pouvez investir dès 1 000 € sans frais de garde.") == {"EUR"}


def test_the_same_fees_on_a_page_that_is_no_story_are_an_offer():
    assert amounts(FEES, "https://www.banque.example.fr/tarifs") == {"EUR"}


def test_own_offer_words_are_read_in_the_given_languages_only():
    text = "Le capital se voit amputé de 15 € de frais."
    at = text.index("15 €")
    assert offer_context(text).is_own_offer(at, at + 4)  # any language: Finnish "voit"
    assert not offer_context(text, frozenset({"fr", "en"})).is_own_offer(at, at + 4)
    assert offer_context(text, frozenset({"fr", "en"})).is_offer(at, at + 4)  # "frais" is an offer word still


def test_an_estonian_tax_story_reports_its_amounts():
    """Estonian tax words ("tulumaks", income tax) and a past participle of rising ("tõusnud") are a story's, as
    other languages' are: the amounts in such a sentence are no price."""
    story = "Seega sai isik vahetustehingust kasu 240 eurot, mis tuleb deklareerida ning sellelt tuleb tasuda tulumaks."
    assert amounts(story, "https://www.uudised.example.ee/maksud", "et") == set()
    shop = "Tehingutasu on 2 eurot ja sissemakse on tasuta."
    assert amounts(shop, "https://www.borss.example.ee/hinnad", "et") == {"EUR"}
