"""AFFILIATE: the person a refer-a-friend rule pays for may be "the referred client" or the reader's acquaintances
("polecony klient", "на свои познати", "suositeltu asiakas"), as Czech "doporučený klient" and Polish "znajomi"
already were (referred_friends.yaml); with a reward in the same or the next sentence it is the rule. Near miss: the
same person with no reward near (a bank's note on who a referred client may be)."""

from __future__ import annotations

import pytest


def rule_values(page, lang: str, body: str) -> list[str]:
    from detectors.affiliate_programme import reward_rule_findings
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in reward_rule_findings(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("pl", "<p>Każdy polecony klient otrzyma bonus w postaci darmowych transakcji.</p>",
     "refer-a-friend reward: polecony klient"),
    ("bg", "<p>Препоръчайте ни на свои познати и всеки от вас ще получи бонус.</p>",
     "refer-a-friend reward: познати"),
    ("fi", "<p>Jokainen suositeltu asiakas tuo sinulle palkkion ensimmäisen kaupan jälkeen.</p>",
     "refer-a-friend reward: suositeltu asiakas"),
], ids=["pl", "bg", "fi"])
def test_the_referred_client_with_a_reward_is_the_rule(page, lang, body, value):
    assert rule_values(page, lang, body) == [value]


def test_near_miss_the_referred_client_without_a_reward(page):
    body = "<p>Polecony klient musi mieć ukończone 18 lat i pełną zdolność do czynności prawnych.</p>"
    assert rule_values(page, "pl", body) == []


def test_the_english_singular_referral_is_the_referred_person(page):
    """English named the referred person only in the plural ("your referrals"); the singular counts as "filleul"
    and "referido" do."""
    body = "<p>Once the trade is done we credit both you and your referral with a bonus in Aurora tokens.</p>"
    assert rule_values(page, "en", body) == ["refer-a-friend reward: your referral"]


def test_near_miss_your_referral_without_a_reward(page):
    body = "<p>Your referral must be 18 or older and must not already hold an Aurora account.</p>"
    assert rule_values(page, "en", body) == []
