"""A payment rail the page's address is about ("/como-funciona-bizum", "/talletustavat/trustly/") is the subject of
an explainer, not a way to pay the site, unless the site says it offers it, names itself, or files the page in its
help centre (detectors/payment.py, detectors/article_page.help_section)."""

from __future__ import annotations

import pytest

from detectors import payment
from detectors.article_page import help_section
from detectors.context import Context
from detectors.document import build_document


def rails(body: str, url: str, lang: str = "es") -> set[str]:
    html = f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"></head><body>{body}'
    doc = build_document(channel="website:test", requested_url=url, url=url, status=200,
                         fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=html.encode())
    return {f.evidence.value for f in payment.detect(doc, Context())}


# A tech magazine's guide: the rail is its topic, the sentence reads like an offer of it.
GUIDE = "<p>Con Bizum el envío de dinero es gratis y sin comisiones, con un límite de 1.000 euros al día.</p>"


def test_a_rail_the_address_is_about_is_explained():
    assert rails(GUIDE, "https://revista.example.es/tecnologia/como-funciona-bizum") == set()


def test_near_miss_the_same_sentence_under_another_address_offers_it():
    assert rails(GUIDE, "https://revista.example.es/tecnologia/pagos-moviles") == {"Bizum"}


def test_near_miss_the_site_saying_it_offers_the_rail_still_counts():
    own = "<p>Aceptamos Bizum: puedes pagar con Bizum tu suscripción sin comisiones.</p>"
    assert rails(own, "https://tienda.example.es/pagar-con-bizum") == {"Bizum"}


def test_a_firms_help_centre_explains_the_rail_it_offers():
    help_page = "<p>Deposit with a SEPA transfer: the deposit fee is 0 EUR and funds arrive the next day.</p>"
    assert rails(help_page, "https://support.coinhaus.example/articles/sepa-deposit", "en") == {"SEPA"}
    assert rails(help_page, "https://coinhaus.example/blog/what-is-sepa", "en") == set()


def test_a_rail_joined_over_two_words_of_the_address():
    text = "<p>Pague com MB WAY as suas compras: o pagamento é imediato e sem custos.</p>"
    assert rails(text, "https://jornal.example.pt/como-pagar-com-mb-way", "pt") == set()


def test_near_miss_a_rail_inside_a_longer_word_of_the_address_is_no_topic():
    text = "<p>Deposit with a SEPA transfer: the deposit fee is 0 EUR.</p>"
    assert rails(text, "https://exchange.example/en/separate-accounts", "en") == {"SEPA"}


@pytest.mark.parametrize(("url", "expected"), [
    ("https://help.exchange.example/de/articles/123-einzahlung", True),  # the host's first label
    ("https://www.wallet.example/support/sepa-payments/how-to", True),  # a folder
    ("https://www.boerse.example/de/hilfe/einzahlen", True),  # in the page's language
    ("https://exchange-support.example.com/hc/en-us/articles/1-withdraw-eur-sepa", True),  # a help-desk's folder
    ("https://exchange-support.example.com/news/sepa", True),  # a part of the host's first label
    ("https://help.example/articles/sepa", False),  # a registrable domain named "help" is no help centre
    ("https://www.boerse.example/blog/support-fuer-sepa", False),  # a word inside a slug is not a folder
    ("https://www.boerse.example/faq", False),  # the page itself, not a folder
])
def test_help_section(url, expected):
    assert help_section(url) is expected
