"""Near-identical languages (Croatian / Bosnian / Serbian, Portuguese / Galician, Spanish / Catalan, Danish /
Norwegian, Czech / Slovak, Malay / Indonesian) resolved as groups.

A character n-gram identifier splits its probability between such languages (a Croatian page scored hr 0.72 /
bs 0.28), so no member reaches a confidence cut-off even when the text is surely one of them. Here the group's mass
counts as a whole, and which member it is comes from words only that member uses (standard vocabulary, spelling,
month names: data/lexicons/language_groups.yaml); when no marker decides, from the identifier's own share, if it
is large enough. A member outside the perimeter (Bosnian, Galician, Catalan) can win: its pages raise no LANG.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from detectors.data_files import DataFileError, distinct, language_key, load

FILE = "lexicons/language_groups.yaml"
STEM = 4  # letters a `stem*` marker needs, so that it cannot match short common words
MARKER_TEXT = 6000  # characters of a text searched for markers: several paragraphs, bounded cost
MARKER_MIN_SHARE = 0.25  # share of the group's mass the identifier must give a member for its markers to count
SINGLE_MARKER = 0.5  # share of the group's mass the identifier must give a member that has one marker word only
_WORD = re.compile(r"\w+\*?")  # a marker: one word (of word characters), or a stem


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[str, ...]
    min_share: float
    markers: Mapping[str, re.Pattern]

    def marker_hits(self, text: str) -> dict[str, int]:
        """Distinct marker words of each member in the text (a name repeated five times is one piece of evidence)."""
        return {lang: len({w.lower() for w in self.markers[lang].findall(text)}) if lang in self.markers else 0
                for lang in self.members}


def _pattern(words: list[str]) -> re.Pattern:
    """The words (and `stem*`s) as one regex, factored by their common beginnings ("muit(?:o(?:s|)|a)"): an
    alternation of a hundred words was tried word by word at every position (a Croatian page: 1.6 ms, factored 0.3).
    Whatever alternative matches at a place spans the whole word there (a stem takes the word's end, a word must end),
    so the order the alternatives are tried in does not change what is found."""
    root: dict = {}
    for word in words:
        node = root
        for char in word.removesuffix("*"):
            node = node.setdefault(char, {})
        node[r"\w*" if word.endswith("*") else ""] = {}
    # The first letters as a class, ahead: one test where the alternation tries its branches one by one (a class
    # ignoring case takes what its letters do: tests/detectors/test_regex_rewrites.py).
    firsts = "".join(re.escape(char) for char in sorted(root))
    return re.compile(rf"(?<!\w)(?=[{firsts}])" + _alternation(root) + r"(?!\w)", re.IGNORECASE)


def _alternation(node: dict) -> str:
    parts = [key if key in ("", r"\w*") else re.escape(key) + _alternation(rest) for key, rest in node.items()]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


@cache
def groups() -> dict[str, Group]:
    """Each member language -> its group."""
    data = load(FILE, "language-groups")
    by_language: dict[str, Group] = {}
    for n, raw in enumerate(data["groups"]):
        members = tuple(language_key(m) for m in raw["members"])
        markers = {language_key(k): v for k, v in raw.get("markers", {}).items()}
        where = f"groups[{n}]"
        distinct(FILE, f"{where}.markers", [w for words in markers.values() for w in words])
        for lang, words in markers.items():
            short = [w for w in words if w.endswith("*") and len(w) - 1 < STEM]
            if short:
                raise DataFileError(FILE, f"{where}.markers.{lang}", f"stems of {STEM} letters or more, not {short}")
            split = [w for w in words if not _WORD.fullmatch(w)]
            if split:  # _pattern relies on it: a match is a whole word
                raise DataFileError(FILE, f"{where}.markers.{lang}", f"one word of word characters each, not {split}")
            if lang not in members:
                raise DataFileError(FILE, f"{where}.markers.{lang}", f"a member of the group {members}")
        for lang in members:
            if lang in by_language:
                raise DataFileError(FILE, f"{where}.members", f"a language in one group only, {lang!r} is in two")
        group = Group(raw["name"], members, raw["min_share"],
                      {lang: _pattern(words) for lang, words in markers.items()})
        by_language.update(dict.fromkeys(group.members, group))
    return by_language


def resolve(scores: Mapping[str, float], text: str) -> tuple[str, float]:
    """(language, probability) from an identifier's normalised scores: the top language, or for a member of a
    group the member the markers (else the identifier's share) point at, with the group's mass as probability when
    that choice is clear, its own score times its share of the group otherwise (so that it stays under any cut-off
    a clear choice would pass)."""
    top = max(scores, key=scores.__getitem__)
    group = groups().get(top)
    if group is None:
        return top, scores[top]
    mass = sum(scores.get(lang, 0.0) for lang in group.members)
    hits = group.marker_hits(text[:MARKER_TEXT])
    best = max(group.members, key=lambda lang: (hits[lang], scores.get(lang, 0.0)))
    others = sum(hits.values()) - hits[best]
    share = scores[top] / mass if mass else 0.0
    # Markers decide when one member has at least twice the others' hits and the identifier gives it some weight
    # (a Catalan page quoting one Spanish sentence stays Catalan); a single marker word only with the identifier
    # clearly leaning the same way.
    best_share = scores.get(best, 0.0) / mass if mass else 0.0
    if (hits[best] > others and hits[best] >= 2 * others and best_share >= MARKER_MIN_SHARE
            and (hits[best] > 1 or best_share >= SINGLE_MARKER)):
        return best, mass
    return top, mass if share >= group.min_share else scores[top] * share
