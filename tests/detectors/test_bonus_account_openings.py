"""An account's opening is a trigger beside a reward ("Eröffne ein Depot und erhalte 50 € Prämie"); an account merely
named is not: a comparison that says what "the individual depots" cost and how a premium is got offers nothing.
German lists the opening, switch or transfer of a Depot (incentives.yaml openings), as every language lists the
opening of an account, not the bare noun."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

NAMED = [
    "Hier lesen Sie, welche Gebühren die einzelnen Depots verlangen und wie man eine Prämie erhält.",
    "Im Vergleich stehen die Kosten der Depots und die Bedingungen, eine Prämie zu erhalten.",
]


@pytest.mark.parametrize("sentence", NAMED)
def test_an_account_named_is_no_trigger(sentence):
    assert offers(sentence, ("de", "en")) == ((), 0)


OPENED = [
    "Eröffne ein Depot und erhalte 50 € Prämie.",
    "Beim Depotwechsel erhältst du eine Prämie von 100 €.",
    "Übertrage dein Depot zu uns und erhalte eine Prämie von 100 €.",
]


@pytest.mark.parametrize("sentence", OPENED)
def test_near_miss_an_account_opened_switched_or_transferred_triggers(sentence):
    found, _ = offers(sentence, ("de", "en"))
    assert [i.language for i in found] == ["de"]


# Each language's opening with the articles and moods a page writes it in (the lexicon listed one or two of them:
# "abre tu cuenta" but not "abre una cuenta"), and a voucher as the reward ("Gutschein", "bon d'achat").
OPENED_AS_WRITTEN = [
    ("es", "Abre una cuenta con nosotros y recibe 100 euros."),
    ("fr", "Ouvrez un compte aujourd'hui et recevez 100 euros."),
    ("pt", "Abra uma conta connosco e receba 100 euros."),
    ("it", "Apri il tuo conto e ricevi 100 euro."),
    ("en", "Create an account and receive 20 EUR."),
    ("de", "Eröffnen Sie ein Konto und erhalten Sie einen Gutschein über 100 Euro."),
    ("fr", "Ouvrez votre compte et recevez un bon d'achat de 30 euros."),
    ("sv", "Öppna ett konto och få ett presentkort på 200 kronor."),
]


@pytest.mark.parametrize("language, sentence", OPENED_AS_WRITTEN)
def test_an_opening_as_pages_write_it_triggers_its_reward(language, sentence):
    found, _ = offers(sentence, (language,))
    assert [i.language for i in found] == [language]


# Near misses: the account's price, and a contract's "by opening an account, the user accepts" (no gerund is listed:
# in terms of use it states consent, and "services offered" there is no reward).
PRICED_OR_AGREED = [
    ("es", "Abre una cuenta y paga 5 euros al mes por la tarjeta."),
    ("fr", "En ouvrant un compte et en utilisant les services offerts, l'utilisateur accepte le présent contrat."),
    ("pt", "Abra uma conta e pague 3 euros por mês de manutenção."),
    ("de", "Lösen Sie Ihren Gutschein im Kundenkonto ein, sobald Sie sich angemeldet haben."),
]


@pytest.mark.parametrize("language, sentence", PRICED_OR_AGREED)
def test_near_miss_an_opening_priced_or_agreed_to_offers_nothing(language, sentence):
    assert offers(sentence, (language,))[0] == ()
