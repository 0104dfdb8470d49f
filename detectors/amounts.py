"""An amount as an offer names it ("15 €", "€5", "55 kr", "25%", "100 euron", "500 USDT"): a number with a
currency, a percentage or a crypto unit next to it, for the incentive and offer readers (detectors/incentives.py,
detectors/call_offers.py). The currencies' symbols, codes and inflected words are those CURRENCY reads
(data/lexicons/currency.yaml), so "100 euron" and "200 złotych" are amounts here too; crypto tickers count as written
(upper case: "2 LINK", not "2 link").
"""

from __future__ import annotations

import re
from functools import cache

from detectors.data_files import load

# Units outside the EEA, or tickers also written in lower case: an offer's amount all the same ("10 USD", "0,01 btc").
OTHER_UNITS = ("usd", "usdt", "btc", "sats", "sat")
UNIT_OF = "de"  # Romanian puts it between a number from 20 and its unit's word: "50 de lei", "100 de euro"


def alternation(items) -> str:
    """A regex alternative of the literal `items`, longest first (so "euros" is tried before "euro")."""
    return "|".join(re.escape(i) for i in sorted(set(items), key=len, reverse=True))


@cache
def amount_pattern() -> re.Pattern[str]:
    data = load("lexicons/currency.yaml", "currency")
    units = [*OTHER_UNITS, *data["krona"]["symbols"], *data["krona"]["words"]]
    for code, spec in data["currencies"].items():
        units += [code, *spec["symbols"], *spec["words"]]
    tickers, words = alternation(data["crypto_tickers"]), alternation(u.lower() for u in units)
    # A code before its number as a symbol stands ("NOK 250", "EUR 25"), in capitals: "eur 25" is no such amount.
    codes = alternation([*data["currencies"], *(u.upper() for u in OTHER_UNITS[:2])])
    return re.compile(rf"(?:[€$£]\s?\d|(?<!\w)(?-i:{codes})[ \u00a0]?\d|\d[\d.,]*\s?(?:[€$£%]|(?:{UNIT_OF}\s)?"
                      rf"(?:{words})(?!\w)|(?-i:{tickers})(?!\w)))", re.IGNORECASE)


_BRACKET = r"\([ \t]*(?:[~≈][ \t]*)?(?:[^\W\d]+\.?[ \t]+){0,2}"  # "(about ", "(ca. ", "(~", "(": before a sum
_OPENING = re.compile(r"[ \t]*" + _BRACKET)
# Inside the bracket before a converted sum: its opening and a range's first number ("(umgerechnet etwa 18,50 bis ").
_INSIDE = re.compile(_BRACKET + r"(?:[\d.,]+[ \t]*(?:[-–]|[^\W\d]{1,5})[ \t]*)?")
_CLOSING = re.compile(r"[\d.,]*[ \t]*\)")  # the rest of a sum's digits ("$5" of "$50") and the bracket
_DIGITS = re.compile(r"[\d.,]*")
_SENTENCE_END = re.compile(r"[.!?;:](?:\s|$)")
CONVERSION_REACH = 40  # characters before a bracket in which the sum it converts ends


@cache
def _sum_pattern() -> re.Pattern[str]:
    """An amount of money in any currency: a CURRENCY unit or a foreign currency's name ("200 Franken", "$50")."""
    names = alternation(load("lexicons/currency.yaml", "currency")["foreign_names"])
    return re.compile(rf"{amount_pattern().pattern}|\d[\d.,]*\s?(?:{names})(?!\w)", re.IGNORECASE)


def converted(text: str, start: int, end: int) -> bool:
    """Whether the sum at `start:end` is a conversion in brackets ("200 Franken (180 Euro)", "3 000 Kč (122 €)"), or
    one given beside an approximate conversion ("Fans paid €45 (about $50)"): money reported to readers who count in
    another currency, not a price the site charges. The sum a bracket converts stays ("3 000 Kč")."""
    sums = _sum_pattern()
    opening = _OPENING.match(text, end)  # a sum converted "(about $50)": given as the reader's own is a price
    if opening and opening.group(0).rstrip()[-1:] != "(" and (after := sums.match(text, opening.end())) and \
            "%" not in after.group(0) and _CLOSING.match(text, after.end()):
        return True
    bracket = text.rfind("(", max(0, start - CONVERSION_REACH), start)
    if bracket < 0 or not _INSIDE.fullmatch(text, bracket, start) or text[end:end + 2].lstrip()[:1] != ")":
        return False
    # The sum it converts: right before the bracket, or a few words before it in another currency ("500 Franken in
    # Bitcoin um (umgerechnet etwa 460 Euro)"; "100 € per month (minimum 10 €)" converts nothing).
    before = text[max(0, bracket - CONVERSION_REACH):bracket].rstrip()
    unit = _unit(text[start:end])
    return any("%" not in m.group(0) and (_DIGITS.fullmatch(before, m.end()) or _unit(m.group(0)) != unit)
               and not _SENTENCE_END.search(before, m.end()) for m in sums.finditer(before))


def _unit(amount: str) -> str:
    return amount.strip("0123456789.,' \t").lower()


def beside_number(text: str, start: int, end: int) -> bool:
    return text[end:end + 2].lstrip(" \t")[:1].isdigit() or text[max(0, start - 2):start].rstrip(" \t")[-1:].isdigit()


# A grouped number at a line's end and three digits starting the next: one number broken over two lines ("kapitał
# zakładowy 1 532 886" above "878,90 zł"), not a date above a price ("Rates as of 1.11.2020" above "100 NOK").
_BROKEN = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0.]\d{3})+\n\d{3}(?!\d)")


def broken_tail(text: str, start: int) -> bool:
    """Whether the number at `start` (a line's first) is the tail of a number broken over two lines."""
    m = _BROKEN.search(text, max(0, start - 24), start + 3)
    return m is not None and m.end() == start + 3


_PER_MINUTE = re.compile(r"[ \u00a0]?/[ \u00a0]?min\b", re.IGNORECASE)


def call_rate(text: str, end: int) -> bool:
    """Whether the amount ending at `end` is charged per minute ("0,14 €/Min.", "€ 0,20/min"): a hotline's call
    charge beside its number, not the firm's price."""
    return _PER_MINUTE.match(text, end) is not None


def too_large(amount: str) -> bool:
    """Seven digits or more before the decimals: a statistic or a legal threshold, not a retail price."""
    digits = re.sub(r"[.,]\d{1,2}$|[.,]-+$", "", re.sub(r"[^\d.,]", "", amount))
    return len(re.sub(r"\D", "", digits)) >= 7


def beside_amount(words: list[str]) -> re.Pattern[str] | None:
    """One of `words` (word beginnings, or the end of a compound: "Willkommensbonus") right after an amount, one word
    between at most ("5 USDT welcome bonus"), or right before one, a short word between at most ("bonus of $25",
    "Bonus von 10 €"); None without words."""
    if not words:
        return None
    word = r"\w*(?:" + alternation(words) + r")\w*"
    amount = f"(?:{amount_pattern().pattern})"
    return re.compile(rf"{amount}[\d.,]*\s*(?:[^\W\d]+\s+)?{word}|(?<!\w){word}\s+(?:[^\W\d]{{1,4}}\s+)?{amount}",
                      re.IGNORECASE)
