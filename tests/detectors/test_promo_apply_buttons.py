"""PROMO: a bank's or lender's button to apply ("Złóż wniosek", "Požádat o úvěr", "Podnesite zahtjev", "Hae lainaa",
"Κάντε αίτηση"), or to open a deposit in Bulgarian (where the verb of opening is also the one of discovering:
"Открийте сметка"), on a line of its own, is a call to action. Near misses: a verb that is also a search button
("Hae", "Søk nå"), Bulgarian "Открийте повече" (discover more), a how-to heading in the infinitive."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

BUTTONS = [("fr", "Faites une demande"), ("es", "Solicítala ahora"), ("pt", "Peça já o seu cartão"),
           ("nl", "Vraag nu aan"), ("pl", "Złóż wniosek"), ("cs", "Požádejte o úvěr"), ("sk", "Požiadajte o úver"),
           ("hr", "Podnesite zahtjev"), ("sl", "Oddajte vlogo"), ("lt", "Pateikite paraišką"), ("et", "Esita taotlus"),
           ("fi", "Hae lainaa"), ("no", "Søk om lån"), ("el", "Κάντε αίτηση τώρα"), ("bg", "Подайте заявка"),
           ("bg", "Открийте сметка"), ("bg", "Свали приложението")]
NOT_CALLS = [("fi", "Hae"), ("no", "Søk"), ("no", "Søk nå"), ("bg", "Открийте повече"),
             # a how-to heading in the infinitive, a sentence in the first person
             ("cs", "Jak požádat o úvěr bez registru"), ("fr", "Comment faire une demande de remboursement"),
             ("et", "Täna avan konto.")]


@pytest.mark.parametrize(("language", "button"), BUTTONS, ids=[button for _, button in BUTTONS])
def test_a_button_to_apply_or_open_is_a_call(detect, language, button):
    assert len(promo_calls(detect, language, "Example Bank", button)) == 1


@pytest.mark.parametrize(("language", "label"), NOT_CALLS, ids=[label for _, label in NOT_CALLS])
def test_near_miss_a_search_button_or_a_reading_path(detect, language, label):
    assert promo_calls(detect, language, "Example Bank", label) == set()
