"""What each storefront says of an app: available, absent or inconclusive, and the languages of its listing.

Input: one parsed listing per storefront the crawler asked about (Apple lookup `country=`, Google Play `gl=`),
`None` where the store said the app is not there (Apple `resultCount: 0`; for Play the caller may pass None for
an HTTP 404 too). The APPSTORE indicator (detectors/appstore.py) and the app channel's status are built on it.

What counts as the listing's language:
- Apple: `languageCodesISO2A` (the localisations the publisher ships) and the language of the description Apple
  served for that storefront (detectors.lang.text_language);
- Google Play: the language of the description served (text_language) only. `hl=` is what we asked for and the
  page chrome follows it whatever the publisher did, so it is not evidence of the publisher's targeting.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from detectors.context import Context
from detectors.geography import BABEL_CODES
from detectors.lang import MIN_PROBABILITY, text_language
from detectors.listings.apple import AppleListing
from detectors.listings.google_play import PlayListing, is_empty

Listing = AppleListing | PlayListing


@dataclass(frozen=True)
class StorefrontResult:
    storefront: str  # upper-case country code
    status: str  # available | absent | inconclusive
    reason: str
    member: bool  # an EU/EEA storefront


def storefront_results(ctx: Context, listings: dict[str, Listing | None],
                       baseline: str) -> dict[str, StorefrontResult]:
    """The result of every storefront asked about, in storefront order.

    `absent` is only said when the app is available in at least one storefront (the baseline control included):
    an app found nowhere is a wrong id, a removed app or a blocked crawler, so every storefront is inconclusive.
    """
    raw = {cc: (_status(listing), _reason(listing)) for cc, listing in by_storefront(listings).items()}
    found_anywhere = any(status == "available" for status, _ in raw.values())
    out = {}
    for cc in sorted(raw):
        status, reason = raw[cc]
        if status == "absent" and not found_anywhere:
            where = f"not even in the {baseline.upper()} control" if baseline.upper() in raw else "in no storefront"
            status, reason = "inconclusive", f"app found {where}: wrong id, removed app or blocked fetch ({reason})"
        out[cc] = StorefrontResult(cc, status, reason, ctx.geo.is_member(cc))
    return out


def listing_languages(listing: Listing, ctx: Context) -> tuple[tuple[str, str, float], ...]:
    """(language, where it was seen, probability) of a listing, lower-case ISO 639-1, without duplicates."""
    seen: dict[str, tuple[str, str, float]] = {}
    if isinstance(listing, AppleListing):
        for code in listing.languages:
            lang = code.lower()
            seen.setdefault(lang, (lang, "languageCodesISO2A", 1.0))
    detected = text_language(listing.description, ctx) if listing.description else None
    if detected and detected[1] >= MIN_PROBABILITY:
        lang, prob = detected
        seen.setdefault(lang, (lang, "description", round(prob, 3)))
    return tuple(seen.values())


@cache
def language_name(lang: str) -> str:
    """"de" -> "German" (English names from CLDR), the code itself when unknown."""
    return Locale.parse("en").languages.get(BABEL_CODES.get(lang, lang), lang)


def by_storefront(listings: dict[str, Listing | None]) -> dict[str, Listing | None]:
    out: dict[str, Listing | None] = {}
    for cc, listing in listings.items():
        key = cc.strip().upper()
        if key in out:
            raise ValueError(f"storefront {key} given twice")
        out[key] = listing
    return out


def _status(listing: Listing | None) -> str:
    if listing is None:
        return "absent"
    if isinstance(listing, AppleListing):
        return "available"
    if is_empty(listing):
        return "inconclusive"
    return "absent" if listing.available is False else "available"


def _reason(listing: Listing | None) -> str:
    if listing is None:
        return "the store returned no listing for this storefront"
    if isinstance(listing, AppleListing):
        return f"itunes lookup returned trackId {listing.track_id}"
    if is_empty(listing):
        return "empty parse: no title, developer, description or notice found on the page"
    if listing.unavailable:
        return f"store notice: {listing.unavailable}"
    if listing.not_found:
        return f"store notice: {listing.not_found}"
    return f"details page listed {listing.title or listing.package}"
