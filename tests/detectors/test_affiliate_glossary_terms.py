"""A glossary entry glosses a term with its other name ("a referral joins through the link of an existing user, also
called the referrer"): it defines how referral programmes work in general, reports on no programme of its own, and
offers nothing (programme_reporting.yaml, read by detectors/affiliate_voice.py for AFFILIATE, BONUS and PROMO). The
site that runs its own programme ("our referral programme") still pitches it, whatever terms it glosses."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import page_of

GLOSSARIES = [
    ("en", ["A referral is a new user who joins a service through the link of an existing user, also called the "
            "referrer.",
            "The referrer can earn a share of the trading fees of every friend who signs up through the link."]),
    ("de", ["Ein Werber, auch genannt Empfehlungsgeber, lädt Freunde zu einem Dienst ein.",
            "Für jeden Freund, der sich über den Link registriert, erhält der Werber eine Prämie von 10 €."]),
]


@pytest.mark.parametrize(("lang", "paragraphs"), GLOSSARIES, ids=["en", "de"])
def test_a_glossary_entry_offers_no_programme(detect, lang, paragraphs):
    page = page_of(lang, *paragraphs)
    assert detect("bonus", page) == detect("affiliate", page) == set()
    assert detect("promo", page) == set()


OWN = [
    ("en", ["The friend you invite is also called a referee.",
            "With our referral programme you earn 10 € for every friend who signs up through your link."],
     "referral programme"),
    ("de", ["Der eingeladene Freund, auch genannt der Geworbene, meldet sich über deinen Link an.",
            "Mit unserem Empfehlungsprogramm erhältst du 10 € für jeden Freund, der sich über deinen Link "
            "registriert."],
     "empfehlungsprogramm"),
]


@pytest.mark.parametrize(("lang", "paragraphs", "programme"), OWN, ids=["en", "de"])
def test_near_miss_the_sites_own_programme_beside_a_glossed_term(detect, lang, paragraphs, programme):
    page = page_of(lang, *paragraphs)
    assert {value for (_, _, value, _) in detect("affiliate", page)} == {programme}
    assert {value for (_, _, value, _) in detect("bonus", page)} == {paragraphs[1].lower()[:120]}
