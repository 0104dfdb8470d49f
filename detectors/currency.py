"""CURRENCY: prices, trading pairs and currency options in EU/EEA currencies.

Only amounts ("61.240,50 €", "EUR 25", "200 zł"), pairs ("BTC/EUR", "BTCEUR") and <select> options count: a bare
mention of "euro" in prose says nothing about who is being sold to. Which member states use a currency comes
from babel's territory data (geography.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detectors.context import Context
from detectors.data_files import distinct, load
from detectors.model import Document, Finding
from detectors.text import snippet

INDICATOR = "CURRENCY"
FILE = "lexicons/currency.yaml"
_GAP = "[ \u00a0\u202f]?"
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,']\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?"


@dataclass(frozen=True)
class _Rules:
    amount: re.Pattern
    pair: re.Pattern
    strength: dict[str, str]
    by_token: dict[str, str]  # symbol, code or word (lower-cased) -> currency code


@cache
def _rules() -> _Rules:
    data = load(FILE, "currency")
    by_token: dict[str, str] = {}
    strength: dict[str, str] = {}
    codes, symbols, words = [], [], []
    for code, spec in data["currencies"].items():
        distinct(FILE, f"currencies.{code}.symbols", spec["symbols"])
        distinct(FILE, f"currencies.{code}.words", spec["words"])
        strength[code] = spec["strength"]
        codes.append(code)
        by_token[code.lower()] = code
        for sym in spec["symbols"]:
            symbols.append(re.escape(sym))
            by_token[sym.lower()] = code
        for word in spec["words"]:
            words.append(re.escape(word))
            by_token[word.lower()] = code
    tickers = data["crypto_tickers"]
    # Codes and symbols as written ("Ft" is forint, "ft" is feet); only the spelled-out words ignore case.
    unit = (f"(?P<unit>(?-i:{'|'.join(codes)}|{'|'.join(symbols)})|(?<=\\d )(?:{'|'.join(words)})"
            f"|(?<=\\d)(?:{'|'.join(words)}))")
    lead = f"(?P<lead>(?-i:{'|'.join(codes)}|{'|'.join(symbols)}))"
    # A price and its currency sit on one line: the gap is a space, never the line break between two blocks.
    amount = re.compile(
        rf"(?<![\w.,])(?:{lead}{_GAP}(?:{_NUMBER})|(?:{_NUMBER}){_GAP}{unit})(?!\w)", re.IGNORECASE)
    pair = re.compile(rf"\b(?:{'|'.join(tickers)})\s?[/\-]?\s?(?P<code>{'|'.join(codes)})\b")
    return _Rules(amount, pair, strength, by_token)


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    rules = _rules()
    first: dict[str, tuple[str, str, str]] = {}  # code -> (matched text, snippet, locator)
    for m in rules.amount.finditer(doc.text):
        token = (m.group("lead") or m.group("unit") or "").lower()
        code = rules.by_token.get(token)
        if code and code not in first:
            first[code] = (m.group(0), snippet(doc.text, m.start(), m.end()), "text (amount)")
    for m in rules.pair.finditer(doc.text):
        code = m.group("code")
        if code not in first:
            first[code] = (m.group(0), snippet(doc.text, m.start(), m.end()), "text (trading pair)")
    for option in doc.select_options:
        code = rules.by_token.get(option.strip().split(" ")[0].lower())
        if code and code not in first:
            first[code] = (option, option, "select option")
    found = []
    for code in sorted(first):
        states = ctx.geo.states_by_currency.get(code, ())
        if not states:
            continue
        _matched, snip, locator = first[code]
        found.append(ctx.finding(doc, INDICATOR, value=code, snippet=snip, locator=locator, member_states=states,
                                 confidence=0.9, strength=rules.strength[code]))
    return found
