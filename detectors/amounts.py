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
    return re.compile(rf"(?:[€$£]\s?\d|\d[\d.,]*\s?(?:[€$£%]|(?:{UNIT_OF}\s)?(?:{words})(?!\w)"
                      rf"|(?-i:{tickers})(?!\w)))", re.IGNORECASE)
