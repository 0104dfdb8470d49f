"""Periods of time as a language writes them after a number ("30 days", "3 Monate", "6 mēnešus"), for BONUS's fee
holidays (detectors/incentives.py): "no fees for the first 3 months" promises something for a while.

The words come from CLDR through babel, not from a list of ours: the unit names of days, weeks and months ("30
Tage") and the words right after the number in relative times ("in 30 Tagen", "pirms 6 mēnešiem"), so the cases a
sentence puts them in are there too. A word counts as the beginning of a page's word ("mēneš" in "mēnešus").
"""

from __future__ import annotations

import re
from functools import cache

from babel import UnknownLocaleError
from babel.units import format_unit

from detectors.geography import babel_locale

UNITS = ("duration-day", "duration-week", "duration-month")
FIELDS = ("day", "week", "month")
COUNTS = (1, 2, 3, 5, 11, 21, 30)  # enough numbers to meet every plural form CLDR knows
MIN_LETTERS = 3  # shorter forms ("d", "m", "pv") are abbreviations that other words begin with
WORDS_BETWEEN = 3  # "pirmie 6 kartes lietošanas mēneši": words between the number and its period


@cache
def period_words(language: str) -> tuple[str, ...]:
    """The words for a number of days, weeks or months in `language`, lower-cased, longest first."""
    try:
        locale = babel_locale(language)
    except (UnknownLocaleError, ValueError):
        return ()
    words: set[str] = set()
    for unit in UNITS:
        for count in COUNTS:
            words.update(re.findall(r"[^\W\d_]+", format_unit(count, unit, length="long", locale=locale).lower()))
    fields = locale._data["date_fields"]  # noqa: SLF001 (babel keeps the relative-time patterns only here)
    for field in FIELDS:
        for tense in ("future", "past"):
            for pattern in dict(fields.get(field, {}).get(tense, {})).values():
                after = re.findall(r"[^\W\d_]+", pattern.split("{0}", 1)[1].lower()) if "{0}" in pattern else []
                words.update(after[:1])
    return tuple(sorted((w for w in words if len(w) >= MIN_LETTERS), key=lambda w: (-len(w), w)))


@cache
def _period(language: str) -> re.Pattern | None:
    words = period_words(language)
    if not words:
        return None
    between = rf"(?:\s+[^\W\d_]+){{0,{WORDS_BETWEEN}}}"
    number = r"(?<![\w.,\-–])\d{1,3}(?![\-–]\d)"  # not a range: "1-2 days" is how long a transfer takes
    return re.compile(rf"{number}{between}\s+(?:{'|'.join(map(re.escape, words))})", re.IGNORECASE)


def names_a_period(sentence: str, language: str) -> bool:
    """Whether `sentence` gives a number of days, weeks or months in `language` ("die ersten 3 Monate")."""
    pattern = _period(language)
    return bool(pattern and pattern.search(sentence))
