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

import operator
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, compress, islice

from detectors.blocks import joined_runs
from detectors.data_files import PHRASE_LEXICON, DataFileError, distinct, load
from detectors.geography import by_language
from detectors.phrase_patterns import phrase_pattern, spellings

_WORD = re.compile(r"\w+")
_WORD_SPLIT = re.compile(r"(\w+)")
_LAST_WORD = re.compile(r"^[^\w\n]*(\w*)", re.MULTILINE)  # on reversed lines: each last word, reversed, or ""
_FOLD = str.maketrans({"ş": "ș", "ţ": "ț"})  # Romanian cedillas as commas
STEM = 4  # letters a one-word wildcard is indexed by (the loader guarantees stems at least this long)
INDEXED_WORDS = 100  # distinct words from which with_prefix indexes a text's words by prefix
WORDS_KEPT = 20_000  # page words whose candidate phrases each lexicon remembers
# A word that begins more than FEW_PHRASES phrases ("a", "de", "bitcoin") has them sorted by the first NEXT_LETTERS of
# their second word: the page's next word (whatever separates them) must begin with those letters for a match.
FEW_PHRASES = 2
NEXT_LETTERS = 2
_NEXT_WORD = re.compile(rf"\W*(\w{{1,{NEXT_LETTERS}}})")


class _Words:
    """A text's words, read once and shared by every family and lexicon that reads the same text: the distinct words
    come from one C-speed regex split; where the words stand, and their first letters, are worked out the first time a
    lexicon asks (most lexicons share no word with a page and never ask)."""

    __slots__ = ("folded", "words", "_pieces", "_prefixes", "_by_prefix", "_places", "_line_ends", "_wordless")

    def __init__(self, folded: str):
        self.folded = folded  # the text lower-cased, same length and offsets as the text
        # Gaps and words alternate in the split: one regex pass serves the words and, if asked, their places.
        self._pieces: list[str] | None = _WORD_SPLIT.split(folded)
        self.words: frozenset[str] = frozenset(self._pieces[1::2])  # its distinct words
        self._prefixes: frozenset[str] | None = None
        self._by_prefix: dict[str, list[str]] | None = None
        self._places: dict[str, int | list[int]] | None = None
        self._line_ends: list[str] | None = None
        self._wordless: list[int] = []

    def line_ends(self) -> list[str]:
        """The last word of each line, read from the end of each line; "" for a line without one, and for one
        whose last word kept a capital that lower-cases to two letters ("İ": a regex ignoring case reads it "i")."""
        if self._line_ends is None:
            # The text reversed once, not each line: one scan finds each reversed line's first word (or ""), and their
            # join reversed back is the last words, first line first, each the right way round.
            ends = "\n".join(_LAST_WORD.findall(self.folded[::-1]))[::-1]
            self._line_ends = ends.split("\n")
            if ends.lower() != ends:
                self._line_ends = [end if end.lower() == end else "" for end in self._line_ends]
            self._wordless = list(compress(range(len(self._line_ends)), map(operator.not_, self._line_ends)))
        return self._line_ends

    def wordless(self) -> list[int]:
        """The lines whose last word is unknown ("" in `line_ends`): a match may run across them ("a\\n-\\nb")."""
        self.line_ends()
        return self._wordless

    @property
    def prefixes(self) -> frozenset[str]:
        """The first STEM letters of its longer words."""
        if self._prefixes is None:
            if len(self.words) < INDEXED_WORDS:  # a block: a set, not the index of its words by prefix (with_prefix)
                self._prefixes = frozenset({word[:STEM] for word in self.words if len(word) >= STEM})
            else:  # a page's text: the index nearly every page's lexicons ask for gives them, in one pass
                self._prefixes = frozenset(self._prefix_index())
        return self._prefixes

    def with_prefix(self, prefixes) -> set[str]:
        """The words of STEM letters or more that begin with one of `prefixes` (some of `self.prefixes`)."""
        if len(self.words) < INDEXED_WORDS:  # a block, asked once: one pass over its few words
            return {word for word in self.words if word[:STEM] in prefixes and len(word) >= STEM}
        by_prefix = self._prefix_index()
        return {word for prefix in prefixes for word in by_prefix[prefix]}

    def _prefix_index(self) -> dict[str, list[str]]:
        if self._by_prefix is None:  # a page's text, asked by several lexicons: its words indexed by prefix once
            by_prefix: dict[str, list[str]] = {}
            for word in self.words:
                if len(word) >= STEM:
                    by_prefix.setdefault(word[:STEM], []).append(word)
            self._by_prefix = by_prefix
        return self._by_prefix

    def places(self, word: str) -> list[int]:
        """Where `word` (one of `words`) starts in `folded`, as `_WORD.finditer` cuts words."""
        if self._places is None:
            # The words' offsets: every other running sum of the pieces' lengths (in C, no list). A word met once keeps
            # its offset alone: no list per word, which lived as long as the text's index and set the collector off.
            pieces, self._pieces = self._pieces, None
            places: dict[str, int | list[int]] = {}
            get = places.get
            for piece, at in zip(pieces[1::2], islice(accumulate(map(len, pieces)), 0, None, 2), strict=False):
                known = get(piece)
                if known is None:
                    places[piece] = at
                elif known.__class__ is int:
                    places[piece] = [known, at]
                else:
                    known.append(at)
            self._places = places
        known = self._places[word]
        return [known] if known.__class__ is int else known


def word_places(folded: str, word: str) -> list[int]:
    """Where the word `word` (word characters only) stands in `folded` as a whole word, no word character touching it
    on either side: the places `_WORD.finditer` would cut it at. (A whole word cannot start inside another occurrence
    of `word`, whose letters are all word characters, so the search goes on after each.)"""
    found = []
    at = folded.find(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not is_word_char(folded[at - 1])) and (after == len(folded) or not is_word_char(folded[after])):
            found.append(at)
        at = folded.find(word, after)
    return found


def is_word_char(char: str) -> bool:
    """Whether `_WORD` (\\w) takes the character: a letter, a digit or a number of any script, or the underscore."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=16)
def _words(text: str) -> _Words:
    """The words of `text` (see _Words); the last few texts are kept, as every family reads the same page."""
    return words_of(text)


def lower_in_place(text: str) -> str:
    """`text` lower-cased letter by letter, same length and offsets: a letter that lower-cases to two characters
    (Turkish İ) is kept as it is. One C-speed translate over the text's distinct letters, not a loop per letter."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return text.translate({ord(c): (lower if len(lower := c.lower()) == 1 else c) for c in set(text)})


def words_of(text: str) -> _Words:
    """The words of `text`, not kept (for the many small texts a caller remembers its own results of)."""
    folded = lower_in_place(text)
    if "ş" in folded or "ţ" in folded:
        folded = folded.translate(_FOLD)
    return _Words(folded)


@dataclass(frozen=True)
class _Starts:
    whole_word: bool  # the word is a phrase by itself
    regexes: tuple[re.Pattern, ...]  # the longer phrases it begins
    by_next: dict[str, tuple[re.Pattern, ...]] | None  # the same by the next word's first NEXT_LETTERS, when many


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


class PhraseLexicon:
    def __init__(self, family: str, terms: dict[str, list[str]]):
        self.family = family
        self.terms = terms
        self._languages_of: dict[str, tuple[str, ...]] = {}
        self._regex: re.Pattern | None = None  # the reference matcher, built when first asked for
        # Which languages list a phrase: only the terms that begin with its first word (or whose one-word stem it
        # begins with) are tried, each its own regex, instead of an alternation of every term per language.
        self._terms_by_first: dict[str, list[tuple[str, str]]] = {}  # first word -> (language, pattern)
        self._terms_by_stem: dict[str, list[tuple[str, str, str]]] = {}  # STEM letters -> (language, stem, pattern)
        # Index: first word -> regexes of the longer phrases it starts, one-word stems -> [stem]. A one-word phrase
        # (or stem) needs no regex: the page word it equals (or begins with) is the match, as the word index cuts
        # words where `(?<!\w)...(?!\w)` would. Regexes are compiled when a page first has their first word:
        # compiling every phrase of every lexicon up front took about 2 s of each process's start.
        self._by_first: dict[str, list[tuple[str, str]]] = {}  # (the second word's first letters, pattern)
        self._one_word: set[str] = set()
        self._by_stem: dict[str, list[str]] = {}
        self._word_regexes: dict[str, _Starts] = {}  # a page word -> what it can start
        self._last: tuple[str, tuple[PhraseMatch, ...]] = ("", ())  # the last text `find` read, and its matches
        for lang in sorted(terms):
            for term, spelling in ((t, s) for t in terms[lang] for s in spellings(t)):
                first = (_WORD.findall(spelling.rstrip("*").lower().translate(_FOLD)) or [""])[0]
                if term.endswith("*") and re.fullmatch(r"\w+\*?", term.strip()):
                    self._terms_by_stem.setdefault(first[:STEM], []).append((lang, first, phrase_pattern(term)))
                else:
                    self._terms_by_first.setdefault(first, []).append((lang, phrase_pattern(term)))
        for pattern_text, term in sorted({(phrase_pattern(t), s) for lang in terms for t in terms[lang]
                                          for s in spellings(t)}):
            term_words = [w.lower().translate(_FOLD) for w in _WORD.findall(term.rstrip("*"))]
            one_word = re.fullmatch(r"\w+\*?", term.strip()) is not None
            if term.endswith("*") and one_word:
                self._by_stem.setdefault(term_words[0][:STEM], []).append(term_words[0])
                continue
            self._by_first.setdefault(term_words[0], [])
            if one_word:
                self._one_word.add(term_words[0])
            else:
                self._by_first[term_words[0]].append(((term_words[1:] or [""])[0][:NEXT_LETTERS], pattern_text))
        # As sets: intersected with a page's words, a set walks the smaller side (a page has fewer words).
        self._firsts, self._stems = frozenset(self._by_first), frozenset(self._by_stem)
        # The words a phrase goes on after (every word of a longer phrase but its last): where a line ends in none
        # of them, no match runs into the next line.
        self._inner = frozenset(token for lang in terms for t in terms[lang] for term in spellings(t)
                                for word in re.split(r"[\s\-]+", term.rstrip("*").strip())[:-1]
                                for token in _WORD.findall(word.lower().translate(_FOLD)))

    @property
    def languages(self) -> list[str]:
        return sorted(self.terms)

    def languages_listing(self, phrase: str) -> tuple[str, ...]:
        """The languages that have `phrase` (as found on a page) among their terms, sorted."""
        folded = phrase.lower().translate(_FOLD)
        first = _WORD.search(folded)
        word = first[0] if first else ""
        candidates = self._terms_by_first.get(word, [])
        stems = [(lang, pattern) for lang, stem, pattern in self._terms_by_stem.get(word[:STEM], ())
                 if word.startswith(stem)]
        return tuple(sorted({lang for lang, pattern in (*candidates, *stems)
                             if _term_regex(pattern).fullmatch(phrase)}))

    def find(self, text: str, index: _Words | None = None) -> list[PhraseMatch]:
        """Non-overlapping matches, leftmost first and longest at each position (as the reference regex). `index`:
        the text's words where the caller keeps them itself (`words_of`), else the shared cache's."""
        if index is not None:
            return self._find(text, index)
        # The last text read through the shared cache is kept with its matches: several detectors ask one lexicon
        # about the same page (bonus and partner_programme: BONUS, AFFILIATE and their programme-voice check).
        if text != self._last[0]:
            self._last = (text, tuple(self._find(text, _words(text))))
        return list(self._last[1])

    def _find(self, text: str, index: _Words) -> list[PhraseMatch]:
        firsts = index.words & self._firsts
        stems = index.prefixes & self._stems
        if not firsts and not stems:
            return []
        if stems:
            firsts |= index.with_prefix(stems)
        # The places of the page's words that can start a phrase, from the word index every lexicon shares: no regex
        # tried at every character of the page.
        found, covered = [], -1
        for start, word in sorted([(at, first) for first in firsts for at in index.places(first)]):
            if start < covered:
                continue  # inside the previous match
            starts = self._starts_of(word)
            best_end = start + len(word) if starts.whole_word else -1
            regexes = starts.regexes
            if starts.by_next is not None:  # many phrases begin with this word: only those the next word can go on
                m = _NEXT_WORD.match(index.folded, start + len(word))
                regexes = starts.by_next.get("", ())  # a one-word phrase with a sign after it ("24/7", "n°")
                if m:
                    regexes += starts.by_next.get(m[1], ())
                    if len(m[1]) > 1:  # phrases whose second word is one letter long, or a one-letter stem
                        regexes += starts.by_next.get(m[1][:1], ())
            for regex in regexes:
                m = regex.match(text, start)
                if m is not None and m.end() > best_end:
                    best_end = m.end()
            if best_end > start:
                found.append(self._match(text, start, best_end))
                covered = best_end
        return found

    def blocks(self, text: str) -> list[str]:
        """The text cut at each line break no phrase can run across ("\\n".join gives it back): wherever the line
        before does not end in a word that some phrase goes on after (its `_inner` words; a line without a word
        goes with the next). A match of the whole text is then a match of one block, at the same place."""
        lines = text.split("\n")
        page = _words(text)
        # The lines a match may run out of (C-speed map and compress: most pages have few).
        joined = [*compress(range(len(lines)), map(self._inner.__contains__, page.line_ends())), *page.wordless()]
        if not joined:
            return lines
        return joined_runs(lines, sorted(set(joined)))

    def _starts_of(self, word: str) -> _Starts:
        """What a page word can start: whether it is a phrase by itself (a one-word phrase, or a word beginning with
        a one-word stem), and the regexes of the longer phrases it begins."""
        known = self._word_regexes.get(word)
        if known is None:
            whole_word = word in self._one_word or any(word.startswith(stem)
                                                      for stem in self._by_stem.get(word[:STEM], ()))
            longer = [(letters, _phrase_regex(pattern)) for letters, pattern in self._by_first.get(word, [])]
            by_next = None
            if len(longer) > FEW_PHRASES:
                by_next = {}
                for letters, regex in longer:
                    by_next[letters] = (*by_next.get(letters, ()), regex)
            known = _Starts(whole_word, tuple(regex for _letters, regex in longer), by_next)
            if len(self._word_regexes) >= WORDS_KEPT:  # words beginning with a stem are unbounded over a crawl
                self._word_regexes.clear()
            self._word_regexes[word] = known
        return known

    def find_with_regex(self, text: str) -> list[PhraseMatch]:
        """The straightforward matcher: one regex scan. Same results as `find`, several times slower."""
        return [self._match(text, m.start(), m.end()) for m in self._reference().finditer(text)]

    def _reference(self) -> re.Pattern:
        """One alternation over every language, longest phrase first, so "bitcoin kaufen" beats "bitcoin" at the
        same position whichever language lists the shorter word."""
        if self._regex is None:
            terms = self.terms
            patterns = sorted({phrase_pattern(t) for lang in terms for t in terms[lang]}, key=lambda p: (-len(p), p))
            self._regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
        return self._regex

    def _match(self, text: str, start: int, end: int) -> PhraseMatch:
        phrase = text[start:end]
        key = phrase.lower()
        languages = self._languages_of.get(key)
        if languages is None:  # which languages list this phrase: asked once per distinct phrase
            languages = self.languages_listing(phrase) or ("en",)
            self._languages_of[key] = languages
        return PhraseMatch(languages, phrase, start, end)


@cache
def _term_regex(pattern: str) -> re.Pattern:
    """A term's regex, to tell whether a phrase found on a page is that term (fullmatch)."""
    return re.compile(pattern, re.IGNORECASE)


@cache
def _phrase_regex(pattern: str) -> re.Pattern:
    """The compiled regex of a phrase longer than a word (shared by the lexicons that list it)."""
    return re.compile(pattern + r"(?!\w)", re.IGNORECASE)


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
