"""PROMO: a short exclamation to the reader that names what a firm sells (an account, a card, a loan, a plan),
opened by its verb, whatever that verb is ("Financie a sua conta ...!", "Open je rekening vandaag nog!"): the
reader urged to take the product, as an urging hook makes one of a conversion verb (data/lexicons/offers.yaml,
`products`). Near misses: a notice that opens with the reader or the site ("Ihr Konto wurde gesperrt!"), the same
words without "!", a long sentence, a product named without the reader, a quoted slogan."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

EXCLAIMED = [("pt", "Financie a sua conta com a Northwind!"), ("nl", "Open je rekening vandaag nog!"),
             ("es", "Pide tu tarjeta y paga en todo el mundo!"), ("de", "Hol dir dein Konto in zehn Minuten!"),
             ("pl", "Przenieś swoje konto do nas!"), ("it", "Ricarica il tuo conto con un bonifico!"),
             ("fr", "Transférez votre livret chez nous!"), ("sv", "Flytta ditt sparkonto till oss!"),
             ("cs", "Převeďte svůj účet k nám!"), ("en", "Top up your card in seconds!")]
NOTICES = [("de", "Ihr Konto wurde gesperrt!"), ("nl", "Je rekening is geblokkeerd!"),
           ("en", "Your card is on its way!"), ("pl", "Nasze konto firmowe zostało nagrodzone!")]
NEAR_MISSES = [
    ("pt", "Financie a sua conta com a Northwind."),  # no exclamation
    ("de", "Die Bank hat ihre Konten umgestellt!"),  # no reader
    ("es", "Mira tu tarjeta: los bancos cambian sus comisiones cada año y conviene leer las opiniones de otros "
           "clientes antes de decidir!"),  # a paragraph, not a slogan
    ("nl", "De klant riep: “Open je rekening vandaag nog!”"),  # a quoted slogan
    ("sv", "Kortfattat: flytta dina pengar själv!"),  # "kort" as a word's beginning is no card
]


@pytest.mark.parametrize(("language", "sentence"), EXCLAIMED, ids=[s for _, s in EXCLAIMED])
def test_a_product_urged_on_the_reader_with_an_exclamation_is_a_call(detect, language, sentence):
    assert len(promo_calls(detect, language, "Example", sentence)) == 1


@pytest.mark.parametrize(("language", "sentence"), NOTICES + NEAR_MISSES, ids=[s for _, s in NOTICES + NEAR_MISSES])
def test_near_miss_a_notice_or_an_exclamation_that_urges_no_product(detect, language, sentence):
    assert promo_calls(detect, language, "Example", sentence) == set()
