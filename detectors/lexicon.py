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
    language: str
    text: str  # as it appears on the page
    start: int
    end: int


class PhraseLexicon:
    def __init__(self, family: str, terms: dict[str, list[str]]):
        self.family = family
        self.terms = terms
        self._per_language: dict[str, re.Pattern] = {}
        groups = []
        for lang in sorted(terms):
            # Longest first, so "welcome bonus" wins over "bonus" at the same position.
            alternatives = sorted({phrase_pattern(t) for t in terms[lang]}, key=len, reverse=True)
            groups.append(f"(?P<{_group(lang)}>{'|'.join(alternatives)})")
        self._regex = re.compile(r"(?<!\w)(?:" + "|".join(groups) + r")(?!\w)", re.IGNORECASE)

    @property
    def languages(self) -> list[str]:
        return sorted(self.terms)

    def matches_in(self, language: str, phrase: str) -> bool:
        """Whether `phrase` is also a term of `language` (to attribute words several languages share)."""
        if language not in self.terms:
            return False
        if language not in self._per_language:
            alternatives = "|".join(phrase_pattern(t) for t in self.terms[language])
            self._per_language[language] = re.compile(rf"(?:{alternatives})", re.IGNORECASE)
        return bool(self._per_language[language].fullmatch(phrase))

    def find(self, text: str) -> list[PhraseMatch]:
        return [
            PhraseMatch(_lang(m.lastgroup or ""), m.group(0), m.start(), m.end()) for m in self._regex.finditer(text)
        ]


def _group(lang: str) -> str:
    return "l_" + lang


def _lang(group: str) -> str:
    return group[2:]


def phrase_pattern(term: str) -> str:
    wildcard = term.endswith("*")
    words = re.split(r"[\s\-]+", term.rstrip("*").strip())
    pattern = _SEPARATOR.join(re.escape(w) for w in words)
    return pattern + (r"\w*" if wildcard else "")


@cache
def phrase_lexicon(name: str) -> PhraseLexicon:
    """Load `data/lexicons/<name>.yaml`, refusing unknown fields, unknown languages, empty lists, duplicates."""
    file = f"lexicons/{name}.yaml"
    data = load(file)
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
