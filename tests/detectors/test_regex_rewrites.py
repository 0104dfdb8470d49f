"""Patterns rewritten to begin with a character instead of a lookbehind (so the regex engine skips to it instead of
trying the pattern at every character) find exactly what the plain form finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from detectors import local_ref, page_locale, page_words, phone, seo
from detectors.context import Context
from detectors.cta_vocabulary import tokens_of
from detectors.document import build_document
from detectors.lexicon import _words as shared_words

ROOT = Path(__file__).resolve().parents[2]
REWRITES = [  # (the pattern in use, its plain form, characters for random texts)
    (phone._CANDIDATE, r"(?<![\w+])(?:\+|00)\d[\d \u00a0().\-/]{5,20}\d", "0123456789 +()-./a_\u00a0"),
    (phone._NATIONAL, r"(?<![\w+.,/:])(?<![\w+.,/:)-]-)\(?\d[\d \u00a0().\-/]{5,16}\d(?![\w%€$£]|[.,/:-]\d)",
     "0123456789 +()-./,:a_%€\u00a0\n"),
    (page_locale._PHONE, r"(?<![\w+])\+\s?\d[\d\s().-]{6,18}\d", "0123456789 +()-.a_\n"),
    (page_locale._CODE, r"(?<![A-Za-z])[A-Z]{3}(?![A-Za-z])", "EURSDKaé1 -"),
]


def _page_texts() -> list[str]:
    return [build_document(channel="website:t", requested_url="https://t.example/", url="https://t.example/",
                           status=200, fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                           body=path.read_bytes()).text for path in sorted((ROOT / "tests" / "pages").rglob("*.html"))]


TEXTS = _page_texts()


@pytest.mark.parametrize("rewritten, plain, alphabet", REWRITES, ids=lambda x: getattr(x, "pattern", x)[:20])
def test_rewritten_pattern_finds_what_the_plain_one_finds(rewritten, plain, alphabet):
    reference = re.compile(plain, rewritten.flags)
    rnd = random.Random(5)
    texts = TEXTS + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in rewritten.finditer(text)] == [m.span() for m in reference.finditer(text)], text


def test_page_words_read_line_by_line_are_the_tokens_of_the_whole_text():
    rnd = random.Random(7)
    alphabet = "aZé ΣσςΆά-'’_1\nİış.Ωω"
    texts = TEXTS + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40))) for _ in range(5000)]
    for text in texts:
        assert page_words.words(text) == frozenset(tokens_of(text)), text


def test_country_names_found_from_the_word_index_are_those_the_alternation_finds():
    geo = Context().geo
    countries, names = seo._country_regex(geo)
    rnd = random.Random(11)
    pieces = sorted(names) + ["ı", "İ", "ſ", "ς", "σ", "K", "-", "'", " ", "\n", "_", "1", "kaufen", "bitcoin"]
    texts = TEXTS + ["".join(rnd.choice([p, p.upper(), p.title()]) for p in rnd.choices(pieces, k=rnd.randint(1, 8)))
                     for _ in range(5000)]
    for text in texts:
        assert [m.span() for m in seo._country_matches(geo, text)] == [m.span() for m in countries.finditer(text)], text


def test_local_ref_keys_found_in_the_lower_cased_page_are_those_the_ignore_case_finder_finds():
    lex = local_ref._lexicon(Context().geo)
    rnd = random.Random(13)
    pieces = sorted(lex.exact)[::7] + ["ı", "İ", "ſ", "ς", "σ", "K", "ß", "ẞ", "ǅ", "-", "'", " ", "\n", "_", "1", "é"]
    long = ["".join(rnd.choice([p, p.upper(), p.title()]) for p in rnd.choices(pieces, k=rnd.randint(150, 400)))
            for _ in range(400)]  # about half take the lower-cased path
    plain_letters = [p for p in pieces[:-16] if p.isascii()] + [" ", "\n", "-", "1"]  # the page's own word index
    long += ["".join(rnd.choice([p, p.upper(), p.title()]) for p in rnd.choices(plain_letters, k=rnd.randint(300, 500)))
             for _ in range(100)]
    for text in TEXTS + long:
        keys = local_ref._keys(lex, text)
        plain = len(text) < local_ref.LONG_TEXT or any(c in text for c in local_ref._REFOLDED)
        words = re.findall(r"\w+", text.lower()) if plain else shared_words(text).words
        assert keys == {word[:local_ref.KEY] for word in words} & lex.alternatives.keys(), text
        if keys:
            expected = [m.span() for m in local_ref._finder(keys).finditer(text)]
            assert [m.span() for m in local_ref._starts(lex, keys, text)] == expected, text


def _random_texts(pieces: list[str], seed: int, count: int = 3000) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice([p, p.upper(), p.title()]) for p in rnd.choices(pieces, k=rnd.randint(1, 8)))
            for _ in range(count)]


_ODD = ["ı", "İ", "ſ", "K", "ß", "-", "'", " ", "\n", "_", "1", "5 ", " 20", "$", "€ ", "é", "a"]


def test_locale_markers_checked_after_their_first_character_find_what_the_plain_form_finds():
    geo = Context().geo
    words = {m for lang in ("pt", "fr", "es", "de") for m in page_locale._matcher(lang, geo).names.values()}
    phrases = {m for languages in page_locale._data()["regions"].values() for kinds in languages.values()
               for kind, markers in kinds.items() if kind != "grammar" for m in markers if not m.isalnum()}
    names = sorted(m for m in words | phrases if m[0].isalnum())[::4]
    texts = TEXTS[:20] + _random_texts(names + _ODD, 17, 800)
    for marker in names:
        body = re.escape(marker).replace(r"\ ", r"\s+")
        tail = "(?!\\w)" if marker[-1].isalnum() else ""
        flags = 0 if page_locale._exact(marker) else re.IGNORECASE
        plain = re.compile(r"(?<!\w)" + body + tail, flags)
        amount = re.compile(rf"\d\s?(?:[$€£]\s?)?{body}{tail}|(?<!\w){body}\s?\d", flags)
        for text in texts:
            assert [m.span() for m in page_locale._pattern(marker).finditer(text)] == [
                m.span() for m in plain.finditer(text)], (marker, text)
            assert any(p.search(text) for p in page_locale._amount(marker)) == bool(amount.search(text)), (marker, text)


def test_language_group_markers_factored_find_what_the_flat_alternation_finds():
    from detectors.data_files import language_key, load
    from detectors.language_groups import FILE, groups

    for raw in load(FILE, "language-groups")["groups"]:
        for key, words in raw.get("markers", {}).items():
            parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
            flat = re.compile(r"(?<!\w)(?:" + "|".join(sorted(parts, key=len, reverse=True)) + r")(?!\w)",
                              re.IGNORECASE)
            factored = groups()[language_key(key)].markers[language_key(key)]
            pieces = [w.rstrip("*") for w in words] + [w.rstrip("*") + "ne" for w in words[::5]] + _ODD
            for text in TEXTS[:20] + _random_texts(pieces, 19, 1000):
                assert factored.findall(text) == flat.findall(text), (key, text)


def test_locale_scan_words_cut_at_spaces_first_are_the_regex_words():
    rnd = random.Random(23)
    alphabet = "aZé ΣσςΆά-'’_1\nİış.Ωω\u00a0\u2003\t²½٣"
    for text in TEXTS + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))) for _ in range(5000)]:
        assert page_words.regex_words(text) == set(re.findall(r"\w+", text)), text


def test_a_class_of_first_letters_ignoring_case_takes_what_each_letter_does():
    """language_groups._pattern looks ahead for a class of its words' first letters: exactly the characters those
    letters match ignoring case (İ, ı, ſ and the Kelvin sign included), checked over every code point."""
    from detectors.data_files import load
    from detectors.language_groups import FILE

    firsts = sorted({w[0] for g in load(FILE, "language-groups")["groups"]
                     for words in g.get("markers", {}).values() for w in words})
    alternation = re.compile("(?:" + "|".join(map(re.escape, firsts)) + ")", re.IGNORECASE)
    candidates = [x for x in map(chr, range(0x110000)) if alternation.match(x)]
    cls = re.compile("[" + "".join(map(re.escape, firsts)) + "]", re.IGNORECASE)
    assert not [x for x in map(chr, range(0x110000)) if cls.match(x) and x not in candidates]
    for letter in firsts:
        assert [x for x in candidates if re.match(re.escape(letter), x, re.IGNORECASE)] == [
            x for x in candidates if re.match(f"[{re.escape(letter)}]", x, re.IGNORECASE)], letter
