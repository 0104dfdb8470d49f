"""APPSTORE: an app offered in EU/EEA storefronts, and listed in their languages.

Input: one parsed listing per storefront the crawler asked about (Apple lookup `country=`, Google Play `gl=`),
`None` where the store said the app is not there (Apple `resultCount: 0`; for Play the caller may pass None for
an HTTP 404 too). Output: one finding per EU/EEA storefront where the app is available, `medium` when merely
available, `strong` when the listing is in an official language of that state (indicators.md, APPSTORE row).

What counts as the listing's language:
- Apple: `languageCodesISO2A` (the localisations the publisher ships) and the language of the description Apple
  served for that storefront (detectors.lang.text_language);
- Google Play: the language of the description served (text_language) only. `hl=` is what we asked for and the
  page chrome follows it whatever the publisher did, so it is not evidence of the publisher's targeting.
English never makes a listing strong (indicators.md: "none for English alone"), even in IE or MT.

Storefronts outside the EU/EEA (the baseline control, US by default) never produce a finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from detectors.context import Context
from detectors.lang import MIN_PROBABILITY, text_language
from detectors.listings.apple import AppleListing
from detectors.listings.google_play import PlayListing, is_empty
from detectors.model import Document, Finding

INDICATOR_ID = "APPSTORE"  # not `INDICATOR`: this module has no `detect`, the lead wires it into the catalogue
STATUSES = ("available", "absent", "inconclusive")
CONFIDENCE = {"apple": 0.95, "google": 0.8}  # Play's web page follows gl= less faithfully than Apple's API

Listing = AppleListing | PlayListing


@dataclass(frozen=True)
class StorefrontResult:
    storefront: str  # upper-case country code
    status: str  # available | absent | inconclusive
    reason: str
    member: bool  # an EU/EEA storefront


def storefront_results(ctx: Context, listings: dict[str, Listing | None],
                       baseline: str = "US") -> dict[str, StorefrontResult]:
    """The result of every storefront asked about, in storefront order.

    `absent` is only said when the app is available in at least one storefront (the baseline control included):
    an app found nowhere is a wrong id, a removed app or a blocked crawler, so every storefront is inconclusive.
    """
    raw = {cc: (_status(listing), _reason(listing)) for cc, listing in _by_storefront(listings).items()}
    found_anywhere = any(status == "available" for status, _ in raw.values())
    out = {}
    for cc in sorted(raw):
        status, reason = raw[cc]
        if status == "absent" and not found_anywhere:
            where = f"not even in the {baseline.upper()} control" if baseline.upper() in raw else "in no storefront"
            status, reason = "inconclusive", f"app found {where}: wrong id, removed app or blocked fetch ({reason})"
        out[cc] = StorefrontResult(cc, status, reason, ctx.geo.is_member(cc))
    return out


def appstore_findings(ctx: Context, channel: str, listings: dict[str, Listing | None],
                      baseline: str = "US") -> list[Finding]:
    """One APPSTORE finding per EU/EEA storefront where the app is available, sorted by storefront."""
    found = []
    by_storefront = _by_storefront(listings)
    for cc, result in storefront_results(ctx, by_storefront, baseline).items():
        listing = by_storefront[cc]
        if not result.member or result.status != "available" or listing is None:
            continue
        store = "apple" if isinstance(listing, AppleListing) else "google"
        languages = listing_languages(listing, ctx)
        official = [(lang, source, prob) for lang, source, prob in languages
                    if cc in ctx.geo.states_for_language(lang) and ctx.geo.strength_for_language(lang) != "none"]
        official_langs = list(dict.fromkeys(lang for lang, _, _ in official))
        value = f"available in {cc} storefront"
        confidence = CONFIDENCE[store]
        if official_langs:
            value += ", listed in " + " and ".join(language_name(lang) for lang in official_langs)
            confidence *= max(prob for _, _, prob in official)
        found.append(ctx.finding(
            _capture(channel, listing), INDICATOR_ID, value=value, snippet=_snippet(listing, languages),
            locator=f"itunes lookup country={cc}" if store == "apple" else f"play gl={cc}",
            member_states=(cc,), confidence=confidence, strength="strong" if official_langs else "medium",
        ))
    return found


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
    return Locale.parse("en").languages.get("nb" if lang == "no" else lang, lang)


def _by_storefront(listings: dict[str, Listing | None]) -> dict[str, Listing | None]:
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


def _capture(channel: str, listing: Listing) -> Document:
    """The capture a finding points to: the lookup or details response of that storefront."""
    url = listing.source_url if isinstance(listing, AppleListing) else listing.url
    return Document(channel=channel, url=url, requested_url=url, status=200, fetched_at=listing.fetched_at,
                    body_sha256=listing.body_sha256, platform=True, record_id=listing.record_id)


def _snippet(listing: Listing, languages: tuple[tuple[str, str, float], ...]) -> str:
    detected = [f"{lang} ({prob:.2f})" for lang, source, prob in languages if source == "description"]
    if isinstance(listing, AppleListing):
        parts = [f"{listing.name} by {listing.seller or listing.developer}",
                 f"languageCodesISO2A: {', '.join(listing.languages) or '-'}"]
    else:
        parts = [f"{listing.title} by {listing.developer}", f"gl={listing.gl} hl={listing.hl or '-'}"]
    if detected:
        parts.append(f"description language: {detected[0]}")
    return "; ".join(parts)
