"""BONUS: a prize draw, giveaway or trading contest the site runs is an incentive (data/lexicons/bonus.yaml): its
terms spread the prize and the entry over many sentences ("Gewinnspiel ... Teilnahmeberechtigt sind ...",
"Pravidla soutěže o ..."), so no one sentence holds a reward, a verb of getting and a trigger. The word in a
general sense is not: competition law ("hospodářská soutěž"), contests in the plural in a lawyer's guide, news of
another firm's giveaway."""

from __future__ import annotations

import pytest


def page_of(lang: str, *paragraphs: str, title: str = "Example") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>{body}</body></html>'


def bonuses(detect, lang: str, *paragraphs: str) -> set[tuple[tuple[str, ...], str]]:
    return {(states, value) for (_, states, value, _) in detect("bonus", page_of(lang, *paragraphs))}


@pytest.mark.parametrize(("lang", "paragraphs", "value", "states"), [
    ("de", ["Teilnahmebedingungen zum Gewinnspiel", "Teilnahmeberechtigt sind alle verifizierten Kunden der Beispiel "
            "GmbH. Unter allen Teilnehmern werden zehn Preise ausgelost."],
     "gewinnspiel", ("AT", "BE", "DE", "LI", "LU")),
    ("cs", ["Pravidla soutěže o ceny", "Pořadatelem je Příklad s.r.o. Výherci budou vyhlášeni do 31. prosince."],
     "soutěže o", ("CZ",)),
    ("hr", ["Pravila nagradne igre", "Priređivač je Primjer d.o.o. Dobitnici će biti objavljeni na stranici."],
     "nagradne igre", ("HR",)),
    ("en", ["Giveaway terms", "The organiser will select 100 winners among eligible users on 1 March."],
     "giveaway", ()),
    ("pl", ["Regulamin konkursu z nagrodami", "Organizatorem jest Przykład sp. z o.o. Zwycięzców ogłosimy 31 grudnia."],
     "regulamin konkursu", ("PL",)),
], ids=["de-gewinnspiel", "cs-soutez-o", "hr-nagradna-igra", "en-giveaway", "pl-regulamin-konkursu"])
def test_the_sites_own_contest_is_an_incentive(detect, lang, paragraphs, value, states):
    assert (states, value) in bonuses(detect, lang, *paragraphs)


@pytest.mark.parametrize(("lang", "paragraphs"), [
    # competition law: "soutěž" alone is competition, not a contest
    ("cs", ["Úřad pro ochranu hospodářské soutěže uložil pokutu.", "Pokuta se týká dohody o cenách."]),
    # contests in general, in the plural, in a lawyer's guide
    ("pl", ["Wszelkiego rodzaju konkursy przyciągają uczestników.", "W przypadku konkursów zwycięzca nie jest "
            "wybierany losowo."]),
    # a market's competition
    ("en", ["Competition between exchanges keeps trading fees low."]),
    # news of another firm's prize draw
    ("de", ["Die Kryptobörse Binance hat am Montag ein Gewinnspiel gestartet, teilte das Unternehmen in Malta mit.",
            "Laut einem Sprecher sollen zehn Preise verlost werden."]),
    # a ski-jumping competition
    ("pl", ["Po srebrnym medalu podczas konkursu duetów na skoczni zawodnicy otrzymają nagrody."]),
], ids=["cs-competition-law", "pl-contests-in-general", "en-market-competition", "de-news-of-another-firm",
        "pl-sports-konkurs"])
def test_near_miss_the_word_in_a_general_sense_is_no_contest(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) == set()
