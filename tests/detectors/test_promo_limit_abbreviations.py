"""The dot of "min." and "max." that abbreviate a limit ends no sentence ("Min. Order Amount", "max. 500 EUR"): a
table header's "Order Amount" after it is no call to order (detectors/call_lines.CALL_SENTENCE, as offer_context.py
reads the same abbreviations). The minutes of "in 2 min." may still end one: the call after them stands."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls


@pytest.mark.parametrize(("language", "line"), [
    ("en", "Min. Order Amount Max. Daily Limit"),
    ("en", "Level Min. Order Value Max. Withdrawal"),
], ids=["order-amount", "order-value"])
def test_a_limits_abbreviation_starts_no_call(detect, language, line):
    assert promo_calls(detect, language, line) == set()


@pytest.mark.parametrize(("language", "line", "expected"), [
    ("en", "Registration takes 2 min. Sign up now!", ((), "sign up now", "en")),
    ("de", "Die Anmeldung dauert nur 5 Min. Jetzt registrieren!",
     (("AT", "BE", "DE", "LI", "LU"), "jetzt registrieren", "de")),
], ids=["en-minutes", "de-minuten"])
def test_near_miss_minutes_end_a_sentence_before_a_call(detect, language, line, expected):
    assert promo_calls(detect, language, line) == {expected}
