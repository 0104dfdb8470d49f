"""PAYMENT: EU payment rails named on a page (SEPA, iDEAL, BLIK, Bizum...), from lexicons/payment.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detectors.context import Context
from detectors.data_files import distinct, load
from detectors.lexicon import phrase_pattern
from detectors.model import Document, Finding
from detectors.text import snippet

INDICATOR = "PAYMENT"
FILE = "lexicons/payment.yaml"


@dataclass(frozen=True)
class _Rail:
    name: str
    member_states: tuple[str, ...]
    strength: str


@cache
def _rails() -> tuple[re.Pattern, re.Pattern, list[_Rail]]:
    data = load(FILE, "payment")
    rails, folded, exact = [], [], []
    for n, spec in enumerate(data["rails"]):
        distinct(FILE, f"rails[{n}].terms", spec["terms"])
        rails.append(_Rail(spec["name"], tuple(spec["member_states"]), spec["strength"]))
        terms = "|".join(phrase_pattern(t) for t in spec["terms"])
        (exact if spec.get("case_sensitive") else folded).append(f"(?P<r{n}>{terms})")
    never = "(?!x)x"
    wrap = r"(?<!\w)(?:{})(?!\w)"
    return (re.compile(wrap.format("|".join(folded) or never), re.IGNORECASE),
            re.compile(wrap.format("|".join(exact) or never)), rails)


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html" or not doc.text:
        return []
    folded, exact, rails = _rails()
    first: dict[int, re.Match] = {}
    for regex in (folded, exact):
        for m in regex.finditer(doc.text):
            index = int((m.lastgroup or "r0")[1:])
            if index not in first or m.start() < first[index].start():
                first[index] = m
    found = []
    for index in sorted(first, key=lambda i: rails[i].name):
        rail, m = rails[index], first[index]
        found.append(ctx.finding(doc, INDICATOR, value=rail.name, snippet=snippet(doc.text, m.start(), m.end()),
                                 locator="text", member_states=rail.member_states, confidence=0.9,
                                 strength=rail.strength))
    return found
