"""A listing's own words as a Document, so the existing text detectors run on it unchanged.

The page around a Google Play listing is the platform's (its UI language, its hreflang alternates), but the title,
description and release notes are the publisher's: the Document built here carries only that text, with
`platform=False`, so LANG, PROMO, BONUS, DISCLAIMER, AFFILIATE, CURRENCY, PAYMENT and PHONE read it as the firm's.
No alternates, no links, no meta: nothing of the platform's localisation gets in.

Use the URL that was fetched (the lookup or details URL) as `url`: it is the capture the evidence points to, and
unlike Apple's `trackViewUrl` (https://apps.apple.com/de/app/...) its path carries no storefront segment that
LANG would read as a locale declared by the firm.
"""

from __future__ import annotations

from detectors.listings.apple import AppleListing
from detectors.listings.google_play import PlayListing
from detectors.model import Document


def listing_document(
    channel: str,
    url: str,
    fetched_at: str,
    body_sha256: str,
    text: str,
    language_hint: str = "",
    *,
    title: str = "",
    content_type: str = "text/html",
    record_id: str = "",
    visitor: str = "",
) -> Document:
    """A Document of the listing's text. `language_hint` becomes `html_lang`: pass only a language the publisher
    declared, never the `hl=` we asked for (that is the UI language, Google's choice of translation)."""
    return Document(
        channel=channel,
        url=url,
        requested_url=url,
        status=200,
        fetched_at=fetched_at,
        body_sha256=body_sha256,
        content_type=content_type,
        kind="html",
        html_lang=language_hint,
        title=" ".join(title.split()),
        text=_lines(text),
        platform=False,
        visitor=visitor,
        record_id=record_id,
    )


def listing_text(listing: AppleListing | PlayListing) -> str:
    """The publisher's words of a listing, one block per line: name, short description, description, notes."""
    if isinstance(listing, AppleListing):
        parts = (listing.name, listing.description, listing.release_notes)
    else:
        parts = (listing.title, listing.summary, listing.description, listing.release_notes)
    return _lines("\n".join(p for p in parts if p))


def document_for(channel: str, listing: AppleListing | PlayListing) -> Document:
    """listing_document() filled from a parsed listing and the capture it came from."""
    if isinstance(listing, AppleListing):
        url, title, content_type = listing.source_url, listing.name, "application/json"
    else:
        url, title, content_type = listing.url, listing.title, "text/html"
    return listing_document(channel, url, listing.fetched_at, listing.body_sha256, listing_text(listing),
                            title=title, content_type=content_type, record_id=listing.record_id)


def _lines(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
