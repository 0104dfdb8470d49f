"""PROMO: a cookie notice promises the reader "the best experience" in an offer's own words, but it asks consent for
cookies and offers nothing (offer_context.yaml: cookie words are legal wording, as a tax or a fine is). The same
promise about the platform itself is the site's pitch."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls as calls


@pytest.mark.parametrize(("lang", "sentence"), [
    ("ro", "Folosim cookie-uri pentru a vă oferi cea mai bună experiență pe platforma noastră."),
    ("en", "We rely on cookies to give you the best experience when you visit our platform."),
], ids=["ro", "en"])
def test_a_cookie_notice_offers_nothing(detect, lang, sentence):
    assert calls(detect, lang, sentence) == set()


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    ("ro", "Folosim tehnologie modernă pentru a vă oferi cea mai bună experiență pe platforma noastră.",
     {(("RO",), "folosim tehnologie modernă pentru a vă oferi cea", "ro")}),
    ("en", "We rely on the latest technology to give you the best experience when you visit our platform.",
     {((), "we rely on the latest technology to give", "en")}),
], ids=["ro", "en"])
def test_near_miss_the_same_promise_about_the_platform_is_a_pitch(detect, lang, sentence, expected):
    assert calls(detect, lang, sentence) == expected
