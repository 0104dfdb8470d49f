"""AFFILIATE: a refer-a-friend programme is named in the singular as in the plural ("Nodig een vriend uit", "bjud in
en vän", "invite a friend"): the phrases BONUS reads as a referral reward name the programme for AFFILIATE too. A
news item on another firm's programme of that name reports it."""

from __future__ import annotations

import pytest


def affiliate_values(page, lang: str, body: str) -> list[str]:
    from detectors import affiliate
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in affiliate.detect(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("nl", "<p>Nodig een vriend uit: jullie krijgen allebei een gratis aandeel zodra de rekening gevuld is.</p>",
     "nodig een vriend uit"),
    ("sv", "<p>Bjud in en vän och få en aktie var när vännen har gjort sin första affär.</p>", "bjud in en vän"),
    ("en", "<p>Invite a friend and you both get a free share once the account is funded.</p>", "invite a friend"),
], ids=["nl-nodig-een-vriend-uit", "sv-bjud-in-en-van", "en-invite-a-friend"])
def test_the_singular_invitation_names_the_programme(page, lang, body, value):
    assert value in affiliate_values(page, lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("nl", "<p>De bank Noordwind lanceert een actie 'Nodig een vriend uit', kondigde het bedrijf dinsdag aan.</p>"),
    ("sv", "<p>Banken Nordvind lanserar kampanjen Bjud in en vän, meddelade företaget på tisdagen.</p>"),
], ids=["nl-news", "sv-news"])
def test_near_miss_news_of_another_firms_programme(page, lang, body):
    assert affiliate_values(page, lang, body) == []
