"""Markers of a non-EU audience that real look-alike pages carry: Swiss news signed by the national agency and
counting in francs, a payment app written the way the press writes it ("Twint"), Brazilian spellings of country
names and nouns, and a site's Latin-American section ("/latam/"). Each with a near miss that stays undecided."""

from __future__ import annotations

import pytest

from detectors.document import build_document
from detectors.page_locale import written_for


def _page(paragraphs: str, url: str = "https://news.example.org/story"):
    body = f"<html><body>{paragraphs}</body></html>".encode()
    return build_document(channel="website:test", requested_url=url, url=url, status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=body)


SWISS_FR = ("<p>Photo : Keystone / Anne Muster</p><p>La Finma durcit ses règles : les achats de cryptomonnaies "
            "au-delà de 500 francs exigeront désormais une pièce d'identité.</p>")
FRANCE_FR = ("<p>Photo : AFP</p><p>En 1995, à Paris, un ticket de métro coûtait encore sept francs ; il se paie "
             "aujourd'hui en euros.</p>")
SWISS_IT = ("<p>Keystone-ATS</p><p>L'app di pagamento Twint ha superato i cinque milioni di utenti, secondo una "
            "nota diffusa oggi.</p>")
ITALY_IT = "<p>ANSA</p><p>L'app di pagamento ha superato i cinque milioni di utenti, secondo una nota diffusa oggi.</p>"
BRAZIL_PT = ("<p>Não aceitamos clientes residentes no Irã ou na Coreia do Norte, e aplicamos monitoramento "
             "reforçado às demais jurisdições de risco.</p>")
PORTUGAL_PT = ("<p>Não aceitamos clientes residentes no Irão ou na Coreia do Norte, e aplicamos monitorização "
               "reforçada às demais jurisdições de risco.</p>")


@pytest.mark.parametrize(("language", "paragraphs", "territory"), [
    ("fr", SWISS_FR, "CH"),  # the agency's credit, the regulator and an amount in francs
    ("fr", FRANCE_FR, ""),  # francs alone, in a French paper's look back: one mark, undecided
    ("it", SWISS_IT, "CH"),  # the agency and the payment app as the press spells it
    ("it", ITALY_IT, ""),
    ("pt", BRAZIL_PT, "BR"),  # "Irã" and "monitoramento": Brazil's spelling and noun
    ("pt", PORTUGAL_PT, ""),  # "Irão" and "monitorização": Portugal's
])
def test_text_markers_give_the_audience_away(language, paragraphs, territory):
    assert written_for(_page(paragraphs), language).territory == territory


SPANISH = "<p>Ofrecemos apalancamiento flexible en todas las cuentas, incluso con depósitos pequeños.</p>"


@pytest.mark.parametrize(("url", "territory"), [
    ("https://broker.example.com/latam/margin", "419"),  # the site's section for Latin America
    ("https://broker.example.com/LATAM/margin", "419"),
    ("https://broker.example.com/es/margin", ""),  # a language folder says nothing of the region
    ("https://broker.example.com/latamente/margin", ""),  # a word that begins the same
])
def test_a_latin_american_section_is_a_region_folder(url, territory):
    assert written_for(_page(SPANISH, url), "es").territory == territory
