"""CURRENCY and PAYMENT: what a page reports or explains against what the site charges and offers. A sum converted
in brackets for readers who count in another currency, and a protection scheme's cap (investor compensation, deposit
guarantee), are news or law; the sum a bracket converts is still the site's price. The rails and currencies the
firm's help centre names are offered, in words an article would use for examples."""

from __future__ import annotations

import pytest

from detectors import currency, payment
from detectors.amounts import converted
from detectors.context import Context
from detectors.document import build_document


def codes(text: str, lang: str) -> set[str]:
    html = f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'
    doc = build_document(channel="website:test", requested_url="https://www.example-firm.com/",
                         url="https://www.example-firm.com/", status=200, fetched_at="2026-01-01T00:00:00Z",
                         content_type="text/html", body=html.encode())
    return {f.evidence.value for f in currency.detect(doc, Context())}


@pytest.mark.parametrize(("text", "lang"), [
    ("Fans could pay €45 (about $50) for the club's jersey token.", "en"),
    ("Die Stadt nimmt für Gebühren Bitcoins im Wert von bis zu 200 Franken (180 Euro) an.", "de"),
    ("Contul are o compensație maximă de 20.000 EUR pentru clienții retail eligibili.", "ro"),
    ("Die Automaten tauschen bis zu 500 Franken in Bitcoin um (umgerechnet etwa 18,50 bis 460 Euro).", "de"),
    ("Im letzten Jahr ist der Kurs von 300 auf mehr als 600 Euro pro Bitcoin gestiegen.", "de"),
    ("Your deposits are covered up to 100 000 € by the deposit guarantee scheme.", "en"),
    # a crypto amount's value in euros, approximated with a tilde
    ("Mindestbetrag für eigenes Staking: 32 ETH (~96.000 €).", "de"),
    ("Die Aktivierung eines Kontos erfordert eine Mindestreserve von 1 XLM (~€0,10).", "de"),
    # fiat money in general, its currencies listed as examples
    ("Nachdem man Ether mit Fiatgeld (USD, EUR, GBP, etc.) gekauft hat, kann man es in ein Wallet senden.", "de"),
    ("Försäljning av kryptovaluta till fiatvaluta (SEK, EUR, USD) redovisas i bilaga K4.", "sv"),
    # a token's price halved, a filing threshold: news and law
    ("Sinds de notering is de prijs meer dan gehalveerd naar 0,00012 euro per token.", "nl"),
    ("Si tienes criptomonedas en el extranjero por un valor superior a 50.000 euros, debes presentar la declaración.",
     "es"),
    # euros named among foreign currencies (Czech inflects them: "dolarech", "librách")
    ("Karta se hodí pro placení a výběry v eurech, dolarech, librách a dalších cizích měnách.", "cs"),
])
def test_a_reported_sum_is_no_price(text, lang):
    assert codes(text, lang) == set()


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Vyšší poplatok za výber pod 3 000 Kč (122 €).", "sk", {"CZK"}),  # the price is in koruna, euros converted
    ("Trading fee: 2 € (incl. 19 % VAT) per order.", "en", {"EUR"}),  # a bracket of other words
    ("Deposit at least 10 € (minimum) to start.", "en", {"EUR"}),
    ("Deposit 100 € per month (minimum 10 €) to start.", "en", {"EUR"}),  # the same currency converts nothing
    ("Staking fee: 5 € per month (~0.002 ETH).", "en", {"EUR"}),  # the price in euros, its crypto value beside it
    ("Karta je zdarma; výběry v eurech bez poplatku.", "cs", {"EUR"}),  # euros alone, an offer
    # a limits table whose labels ran into their numbers once tags were gone
    ("Withdraw Euro Min50 EUR Max per day20,000 EUR Fee0.90€", "en", {"EUR"}),
])
def test_the_sum_a_bracket_converts_is_still_the_price(text, lang, expected):
    assert codes(text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Gebühr für das ETN mit der ISIN DE000A2T0VU5 EUR-Tranche: siehe Preisblatt.", "de"),  # a code, no amount
    ("Die Gebühr für Ordertyp B2 EUR entfällt.", "de"),  # a capital before the digit: a name, not a seam
])
def test_a_number_inside_a_code_is_no_amount(text, lang):
    assert codes(text, lang) == set()


@pytest.mark.parametrize(("text", "sum_", "expected"), [
    ("paid €45 (about $50)", "€45", True),
    ("200 Franken (180 Euro)", "180 Euro", True),
    ("200 Franken (180 Euro)", "200 Franken", False),
    ("a discount of 20% (10 €)", "10 €", False),  # a percentage is no sum to convert
])
def test_converted_reads_which_sum_is_the_conversion(text, sum_, expected):
    start = text.index(sum_)
    assert converted(text, start, start + len(sum_)) is expected


# The firm's help centre names its own rails with the words an article uses for examples or for the scheme's area:
# there, what it names it offers. The same sentences on a blog are examples.
HELP_TEXT = ("<p>How to deposit fiat currencies, for example EUR or GBP, via Bank Transfer (SEPA)</p>"
             "<p>If your payment comes from one of the SEPA countries, share your IBAN with the sender.</p>")


def test_a_rail_and_a_currency_named_on_the_firms_help_page_are_offered():
    doc = build_document(channel="website:test", requested_url="https://help.example-firm.com/deposits",
                         url="https://help.example-firm.com/deposits", status=200, fetched_at="2026-01-01T00:00:00Z",
                         content_type="text/html", body=f"<!doctype html><html lang='en'><body>{HELP_TEXT}".encode())
    assert {f.evidence.value for f in payment.detect(doc, Context())} == {"SEPA"}
    assert {f.evidence.value for f in currency.detect(doc, Context())} == {"EUR"}


def test_the_same_rail_and_currency_on_a_blog_are_examples():
    doc = build_document(channel="website:test", requested_url="https://www.example-firm.com/blog/deposits",
                         url="https://www.example-firm.com/blog/deposits", status=200,
                         fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                         body=f"<!doctype html><html lang='en'><body>{HELP_TEXT}".encode())
    assert payment.detect(doc, Context()) == [] and currency.detect(doc, Context()) == []


# A code that is another word's acronym in the page's language names no currency there: Swedish "ISK" is the
# investment savings account. In Icelandic, or with an amount, it is the krona.
def test_a_code_that_is_an_acronym_in_the_pages_language_is_no_currency():
    assert codes("Det går att köpa från ditt vanliga fondkonto, ISK eller kapitalförsäkring, utan avgift.", "sv") \
        == set()
    assert codes("Lágmarksinnborgun er 1000 ISK á mánuði og þú getur greitt í ISK.", "is") == {"ISK"}
