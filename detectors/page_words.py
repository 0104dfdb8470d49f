"""A page's text read once and shared by the detectors that ask the same of it: its call-to-action tokens (lower
case, Greek folded: detectors/cta_vocabulary.py), their distinct set, and its lower-cased form.

Keyed by the text itself (a string caches its hash, so a repeated look-up of the same page costs little) in small
caches: the detectors of one page run one after another, so the last few texts are all that is ever asked again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from detectors.cta_vocabulary import tokens_of

SIZE = 8  # texts kept: a page's text, its text without questions, a few variants of them
LINES = 8192  # lines kept: a site's chrome, its recurring table rows and labels
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=SIZE)
def tokens(text: str) -> tuple[str, ...]:
    """The tokens of `text`, as detectors/cta_vocabulary.py's tokens_of splits them."""
    return tuple(tokens_of(text))


@lru_cache(maxsize=SIZE)
def words(text: str) -> frozenset[str]:
    """The distinct tokens of `text`: one set look-up tells whether a word occurs on the page at all. Read line by
    line (no token spans a line break, and lower case and Greek folding are per letter and per token), each line
    kept: menus, footers and tables repeat on every page of a site, so most lines of a page were read before."""
    return frozenset().union(*map(_line_words, text.split("\n")))


@lru_cache(maxsize=LINES)
def _line_words(line: str) -> tuple[str, ...]:
    return tuple(tokens_of(line))  # a tuple of strings: the collector stops tracking it, a set it would walk


@lru_cache(maxsize=SIZE)
def lowered(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=SIZE)
def line_starts(text: str) -> tuple[int, ...]:
    """Where each line of `text` starts (its characters and line breaks before it, summed in C)."""
    return (0, *accumulate(map((1).__add__, map(len, text.split("\n")[:-1]))))


def lines_with(lowered: str, present: set[str]) -> set[int]:
    """Indices of the lines of `lowered` where one of `present` stands as a word of its own (not inside a longer
    word, nor before an apostrophe or a hyphen). str.find, one line at a time: no pattern to compile per page."""
    starts, lines = [], set()
    for word in present:
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            before = lowered[at - 1] if at else " "
            after = lowered[end] if end < len(lowered) else " "
            if not (before.isalnum() or before == "_") and not (after.isalnum() or after in "_'-"):
                if not starts:
                    starts = line_starts(lowered)
                line = bisect_right(starts, at) - 1
                lines.add(line)
                at = starts[line + 1] if line + 1 < len(starts) else -1  # on to the next line
                if at < 0:
                    break
            else:
                at += 1
            at = lowered.find(word, at)
    return lines


def regex_words(text: str) -> set[str]:
    """`set(re.findall(r"\\w+", text))` (words as written, unlike `words`), in a quarter less time: the distinct runs
    between spaces first, most of them a word already (no space is a word character, so no word runs across one),
    the others cut by the regex."""
    found = set(text.split())
    cut = [token for token in found if not token.isalnum()]  # \w takes isalnum() and "_": those with "_" are cut too
    found.difference_update(cut)
    found.update(_WORD.findall(" ".join(cut)))
    return found


def whole_word_matches(pattern: re.Pattern, letters: str, words: str) -> set[str]:
    """The matches, lower-cased, of a case-insensitive pattern that reads a whole word holding one of `letters`, in a
    text whose distinct words are `words` (one a line): only the words with such a letter are read. A leading "\\w*"
    tried at every letter of the text instead cost about 0.6 ms a Portuguese page."""
    found = set()
    for letter in _any_of(letters).finditer(words):
        end = words.find("\n", letter.start())
        found.add(words[words.rfind("\n", 0, letter.start()) + 1:end if end >= 0 else len(words)])
    return {match.lower() for word in found for match in pattern.findall(word)}


@lru_cache(maxsize=SIZE)
def _any_of(letters: str) -> re.Pattern:
    return re.compile(f"[{re.escape(letters)}]", re.IGNORECASE)
