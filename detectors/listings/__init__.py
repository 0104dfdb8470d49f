"""App-store listings as channels: parsing Apple lookup answers and Google Play details pages, the listing's
own text as a Document for the text detectors, and what each storefront answered (the APPSTORE indicator,
detectors/appstore.py, is built on it).

Pure: no network, no file system, nothing of crawler/ or reports/. The crawler fetches one response per
storefront; these modules turn the bodies into listings and findings.
"""

from detectors.listings.apple import AppleListing, AppleLookupError, lookup_url, parse_lookup
from detectors.listings.google_play import RULES, FieldRule, PlayListing, details_url, is_empty, parse_details
from detectors.listings.storefronts import StorefrontResult, storefront_results
from detectors.listings.text import document_for, listing_document, listing_text

__all__ = [
    "RULES", "AppleListing", "AppleLookupError", "FieldRule", "PlayListing", "StorefrontResult",
    "details_url", "document_for", "is_empty", "listing_document", "listing_text",
    "lookup_url", "parse_details", "parse_lookup", "storefront_results",
]
