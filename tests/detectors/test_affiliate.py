"""AFFILIATE link reading: which links carry a referral code or affiliate tracking, and which only look as if."""

from __future__ import annotations

import pytest

from detectors.affiliate import referral_evidence

CODED = [
    ("https://www.example-firm.com/register?ref=ANNA2024", ("referral parameter ref", "ANNA2024")),
    ("https://www.example-firm.com/signup?referral_code=f79EsS", ("referral parameter referral_code", "f79EsS")),
    ("https://app.example-firm.com/?inviteCode=7QCY9A", ("referral parameter inviteCode", "7QCY9A")),
    ("https://www.example-firm.com/join/XK82PL", ("invite path /join/", "XK82PL")),
    ("https://www.example-firm.com/r/kryptoKlaus", ("invite path /r/", "kryptoKlaus")),
    ("https://www.example-firm.com/de/invite/ab12cd", ("invite path /invite/", "ab12cd")),
    ("https://www.example-firm.com/reg-1189.4038", ("referral path", "reg-1189.4038")),
    ("https://go.example-firm.com/signup?c=UBFZJRPJ", ("code-like parameter c", "UBFZJRPJ")),
    ("https://s.example-firm.com/UzkyODgy", ("code-like short link", "UzkyODgy")),
    ("https://www.example-firm.com/?awc=12345_1767225600_9f8e7d", ("Awin click id (awc)", "12345_1767225600_9f8e7d")),
    ("https://www.example-firm.com/?irclickid=QWE123rty456", ("Impact click id (irclickid)", "QWE123rty456")),
    ("https://www.example-firm.com/?sscid=71k5_abcd", ("ShareASale click id (sscid)", "71k5_abcd")),
    ("https://www.example-firm.com/?tduid=0a1b2c3d4e", ("Tradedoubler click id (tduid)", "0a1b2c3d4e")),
    ("https://www.example-firm.com/?admitad_uid=f00ba4", ("Admitad click id (admitad_uid)", "f00ba4")),
    ("https://www.shareasale.com/r.cfm?b=1&m=2", ("ShareASale affiliate network link", "www.shareasale.com")),
]
PLAIN = [
    "https://www.example-firm.com/",
    "https://www.example-firm.com/join",
    "https://www.example-firm.com/join/",
    "https://www.example-firm.com/register",
    "https://www.example-firm.com/?ref=",
    "https://www.example-firm.com/?lang=de",
    "https://www.example-firm.com/prices?c=EUR",
    "https://www.example-firm.com/promo?code=welcome",
    "https://www.example-firm.com/de/bitcoin-kaufen",
    "https://www.example-firm.com/markets/BTC-EUR",
    "https://www.example-firm.com/markets/BTCEUR",
    "https://www.example-firm.com/blog/how-to-buy-bitcoin?utm_source=newsletter&utm_medium=email",
    "https://x.com/ExampleFirm",
    "https://www.linkedin.com/company/ExampleFirm",
    "https://www.facebook.com/ExampleFirmOfficial",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "mailto:partners@example-firm.com?subject=ref",
    "tel:+493012345678",
]


@pytest.mark.parametrize(("url", "evidence"), CODED, ids=[u.split("//", 1)[1] for u, _ in CODED])
def test_link_with_a_code_is_recognised(url, evidence):
    assert referral_evidence(url) == evidence


@pytest.mark.parametrize("url", PLAIN, ids=[u.split(":", 1)[1].lstrip("/") for u in PLAIN])
def test_link_without_a_code_is_not_recognised(url):
    assert referral_evidence(url) is None
