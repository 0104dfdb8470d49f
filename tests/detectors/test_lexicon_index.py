"""The indexed phrase matcher (the hot path) finds exactly what the plain one-regex matcher finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from detectors.document import build_document
from detectors.lexicon import PhraseLexicon, phrase_lexicon

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = ("promo", "bonus", "disclaimer", "negation", "crypto_terms", "partner_programme", "sponsorship",
            "geoblock")


def _texts() -> list[str]:
    texts = []
    pages = sorted((ROOT / "tests" / "pages").rglob("*.html")) + sorted((ROOT / "crawler" / "demo").rglob("*.html"))
    for path in pages:
        doc = build_document(channel="website:t", requested_url="https://t.example/", url="https://t.example/",
                             status=200, fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                             body=path.read_bytes())
        texts.extend([doc.text, doc.title, *doc.headings])
    return texts


TEXTS = _texts()
EDGE_CASES = [
    "İstanbul: Willkommensbonus! sign-up\u00adbonus, SIGN UP BONUS, sign—up bonus",
    "bonus de bienvenue l’application d'échange, programul de recomandare cu bonusuri şi ţări",
    "kryptowährungen kaufen, Kryptowährung, kryptowährungs-handel",
    "ΟΡΟΙ ΣΥΜΜΕΤΟΧΗΣ ΣΤΗΝ ΠΡΟΩΘΗΤΙΚΗ ΕΝΕΡΓΕΙΑ, όροι προωθητικής ενέργειας, Όροι Προωθητικης Ενεργειας",
]


@pytest.mark.parametrize("family", FAMILIES)
def test_index_and_reference_regex_agree_on_every_fixture_text(family):
    lexicon = phrase_lexicon(family)
    for text in TEXTS + EDGE_CASES:
        fast = [(m.start, m.end, m.languages) for m in lexicon.find(text)]
        reference = [(m.start, m.end, m.languages) for m in lexicon.find_with_regex(text)]
        assert fast == reference, text[:200]


def test_fixture_texts_are_many_and_multilingual():
    assert len(TEXTS) > 300


def test_phrases_sharing_a_first_word_are_told_apart_by_the_next_word():
    # "a" begins more phrases than the index tries one by one: they are looked up by the next word's first letters,
    # whatever separates the words (hyphens, soft hyphens, line breaks), in any case, with one-letter and stem words.
    lexicon = PhraseLexicon("T", {"en": ["a", "a b", "a bc", "a bcd*", "a x", "a x y", "a-z", "ab", "ab cd", "ab ce",
                                         "ab cf", "a/b", "abxy*", "a y*", "a+"]})
    near_misses = ("A\u00adB, a-BC, a\nbcdef, A  x-Y, a:b, a/b, ab cde, AB-ce, ab\u2011cf, abxyz ce, a_b, a z, a bx, "
                   "a yes, A+ b")
    words = ["a", "A", "b", "bc", "bcd", "bcdx", "x", "y", "z", "ab", "cd", "ce", "cf", "abz", "abxyz", "a/b", "q",
             "yes", "a+"]
    separators = [" ", "-", "\u00ad", "\n", ", ", "  ", ": ", "\u2010"]
    generator = random.Random(11)
    texts = [near_misses] + ["".join(generator.choice(words) + generator.choice(separators) for _ in range(40))
                             for _ in range(300)]
    for text in texts:
        fast = [(m.start, m.end) for m in lexicon.find(text)]
        assert fast == [(m.start, m.end) for m in lexicon.find_with_regex(text)], text
    assert [m.text for m in lexicon.find(near_misses)][:4] == ["A\u00adB", "a-BC", "a\nbcdef", "A  x-Y"]


def test_greek_capitals_without_accents_match_accented_phrases():
    # Greek capitals drop their accents ("ΟΡΟΙ" for "όροι"); the index and the reference regex both read them so,
    # and a different word is still no match (near miss).
    lexicon = PhraseLexicon("T", {"el": ["όροι προωθητικής ενέργειας", "μπόνους*"]})
    text = "ΟΡΟΙ ΠΡΟΩΘΗΤΙΚΗΣ ΕΝΕΡΓΕΙΑΣ - Οροι προωθητικης ενεργειας - ΜΠΟΝΟΥΣ - όροι χρήσης"
    found = [m.text for m in lexicon.find(text)]
    assert found == ["ΟΡΟΙ ΠΡΟΩΘΗΤΙΚΗΣ ΕΝΕΡΓΕΙΑΣ", "Οροι προωθητικης ενεργειας", "ΜΠΟΝΟΥΣ"]
    assert found == [m.text for m in lexicon.find_with_regex(text)]
