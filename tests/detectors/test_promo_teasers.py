"""PROMO: a verb of discovery that opens the question an article answers ("Discover how ...", "Descubre cómo ...",
"Scopri se ...") is the article's teaser, also where it speaks to the reader ("your money"): no call. The same verb
with an object of its own and a hook still calls."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls


def calls(detect, lang: str, *paragraphs: str) -> set[str]:
    return {value for _, value, _ in promo_calls(detect, lang, *paragraphs)}


@pytest.mark.parametrize(("lang", "teaser"), [
    ("es", "Descubre cómo darte de alta en una billetera digital y enviar tu dinero sin complicaciones"),
    ("it", "Scopri come funziona il prestito tra privati e quali sono le migliori piattaforme per te."),
    ("pt", "Descubra se o seu cartão é compatível e que passos deve seguir para o ligar à sua conta."),
    ("fr", "Découvrez comment déclarer vos gains en cryptomonnaie en toute sécurité"),
    ("en", "Discover whether your bank card works with our partner wallet and what your fees will be."),
])
def test_a_discovery_verb_before_how_or_whether_is_a_teaser(detect, lang, teaser):
    assert calls(detect, lang, "Guide", teaser) == set()


@pytest.mark.parametrize(("lang", "line", "call"), [
    ("es", "Descubre tu nueva cuenta hoy y envía tu dinero gratis.", "descubre tu nueva cuenta hoy y envía tu"),
    ("it", "Scopri subito il tuo conto gratuito!", "scopri subito il tuo conto gratuito"),
])
def test_a_discovery_verb_with_its_own_object_and_a_hook_still_calls(detect, lang, line, call):
    assert call in calls(detect, lang, "Conto", line)
