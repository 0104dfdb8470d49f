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


def _pt_page(host: str):
    from detectors.document import build_document

    body = ("<html><body><p>Você quer investir em criptomoedas? Compare o dólar, o real e o euro antes de escolher "
            "uma corretora.</p></body></html>").encode()
    return build_document(channel="website:test", requested_url=f"https://{host}/", url=f"https://{host}/",
                          status=200, fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=body)


def test_a_country_domain_and_its_usage_outweigh_a_euro_named_in_passing():
    from detectors.page_locale import written_for

    assert written_for(_pt_page("www.investidor.com.br"), "pt").territory == "BR"
    assert written_for(_pt_page("www.investidor.com"), "pt").territory == ""  # "você" and the euro alone: undecided


def _es_page(host: str):
    from detectors.document import build_document

    body = ("<html><body><p>Ahorrar en dólares desde Colombia es más fácil con las billeteras digitales. Estas son "
            "las opciones más rentables del año.</p></body></html>").encode()
    return build_document(channel="website:test", requested_url=f"https://{host}/", url=f"https://{host}/",
                          status=200, fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=body)


@pytest.mark.parametrize(("host", "territory"), [
    ("www.radio.com.co", "CO"),  # the registry's own zone of a code used as a generic name elsewhere
    ("www.radio.co", ""),  # .co alone is a generic name: the country named once decides nothing
    ("radio.github.io", ""),  # a hosting platform's zone is no country's
])
def test_a_generic_country_code_names_its_country_only_under_its_registrys_zones(host, territory):
    from detectors.page_locale import written_for

    assert written_for(_es_page(host), "es").territory == territory
