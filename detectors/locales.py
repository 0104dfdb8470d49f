"""Locale tags ("de-DE", "pt_BR", "fr") and what EU targeting they declare."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from babel import Locale

from detectors.geography import Geography

_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_](?:[a-zA-Z]{4}[-_])?([a-zA-Z]{2}|\d{3}))?$")


@lru_cache(maxsize=1024)  # a site's pages declare the same few tags, asked for by several detectors per page
def parse_locale(tag: str) -> tuple[str, str] | None:
    """(language, region) in canonical case, region "" when absent or no territory ("fr-xx", a site's placeholder
    for "every country", and babel's "ZZ", unknown region); None for what is not a locale tag."""
    m = _TAG.match(tag.strip())
    if not m:
        return None
    region = (m.group(2) or "").upper()
    return m.group(1).lower(), region if region in _territories() else ""


@cache
def _territories() -> frozenset[str]:
    return frozenset(Locale("en").territories) - {"ZZ"}


@lru_cache(maxsize=256)  # a site declares the same dozen tags (switcher, alternates) on every page
def locale_targets(tag: str, geo: Geography) -> tuple[tuple[str, ...], str] | None:
    """Member states a locale points to and the strength of that signal, or None if it points nowhere in the EU.

    A region decides alone: de-AT points to AT, de-CH to nothing (Switzerland is outside the EEA), en-IE to IE; the
    Union as a region (de-EU) leaves it to the language.
    Without a region the language decides: pl -> PL (strong), de -> DE AT BE LU LI (medium), en -> nothing.
    """
    parsed = parse_locale(tag)
    if not parsed:
        return None
    lang, region = parsed
    if geo.is_member(region):
        return (region,), "strong"
    if geo.outside(region):
        return None
    if lang not in geo.languages or geo.strength_for_language(lang) == "none":
        return None
    states = geo.states_for_language(lang)
    return (states, geo.strength_for_language(lang)) if states else None
