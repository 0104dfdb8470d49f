"""CURRENCY and PAYMENT judged in their offer context (detectors/offer_context.py): the site's own prices, limits,
pickers and payment methods count; news, statistics, explanations and examples do not. EUR and SEPA point at the
euro area / EU as a group, never at its member states one by one."""

from __future__ import annotations

import pytest

from detectors import currency, payment
from detectors.context import Context
from detectors.document import build_document
from detectors.geography import UNION


def page(body: str, lang: str = "", url: str = "https://www.example-firm.com/") -> object:
    html = f'<!doctype html><html{f" lang={lang!r}" if lang else ""}><head><meta charset="utf-8"></head><body>{body}'
    return build_document(channel="website:test", requested_url=url, url=url, status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=html.encode())


def found(module, doc) -> set[tuple[str, tuple[str, ...], str]]:
    return {(f.evidence.value, f.member_states, f.evidence.locator) for f in module.detect(doc, Context())}


def test_a_single_eur_price_names_the_euro_area_not_its_member_states():
    doc = page("<p>Trading fee: 0.1 %, minimum deposit 25 €.</p>", "en")
    assert found(currency, doc) == {("EUR", (UNION,), "text (amount)")}


@pytest.mark.parametrize("text", [
    "<p>The exchange raised EUR 5 million from investors last year.</p>",  # a magnitude word after the amount
    "<p>Bitcoin rose to 60,000 euros this week.</p>",  # no offer word: a market report
    "<p>Income below 2 500 € a year is not taxed.</p>",  # tax wording in the sentence
    "<p>The capital requirement is 5 000 000 € for every provider.</p>",  # seven digits: a legal threshold
    "<p>Required minimum capital = €125,000 plus a fee on the volume.</p>",  # a legal minimum, not a price
    "<p>The club receives a sponsorship fee of an estimated 250,000 euros.</p>",  # an estimate is a story's figure
])
def test_amounts_outside_an_offer_are_not_currency_findings(text):
    assert found(currency, page(text, "en")) == set()


def test_a_fine_is_narrative_in_its_inflected_forms():
    # Romanian "amendă" changes its stem in the plural ("amenzi", "amenzilor"); a stated fee is still an offer
    text = "<p>Platformele riscă amenzi de 10.000-50.000 de lei, potrivit proiectului de taxe și comisioane.</p>"
    assert found(currency, page(text, "ro")) == set()
    assert found(currency, page("<p>Comisionul de retragere este de 5 lei.</p>", "ro"))  # near miss: a price


@pytest.mark.parametrize(("protected", "fee", "lang"), [
    ("Vklady sú chránené do výšky 100 000 eur na klienta.", "Poplatok za vedenie účtu: 3 eur mesačne.", "sk"),
    ("Vklady jsou pojištěny do výše 100 000 eur.", "Poplatek za vedení účtu je 3 eur měsíčně.", "cs"),
    ("Οι καταθέσεις είναι εγγυημένες έως 100.000 ευρώ.", "Η συνδρομή είναι 3 ευρώ τον μήνα.", "el"),
    ("Hoiused on tagatud kuni 100 000 euro ulatuses.", "Konto hooldustasu on 3 eurot kuus.", "et"),
    ("Depoziti su osigurani do iznosa od 100.000 eura.", "Naknada za vođenje računa iznosi 3 eura mjesečno.", "hr"),
])
def test_a_deposit_guarantee_limit_is_the_laws_figure_not_a_price(protected, fee, lang):
    # A deposit-guarantee or investor-compensation ceiling is the same in every bank's terms: no offer of the site.
    assert found(currency, page(f"<p>{protected}</p>", lang)) == set()
    assert found(currency, page(f"<p>{fee}</p>", lang))  # near miss: the account's own fee


def test_an_estimated_fee_is_narrative_where_a_stated_fee_is_the_offer():
    assert found(currency, page("<p>Der Verein erhält eine Gebühr von geschätzten 250.000 Euro.</p>", "de")) == set()
    assert found(currency, page("<p>Die Gebühr beträgt 2,50 Euro pro Order.</p>", "de"))  # near miss: a price


def test_an_article_reports_prices_it_does_not_offer():
    doc = page("<p>5 min read</p><p>The new fee at the exchange is 2 € per month, users were told.</p>", "en")
    assert found(currency, doc) == set()


def test_a_currency_offered_by_name_counts_beside_an_offer_word_only():
    assert found(currency, page("<p>Deposit and withdraw EUR, PLN and CZK by bank transfer.</p>", "en")) == {
        ("CZK", ("CZ",), "text (currency offered)"), ("EUR", (UNION,), "text (currency offered)"),
        ("PLN", ("PL",), "text (currency offered)")}
    assert found(currency, page("<p>Central banks issue currencies such as dollars, EUR or pounds.</p>", "en")) == set()
    # A card that converts into "lei, euro or another currency" names currencies as examples, not its own.
    assert found(currency, page("<p>Cardul convertește automat criptomonedele în lei, euro sau altă monedă.</p>",
                                "ro")) == set()
    assert found(currency, page("<p>Cardul convertește automat criptomonedele în lei.</p>", "ro")) == {
        ("RON", ("RO",), "text (currency offered)")}


@pytest.mark.parametrize(("lang", "code", "state"), [("sv", "SEK", "SE"), ("da", "DKK", "DK"), ("no", "NOK", "NO"),
                                                     ("is", "ISK", "IS")])
def test_kr_is_the_krone_of_the_pages_language(lang, code, state):
    doc = page("<p>Gebyr / avgift / gjald: 29 kr</p>", lang)
    assert found(currency, doc) == {(code, (state,), "text (amount)")}


def test_kr_on_a_page_of_no_known_language_names_no_currency():
    assert found(currency, page("<p>Fee: 29 kr</p>")) == set()


def test_a_line_listing_currency_codes_is_a_currency_picker():
    listing = "<h2>Einzahlungsmethoden</h2><p>Banküberweisung</p><p>GBP, USD, EUR, SEK, PLN, CHF.</p>"
    assert {code for code, _, _ in found(currency, page(listing, "de"))} == {"EUR", "SEK", "PLN"}
    # Near misses: three capitals that are no currency codes; the same list in a dated news story.
    assert found(currency, page("<p>FAQ, KYC, AML</p>", "en")) == set()
    story = page(listing, "de", url="https://news.example.de/2025/03/12/broker-erweitert-waehrungen/")
    assert found(currency, story) == set()


def test_rails_on_logos_and_pickers_count_without_text():
    doc = page('<footer><img src="/i/visa.svg" alt="Visa"><img src="/i/x.png" alt="Bancontact">'
               '<img src="/pay/mbway-badge.svg" alt=""></footer>'
               '<form><select name="method"><option>Przelewy24</option><option>Card</option></select></form>')
    assert found(payment, doc) == {("Bancontact", ("BE",), "img[alt]"), ("MB WAY", ("PT",), "img[src] (file name)"),
                                   ("Przelewy24", ("PL",), "select option")}


@pytest.mark.parametrize("text", [
    "<h1>What is SEPA?</h1><p>Deposit euros by SEPA transfer at low cost.</p>",  # an explainer
    "<p>You can pay by ACH/SEPA bank transfer.</p>",  # compared with a non-EEA rail
    "<p>Many exchanges accept deposits via iDEAL or Bancontact.</p>",  # what exchanges in general do
    "<p>Payez vos achats avec votre carte bancaire.</p>",  # any bank card, not the Cartes Bancaires scheme
    "<p>Alimentez votre compte par Carte Bancaire.</p>",  # capitalised in a site's copy: still any bank card
    "<p>The ideal way to buy is sofort, with no fee.</p>",  # ordinary words
    # "notamment" (in particular) gives examples of what banks do
    "<p>Les virements bancaires, notamment SEPA, peuvent prendre entre 1 et 5 jours selon la banque.</p>",
])
def test_rails_explained_compared_generic_or_common_nouns_are_not_offered(text):
    assert found(payment, page(text, "en")) == set()


def test_a_rail_the_site_offers_in_text_counts():
    doc = page("<p>We support deposits via SEPA transfer and BLIK.</p>", "en")
    assert found(payment, doc) == {("BLIK", ("PL",), "text"), ("SEPA", (UNION,), "text")}



@pytest.mark.parametrize(("text", "code", "state"), [
    ("<p>Pay in złoty with a bank transfer.</p>", "PLN", "PL"),
    ("<p>You can now deposit Hungarian forint and Czech koruna.</p>", "CZK", "CZ"),
    ("<p>Veksle norske kroner til bitcoin uten gebyr.</p>", "NOK", "NO"),
    ("<p>Útgreiðslur í krónum eru framkvæmdar tvisvar á dag virka bankadaga.</p>", "ISK", "IS"),
    # the euro of the site's own account, named in a collocation with no amount
    ("<p>No cobramos comisión por ingresar o retirar euros.</p>", "EUR", UNION),
    ("<p>Asiakas voi nostaa euroja tililtään milloin tahansa.</p>", "EUR", UNION),
])
def test_a_currency_named_in_words_beside_an_offer_word(text, code, state):
    assert (code, (state,), "text (currency offered)") in found(currency, page(text))


def test_kr_on_an_undeclared_norwegian_page_is_the_norwegian_krone():
    doc = page("<p>Hva koster det? Du betaler ikke noe for innskudd, og gebyret er 19 kr per handel for deg.</p>")
    assert found(currency, doc) == {("NOK", ("NO",), "text (amount)")}


@pytest.mark.parametrize(("text", "lang"), [
    # Pairs named as examples to analyse are not pairs the site lists.
    ("<p>Analizuj wolumen dla konkretnych par, np. BTC/PLN czy ETH/EUR, a nie tylko łączny obrót.</p>", "pl"),
    # A currency named to compare bitcoin with.
    ("<p>Unlike the Swedish krona (SEK), bitcoin is not issued by a central bank you can deposit with.</p>", "en"),
    # A worked example, and "or another currency".
    ("<p>Angenommen, du kaufst Bitcoin für 1.000 Euro und zahlst eine Gebühr von 1,5 %.</p>", "de"),
    ("<p>Sarà possibile visualizzare il proprio saldo in euro o altra valuta sull'exchange.</p>", "it"),
    # A currency in place of which another is used.
    ("<p>Le compte de la carte, au lieu d'être approvisionné en euros, l'est en bitcoins.</p>", "fr"),
    # An example announced by a question on its line.
    ("<p>¿Un ejemplo rápido? Pagas una comisión de 100 € y te devuelven 1 € en bitcoin.</p>", "es"),
    # A code written before a market figure is part of the amount, vetoed with it (a magnitude word).
    ("<p>Czechs spent CZK 200 million on purchasing cryptocurrencies in July.</p>", "en"),
    # the bare word in a news story: no collocation of the site's account
    ("<p>Los turistas pudieron sacar euros en cualquier cajero durante el apagón.</p>", "es"),
])
def test_examples_and_comparisons_name_no_currency_offered(text, lang):
    assert found(currency, page(text, lang)) == set()


def test_a_code_before_a_price_is_an_amount_of_the_offer():
    deposit = page("<p>Minimum deposit CZK 500, no fees.</p>", "en")
    assert found(currency, deposit) == {("CZK", ("CZ",), "text (amount)")}
    price = page("<p>Kaufe Bitcoin für 1.000 Euro, Gebühr 1,5 %.</p>", "de")
    assert {v for v, _, _ in found(currency, price)} == {"EUR"}


def test_the_same_pairs_in_the_sites_own_list_count():
    assert {v for v, _, _ in found(currency, page("<p>Handluj parami BTC/PLN i ETH/EUR.</p>", "pl"))} == {"PLN", "EUR"}


def test_a_list_under_an_example_heading_is_an_example():
    items = "<p>Eksempel:</p><p>• Du kjøpte 0,3 BTC for 10 000 kroner + 200 kroner i gebyr</p>" \
            "<p>• Du selger for 15 000 kroner</p>"
    assert found(currency, page(items, "no")) == set()
    heading = "<p>Gebyrer:</p><p>• Minste innskudd 100 kroner</p><p>• Gebyr per kjøp 10 kroner</p>"
    assert found(currency, page(heading, "no")) == {("NOK", ("NO",), "text (amount)")}


def test_a_rail_in_a_hedged_sentence_is_not_offered():
    hedged = "<p>Las comisiones con tarjeta suelen ser más altas que las transferencias SEPA estándar.</p>"
    assert found(payment, page(hedged, "es")) == set()
    offered = "<p>Las comisiones con tarjeta son más altas que las de nuestras transferencias SEPA.</p>"
    assert {v for v, _, _ in found(payment, page(offered, "es"))} == {"SEPA"}


def test_a_line_quoting_a_rate_is_a_price_ticker():
    ticker = "<p>1 XBT = 61600.66 EUR = 287023.38 RON</p><p>1 LTC = 71.52 EUR = 333.24 RON</p>"
    assert found(currency, page(ticker, "en")) == {("EUR", (UNION,), "text (amount)"),
                                                   ("RON", ("RO",), "text (amount)")}
    # A rate told in a sentence is not a ticker line.
    assert found(currency, page("<p>Last week 1 BTC was worth 61600 EUR, analysts said.</p>", "en")) == set()


def test_the_items_of_an_example_hang_from_its_line_whatever_it_ends_with():
    # A dated item ("20.01.2022": a dot before a digit ends no sentence) under "Beispiel A: ..." is the example's.
    example = page("<p>Beispiel A: ein Ankauf auf einer Bitcoin-Adresse</p>"
                   "<p>• Ankauf am 20.01.2022 von 1 BTC um EUR 32.000 (Anschaffungskosten)</p>", "de")
    assert found(currency, example) == set()
    prices = page("<p>Unsere Gebühren</p><p>• Ankauf ab 10 € (Gebühr 1,5 %)</p>", "de")
    assert {v for v, _, _ in found(currency, prices)} == {"EUR"}


def test_a_one_word_name_counts_only_in_its_currencys_language():
    # "kuna" is the Croatian kuna and the Estonian for "since": beside "hinna" (price) it is the conjunction.
    estonian = "<p>Ametlikku hinda polnud, kuna turgu hinna määramiseks polnud olemas.</p>"
    assert found(currency, page(estonian, "et")) == set()
    assert found(currency, page("<p>Uplata u kunama na vaš račun.</p>", "hr")) == {
        ("HRK", ("HR",), "text (currency offered)")}


def test_a_story_that_quotes_people_reports_the_prices_it_names():
    # Two reporting verbs ("съобщи", "допълни") make the page an article: the ATM's prices are someone else's.
    story = ("<p>Най-малката покупка от битомата е за 2 лв., а най-голямата – за 4000 лв., съобщи председателят.</p>"
             "<p>Таванът за една покупка е 4000 лв., допълни той.</p>")
    assert found(currency, page(story, "bg")) == set()
    assert found(currency, page("<p>Таванът за една покупка е 4000 лв.</p>", "bg")) == {
        ("BGN", ("BG",), "text (amount)")}


def test_a_word_that_reports_in_one_language_is_not_read_in_another():
    # Danish "disse" (these) is Portuguese "disse" (said): terms that use it twice are no story that quotes people.
    terms = ("<p>Disse brugervilkår gælder for alle konti.</p><p>Vi understøtter handel i DKK.</p>"
             "<p>Læs disse vilkår, før du opretter en konto.</p>")
    assert found(currency, page(terms, "da")) == {("DKK", ("DK",), "text (currency offered)")}
    story = "<p>O preço é 5 €, disse o diretor.</p><p>A taxa mensal é 2 €, disse a empresa.</p>"
    assert found(currency, page(story, "pt")) == set()


@pytest.mark.parametrize(("text", "lang", "code"), [
    # Each sentence holds a word that is narrative in another sense or language, and is an offer all the same:
    ("<p>Primești un bonus de bun venit de 50 lei la prima depunere.</p>", "ro", "RON"),  # "venit": income
    ("<p>Fizetés bankkártyával, a díj 500 Ft.</p>", "hu", "HUF"),  # "fizetés": salary and payment
    ("<p>Gewinnen Sie 100 € Startguthaben bei der Anmeldung.</p>", "de", "EUR"),  # "Gewinn": profit
    ("<p>Uz registraciju možete dobiti 20 € bonusa.</p>", "hr", "EUR"),  # "dobit": profit; "dobiti": to get
    ("<p>Steg 2: Sätt in minst 100 kr via Swish.</p>", "sv", "SEK"),  # "steg": rose, and a step
    ("<p>Κερδίστε 50 € μπόνους με την εγγραφή σας.</p>", "el", "EUR"),  # "κέρδη": profits; "κερδίστε": win
    ("<p>Zyskaj 50 zł na start po rejestracji.</p>", "pl", "PLN"),  # "zysk": profit; "zyskaj": gain
])
def test_a_narrative_words_namesake_does_not_veto_an_offer(text, lang, code):
    assert code in {value for value, _, _ in found(currency, page(text, lang))}


def test_an_offer_words_namesake_in_another_language_makes_no_offer():
    # Polish "premia" (bonus) and French "prime" are no stems of French "premier" (first).
    assert found(currency, page("<p>Le premier jour, le jeton valait 300 €.</p>", "fr")) == set()
    assert found(currency, page("<p>Une prime de 30 € à l'ouverture du compte.</p>", "fr")) == {
        ("EUR", (UNION,), "text (amount)")}


def test_the_narrative_words_themselves_still_veto():
    assert found(currency, page("<p>Venitul anual al firmei a fost de 5 000 lei.</p>", "ro")) == set()
    assert found(currency, page("<p>Der Gewinn der Börse lag bei 300 € pro Kunde.</p>", "de")) == set()


@pytest.mark.parametrize(("text", "lang", "rail"), [
    # "Pay with ..." in the imperative, and a rail's name with a case ending (Polish, Finnish).
    ("<p>Zahle mit SEPA-Überweisung.</p>", "de", "SEPA"),
    ("<p>Payez avec Bancontact.</p>", "fr", "Bancontact"),
    ("<p>Réglez par virement SEPA.</p>", "fr", "SEPA"),
    ("<p>Paga con Bizum.</p>", "es", "Bizum"),
    ("<p>Paghi con Satispay.</p>", "it", "Satispay"),
    ("<p>Pague com MB WAY.</p>", "pt", "MB WAY"),
    ("<p>Zaplaťte cez SEPA.</p>", "sk", "SEPA"),
    ("<p>Mokėkite SEPA pavedimu.</p>", "lt", "SEPA"),
    ("<p>Zapłać BLIKiem.</p>", "pl", "BLIK"),
    ("<p>Maksa MobilePaylla.</p>", "fi", "MobilePay"),
    # "Deposit by ...": the polite imperative of a deposit verb
    ("<p>Déposez des euros par virement SEPA en quelques clics.</p>", "fr", "SEPA"),
    ("<p>Καταθέστε ευρώ με SEPA.</p>", "el", "SEPA"),
    ("<p>Депозирайте евро чрез SEPA.</p>", "bg", "SEPA"),
])
def test_a_rail_the_reader_is_told_to_pay_with_is_offered(text, lang, rail):
    assert rail in {value for value, _, _ in found(payment, page(text, lang))}


@pytest.mark.parametrize(("text", "lang"), [
    ("<p>Le SEPA a été créé par l'Union européenne en 2008.</p>", "fr"),  # near miss: what it is
    ("<p>Το SEPA δημιουργήθηκε από την Ευρωπαϊκή Ένωση.</p>", "el"),
])
def test_a_rail_described_without_an_offer_is_not_offered(text, lang):
    assert found(payment, page(text, lang)) == set()


# A law firm's page on a licence names the capital the law requires: an amount of regulation, not a price.
@pytest.mark.parametrize(("lang", "sentence"), [
    ("es", "La segunda categoría requiere 125.000 € de capital y permite custodiar activos."),
    ("en", "Class 2 providers need share capital of €125,000 before they apply."),
    ("pl", "Minimalny kapitał zakładowy spółki wynosi 5000 zł."),
    ("de", "Das Stammkapital der GmbH beträgt mindestens 25.000 Euro."),
    # the accusative of Lithuanian "įstatinis kapitalas"
    ("lt", "Operatoriai turi turėti ne mažesnį kaip 125 000 eurų įstatinį kapitalą."),
])
def test_required_capital_is_no_price(lang, sentence):
    assert found(currency, page(f"<p>{sentence}</p>", lang)) == set()


def test_a_fee_beside_the_capital_sentence_is_still_a_price():
    body = "<p>Das Stammkapital beträgt 25.000 Euro.</p><p>Unsere Gebühr für die Gründung beträgt 900 Euro.</p>"
    assert {v for v, _, _ in found(currency, page(body, "de"))} == {"EUR"}


def test_a_rail_named_beside_a_password_is_a_way_to_sign_in():
    login = "<p>Innlogging på konto gjennomføres med Vipps eller e-post og passord.</p>"
    assert found(payment, page(login, "no")) == set()
    assert found(payment, page("<p>You can register with Vipps or username and password here.</p>", "en")) == set()
    paying = "<p>Logg inn og betal innskuddet ditt med Vipps.</p>"
    assert {v for v, _, _ in found(payment, page(paying, "no"))} == {"Vipps"}


@pytest.mark.parametrize(("lang", "sentence"), [
    ("et", "Virtuaalvääringute tegevusluba Leedus — alates 3500 €"),
    ("pt", "Planos a partir de 9,99 € por mês"),
    ("pl", "Konto firmowe już od 19 zł"),
])
def test_a_price_from_an_amount_is_an_offer(lang, sentence):
    assert {v for v, _, _ in found(currency, page(f"<p>{sentence}</p>", lang))} == {"EUR" if lang != "pl" else "PLN"}


_SEPA_EXPLAINED = ("<h1>Was ist eine SEPA-Überweisung und wie funktioniert sie?</h1>"
                   "<p>Mit einer SEPA-Überweisung zahlst du Euro auf dein Konto ein, ohne Gebühr.</p>"
                   "<p>Sobald das Guthaben auf deinem Nordkrypto-Konto verfügbar ist, erhältst du eine E-Mail.</p>")


def test_a_firms_own_help_page_that_explains_its_rail_offers_it():
    # The site's name in its own copy ("deinem Nordkrypto-Konto"): the explainer is the firm's help page.
    own = page(_SEPA_EXPLAINED, "de", url="https://help.nordkrypto.com/de/articles/sepa-ueberweisung")
    assert found(payment, own) == {("SEPA", (UNION,), "text")}
    # Near miss: the same explainer on a site of another name explains a rail it does not offer.
    assert found(payment, page(_SEPA_EXPLAINED, "de", url="https://www.krypto-lexikon.de/sepa")) == set()


def test_a_wiki_explains_the_rails_and_fees_of_the_exchanges_it_describes():
    guide = ("<p>O caminho mais rápido envolve utilizar uma exchange europeia que ofereça suporte direto a "
             "transferências SEPA, com taxas de 0 € a 5 €.</p>")
    wiki = page(guide, "pt", url="https://guia.example.pt/wiki/levantar-euros-para-o-banco")
    assert found(payment, wiki) == set() and found(currency, wiki) == set()
    # Near miss: the same words in a help section are the site's own
    help_page = page(guide, "pt", url="https://guia.example.pt/ajuda/levantar-euros-para-o-banco")
    assert {v for v, _, _ in found(payment, help_page) | found(currency, help_page)} == {"SEPA", "EUR"}


@pytest.mark.parametrize(("text", "lang", "code", "state"), [
    # A bank's own rate table: the balance tiers are in the currency it pays interest on.
    ("<p>Лихва по сметката</p><p>Салдо в края на деня</p><p>до 1,000 BGN</p><p>0.10%</p>", "bg", "BGN", "BG"),
    ("<p>Oprocentowanie rachunku oszczędnościowego: 2 % do 50 000 PLN.</p>", "pl", "PLN", "PL"),
])
def test_an_interest_rate_table_is_an_offer(text, lang, code, state):
    assert (code, (state,), "text (amount)") in found(currency, page(text, lang))


def test_a_central_banks_interest_rate_in_the_news_is_no_offer():
    doc = page("<p>Narodowy Bank Polski podniósł stopy procentowe; kredyt na 300 000 PLN podrożał, "
               "podała agencja PAP.</p>", "pl")
    assert found(currency, doc) == set()


def test_a_currency_word_shared_with_a_non_eu_territory_is_that_territorys_on_a_page_written_for_it():
    """"lei" is the Romanian and the Moldovan currency alike: on a page written for Moldova (its name, a .md
    address) a limit in lei is in Moldovan lei, no EU currency; the same limit on a Romanian page is in RON."""
    body = ("<p>Banca Națională a Moldovei a limitat transferurile la 50 000 de lei pe lună pentru clienții din "
            "Republica Moldova.</p><p>Comisionul de retragere este de 10 lei.</p>")
    assert found(currency, page(body, "ro", "https://www.example-firm.md/")) == set()
    romanian = body.replace("Banca Națională a Moldovei", "Banca").replace("Republica Moldova", "România")
    assert {v for v, _, _ in found(currency, page(romanian, "ro", "https://www.example-firm.ro/"))} == {"RON"}
    # the code itself is not a word of a name: "RON" stays the Romanian leu
    assert {v for v, _, _ in found(currency, page(body.replace("10 lei", "10 RON"), "ro",
                                                  "https://www.example-firm.md/"))} == {"RON"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Ireland imposes a flat 33% CGT rate on net gains exceeding your annual exemption of €1,270.", "en"),
    ("Un abattement de 305 € s'applique avant le calcul du taux.", "fr"),
    ("Die Freigrenze liegt bei 1.000 € pro Jahr.", "de"),
])
def test_a_tax_exemption_or_allowance_is_no_price(text, lang):
    assert found(currency, page(f"<p>{text}</p>", lang)) == set()


def test_a_price_beside_an_exemption_is_still_a_price():
    text = "<p>The annual exemption is €1,270.</p><p>Our app costs €49 per year.</p>"
    assert [(v, loc) for v, _, loc in found(currency, page(text, "en"))] == [("EUR", "text (amount)")]


def test_the_sites_own_offer_named_by_example_is_offered():
    own = "<p>We support trading between cryptocurrencies and fiat money, such as NOK and DKK.</p>"
    assert {v for v, _, _ in found(currency, page(own, "en"))} == {"DKK", "NOK"}
    told = "<p>Exchanges let you trade against fiat money, such as NOK and DKK.</p>"  # what exchanges do in general
    assert found(currency, page(told, "en")) == set()


def test_a_currency_named_inside_a_quotation_is_someone_elses_word():
    quoted = "<p>On glisse son billet, «en euro, le temps d'adapter la machine à la devise», dixit le promoteur.</p>"
    assert found(currency, page(quoted, "fr")) == set()
    own = "<p>Vous pouvez payer en euro, sans frais de change.</p>"
    assert {v for v, _, _ in found(currency, page(own, "fr"))} == {"EUR"}


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("Vous pouvez payer en couronnes danoises, sans frais de change.", "fr", "DKK"),
    ("Puedes pagar en coronas suecas sin comisiones.", "es", "SEK"),
    ("Einzahlung in Dänische Kronen ohne Gebühren.", "de", "DKK"),
])
def test_a_currency_offered_by_its_cldr_name_in_any_eu_language(text, lang, code):
    assert {v for v, _, _ in found(currency, page(f"<p>{text}</p>", lang))} == {code}


def test_a_cldr_name_in_a_story_is_no_offer():
    story = "<p>La couronne danoise a perdu 2 % face au dollar la semaine dernière, selon les analystes.</p>"
    assert found(currency, page(story, "fr")) == set()


def test_a_tax_guides_amounts_are_its_examples():
    guide = ("<h1>Krypto Skat i Danmark</h1><p>Eksempel på beregning</p>"
             "<p>Du købte 1 Bitcoin for 200.000 kr i 2023.</p><p>Du sælger 1 Bitcoin for 350.000 kr i 2024.</p>")
    assert found(currency, page(guide, "da")) == set()
    shop = "<h1>Köb bitcoin hos os</h1><p>Du køber 1 Bitcoin for 350.000 kr, gebyr 0,5 %.</p>"
    assert {v for v, _, _ in found(currency, page(shop, "da"))} == {"DKK"}  # a shop's own heading: its prices


def test_a_pair_that_converts_what_something_is_worth_is_no_market():
    """"worth about €40k ... at current XLM/EUR exchange rate" values a giveaway; a pair the site lists is a market."""
    worth = "<p>Wave 1 distributes 222,200 lumens, worth about €40k in total, at the current XLM/EUR exchange rate.</p>"
    assert found(currency, page(worth, "en")) == set()
    market = "<p>Trade XLM/EUR and BTC/EUR with a 0.1 % fee.</p>"
    assert {v for v, _, _ in found(currency, page(market, "en"))} == {"EUR"}


def test_a_dated_page_reports_its_amounts_but_an_archives_placeholder_date_dates_nothing():
    """A stored page opening with its publication date is an article; 2000-01-01 stands for a page of no known date."""
    body = "<p>date {} Deposit from 20 EUR and trade with a 0.1 % fee.</p>"
    assert found(currency, page(body.format("2024-03-05"), "en")) == set()
    assert {code for code, _, _ in found(currency, page(body.format("2000-01-01"), "en"))} == {"EUR"}


def test_a_lithuanian_fee_page_is_no_tax_story():
    """"Mokesčiai" titles a plan's fees as often as taxes; income tax ("pajamų mokestis") still titles a tax guide."""
    fees = page("<h1>Mokesčiai</h1><p>Plano mokestis: 9,99 € per mėnesį.</p>", "lt")
    assert {code for code, _, _ in found(currency, fees)} == {"EUR"}
    tax = page("<h1>Gyventojų pajamų mokestis už kriptovaliutas</h1><p>Plano mokestis: 9,99 € per mėnesį.</p>", "lt")
    assert found(currency, tax) == set()


def test_a_help_centre_article_offers_what_it_explains():
    """"In this article" makes a guide of a blog's page; in the firm's help centre it explains its own service."""
    body = ("<p>In this article, you will learn how to deposit EUR by SEPA transfer. Consider the minimum deposit "
            "(10 EUR) and the maximum (14 500 EUR per day).</p>")
    help_page = page(body, "en", url="https://help.example-exchange.com/articles/deposit-eur")
    assert {code for code, _, _ in found(currency, help_page)} == {"EUR"}
    assert {rail for rail, _, _ in found(payment, help_page)} == {"SEPA"}
    blog = page(body, "en", url="https://www.example-blog.com/guides/deposit-eur")  # near miss: a guide's example
    assert found(currency, blog) == set() and found(payment, blog) == set()


def test_a_help_centre_names_its_own_rail_in_an_example():
    """"For example ... SEPA" in the firm's help centre is its own rail; a blog's example is no offer."""
    body = "<p>For example, if you want to send EUR using the SEPA transfer payment system, the fee is 5 EUR.</p>"
    help_page = page(body, "en", url="https://help.example-exchange.com/articles/fees")
    assert {rail for rail, _, _ in found(payment, help_page)} == {"SEPA"}
    assert found(payment, page(body, "en", url="https://www.example-blog.com/guides/fees")) == set()
