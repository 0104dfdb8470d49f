"""Patterns of lexicon words and phrases, lower-cased, for the detectors that read a vocabulary sentence by sentence
(detectors/incentives.py): whole words, words that open or end a string, lexicon terms as every lexicon matches them."""

from __future__ import annotations

import re

from detectors.amounts import alternation
from detectors.phrase_patterns import phrase_pattern


def ending_pattern(phrases: list[str]) -> re.Pattern | None:
    """The phrases as a whole word or phrase that ends a string (spaces after it): what stands right before."""
    if not phrases:
        return None
    words = alternation(p.lower() for p in phrases).replace(r"\ ", r"\s+")  # a phrase's spaces: any run of them
    return re.compile(rf"(?<!\w)(?:{words})\s*$")


def whole_pattern(phrases: list[str]) -> re.Pattern | None:
    """Whole words or phrases, lower-cased, in one pattern (None for none)."""
    if not phrases:
        return None
    return re.compile(rf"(?<!\w)(?:{alternation(p.lower() for p in phrases)})(?!\w)")


def opening_pattern(phrases: list[str]) -> re.Pattern | None:
    """The phrases as the whole word or phrase that opens a string, after a list item's bullet or number or an
    opening quote (matched with `match`); None for none."""
    if not phrases:
        return None
    return re.compile(rf"[\s•*·\-–—\"'“„«(\d.)]*(?:{alternation(p.lower() for p in phrases)})(?!\w)")


def terms_pattern(phrases: list[str]) -> re.Pattern | None:
    """Lexicon terms as every lexicon matches them (detectors/lexicon.py: a trailing * for any ending, hyphen and
    space alike), lower-cased, longest first; None for none."""
    if not phrases:
        return None
    patterns = sorted({phrase_pattern(p.lower()) for p in phrases}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})(?!\w)")
