"""BONUS: an offer dated with an ordinal ("bis 31. Dezember", "do 31. prosince") or priced with an abbreviation
("200 kr., hvis ...") is one sentence: the dot ends none where a German month, a comma or a word in lower case goes
on after it. Near miss: a sentence
that does end in a number, the next opening with a capital, stays two sentences (its incentive is read alone)."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import page_of

DATED = [("de", "Wir schenken Ihnen 50 Euro, wenn Sie bis 31. Dezember ein Depot eröffnen."),
         ("de", "Sie erhalten 25 Euro Prämie, wenn Sie sich vom 1. März bis zum 30. April registrieren."),
         ("cs", "Získáte 500 Kč, když si do 31. prosince otevřete účet."),
         ("da", "Du får 200 kr., hvis du opretter en konto inden 31. december."),
         ("fi", "Saat 20 euroa, kun avaat tilin 31. joulukuuta mennessä.")]


@pytest.mark.parametrize(("language", "sentence"), DATED, ids=[s for _, s in DATED])
def test_an_offer_dated_by_an_ordinal_is_one_sentence(detect, language, sentence):
    assert {indicator for (indicator, *_) in detect("bonus", page_of(language, "Aktion", sentence))} == {"BONUS"}


def test_near_miss_a_sentence_ending_in_a_number_stays_apart(detect):
    # "Die Zahl der Einladungen ist begrenzt auf 3." ends; "Eröffnen Sie ein Depot" opens the next, no reward in it
    page = page_of("de", "Aktion", "Wir schenken Ihnen nichts, die Zahl der Einladungen ist begrenzt auf 3. "
                   "Eröffnen Sie ein Depot bei uns.")
    assert detect("bonus", page) == set()


def test_a_date_that_closes_the_sentence_stays_in_it(detect):
    # "bis 31. Dezember." ends the sentence after the month: the offer is shown whole, not cut at "31."
    offer = "Eröffnen Sie ein Depot und erhalten Sie 50 Euro bis 31. Dezember."
    assert [value for (_, _, value, _) in detect("bonus", page_of("de", "Aktion", offer))] == [offer.lower()]
