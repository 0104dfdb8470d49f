"""The site giving the reader a sum for a trigger, in the words pages use: "we give you" (Polish "Dajemy Ci",
Swedish "Vi ger dig", Dutch "We geven je"), "get yourself" (German "Hol dir"), a starting credit ("Startguthaben"),
the imperative "recommend us" ("Empfiehl uns weiter"), the opening of "your" account (French "l'ouverture de votre
compte", Dutch "het openen van je rekening") and Italian's second person "guadagni". Near misses: the same verbs
with the reader paying, or with a rate and no trigger."""

from __future__ import annotations

import pytest

from detectors.incentives import offers

GIVEN = [
    ("pl", "Dajemy Ci 100 zł za otwarcie konta."),
    ("sv", "Vi ger dig 250 kr när du öppnar ett konto."),
    ("nl", "We geven je 25 euro bij het openen van je rekening."),
    ("de", "Hol dir 10 € Startguthaben bei der Anmeldung."),
    ("de", "Empfiehl uns weiter und kassiere 30 €."),
    ("fr", "Nous vous offrons 25 € à l'ouverture de votre compte."),
    ("it", "Per ogni amico invitato guadagni 20 euro."),
]


@pytest.mark.parametrize("language, sentence", GIVEN)
def test_the_site_giving_a_sum_for_a_trigger_offers(language, sentence):
    found, _ = offers(sentence, (language,))
    assert [i.language for i in found] == [language]


NOT_GIVEN = [
    ("nl", "Je geeft 5 euro per maand uit aan de rekening."),
    ("sv", "Kontot ger 2 % ränta per år."),
    ("de", "Hol dir die App und verwalte dein Depot unterwegs."),
    ("pl", "Dajemy Ci dostęp do ponad 200 kryptowalut."),
]


@pytest.mark.parametrize("language, sentence", NOT_GIVEN)
def test_near_miss_paying_a_rate_or_no_sum_offers_nothing(language, sentence):
    assert offers(sentence, (language,))[0] == ()
