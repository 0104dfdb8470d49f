"""Signing up or inviting a friend, written as each language writes it, triggers the reward beside it: German and
Dutch split the verb ("Melde dich ... an", "Meld je ... aan"), Slavic and Baltic languages prefix it
("zarejestruj", "zaregistrujte", "užsiregistruok"), Estonian's imperative ends otherwise ("registreeru"), and the
verb of getting comes in forms the generated word list lacks (Hungarian "kapj", Spanish "recibís", Croatian
"dobivate", Slovenian dual "prejmeta"). Near misses: the same sign-up with a price to pay, or with no reward."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

SIGNED_UP = [
    ("de", "Melde dich heute an und erhalte 10 Euro."),
    ("nl", "Meld je vandaag aan en ontvang 10 euro."),
    ("pl", "Zarejestruj się i odbierz 20 zł."),
    ("cs", "Zaregistrujte se a získejte 200 Kč."),
    ("sk", "Zaregistrujte sa a získajte 10 eur."),
    ("hu", "Regisztrálj, és kapj 3000 forintot."),
    ("lt", "Užsiregistruok ir gauk 10 eurų."),
    ("et", "Registreeru ja saa 10 eurot."),
    ("es", "Invita a un amigo y ambos recibís 15 euros."),
    ("hr", "Pozovi prijatelja i oboje dobivate 15 eura."),
    ("sl", "Povabi prijatelja in oba prejmeta 15 evrov."),
]


@pytest.mark.parametrize("language, sentence", SIGNED_UP)
def test_a_sign_up_or_invitation_as_written_triggers_its_reward(language, sentence):
    found, _ = offers(sentence, (language,))
    assert [i.language for i in found] == [language]


PAID_OR_PLAIN = [
    ("cs", "Zaregistrujte se a zaplaťte 200 Kč za vedení účtu."),
    ("pl", "Zarejestruj się, aby zobaczyć historię transakcji."),
    ("de", "Melde dich an, um deine Kontoauszüge zu sehen."),
    ("nl", "Meld je aan om je overzicht te bekijken."),
    ("et", "Registreeru ja maksa 5 eurot kuus."),
]


@pytest.mark.parametrize("language, sentence", PAID_OR_PLAIN)
def test_near_miss_a_sign_up_with_a_price_or_no_reward_offers_nothing(language, sentence):
    assert offers(sentence, (language,))[0] == ()
