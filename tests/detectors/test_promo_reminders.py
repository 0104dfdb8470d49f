"""PROMO: a reminder opens a call when a conversion verb follows it ("Recuerda registrarte hoy"), not when "that"
follows it ("Recuerda que invertir ... tiene riesgos"): a statement the reader should keep in mind."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls


def calls(detect, lang: str, *paragraphs: str) -> set[str]:
    return {value for _, value, _ in promo_calls(detect, lang, *paragraphs)}


@pytest.mark.parametrize(("lang", "line"), [
    ("es", "Recuerda que invertir en bolsa conlleva riesgos para tus ahorros."),
    ("pl", "Pamiętaj, że inwestować warto tylko nadwyżki oszczędności."),
    ("de", "Denk daran, dass Investieren immer Risiken birgt."),
])
def test_a_reminder_of_a_fact_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


@pytest.mark.parametrize(("lang", "line", "call"), [
    ("es", "Recuerda registrarte hoy en la plataforma.", "recuerda registrarte hoy en la plataforma"),
    ("pl", "Pamiętaj, aby zarejestrować się już dziś.", "pamiętaj"),
])
def test_a_reminder_to_act_is_a_call(detect, lang, line, call):
    assert calls(detect, lang, line) == {call}
