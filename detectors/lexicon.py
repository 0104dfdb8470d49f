"""Multilingual phrase lexicons and the one matcher every text detector uses.

A lexicon file maps language codes to phrases. Phrases are literal text matched case-insensitively on word
boundaries; space and hyphen are interchangeable; a trailing `*` on the last word matches any word ending
(inflected languages).

Matching is a hot path (every page, six families, 26 languages): an alternation of ~350 phrases in Python's regex
engine tries every phrase at every position, and measured at about 70 % of the detectors' time. So the text is
split into words once per document, phrases are indexed by their first word (or, for a one-word `stem*`, by its
first four letters), and only the candidates that share a first word are checked, each with its own regex. The
plain one-regex matcher is kept (`find_with_regex`) as the reference the index is tested against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from detectors.data_files import PHRASE_LEXICON, DataFileError, distinct, load
from detectors.geography import by_language

_SEPARATOR = r"[\s\-\u2010\u2011\u00ad]+"
_WORD = re.compile(r"\w+")
_FOLD = str.maketrans({"ş": "ș", "ţ": "ț"})
STEM = 4  # letters a one-word wildcard is indexed by (the loader guarantees stems at least this long)
WORDS_KEPT = 20_000  # page words whose candidate phrases each lexicon remembers


@dataclass(frozen=True)
class _Words:
    folded: str  # the text lower-cased, same length and offsets as the text
    words: frozenset[str]  # its distinct words
    prefixes: frozenset[str]  # the first STEM letters of its longer words
    places: dict[str, list[int]]  # word -> where it starts in `folded`
    by_prefix: dict[str, list[str]]  # the first STEM letters -> the words that begin with them

    def with_prefix(self, prefixes) -> set[str]:
        """The words of STEM letters or more that begin with one of `prefixes` (some of `self.prefixes`)."""
        return {word for prefix in prefixes for word in self.by_prefix[prefix]}


@lru_cache(maxsize=16)
def _words(text: str) -> _Words:
    """The words of a text and where they stand, read in one pass and shared by every family and lexicon that
    reads the same text (each lexicon then looks up its own first words instead of scanning the text again)."""
    folded = text.lower()
    if len(folded) != len(text):  # a few letters (İ) lower-case to two characters: keep offsets exact
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if "ş" in folded or "ţ" in folded:
        folded = folded.translate(_FOLD)
    places: dict[str, list[int]] = {}
    for m in _WORD.finditer(folded):
        at = places.get(m[0])
        if at is None:
            places[m[0]] = [m.start()]
        else:
            at.append(m.start())
    by_prefix: dict[str, list[str]] = {}
    for word in places:
        if len(word) >= STEM:
            by_prefix.setdefault(word[:STEM], []).append(word)
    return _Words(folded, frozenset(places), frozenset(by_prefix), places, by_prefix)


@dataclass(frozen=True)
class PhraseMatch:
    languages: tuple[str, ...]  # every language whose lexicon has this phrase (loanwords are shared)
    text: str  # as it appears on the page
    start: int
    end: int

    @property
    def language(self) -> str:
        return "en" if "en" in self.languages else self.languages[0]

    def language_for(self, page_language: str) -> str:
        """The page's own language when the phrase belongs to it, else English when shared, else the first."""
        return page_language if page_language in self.languages else self.language


# Typographic variants a page may use for the same letter: curly apostrophes, Romanian cedilla forms.
_VARIANTS = {"'": "['\u2019\u02bc]", "\u2019": "['\u2019\u02bc]", "ș": "[șş]", "ş": "[șş]", "ț": "[țţ]", "ţ": "[țţ]",
             "Ș": "[ȘŞ]", "Ț": "[ȚŢ]"}


class PhraseLexicon:
    def __init__(self, family: str, terms: dict[str, list[str]]):
        self.family = family
        self.terms = terms
        self._per_language: dict[str, re.Pattern] = {}
        self._languages_of: dict[str, tuple[str, ...]] = {}
        # Reference matcher: one alternation over every language, longest phrase first, so "bitcoin kaufen" beats
        # "bitcoin" at the same position whichever language lists the shorter word.
        patterns = sorted({phrase_pattern(t) for lang in terms for t in terms[lang]}, key=lambda p: (-len(p), p))
        self._regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
        # Index: first word -> [(number of words, regex)], one-word stems -> [(stem, regex)].
        self._by_first: dict[str, list[tuple[int, re.Pattern]]] = {}
        self._by_stem: dict[str, list[tuple[str, re.Pattern]]] = {}
        self._word_regexes: dict[str, list[re.Pattern]] = {}  # a page word -> the phrases it can start
        for pattern_text, term in sorted({(phrase_pattern(t), t) for lang in terms for t in terms[lang]}):
            regex = re.compile(pattern_text + r"(?!\w)", re.IGNORECASE)
            term_words = [w.lower().translate(_FOLD) for w in _WORD.findall(term.rstrip("*"))]
            if term.endswith("*") and len(term_words) == 1:
                stem = term_words[0]
                self._by_stem.setdefault(stem[:STEM], []).append((stem, regex))
            else:
                self._by_first.setdefault(term_words[0], []).append((len(term_words), regex))
        # As sets: intersected with a page's words, a set walks the smaller side (a page has fewer words).
        self._firsts, self._stems = frozenset(self._by_first), frozenset(self._by_stem)

    @property
    def languages(self) -> list[str]:
        return sorted(self.terms)

    def matches_in(self, language: str, phrase: str) -> bool:
        """Whether `phrase` (as found on a page) is a term of `language`."""
        if language not in self.terms:
            return False
        if language not in self._per_language:
            alternatives = "|".join(phrase_pattern(t) for t in self.terms[language])
            self._per_language[language] = re.compile(rf"(?:{alternatives})", re.IGNORECASE)
        return bool(self._per_language[language].fullmatch(phrase))

    def find(self, text: str) -> list[PhraseMatch]:
        """Non-overlapping matches, leftmost first and longest at each position (as the reference regex)."""
        index = _words(text)
        firsts = index.words & self._firsts
        stems = index.prefixes & self._stems
        if not firsts and not stems:
            return []
        if stems:
            firsts |= index.with_prefix(stems)
        # The places of the page's words that can start a phrase, from the word index every lexicon shares: no regex
        # tried at every character of the page.
        places = index.places
        found, covered = [], -1
        for start, word in sorted([(at, first) for first in firsts for at in places[first]]):
            if start < covered:
                continue  # inside the previous match
            best_end = -1
            for regex in self._regexes_of(word):
                m = regex.match(text, start)
                if m is not None and m.end() > best_end:
                    best_end = m.end()
            if best_end > start:
                found.append(self._match(text, start, best_end))
                covered = best_end
        return found

    def _regexes_of(self, word: str) -> list[re.Pattern]:
        """The phrases a page word can start: by first word, or by a one-word stem it begins with."""
        regexes = self._word_regexes.get(word)
        if regexes is None:
            regexes = [regex for _n, regex in self._by_first.get(word, ())]
            regexes += [regex for stem, regex in self._by_stem.get(word[:STEM], ()) if word.startswith(stem)]
            if len(self._word_regexes) >= WORDS_KEPT:  # words beginning with a stem are unbounded over a crawl
                self._word_regexes.clear()
            self._word_regexes[word] = regexes
        return regexes

    def find_with_regex(self, text: str) -> list[PhraseMatch]:
        """The straightforward matcher: one regex scan. Same results as `find`, several times slower."""
        return [self._match(text, m.start(), m.end()) for m in self._regex.finditer(text)]

    def _match(self, text: str, start: int, end: int) -> PhraseMatch:
        phrase = text[start:end]
        key = phrase.lower()
        languages = self._languages_of.get(key)
        if languages is None:  # which languages list this phrase: asked once per distinct phrase
            languages = tuple(lang for lang in sorted(self.terms) if self.matches_in(lang, phrase)) or ("en",)
            self._languages_of[key] = languages
        return PhraseMatch(languages, phrase, start, end)


def phrase_pattern(term: str) -> str:
    wildcard = term.endswith("*")
    words = re.split(r"[\s\-]+", term.rstrip("*").strip())
    pattern = _SEPARATOR.join("".join(_VARIANTS.get(c, re.escape(c)) for c in w) for w in words)
    return pattern + (r"\w*" if wildcard else "")


@cache
def phrase_lexicon(name: str) -> PhraseLexicon:
    """The matcher of `data/lexicons/<name>.yaml`, a file in the phrase-lexicon format."""
    file = f"lexicons/{name}.yaml"
    return lexicon_from_data(file, load(file, PHRASE_LEXICON))


def lexicon_from_data(file: str, data: dict) -> PhraseLexicon:
    """The matcher of a phrase lexicon as `load` returns it (checked against schema/phrase-lexicon.schema.json)."""
    return PhraseLexicon(data["family"], lexicon_terms(file, "terms", data["terms"]))


def lexicon_terms(file: str, entry: str, raw: dict) -> dict[str, list[str]]:
    """Language -> phrases of a schema-checked `terms` mapping, after the checks a schema cannot make: language
    codes among eu.yaml's, no phrase twice in a language (case-insensitive), wildcard stems of STEM letters or more.
    Errors name `file` and the entry under `entry` (terms.de[3])."""
    terms: dict[str, list[str]] = {}
    for lang, phrases in by_language(file, entry, raw).items():
        where = f"{entry}.{lang}"
        distinct(file, where, phrases)
        for n, phrase in enumerate(phrases):
            stem = re.split(r"[\s\-]+", phrase.rstrip("*"))[-1]
            if phrase.endswith("*") and len(stem) < STEM:
                expected = f"a stem of {STEM} letters or more before '*', got {phrase!r}"
                raise DataFileError(file, f"{where}[{n}]", expected)
        terms[lang] = list(phrases)
    return terms
