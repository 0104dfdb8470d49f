"""PROMO: "Start" standing alone in the text, with no object and no hook, names no conversion: a menu's link to the
home page ("Start" in German and Swedish menus) or the name of a plan in a price table. With an object or a time
hook ("Jetzt starten", "Starta ditt sparande idag") it still calls, and so does a button that says it."""

from __future__ import annotations

import pytest

from detectors import promo
from tests.support.paragraph_pages import body_values, promo_calls


def calls(detect, lang: str, *paragraphs: str) -> set[str]:
    return {value for _, value, _ in promo_calls(detect, lang, *paragraphs)}


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("sv", ("Våra prisklasser", "Start", "Passar dig som gör få affärer per månad.", "Mini", "För den aktiva.")),
    ("de", ("Start", "Konten", "Girokonten im Überblick: so unterscheiden sich die Gebühren.")),
    ("da", ("Start*", "0 kr. i kurtage på de første handler.")),
])
def test_start_alone_in_the_text_is_no_call(detect, lang, paragraphs):
    assert calls(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "line", "call"), [
    ("de", "Jetzt starten", "jetzt starten"),
    ("sv", "Starta ditt sparande idag", "starta ditt sparande idag"),
])
def test_start_with_a_hook_or_an_object_still_calls(detect, lang, line, call):
    assert call in calls(detect, lang, "Sparen", line)


def test_a_start_button_still_calls():
    assert body_values(promo, "de", "<p>Ihr Depot in wenigen Minuten.</p><button>Start</button>") == ["start"]
