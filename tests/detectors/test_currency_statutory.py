"""CURRENCY: an amount the law sets is no price of the site: a capital requirement ("kapitálové požiadavky"), the
deposit guarantee's cover per depositor or per credit institution ("100 000 eurot ühe hoiustaja kohta"), a reporting
obligation's threshold ("meldepflichtig ab 1000 Euro") -- narrative words of lexicons/offer_context.yaml, in every
language. The same amounts said as the firm's own terms are offered."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(lang: str, text: str) -> set[str]:
    return found_values(currency, lang, text, url="https://www.example-bank.com/konto")


@pytest.mark.parametrize(("lang", "text"), [
    ("sk", "Poskytovateľ musí spĺňať kapitálové požiadavky, minimálne 125 000 EUR podľa druhu služieb."),
    ("et", "Kontol olev raha hüvitatakse kuni 100 000 eurot ühe hoiustaja kohta, kui pank peaks maksejõuetuks jääma."),
    ("en", "Balances on the account are repaid up to 100,000 EUR per depositor if the bank fails."),
    ("de", "Zahlungen in Krypto sind meldepflichtig ab einem Betrag von 1000 Euro im Jahr."),
    ("sl", "Prejemniki bodo morali poročati o vsakem plačilu v kriptovalutah v vrednosti 1000 evrov ali več."),
])
def test_an_amount_set_by_law_is_no_offer(lang, text):
    assert codes(lang, text) == set()


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("sk", "Vklad na účet je možný od 125 EUR, bez poplatkov za vedenie účtu.", {"EUR"}),
    ("et", "Konto hooldustasu on 2 eurot kuus ja ülekanded on tasuta.", {"EUR"}),
    ("en", "Withdrawals to your bank account cost 1 EUR each, whatever the amount.", {"EUR"}),
    ("de", "Die Einzahlung ist ab einem Betrag von 10 Euro möglich, ohne Gebühren.", {"EUR"}),
])
def test_near_miss_the_firms_own_terms_are_offered(lang, text, expected):
    assert codes(lang, text) == expected
