"""A hook that also means "already" (Spanish "ya", Portuguese "já") does not turn a sentence that states a gain into
the site's offer: "you may already get rewards elsewhere" describes the reader, it urges nothing
(detectors/call_offers.py; calls_to_action.yaml `already`). The same sentence with "now" still offers, and an
imperative with "ya" still calls."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

ALREADY = [
    ("es", "Es posible que ya recibas recompensas de otra tarjeta del banco de tu barrio."),
    ("es", "Quizás ya te preguntes cómo ganar recompensas con tu tarjeta."),
    ("pt", "Talvez você já receba recompensas de um cartão do banco do seu bairro."),
    ("pt", "Você pode conseguir uma indicação de amigos que já usam a carteira."),
]


@pytest.mark.parametrize(("language", "line"), ALREADY, ids=[f"{lang}-{n}" for n, (lang, _) in enumerate(ALREADY)])
def test_already_states_no_offer(detect, language, line):
    assert promo_calls(detect, language, line) == set()


NOW = [
    ("es", "Es posible que ahora recibas recompensas de otra tarjeta del banco de tu barrio.",
     {(("ES",), "es posible que ahora recibas recompensas de otra", "es")}),
    ("pt", "Talvez você agora receba recompensas de um cartão do banco do seu bairro.",
     {(("PT",), "talvez você agora receba recompensas de um cartão", "pt")}),
    ("pt", "Você pode conseguir agora uma indicação de amigos que usam a carteira.",
     {(("PT",), "você pode conseguir agora uma indicação de amigos", "pt")}),
]


@pytest.mark.parametrize(("language", "line", "expected"), NOW, ids=[lang for lang, _, _ in NOW])
def test_near_miss_now_still_offers(detect, language, line, expected):
    assert promo_calls(detect, language, line) == expected


def test_near_miss_an_imperative_with_ya_still_calls(detect):
    assert promo_calls(detect, "es", "Abre ya tu cuenta y empieza a operar.") != set()
