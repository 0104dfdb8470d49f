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
    # German is spoken in four member states, and this mobile number is valid in Germany and in Austria
    assert found("<p>Telefon: 0664 1234567</p>", lang="de") == set()
    assert found("<p>Bestellnummer 0301234567</p>", url="https://www.brand.de/") == set()


def test_the_one_member_state_of_the_language_where_the_number_is_valid():
    """A language of several member states with no region declared: the number counts for the one of them where
    it is valid (030 is Berlin's, not Vienna's, Brussels' or Luxembourg's)."""
    assert found("<p>Rufen Sie uns an: 030 1234 5678</p>", lang="de") == {("+493012345678", ("DE",), "text")}
    assert found("<p>Bel ons op 020 123 4567</p>", lang="nl") == {("+31201234567", ("NL",), "text")}


def test_near_miss_not_on_a_page_written_for_a_country_outside_the_union():
    # a Swiss page (francs, a canton): its Zurich number is valid in Germany too, but the page dials from Switzerland
    body = ("<p>Unser Sparkonto für alle im Kanton Zürich: ab 0 Franken Gebühren, Zins 1,2 % auf CHF-Guthaben.</p>"
            "<p>Rufen Sie uns an: 044 123 45 67</p>")
    assert found(body, lang="de") == set()


def test_an_international_number_is_not_read_again_in_national_form():
    assert found("<p>Tel. +49 30 22 33 44 55</p>", url="https://www.brand.de/") == {
        ("+493022334455", ("DE",), "text")}


def test_the_phone_word_in_another_case():
    # Icelandic "síma" (the dative of "sími"): "contact us ... by phone 440-4000"; near miss: a card number's digits
    assert found("<p>Hafðu samband í gegnum netspjall eða síma 440-4000.</p>", lang="is") == {
        ("+3544404000", ("IS",), "text")}
    assert found("<p>Kortanúmer 440-4000 er útrunnið.</p>", lang="is") == set()


def test_inflected_and_spoken_phone_words():
    # Estonian "infotelefonil" (at the info line), Danish "ringe på" (to call at), Greek plural "τηλέφωνα", German
    # "Wir sind für Sie da" before a hotline; near misses: the same numbers as a customer or order number
    assert found("<p>Lisateavet saate infotelefonil 77 00 000.</p>", url="https://www.pank.ee/") == {
        ("+3727700000", ("EE",), "text")}
    assert found("<p>Kontakt kundeservice eller ringe på 46 33 76 00.</p>", url="https://www.shop.dk/") == {
        ("+4546337600", ("DK",), "text")}
    assert found("<p>Wir sind für Sie da: 0911 - 369 30 00 (Mo-So)</p>", url="https://www.bank.de/") == {
        ("+499113693000", ("DE",), "text")}
    assert found("<p>Kundennummer 0911 - 369 30 00</p>", url="https://www.bank.de/") == set()
    assert found("<p>Kundenummer 46 33 76 00</p>", url="https://www.shop.dk/") == set()


def test_a_number_after_a_list_dash_but_not_in_a_range():
    body = "<p>Εναλλακτικά τηλέφωνα:</p><p>-6979913711</p>"
    assert found(body, url="https://www.broker.gr/") == {("+306979913711", ("GR",), "text")}
    assert found("<p>Τηλέφωνο: κωδικός AB-6979913711</p>", url="https://www.broker.gr/") == set()


def test_a_number_alone_on_its_line_in_a_contact_block():
    # A contact block: the firm, its street, its number on a line of its own, its web or e-mail address.
    block = "<p>Example Oy<br>Linnoitustie 4B, 02600 Espoo<br>010 504 8400<br>www.example-firm.fi</p>"
    assert found(block, url="https://www.example-firm.fi/ehdot") == {("+358105048400", ("FI",), "text")}
    listed = "<ul><li>info@example-firm.sk</li><li>|</li><li>0903 960 069</li></ul>"
    assert found(listed, url="https://www.example-firm.sk/") == {("+421903960069", ("SK",), "text")}
    # near misses: the same number in running text with no phone word, and alone with no address around it
    assert found("<p>Order 010 504 8400 was shipped; see www.example-firm.fi.</p>",
                 url="https://www.example-firm.fi/") == set()
    assert found("<p>Example Oy</p><p>010 504 8400</p><p>Linnoitustie 4B</p>",
                 url="https://www.example-firm.fi/") == set()


def test_a_call_verb_in_the_infinitive():
    text = "<p>Blokkeer uw kaart door Card Stop te bellen op het nummer 078 170 170 (7/7d – 24/24u).</p>"
    assert found(text, url="https://www.example-firm.be/nl/") == {("+3278170170", ("BE",), "text")}


def test_five_pairs_after_a_trunk_zero_need_no_phone_word():
    """A French header shows its number as five pairs with no word beside it ("01 83 81 67 25"): read with the
    page's likely region; a reference of five pairs without the trunk 0 is not a number."""
    assert found("<p>Reprendre ma démarche</p><p>01 83 81 67 25</p>", lang="fr-FR") == {
        ("+33183816725", ("FR",), "text")}
    assert found("<p>Référence du dossier 24 18 00 12 55</p>", lang="fr-FR") == set()


def test_a_bulgarian_call_verb_in_the_familiar_form():
    # "като се обадиш на" (by calling, familiar): near miss, the same digits as a contract number
    assert found("<p>Научи кода си, като се обадиш на 0700 12 345.</p>", url="https://www.banka.bg/") == {
        ("+35970012345", ("BG",), "text")}
    assert found("<p>Договор номер 0700 12 345 е подписан.</p>", url="https://www.banka.bg/") == set()


def test_a_free_number_named_with_its_own_words():
    # Maltese news printing a regulator's freephone and its landline ("jew": or); a French "numéro vert"; near
    # misses: the same digits as a reference number
    assert found("<p>Għal aktar informazzjoni ikkuntattja l-uffiċċju fuq il-freephone 80071234 jew 21234567.</p>",
                 url="https://www.ahbarijiet.com.mt/") == {("+35680071234", ("MT",), "text"),
                                                           ("+35621234567", ("MT",), "text")}
    assert found("<p>Referenza tal-applikazzjoni 80071234.</p>", url="https://www.ahbarijiet.com.mt/") == set()
    assert found("<p>Une question ? Numéro vert : 0 805 12 34 56, du lundi au vendredi.</p>",
                 url="https://www.banque-exemple.fr/") == {("+33805123456", ("FR",), "text")}
    assert found("<p>Dossier 0 805 12 34 56 clos.</p>", url="https://www.banque-exemple.fr/") == set()
