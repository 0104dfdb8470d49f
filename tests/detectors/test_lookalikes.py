"""Non-EU look-alikes: Brazilian Portuguese, Québec French, Swiss German and Mexican Spanish sites are not EU
targeting, whatever detector reads them; and platform pages (app stores, Telegram) carry the platform's
localisation, not the firm's."""

from __future__ import annotations

import pytest

from detectors.analyze import analyze_documents
from detectors.context import Context

LOCALISATION = {"LANG", "HREFLANG", "DOMAIN", "SEO"}


def test_non_eu_locale_site_points_at_no_member_state(lookalike_case):
    findings = analyze_documents([lookalike_case.document()], Context())
    targeted = [(f.indicator, f.member_states, f.evidence.value) for f in findings if f.member_states]
    assert targeted == []


def test_platform_page_raises_no_localisation_finding(platform_case):
    findings = analyze_documents([platform_case.document()], Context())
    assert [f for f in findings if f.indicator in LOCALISATION] == []


@pytest.mark.parametrize("html_lang", ["pt-BR", "fr-CA", "de-CH", "es-MX"])
def test_hreflang_of_a_non_eu_locale_raises_nothing(detect, html_lang):
    page = f'<html><head><link rel="alternate" hreflang="{html_lang}" href="/x/"></head><body></body></html>'
    assert detect("hreflang", page) == set()


@pytest.mark.parametrize("host", ["www.brand.ch", "www.brand.com.br", "www.brand.mx", "www.brand.com.mx",
                                  "www.brand.ca", "www.brand.co.uk", "www.brand.us"])
def test_non_eu_country_domain_raises_nothing(detect, host):
    assert detect("domain", "<html><body><p>Hello</p></body></html>", url=f"https://{host}/") == set()
