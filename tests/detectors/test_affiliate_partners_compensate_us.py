"""AFFILIATE disclosures: the linked firms or partners "compensate us" ("nuestros socios, que nos compensan", "des
liens vers des banques qui nous rémunèrent", "Links zu Banken, die uns vergüten"): the verb of paying the site names
the payment as the noun does (disclosure_pay.yaml), in every language. Near misses: the same verb with no link or
partner in its sentence, and a sentence with a figure (a price, not a disclosure)."""

from __future__ import annotations

import pytest


def disclosures(page, lang: str, body: str) -> list[str]:
    from detectors.affiliate_disclosure import disclosure_findings
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>Aurora</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in disclosure_findings(doc, Context())]


@pytest.mark.parametrize(("lang", "body"), [
    ("es", "<p>Varias cuentas de esta lista son de nuestros socios, que nos compensan por ello.</p>"),
    ("fr", "<p>Certains liens de cette page mènent vers des banques qui nous rémunèrent.</p>"),
    ("it", "<p>Alcuni link di questa pagina portano a banche che ci compensano.</p>"),
], ids=["es", "fr", "it"])
def test_partners_who_compensate_us_disclose(page, lang, body):
    assert disclosures(page, lang, body) == ["affiliate disclosure"]


@pytest.mark.parametrize(("lang", "body"), [
    ("es", "<p>Si el envío se retrasa, nos compensan con un cupón.</p>"),
    ("es", "<p>Nuestros socios nos compensan 5 € por cada envío que se retrasa.</p>"),
], ids=["es-no-partner", "es-figure"])
def test_near_miss_no_partner_or_a_figure(page, lang, body):
    assert disclosures(page, lang, body) == []
