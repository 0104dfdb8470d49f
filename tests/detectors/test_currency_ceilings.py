"""CURRENCY: a ceiling stated as "up to the amount of" in the languages that say amount with a word of height or size
("bis zu einer Höhe von", "do výše", "do wysokości") or in a German compound of "-höhe" ("Kredithöhe"): an offer word,
as "maximum" and "limit" are (lexicons/offer_context.yaml). The same words without the ceiling ("in Höhe von", "ve
výši") stay neutral, and a fine up to an amount stays news or law."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(lang: str, *paragraphs: str) -> set[str]:
    return found_values(currency, lang, *paragraphs, url="https://www.example-lender.com/darlehen")


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    ("de", ["Privatdarlehen für Ihr Projekt", "Darlehenshöhe: € 2.000 bis € 40.000", "Laufzeit: 24 bis 84 Monate"],
     {"EUR"}),
    ("de", ["Wir leihen Ihnen Geld bis zu einer Höhe von 20.000 Euro, ohne lange Wartezeit."], {"EUR"}),
    ("cs", ["Naše kreditní karta vám nabídne úvěrový rámec až do výše 80 000 Kč."], {"CZK"}),
    ("pl", ["Udzielamy pożyczki do wysokości 15 000 zł dla nowych klientów."], {"PLN"}),
])
def test_a_ceiling_up_to_an_amount_is_offered(lang, paragraphs, expected):
    assert codes(lang, *paragraphs) == expected


@pytest.mark.parametrize(("lang", "paragraphs"), [
    # the amount's size told without a ceiling: no offer word
    ("de", ["Im Sommer spendete der Verein Geld in Höhe von 800 Euro an die Schule."]),
    ("cs", ["Loni sousedé darovali ve výši 12 000 Kč školní knihovně."]),
    # a ceiling of a fine: news or law
    ("cs", ["Za porušení hrozí pokuta až do výše 80 000 Kč."]),
    # a height that is no amount's
    ("de", ["Die Hütte liegt auf 1.800 m Höhe und ist im Sommer geöffnet."]),
])
def test_near_miss_an_amount_with_no_ceiling_or_a_fines_is_not(lang, paragraphs):
    assert codes(lang, *paragraphs) == set()
