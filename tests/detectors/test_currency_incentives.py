"""CURRENCY: the amount of an incentive the site offers (BONUS judges it: a reward, a verb of getting, a trigger) is
the site's own offer in that currency, on a page that otherwise reads as news too -- an advert box beside a story.
Another firm's incentive reported in the story names no currency the site offers."""

from __future__ import annotations

import pytest

from detectors import bonus, currency
from detectors.context import Context
from tests.support.paragraph_pages import paragraph_document

STORY = {
    "en": ["The minister said on Tuesday that the new rules would apply from spring, a spokesman told the press.",
           "Traders told us that prices fell after the announcement."],
    "de": ["Die Ministerin sagte am Dienstag, die neuen Regeln gälten ab dem Frühjahr, erklärte ein Sprecher.",
           "Händler sagte, die Kurse seien danach gefallen."],
}


def page(paragraphs: list[str], lang: str):
    return paragraph_document(lang, *paragraphs, url="https://www.example-news.com/markets/story")


@pytest.mark.parametrize(("box", "lang", "expected"), [
    (["Want a quick €15?", "1. Open an account", "2. Deposit 15 euro", "3. You receive €15 extra straight away!"],
     "en", {"EUR"}),
    (["Schnell 20 € verdienen?", "1. Konto eröffnen", "2. 20 Euro einzahlen", "3. Du erhältst sofort 20 € extra!"],
     "de", {"EUR"}),
])
def test_the_amount_of_the_sites_own_incentive_beside_a_story_is_offered(box, lang, expected):
    doc = page(STORY[lang] + box, lang)
    assert bonus.detect(doc, Context())  # BONUS finds the incentive ...
    assert {f.evidence.value for f in currency.detect(doc, Context())} == expected  # ... and its currency counts


@pytest.mark.parametrize(("reported", "lang"), [
    ("The bank said new customers receive 50 € when they open an account, a spokesman told reporters.", "en"),
    ("Die Bank erklärte, Neukunden erhalten 50 € für die Kontoeröffnung, sagte ein Sprecher.", "de"),
])
def test_another_firms_incentive_reported_in_a_story_names_no_currency(reported, lang):
    doc = page([*STORY[lang], reported], lang)
    assert bonus.detect(doc, Context()) == []
    assert currency.detect(doc, Context()) == []


# The rules of a promotion the site runs: its reward and its thresholds are the campaign's own terms, in sentences
# without an offer word. The organiser's share capital in the same rules is company data, and the same sentences
# outside a promotion's rules offer nothing.
RULES = {
    "pl": ["Regulamin promocji „Start z premią”", "Organizatorem promocji jest Przykładowy Dom Maklerski S.A., "
           "kapitał zakładowy 12 000 000 zł.", "Okres promocji trwa od 1 marca do 30 kwietnia."],
    "en": ["Rules of the promotion “Fresh Start”", "The organiser of the promotion is Example Markets Ltd.",
           "Promotion period: 1 March to 30 April."],
}


@pytest.mark.parametrize(("terms", "lang", "expected"), [
    ("Uczestnik wpłaci na rachunek co najmniej 20.000 PLN w okresie promocji.", "pl", {"PLN"}),
    ("Promocja „500 zł na start” obejmuje nowych klientów.", "pl", {"PLN"}),
    ("Pula nagród: 900 zł dla trzech zwycięzców.", "pl", {"PLN"}),
    ("The top three participants share 900 € in total.", "en", {"EUR"}),
])
def test_an_amount_in_the_rules_of_the_sites_own_promotion_is_offered(terms, lang, expected):
    doc = page([*RULES[lang], terms], lang)
    assert {f.evidence.value for f in currency.detect(doc, Context())} == expected
    assert currency.detect(page([terms], lang), Context()) == []  # the same sentence on an ordinary page


def test_the_organisers_share_capital_in_a_promotions_rules_is_no_offer():
    doc = page(RULES["pl"], "pl")
    assert currency.detect(doc, Context()) == []
    # nor is the tail of the capital's number broken over two lines
    broken = [*RULES["pl"][:1], "Organizatorem promocji jest Przykładowy Bank S.A., kapitał zakładowy 1 234 567",
              "890,12 zł, w całości wpłacony.", RULES["pl"][2]]
    assert currency.detect(page(broken, "pl"), Context()) == []


def test_a_date_above_a_price_breaks_no_number():
    doc = page(["Prices as of 1.11.2020", "100 NOK fee per order, paid by card."], "en")
    assert {f.evidence.value for f in currency.detect(doc, Context())} == {"NOK"}
