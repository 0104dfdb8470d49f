"""How a lexicon phrase is written as a regex: its words joined by any run of spaces or hyphens, a trailing `*` for
any word ending, and the typographic variants a page may use for the same letter (curly apostrophes, Romanian
cedilla forms, Greek letters with and without their accents, which Greek capitals drop: "ΟΡΟΙ ΣΥΜΜΕΤΟΧΗΣ" is
"όροι συμμετοχής")."""

from __future__ import annotations

import re

_SEPARATOR = r"[\s\-\u2010\u2011\u00ad]+"
_GREEK = {"α": "ά", "ε": "έ", "η": "ή", "ι": "ίϊΐ", "ο": "ό", "υ": "ύϋΰ", "ω": "ώ"}
_UNACCENTED = str.maketrans({a: plain for plain, accented in _GREEK.items() for a in accented})
_ACCENTED = re.compile("[" + "".join(_GREEK.values()) + "]")  # translating costs 15x a lower(): only where needed
_VARIANTS = {"'": "['\u2019\u02bc]", "\u2019": "['\u2019\u02bc]", "ș": "[șş]", "ş": "[șş]", "ț": "[țţ]", "ţ": "[țţ]",
             "Ș": "[ȘŞ]", "Ț": "[ȚŢ]"} | {c: f"[{p}{a}]" for p, a in _GREEK.items() for c in p + a}


def phrase_pattern(term: str) -> str:
    """A phrase as a regex body: its words joined by spaces or hyphens, each word ending in * with any ending
    ("niedostępn* w następujących krajach")."""
    words = re.split(r"[\s\-]+", term.strip())
    return _SEPARATOR.join("".join(_VARIANTS.get(c, re.escape(c)) for c in w.rstrip("*")) + r"\w*" * w.endswith("*")
                           for w in words)


def spellings(term: str) -> tuple[str, ...]:
    """The term, and without its Greek accents when it has any: a word index is looked up by both."""
    plain = term.lower().translate(_UNACCENTED)
    return (term,) if plain == term.lower() else (term, plain)


def bare(text: str) -> str:
    """Lower-cased, without Greek accents: how a word reads in capitals ("εγγράφονται" as "ΕΓΓΡΑΦΟΝΤΑΙ")."""
    lowered = text.lower()
    return lowered.translate(_UNACCENTED) if _ACCENTED.search(lowered) else lowered
