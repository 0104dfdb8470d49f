"""App-store listings: Apple lookup answers, Google Play details pages, listing text as a Document, and APPSTORE
findings per storefront. Fixtures in tests/pages/listings/ (recorded shapes, made-up app); the real Google Play
page in ../shared/realworld/ is used in place and skipped, with the reason shown, where it is not there."""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import replace
from pathlib import Path

import pytest

import detectors.appstore as appstore
import detectors.listings
from detectors.analyze import analyze_document
from detectors.catalogue import catalogue
from detectors.context import Context
from detectors.listings import (
    RULES,
    AppleListing,
    AppleLookupError,
    FieldRule,
    PlayListing,
    details_url,
    document_for,
    is_empty,
    listing_document,
    listing_text,
    lookup_url,
    parse_details,
    parse_lookup,
    storefront_results,
)
from detectors.listings.google_play import check_rules

BASELINE = "US"


def appstore_findings(ctx, channel, listings):
    """APPSTORE over one app's storefronts, as the app channel's judge calls it."""
    return appstore.detect(appstore.Storefronts(channel, listings, BASELINE), ctx)

LISTINGS = Path(__file__).resolve().parents[1] / "pages" / "listings"
APPLE = LISTINGS / "apple"
PLAY = LISTINGS / "google-play"
REAL_PLAY = Path(__file__).resolve().parents[2].parent / "shared" / "realworld" / "google-play" / "translate-us-en.html"
REAL_PLAY_URL = "https://play.google.com/store/apps/details?id=com.google.android.apps.translate&hl=en&gl=US"
TRACK_ID = 1587000042
PACKAGE = "example.nordlicht.wallet"
APPLE_CHANNEL = f"app:apple:{TRACK_ID}"
PLAY_CHANNEL = f"app:google:{PACKAGE}"
FETCHED_AT = "2026-01-01T00:00:00Z"


def apple(name: str, storefront: str, **kw) -> AppleListing | None:
    return parse_lookup((APPLE / f"lookup-{name}.json").read_bytes(), storefront, **kw)


def play(name: str, gl: str, hl: str, **kw) -> PlayListing:
    return parse_details((PLAY / f"{name}.html").read_bytes(), details_url(PACKAGE, gl, hl), **kw)


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()


@pytest.fixture(scope="module")
def real_play() -> bytes:
    if not REAL_PLAY.exists():
        pytest.skip(f"real-world sample not available: {REAL_PLAY} (../shared/realworld beside the project)")
    return REAL_PLAY.read_bytes()


def summary(findings) -> list[tuple[tuple[str, ...], str, str, str]]:
    return [(f.member_states, f.strength, f.evidence.value, f.evidence.locator) for f in findings]


# --- Apple -------------------------------------------------------------------------------------------------------

def test_apple_lookup_fields_use_apples_names():
    listing = apple("de", "de", fetched_at=FETCHED_AT, record_id="<urn:uuid:1>")
    assert listing is not None
    assert listing.storefront == "DE"
    assert listing.track_id == TRACK_ID
    assert listing.name == "Nordlicht Wallet: Bitcoin & Krypto"
    assert listing.seller == "Nordlicht Digital Assets Ltd"
    assert listing.developer_id == 1587000001
    assert listing.bundle_id == PACKAGE
    assert listing.languages == ("DE", "EN")
    assert listing.currency == "EUR" and listing.price == 0.0
    assert listing.genres == ("Finanzen", "Wirtschaft")
    assert listing.url == "https://apps.apple.com/de/app/nordlicht-wallet-bitcoin-krypto/id1587000042?uo=4"
    assert listing.description.startswith("Nordlicht Wallet ist die einfache App")
    assert "\n• Sichere dir jetzt 20 € Willkommensbonus" in listing.description
    assert listing.release_notes.splitlines()[0] == "Fehlerbehebungen und Leistungsverbesserungen."
    assert listing.source_url == "https://itunes.apple.com/lookup?id=1587000042&country=de"
    assert (listing.fetched_at, listing.record_id) == (FETCHED_AT, "<urn:uuid:1>")
    assert len(listing.body_sha256) == 64


def test_apple_result_count_zero_means_not_in_that_storefront():
    assert apple("none", "FR") is None


def test_apple_lookup_url_is_one_call_per_country():
    assert lookup_url(TRACK_ID, "GR") == "https://itunes.apple.com/lookup?id=1587000042&country=gr"
    assert apple("us", "US", url="https://itunes.apple.com/lookup?id=1587000042&country=us&entity=software")\
        .source_url.endswith("&entity=software")


@pytest.mark.parametrize("body", [b"", b"<html>Service Unavailable</html>", b'{"errorMessage": "Invalid value"}',
                                  b'{"resultCount": 1, "results": [{"wrapperType": "artist", "artistId": 1}]}',
                                  b'{"resultCount": 1, "results": [{"wrapperType": "software"}]}'])
def test_unreadable_apple_answer_is_an_error_never_absent(body):
    with pytest.raises(AppleLookupError):
        parse_lookup(body, "DE")


def test_apple_storefront_must_be_a_country_code():
    with pytest.raises(ValueError):
        parse_lookup((APPLE / "lookup-us.json").read_bytes(), "USA")


# --- Google Play ---------------------------------------------------------------------------------------------------

def test_real_google_play_page_parses(real_play):
    listing = parse_details(real_play, REAL_PLAY_URL)
    assert listing.title == "Google Translate"
    assert listing.developer == "Google LLC"
    assert listing.description.startswith("• Text translation: Translate between")
    assert len(listing.description.splitlines()) > 5
    assert (listing.package, listing.gl, listing.hl) == ("com.google.android.apps.translate", "US", "en")
    assert listing.email == "translate-mobile-support@google.com"
    assert listing.website == "http://support.google.com/translate"
    assert listing.rating == "4.3" and listing.installs == "1,000,000,000+"
    assert listing.release_notes == "Bug fixes and improvements"
    assert listing.available is True and not is_empty(listing)


def test_real_page_every_fallback_rule_agrees(real_play):
    """Each source alone (CSS, meta, data blocks) reads the same values on the real page: a layout change that
    breaks one of them still leaves the others."""
    full = parse_details(real_play, REAL_PLAY_URL)
    for sources in (("css",), ("data",), ("meta", "data")):
        rules = tuple(r for r in RULES if r.source in sources or r.source == "line")
        part = parse_details(real_play, REAL_PLAY_URL, rules=rules)
        for name in ("title", "developer", "description", "summary", "email", "website", "release_notes"):
            value = getattr(part, name)
            assert value in ("", getattr(full, name)), (sources, name, value)
        if "data" in sources:
            assert (part.title, part.developer, part.description) == (full.title, full.developer, full.description)


def test_real_page_listing_text_raises_no_publisher_localisation(real_play, ctx):
    listing = parse_details(real_play, REAL_PLAY_URL, fetched_at=FETCHED_AT)
    doc = document_for("app:google:com.google.android.apps.translate", listing)
    assert doc.alternates == () and doc.links == () and doc.platform is False
    findings = analyze_document(doc, ctx, "app")
    assert [f for f in findings if f.indicator in ("HREFLANG", "DOMAIN", "LANG")] == []


def test_synthetic_play_page_reads_every_field():
    listing = play("details-de", "de", "de", fetched_at=FETCHED_AT)
    assert (listing.package, listing.gl, listing.hl, listing.storefront) == (PACKAGE, "DE", "de", "DE")
    assert listing.title == "Nordlicht Wallet: Bitcoin & Krypto"
    assert listing.developer == "Nordlicht Digital Assets"
    assert listing.developer_id == "8123456789012345678"
    assert listing.description.splitlines()[1] == (
        "• Krypto kaufen ab 1 € per SEPA-Überweisung, Kreditkarte oder Google Pay")
    assert listing.summary == "Bitcoin & Krypto kaufen ab 1 €. Sicher aufbewahren, einfach verkaufen."
    assert listing.release_notes == (
        "Fehlerbehebungen und Leistungsverbesserungen.\nNeu: Preisalarme für deine Lieblingscoins.")
    assert listing.email == "support@nordlicht-wallet.example"
    assert listing.website == "https://www.nordlicht-wallet.example"
    assert listing.legal_name == "Nordlicht Digital Assets Ltd"
    assert listing.address == "Hafenstraße 12\n20457 Hamburg\nDeutschland"
    assert listing.phone == "+49 40 1234567"
    assert (listing.rating, listing.installs, listing.genre) == ("4.6", "100.000+", "Finanzen")
    assert listing.available is True and listing.unavailable == ""


def test_not_available_in_your_country_page():
    listing = play("unavailable-fr", "FR", "en")
    assert listing.unavailable == "This item isn't available in your country."
    assert listing.available is False
    assert not is_empty(listing)  # a clear answer from the store, not an empty parse
    assert listing.title == ""  # the store's own "Google Play" title is not a listing title


@pytest.mark.parametrize("body", [(PLAY / "garbled.html").read_bytes(), b"", b"\x00\xff\xfe garbage",
                                  b"<html><body><p>Before you continue to Google</p></body></html>"])
def test_garbled_page_parses_as_empty(body):
    listing = parse_details(body, details_url(PACKAGE, "IT", "it"))
    assert is_empty(listing)
    assert listing.available is None
    assert (listing.package, listing.gl) == (PACKAGE, "IT")


def test_review_quoting_the_notice_does_not_make_the_app_unavailable():
    body = (PLAY / "details-de.html").read_bytes().replace(
        b"</footer>", b"</footer><div>Toller Service, aber: this app is not available in your country, sagte mein "
                      b"Freund aus Kanada.</div>")
    assert play_body(body).available is True


def play_body(body: bytes, rules=RULES) -> PlayListing:
    return parse_details(body, details_url(PACKAGE, "DE", "de"), rules=rules)


def test_layout_change_falls_back_to_the_data_block():
    body = (PLAY / "details-de.html").read_bytes()
    changed = body.replace(b'data-g-id="description"', b'data-g-id="about"').replace(b"<h1>", b"<h2>")
    changed = changed.replace(b'itemprop="name"', b"").replace(b'property="og:title"', b'property="og:x"')
    listing = play_body(changed)
    assert listing.title == "Nordlicht Wallet: Bitcoin & Krypto"
    assert listing.description == play_body(body).description


def test_layout_change_is_one_table_edit():
    body = (PLAY / "details-de.html").read_bytes().replace(b'itemprop="genre"', b'data-g-id="category"')
    assert play_body(body).genre == ""
    edited = tuple(replace(r, query='[data-g-id="category"] span') if r.field == "genre" and r.source == "css"
                   else r for r in RULES)
    check_rules(edited)
    assert play_body(body, edited).genre == "Finanzen"


def test_rule_table_is_checked():
    check_rules()
    with pytest.raises(ValueError, match="not a listing field"):
        check_rules((FieldRule("publisher", "css", "h1"),))
    with pytest.raises(ValueError, match="source"):
        check_rules((FieldRule("title", "xpath", "//h1"),))
    with pytest.raises(ValueError, match="attr"):
        check_rules((FieldRule("title", "meta", "og:title", attr="content"),))


# --- listing text as a Document ------------------------------------------------------------------------------------

def test_listing_document_is_the_publishers_text():
    doc = listing_document(PLAY_CHANNEL, details_url(PACKAGE, "DE", "de"), FETCHED_AT, "ab" * 32,
                           "  Titel \n\n Erste   Zeile\r\nZweite Zeile ", language_hint="de")
    assert doc.platform is False and doc.kind == "html" and doc.status == 200
    assert doc.html_lang == "de"
    assert doc.text == "Titel\nErste Zeile\nZweite Zeile"
    assert (doc.channel, doc.fetched_at, doc.body_sha256) == (PLAY_CHANNEL, FETCHED_AT, "ab" * 32)
    assert doc.alternates == () and doc.links == () and doc.meta == ()


def test_listing_text_joins_the_publishers_fields():
    listing = play("details-de", "DE", "de")
    text = listing_text(listing)
    assert text.splitlines()[0] == listing.title
    assert listing.summary in text and "Neu: Preisalarme" in text and "Hafenstraße" not in text


@pytest.mark.parametrize("listing", [play("details-de", "DE", "de"), apple("de", "DE")], ids=["play", "apple"])
def test_german_listing_runs_through_the_text_detectors(listing, ctx):
    channel = PLAY_CHANNEL if isinstance(listing, PlayListing) else APPLE_CHANNEL
    doc = document_for(channel, listing)
    found = {(f.indicator, f.evidence.value) for f in analyze_document(doc, ctx, "app")}
    assert ("LANG", "de") in found
    assert ("BONUS", "willkommensbonus") in found
    assert ("CURRENCY", "EUR") in found


def test_apple_document_url_is_the_lookup_not_the_storefront_path(ctx):
    listing = replace(apple("us", "US"), url="https://apps.apple.com/de/app/x/id1587000042")
    doc = document_for(APPLE_CHANNEL, listing)
    assert doc.url == lookup_url(TRACK_ID, "US")
    assert [f for f in analyze_document(doc, ctx, "app") if f.indicator == "LANG"] == []


# --- APPSTORE per storefront -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def apple_listings() -> dict:
    return {"US": apple("us", "US"), "DE": apple("de", "DE", fetched_at=FETCHED_AT), "AT": apple("de", "AT"),
            "IE": apple("ie", "IE"), "FR": apple("none", "FR")}


def test_apple_findings_per_eu_storefront(ctx, apple_listings):
    findings = appstore_findings(ctx, APPLE_CHANNEL, apple_listings)
    assert summary(findings) == [
        (("AT",), "strong", "available in AT storefront, listed in German", "itunes lookup country=AT"),
        (("DE",), "strong", "available in DE storefront, listed in German", "itunes lookup country=DE"),
        (("IE",), "medium", "available in IE storefront", "itunes lookup country=IE"),
    ]
    de = findings[1]
    assert de.indicator == "APPSTORE" and de.channel == APPLE_CHANNEL
    assert de.legal_ref == catalogue()["APPSTORE"].legal_ref
    assert de.url == lookup_url(TRACK_ID, "DE") and de.fetched_at == FETCHED_AT
    assert de.body_sha256 == apple_listings["DE"].body_sha256
    assert "languageCodesISO2A: DE, EN" in de.evidence.snippet


def test_storefront_results_say_absent_and_available(ctx, apple_listings):
    results = storefront_results(ctx, apple_listings, BASELINE)
    assert {cc: r.status for cc, r in results.items()} == {
        "AT": "available", "DE": "available", "FR": "absent", "IE": "available", "US": "available"}
    assert results["US"].member is False and results["FR"].member is True


def test_play_findings_use_the_description_language_not_hl(ctx, real_play):
    listings = {
        "DE": play("details-de", "DE", "de"),
        "FR": play("unavailable-fr", "FR", "en"),
        "IT": parse_details((PLAY / "garbled.html").read_bytes(), details_url(PACKAGE, "IT", "it")),
        # An English description served for hl=de: the UI was German, the publisher's listing was not.
        "AT": parse_details(real_play, details_url("com.google.android.apps.translate", "AT", "de")),
        "US": parse_details(real_play, REAL_PLAY_URL),
    }
    findings = appstore_findings(ctx, PLAY_CHANNEL, listings)
    assert summary(findings) == [
        (("AT",), "medium", "available in AT storefront", "play gl=AT"),
        (("DE",), "strong", "available in DE storefront, listed in German", "play gl=DE"),
    ]
    assert "description language: de" in findings[1].evidence.snippet
    results = storefront_results(ctx, listings, BASELINE)
    assert {cc: r.status for cc, r in results.items()} == {
        "AT": "available", "DE": "available", "FR": "absent", "IT": "inconclusive", "US": "available"}
    assert "empty parse" in results["IT"].reason and "isn't available" in results["FR"].reason


def test_app_found_nowhere_is_inconclusive_not_absent(ctx):
    listings = {"US": None, "DE": None, "FR": play("unavailable-fr", "FR", "en")}
    results = storefront_results(ctx, listings, BASELINE)
    assert {r.status for r in results.values()} == {"inconclusive"}
    assert "not even in the US control" in results["DE"].reason
    assert appstore_findings(ctx, APPLE_CHANNEL, listings) == []


def test_non_eu_storefronts_never_raise(ctx):
    listings = {"US": apple("de", "US"), "CH": apple("de", "CH"), "GB": apple("us", "GB")}
    assert appstore_findings(ctx, APPLE_CHANNEL, listings) == []


def test_findings_are_deterministic(ctx, apple_listings):
    first = [f.to_dict() for f in appstore_findings(ctx, APPLE_CHANNEL, apple_listings)]
    shuffled = {cc.lower(): apple_listings[cc] for cc in reversed(list(apple_listings))}
    assert [f.to_dict() for f in appstore_findings(ctx, APPLE_CHANNEL, shuffled)] == first
    with pytest.raises(ValueError, match="twice"):
        appstore_findings(ctx, APPLE_CHANNEL, {"de": apple_listings["DE"], "DE": apple_listings["DE"]})


def test_listings_package_defines_no_detector_module():
    """A module with INDICATOR and detect must be an active catalogue indicator; APPSTORE is still planned."""
    for info in pkgutil.iter_modules(detectors.listings.__path__):
        module = importlib.import_module(f"detectors.listings.{info.name}")
        assert not (hasattr(module, "INDICATOR") and hasattr(module, "detect")), info.name
