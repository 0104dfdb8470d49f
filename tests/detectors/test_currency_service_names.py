"""CURRENCY: a currency's bare one-word name ("euro", "euros", "lei", "forint", "złoty") names money in general in news
and guides; it names a currency offered only on the firm's own service pages -- its help centre or its contract
("hereinafter ...") -- beside an offer word, as its names of several words ("in euros") do anywhere. There the firm
states its own terms: its amounts and the currencies it names count with no offer word beside them, outside news and
law."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values

HELP = "https://help.example-firm.com/articles/savings"
BLOG = "https://www.example-blog.com/guides/savings"


def codes(text: str, lang: str, url: str) -> set[str]:
    return found_values(currency, lang, text, url=url)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("If there are not enough euros in your balance, the planned purchase is skipped that month.", "en", {"EUR"}),
    ("Wähle dein Euro-Guthaben und tippe auf Einzahlung.", "de", {"EUR"}),
])
def test_a_bare_name_on_the_firms_help_centre_is_offered(text, lang, expected):
    assert codes(text, lang, HELP) == expected
    assert codes(text, lang, BLOG) == set()  # the same sentence on a blog: money in general


def test_a_bare_name_in_the_firms_contract_is_offered():
    text = "Firma Exemplu SRL (denumită în continuare „Societatea”) oferă schimbul între lei și bitcoin la automate."
    assert codes(text, "ro", BLOG) == {"RON"}
    assert codes(text.replace(" (denumită în continuare „Societatea”)", ""), "ro", BLOG) == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("El club recibirá 15 millones de euros por el acuerdo con la plataforma.", "es"),
    ("Le fonds a levé 3 milliards d'euros auprès de ses investisseurs.", "fr"),
])
def test_a_bare_name_in_a_story_names_no_currency(text, lang):
    assert codes(text, lang, BLOG) == set()


# A contract names its own service's currencies by example, as a help centre does; the same examples elsewhere are
# what exchanges in general take.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Example Ltd (hereinafter the “Company”) lets clients deposit fiat currencies, for example EUR or PLN, to buy "
     "bitcoin.", "en", {"EUR", "PLN"}),
    ("Die Beispiel GmbH (nachfolgend genannt „Anbieter“) ermöglicht Einzahlungen in Fiatwährungen, zum Beispiel EUR "
     "oder CZK, für den Kauf von Bitcoin.", "de", {"EUR", "CZK"}),
])
def test_currencies_a_contract_names_by_example_are_offered(text, lang, expected):
    assert codes(text, lang, BLOG) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Exchanges let clients deposit fiat currencies, for example EUR or PLN, to buy bitcoin.", "en"),
    ("Einzahlungen in Fiatwährungen, zum Beispiel EUR oder CZK, sind bei vielen Börsen möglich.", "de"),
])
def test_the_same_examples_outside_a_contract_are_generic(text, lang):
    assert codes(text, lang, BLOG) == set()


# The address that files a page as the firm's terms makes it its contract too ("/agb", "/tos/", "/regulamin"); a
# story's slug that begins with the same word does not ("/crypto-terms-explained").
@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.example-firm.com/terms-of-use", {"EUR", "PLN"}),
    ("https://www.example-firm.de/agb.html", {"EUR", "PLN"}),
    ("https://www.example-firm.pl/regulamin/", {"EUR", "PLN"}),
    ("https://www.example-blog.com/crypto-terms-explained", set()),
])
def test_an_address_that_files_the_page_as_the_firms_terms_makes_it_a_contract(url, expected):
    text = "Clients may deposit fiat currencies, for example EUR or PLN, to buy bitcoin at the machines."
    assert codes(text, "en", url) == expected


# A sentence that spells out the euro payment area's name defines the scheme: the euros it names are the scheme's,
# even on the firm's own pages; the same transfer offered in euros names the currency.
@pytest.mark.parametrize(("text", "lang"), [
    ("SEPA, the Single Euro Payments Area, lets you transfer money in euros between banks at low cost.", "en"),
    ("Der einheitliche Euro-Zahlungsverkehrsraum SEPA erlaubt Überweisungen in Euro zwischen allen Banken.", "de"),
    ("La zona única de pagos en euros (SEPA) permite transferencias en euros entre bancos.", "es"),
])
def test_the_euros_of_the_payment_areas_definition_are_no_offer(text, lang):
    assert codes(text, lang, HELP) == set()


def test_euros_offered_for_a_sepa_transfer_are_still_offered():
    assert codes("Transfer money in euros to your account by SEPA at low cost.", "en", HELP) == {"EUR"}


# The firm's help centre or contract states its own terms in amounts with no offer word beside them (a threshold for
# a client class, a machine's daily cap); the same sentence on a blog is no offer, and the firm's own
# identity in its terms (its share capital) is law, not a price.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("You qualify once your portfolio is over EUR 500,000 at the end of the quarter.", "en", {"EUR"}),
    ("Každý automat vymění jednomu zákazníkovi nejvýše 900 Kč za den.", "cs", {"CZK"}),
    ("Dzienny obrót na jednym automacie nie przekroczy 3000 zł.", "pl", {"PLN"}),
])
def test_an_amount_on_the_firms_help_centre_states_its_own_terms(text, lang, expected):
    assert codes(text, lang, HELP) == expected
    assert codes(text, lang, BLOG) == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("Esempio Srl, società a responsabilità limitata con un capitale di 20.000 euro, gestisce il servizio.", "it"),
    ("Ejemplo SL es una sociedad limitada con un capital de 3.000 € y sede en Valencia.", "es"),
    ("Exemple SAS, au capital de 5 000 €, exploite le service décrit ci-dessous.", "fr"),
])
def test_the_firms_share_capital_in_its_terms_is_no_price(text, lang):
    assert codes(text, lang, HELP) == set()


# The firm's help centre or contract names the currencies its service handles with no offer word in reach ("client
# funds in CZK", "against cash in Bulgarian leva"); the same sentence on a blog is no offer, and a tax rule on the help
# centre is law, not the service.
@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Provozovatel nesmí držet prostředky klientů v CZK déle než dva dny.", "cs", {"CZK"}),
    ("The operator hands the coins over at its machines against cash in Bulgarian leva.", "en", {"BGN"}),
    ("Az üzemeltető az automatáinál forint készpénz ellenében adja át az érméket.", "hu", {"HUF"}),
])
def test_a_currency_the_firms_help_centre_names_is_its_own(text, lang, expected):
    assert codes(text, lang, HELP) == expected
    assert codes(text, lang, BLOG) == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("Daň z příjmů fyzických osob se platí v CZK.", "cs"),
    ("Tax on the gains is owed in Bulgarian leva.", "en"),
])
def test_a_tax_rule_on_the_help_centre_names_no_currency_offered(text, lang):
    assert codes(text, lang, HELP) == set()


# A hotline's charge per minute beside its number is the phone company's tariff, not the firm's price; the same
# amount charged per order is.
@pytest.mark.parametrize(("text", "lang"), [
    ("Rufen Sie unsere Hotline unter 0900 123 456 an (0,39 €/Min. aus dem Festnetz).", "de"),
    ("Asiakaspalvelumme numero 0600 12345 (1,20 €/min) palvelee arkisin.", "fi"),
])
def test_a_hotlines_charge_per_minute_is_no_price(text, lang):
    assert codes(text, lang, HELP) == set()
    assert codes(text.replace("/Min.", " pro Auftrag").replace("/min", " per tilaus"), lang, HELP) == {"EUR"}
