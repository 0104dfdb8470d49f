"""PROMO: a rhetorical question asking whether the reader wants, or is ready, to act, answered by the site's
exclamation ("Vrei să cumperi ...? Ai ajuns unde trebuie!") or a short sentence to the reader, is the site's call
(detectors/call_questions.py)."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls as calls


@pytest.mark.parametrize(("lang", "paragraphs", "call", "states"), [
    ("ro", ("Vrei să cumperi bitcoin fără bătăi de cap? Ai ajuns unde trebuie!",),
     "vrei să cumperi bitcoin fără bătăi de cap", ("RO",)),
    ("de", ("Bereit, Aktien zu kaufen?", "Dann bist du bei uns richtig!"), "bereit, aktien zu kaufen",
     ("AT", "BE", "DE", "LI", "LU")),
    ("sk", ("Chcete investovať do akcií? Viete, kde začať? Sme tu pre vás!",), "chcete investovať do akcií", ("SK",)),
    ("en", ("Ready to start trading? You are in the right place!",), "ready to start trading", ()),
    # a short sentence to the reader answers as well as an exclamation
    ("de", ("Sie möchten Aktien kaufen? Dann sind Sie bei uns richtig.",), "sie möchten aktien kaufen",
     ("AT", "BE", "DE", "LI", "LU")),
])
def test_a_question_of_the_readers_wish_answered_by_a_pitch_is_a_call(detect, lang, paragraphs, call, states):
    assert calls(detect, lang, *paragraphs) == {(states, call, lang)}


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", ("Ready to start trading? Once your deposit arrives, the account is funded.",)),  # answered by a statement
    ("de", ("Willst du Bitcoin kaufen? Nicht ohne einen Plan!",)),  # a negated exclamation warns
    ("de", ("Bereit für den Urlaub? Los geht's!",)),  # no conversion verb: no wish to act
    ("ro", ("Vrei să cumperi bitcoin?", "Mulți oameni se întreabă asta.", "Ai grijă!")),  # the exclamation too far
    ("en", ("Want to buy bitcoin? Many people ask this.",)),  # a short answer, not to the reader
    ("de", ("Die Kunden wollen Aktien kaufen? Dann sind sie bei der Bank richtig.",)),  # "sie": they, not you
])
def test_a_question_of_the_readers_wish_answered_otherwise_is_no_call(detect, lang, paragraphs):
    assert calls(detect, lang, *paragraphs) == set()
