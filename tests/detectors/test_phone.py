"""PHONE (detectors/phone.py): numbers in national form read with the page's likely region, only next to a phone
word or in a tel: link. Whole pages are in tests/pages/phone/; these check one source of the region each."""

from __future__ import annotations

from detectors import phone
from detectors.context import Context
from tests.detectors.conftest import build


def found(body: str, url: str = "https://www.example-firm.com/", lang: str = "", head: str = "") -> set:
    attr = f' lang="{lang}"' if lang else ""
    html = f'<!DOCTYPE html><html{attr}><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    return {(f.evidence.value, f.member_states, f.evidence.locator) for f in phone.detect(build(html, url), Context())}


def test_a_national_tel_link_on_a_country_domain():
    assert found('<p><a href="tel:0301234567">Zentrale</a></p>', url="https://www.brand.de/") == {
        ("+49301234567", ("DE",), "a[href^=tel:]")}


def test_the_region_of_the_declared_locale_and_of_the_own_hreflang_entry():
    assert found("<p>Call us: 020 123 4567</p>", lang="en-NL") == {("+31201234567", ("NL",), "text")}
    head = '<link rel="alternate" hreflang="en-FI" href="https://www.example-firm.com/fi/">'
    assert found("<p>Call us: 09 123 4567</p>", url="https://www.example-firm.com/fi/", head=head) == {
        ("+35891234567", ("FI",), "text")}


def test_the_member_state_the_page_addresses():
    body = "<p>The exchange for customers in Finland.</p><p>Support line: 09 123 4567</p>"
    assert found(body, lang="en") == {("+35891234567", ("FI",), "text")}


def test_the_language_of_the_text_when_nothing_is_declared():
    body = ("<p>Masz pytania dotyczące konta lub przelewu? Nasz zespół chętnie pomoże każdego dnia.</p>"
            "<p>Zadzwoń do nas: 512 345 678</p>")
    assert found(body) == {("+48512345678", ("PL",), "text")}


def test_no_likely_region_or_no_phone_word_finds_nothing():
    assert found("<p>Telefon: 030 12345678</p>", lang="de") == set()  # German: five member states
    assert found("<p>Bestellnummer 0301234567</p>", url="https://www.brand.de/") == set()


def test_an_international_number_is_not_read_again_in_national_form():
    assert found("<p>Tel. +49 30 22 33 44 55</p>", url="https://www.brand.de/") == {
        ("+493022334455", ("DE",), "text")}


def test_the_phone_word_in_another_case():
    # Icelandic "síma" (the dative of "sími"): "contact us ... by phone 440-4000"; near miss: a card number's digits
    assert found("<p>Hafðu samband í gegnum netspjall eða síma 440-4000.</p>", lang="is") == {
        ("+3544404000", ("IS",), "text")}
    assert found("<p>Kortanúmer 440-4000 er útrunnið.</p>", lang="is") == set()
