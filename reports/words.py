"""Names a reader knows instead of codes: member states and languages in English (babel's CLDR data), and a
page's address without its scheme. Used by the HTML report's verdict, chart and reasons."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from babel import Locale

EU_AS_A_WHOLE = "EU as a whole"  # findings that name the Union, no single state (an EUR price, SEPA)


@cache
def _english() -> Locale:
    return Locale("en")


def country_name(code: str) -> str:
    """'DE' -> 'Germany'; 'EU' -> 'EU as a whole'; a code babel does not know stays the code."""
    if code == "EU":
        return EU_AS_A_WHOLE
    return _english().territories.get(code.upper(), code)


def language_name(tag: str) -> str:
    """'de' or 'de-DE' -> 'German'; an unknown tag stays the tag."""
    base = tag.replace("_", "-").split("-")[0].lower()
    return _english().languages.get(base, tag)


def short_url(url: str) -> str:
    """'https://nordwind-exchange.com/de/bonus/' -> 'nordwind-exchange.com/de/bonus': how a person says where."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    path = parts.path.rstrip("/")
    return parts.netloc + path + (f"?{parts.query}" if parts.query else "")
