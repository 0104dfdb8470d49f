"""PROMO: a retry ("Try again", "Versuchen ... erneut", "Probeer het opnieuw") after a failed step is no call: the
reader repeats a step, he is not asked to convert."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls


def calls(detect, lang: str, *paragraphs: str) -> set[str]:
    return {value for _, value, _ in promo_calls(detect, lang, *paragraphs)}


@pytest.mark.parametrize(("lang", "failure", "retry"), [
    ("en", "The payment was declined by your bank.", "Try again."),
    ("nl", "De betaling is door je bank geweigerd.", "Probeer het opnieuw."),
    ("sv", "Betalningen avvisades av banken.", "Öppna appen igen och godkänn betalningen."),
])
def test_a_retry_after_a_failure_is_no_call(detect, lang, failure, retry):
    assert calls(detect, lang, failure, retry) == set()


@pytest.mark.parametrize(("lang", "line", "call"), [
    ("en", "Try it free today.", "try it free today"),  # near miss: no retry
    ("nl", "Probeer het vandaag gratis.", "probeer het vandaag gratis"),
])
def test_a_first_try_is_still_a_call(detect, lang, line, call):
    assert call in calls(detect, lang, line)
