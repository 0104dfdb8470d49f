"""PROMO: a bank's or broker's button in the reader's voice, "I want to become a customer" ("Chcę zostać klientem",
"Soovin saada kliendiks", "Jag vill bli kund"), on a line of its own, is a call to action as "Become a customer"
is; near miss: the same words asked as a help page's question ("Chcę zostać klientem?")."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

BUTTONS = [("pl", "Chcę zostać klientem"), ("cs", "Chci se stát klientem"), ("sk", "Chcem sa stať klientom"),
           ("et", "Soovin saada kliendiks"), ("fi", "Haluan asiakkaaksi"), ("hu", "Ügyfél szeretnék lenni"),
           ("sl", "Želim postati stranka"), ("hr", "Želim postati klijent"), ("ro", "Vreau să devin client"),
           ("bg", "Искам да стана клиент"), ("el", "Θέλω να γίνω πελάτης"), ("nl", "Ik wil klant worden"),
           ("sv", "Jag vill bli kund"), ("da", "Jeg vil gerne være kunde"), ("no", "Jeg vil bli kunde"),
           ("it", "Voglio diventare cliente"), ("es", "Quiero ser cliente"), ("pt", "Quero ser cliente"),
           ("fr", "Je veux devenir client"), ("en", "I want to become a customer")]


@pytest.mark.parametrize(("language", "button"), BUTTONS, ids=[lang for lang, _ in BUTTONS])
def test_i_want_to_become_a_customer_on_a_line_of_its_own_is_a_call(detect, language, button):
    assert len(promo_calls(detect, language, "Example Bank", button)) == 1  # the label (as the vocabulary folds it)


@pytest.mark.parametrize(("language", "button"), BUTTONS, ids=[lang for lang, _ in BUTTONS])
def test_near_miss_the_same_words_asked_by_a_help_page(detect, language, button):
    assert promo_calls(detect, language, "Example Bank", f"{button}?") == set()
