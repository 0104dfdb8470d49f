"""AFFILIATE: a referral programme is also named by what it pays for invitations or by its system ("Nagrody za
zaproszenia", "body za doporučení", "sistema di referral", "saistītā programma" - the affiliate programme in
Latvian), in every language (partner_programme.yaml). A news item on another firm's system reports it."""

from __future__ import annotations

import pytest


def affiliate_values(page, lang: str, body: str) -> list[str]:
    from detectors import affiliate
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in affiliate.detect(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("pl", "<h2>Nagrody za zaproszenia</h2><p>Każdy nowy użytkownik z Twojego linku dodaje punkty do rankingu.</p>",
     "nagrody za zaproszenia"),
    ("cs", "<p>Sbírejte body za doporučení a postupujte v žebříčku turnaje.</p>", "body za doporučení"),
    ("it", "<p>Con il nostro sistema di referral ogni nuovo utente conta per il tuo livello.</p>",
     "sistema di referral"),
    ("lv", "<h1>Saistītā programma</h1><p>Pievienojies un saņem daļu no maksām.</p>", "saistītā programma"),
    ("en", "<h2>Referral rewards</h2><p>Every new trader who joins with your link counts toward your tier.</p>",
     "referral rewards"),
], ids=["pl", "cs", "it", "lv", "en"])
def test_the_rewards_or_system_name_the_programme(page, lang, body, value):
    assert value in affiliate_values(page, lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("cs", "<p>Burza Nordvind spustila systém doporučení pro své klienty, oznámila firma v úterý.</p>"),
    ("it", "<p>La banca Solaria lancia un sistema di referral per i clienti, ha annunciato martedì l'azienda.</p>"),
], ids=["cs-news", "it-news"])
def test_near_miss_news_of_another_firms_system(page, lang, body):
    assert affiliate_values(page, lang, body) == []
