"""Multilingual phrase lexicons and the one matcher every text detector uses.

A lexicon file maps language codes to phrases. Phrases are literal text matched case-insensitively on word
boundaries; space and hyphen are interchangeable; a trailing `*` on the last word matches any word ending
(inflected languages). All languages of a lexicon compile into one regular expression with a named group per
language, so a page's text is scanned once per family whatever the number of languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detectors.data_files import DataFileError, check_keys, language_key, load, string_list
from detectors.geography import geography

_SEPARATOR = r"[\s\-\u2010\u2011\u00ad]+"


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
        # One alternation over every language, longest phrase first, so "bitcoin kaufen" beats "bitcoin" at the
        # same position whichever language lists the shorter word; the language is looked up afterwards.
        patterns = sorted({phrase_pattern(t) for lang in terms for t in terms[lang]}, key=lambda p: (-len(p), p))
        self._regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)

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
        found = []
        for m in self._regex.finditer(text):
            languages = tuple(lang for lang in sorted(self.terms) if self.matches_in(lang, m.group(0)))
            found.append(PhraseMatch(languages or ("en",), m.group(0), m.start(), m.end()))
        return found


def phrase_pattern(term: str) -> str:
    wildcard = term.endswith("*")
    words = re.split(r"[\s\-]+", term.rstrip("*").strip())
    pattern = _SEPARATOR.join("".join(_VARIANTS.get(c, re.escape(c)) for c in w) for w in words)
    return pattern + (r"\w*" if wildcard else "")


@cache
def phrase_lexicon(name: str) -> PhraseLexicon:
    """Load `data/lexicons/<name>.yaml`, refusing unknown fields, unknown languages, empty lists, duplicates."""
    file = f"lexicons/{name}.yaml"
    return lexicon_from_data(file, load(file))


def lexicon_from_data(file: str, data: dict) -> PhraseLexicon:
    """Validate the parsed content of a lexicon file and build its matcher; errors name `file` and the entry."""
    check_keys(file, "(top)", data, {"version", "family", "terms"})
    known = geography().languages
    terms: dict[str, list[str]] = {}
    if not isinstance(data["terms"], dict) or not data["terms"]:
        raise DataFileError(file, "terms", "a mapping of language code to a list of phrases")
    for raw_lang, phrases in data["terms"].items():
        lang = language_key(raw_lang)
        if lang not in known:
            raise DataFileError(file, f"terms.{lang}", f"an EU/EEA language code ({', '.join(sorted(known))})")
        terms[lang] = string_list(file, f"terms.{lang}", phrases)
        for phrase in terms[lang]:
            if "*" in phrase.rstrip("*") or phrase.endswith("**"):
                raise DataFileError(file, f"terms.{lang}", f"'*' only at the end of a phrase, got {phrase!r}")
            stem = re.split(r"[\s\-]+", phrase.rstrip("*"))[-1]
            if phrase.endswith("*") and len(stem) < 4:
                raise DataFileError(file, f"terms.{lang}", f"a stem of 4 letters or more before '*', got {phrase!r}")
    return PhraseLexicon(str(data["family"]), terms)
