"""PROMO: a bank's or lender's button to apply ("Złóż wniosek", "Požádat o úvěr", "Podnesite zahtjev", "Hae lainaa",
"Κάντε αίτηση"), to open a deposit in Bulgarian (where the verb of opening is also the one of discovering: "Открийте
сметка") or in the reader's voice in Estonian ("Avan hoiuse"), on a line of its own, is a call to action. Near miss:
the bare verb that is also a search button ("Hae", "Søk") and Bulgarian "Открийте повече" (discover more)."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

BUTTONS = [("fr", "Faire une demande"), ("es", "Solicítala ahora"), ("pt", "Peça já o seu cartão"),
           ("nl", "Vraag nu aan"), ("pl", "Złóż wniosek"), ("cs", "Požádat o úvěr"), ("sk", "Požiadať o úver"),
           ("hr", "Podnesite zahtjev"), ("sl", "Oddajte vlogo"), ("lt", "Pateikite paraišką"), ("et", "Esita taotlus"),
           ("fi", "Hae lainaa"), ("no", "Søk om lån"), ("el", "Κάντε αίτηση τώρα"), ("bg", "Подайте заявка"),
           ("bg", "Открийте сметка"), ("bg", "Свали приложението"), ("et", "Avan hoiuse")]
NOT_CALLS = [("fi", "Hae"), ("no", "Søk"), ("bg", "Открийте повече")]


@pytest.mark.parametrize(("language", "button"), BUTTONS, ids=[button for _, button in BUTTONS])
def test_a_button_to_apply_or_open_is_a_call(detect, language, button):
    assert len(promo_calls(detect, language, "Example Bank", button)) == 1


@pytest.mark.parametrize(("language", "label"), NOT_CALLS, ids=[label for _, label in NOT_CALLS])
def test_near_miss_a_search_button_or_a_reading_path(detect, language, label):
    assert promo_calls(detect, language, "Example Bank", label) == set()
