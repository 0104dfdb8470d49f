"""APPSTORE: the app is available in EU/EEA storefronts, listed in their languages.

A comparison across storefronts, never something one listing shows: the subject is one app's listings, one per
storefront the crawler asked about (detectors/listings/storefronts.py says what each storefront answered). One
finding per EU/EEA storefront where the app is available: `medium` when merely available, `strong` when the
listing is in an official language of that state (indicators.md, APPSTORE row). English never makes a listing
strong ("none for English alone"), even in IE or MT. Storefronts outside the EU/EEA (the baseline control) never
produce a finding.
"""

from __future__ import annotations

from dataclasses import dataclass

from detectors.context import Context
from detectors.listings.apple import AppleListing
from detectors.listings.storefronts import Listing, by_storefront, language_name, listing_languages, storefront_results
from detectors.model import Document, Finding, Scope

INDICATOR = "APPSTORE"
SCOPE = Scope.STOREFRONTS
CONFIDENCE = {"apple": 0.95, "google": 0.8}  # Play's web page follows gl= less faithfully than Apple's API


@dataclass(frozen=True)
class Storefronts:
    """One app's listings by storefront (None: the store said the app is not there), and the non-EU control."""

    channel: str
    listings: dict[str, Listing | None]
    baseline: str


def detect(app: Storefronts, ctx: Context) -> list[Finding]:
    """One APPSTORE finding per EU/EEA storefront where the app is available, sorted by storefront."""
    found = []
    listings = by_storefront(app.listings)
    for cc, result in storefront_results(ctx, listings, app.baseline).items():
        listing = listings[cc]
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
            _capture(app.channel, listing), INDICATOR, value=value, snippet=_snippet(listing, languages),
            locator=f"itunes lookup country={cc}" if store == "apple" else f"play gl={cc}",
            member_states=(cc,), confidence=confidence, strength="strong" if official_langs else "medium",
        ))
    return found


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
