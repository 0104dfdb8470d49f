"""Worked examples: amounts a text computes with rather than offers. A sentence that opens with a conditional supposes
("Hvis du køber for 1.000 kr. og betaler 29 kr. i kurtage, har du tabt 2,9 %", "If you had invested 100 EUR ..."),
and an example's opener ("Angenommen, ...", "Exempel: ...", a heading line "Eksempel") holds for the next sentences
of its paragraph too: "Angenommen, du wählst 50 %. Das bedeutet, dass du für 1000 Euro ...". The words are
lexicons/worked_examples.yaml's, in the page's languages and English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detectors.data_files import load
from detectors.geography import by_language
from detectors.phrase_patterns import bare
from detectors.word_patterns import ending_pattern, opening_pattern

FILE = "lexicons/worked_examples.yaml"
INCENTIVES = "lexicons/incentives.yaml"
EXAMPLE_RUN = 2  # the sentences after an example's opener that still compute it
CLAUSE_CHARS = 200  # how far after the amount the supposition's comma may stand
HEADING_WORDS = 3  # a line this short above a paragraph is its heading ("Eksempel", "Exemplu Levier")
HEADING_CHARS = 100  # read above a paragraph for its heading
SENTENCE_CHARS = 1000  # read back for a sentence's start, at most
_ENDS = ".!?;\n"
_CLAUSE_END = re.compile(r",\s")  # not the decimal comma of "1,5 %"
_NEXT_WORD = re.compile(r"\.\s+([^\W\d_])")  # a capital after a dot begins a sentence ("kr. Da"), "kr. og" not


@dataclass(frozen=True)
class _Openers:
    examples: re.Pattern | None
    conditionals: re.Pattern | None
    thresholds: re.Pattern | None  # "at least", "mindst" right before the amount: the condition of a term


@cache
def _openers() -> dict[str, _Openers]:
    data = load(FILE, "worked-examples")
    # The words of a threshold are the incentives' (lexicons/incentives.yaml), read the way it reads them.
    thresholds = by_language(INCENTIVES, "languages", load(INCENTIVES, "incentives")["languages"])
    return {language: _Openers(opening_pattern([bare(w) for w in entry["openers"]]),
                               opening_pattern([bare(w) for w in entry["conditionals"]]),
                               ending_pattern(thresholds.get(language, {}).get("thresholds", [])))
            for language, entry in by_language(FILE, "languages", data["languages"]).items()}


def worked_example(text: str, start: int, end: int, languages: tuple[str, ...]) -> bool:
    """Whether the amount at `start`:`end` of `text` is in a worked example: its sentence opens with a conditional or
    an example's opener, or one of the EXAMPLE_RUN sentences before it in its paragraph, or the paragraph's heading
    line, opens with an example's opener."""
    table = _openers()
    vocabularies = [table[language] for language in dict.fromkeys((*languages, "en")) if language in table]
    left = _sentence_start(text, start)
    opening = bare(text[left:start])
    if any(_opens(v.examples, opening) for v in vocabularies):
        return True
    if any(_opens(v.conditionals, opening) for v in vocabularies) and _supposed(text, end, opening, vocabularies):
        return True
    at = left
    for _ in range(EXAMPLE_RUN):
        if at <= 0:
            return False
        if text[at - 1] == "\n":  # the paragraph begins here: its heading, the first line above that holds words
            heading = text[max(0, at - HEADING_CHARS):at].rstrip().rsplit("\n", 1)[-1]
            return len(heading.split()) <= HEADING_WORDS and _example(bare(heading), vocabularies)
        before = _sentence_start(text, at - 1)
        if _example(bare(text[before:at]), vocabularies):
            return True
        at = before
    return False


def _supposed(text: str, end: int, opening: str, vocabularies: list[_Openers]) -> bool:
    """Whether an amount in a sentence opened by a conditional stands in the supposition itself, the clause a comma
    closes after it ("Hvis du køber for 1.000 kr. og betaler 29 kr., har du tabt 2,9 %"), and is no threshold there
    ("if you have made a purchase of at least SEK 500, you can ..." states a term of the firm)."""
    clause = _CLAUSE_END.search(text, end, end + CLAUSE_CHARS)
    comma = clause.start() if clause else -1
    if comma < 0 or any(c in text[end:comma] for c in "!?;\n") \
            or any(_ends_sentence(text, m.start()) for m in _NEXT_WORD.finditer(text, end, comma)):
        return False  # "Om du ikke velger noe beløp blir det kjøpt fond for 300 kroner.": the amount is the outcome
    return not any(v.thresholds is not None and v.thresholds.search(opening) for v in vocabularies)


def _example(sentence: str, vocabularies: list[_Openers]) -> bool:
    return any(_opens(v.examples, sentence) for v in vocabularies)


def _opens(pattern: re.Pattern | None, sentence: str) -> bool:
    return pattern is not None and pattern.match(sentence) is not None


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence that holds `at` begins: after the last sentence end or line break before it."""
    low = max(0, at - SENTENCE_CHARS)
    left = max(text.rfind(c, low, at) for c in _ENDS)
    while left > low and text[left] == "." and not _ends_sentence(text, left):
        left = max(text.rfind(c, low, left) for c in _ENDS)
    return left + 1 if left >= 0 else low


def _ends_sentence(text: str, dot: int) -> bool:
    """Whether the dot at `dot` ends a sentence: not before a digit ("1.000 kr") nor a word in lower case ("kr. og")."""
    after = _NEXT_WORD.match(text, dot)
    return not text[dot + 1:dot + 2].isdigit() and (after is None or after.group(1).isupper())
