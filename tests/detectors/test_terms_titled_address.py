"""CURRENCY and PAYMENT: a firm's terms filed under their full title ("/termini-e-condizioni-generali-di-utilizzo",
"/allgemeine-nutzungsbedingungen") are its own terms (lexicons/terms_pages.yaml), not a story filed under a headline
(detectors/headline_story.py): the currency and the rail their clauses give are the service's. A story's slug of as
many words keeps its amounts and rails its own."""

from __future__ import annotations

from detectors import currency, payment
from tests.support.paragraph_pages import found_values

CLAUSES = ["Articolo 4. Bonifici",
           "L'Utente può effettuare pagamenti in euro dal proprio conto con un bonifico SEPA verso altri istituti."]


def test_clauses_on_terms_filed_under_their_title_are_the_firms_own():
    url = "https://www.example-pay.com/it/termini-e-condizioni-generali-di-utilizzo/"
    assert found_values(currency, "it", *CLAUSES, url=url) == {"EUR"}
    assert found_values(payment, "it", *CLAUSES, url=url) == {"SEPA"}


def test_near_miss_the_same_clauses_under_a_storys_slug_are_the_storys():
    url = "https://www.example-blog.com/come-fare-un-bonifico-sepa-in-euro-verso-altri-istituti/"
    assert found_values(currency, "it", *CLAUSES, url=url) == set()
    assert found_values(payment, "it", *CLAUSES, url=url) == set()
