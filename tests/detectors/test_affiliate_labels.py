"""AFFILIATE: a link's paid label ("Sponsored link", "Annonselenke", "(lien commercial)") marks a link of the site's
own. It discloses the site's pay even on a page that reports on another firm's referral programme, where the
programme's name and its rules on links and commissions are that firm's, not the site's."""

from __future__ import annotations

import pytest

from detectors import affiliate
from tests.support.paragraph_pages import body_values

REPORT = ("<p>Northwind Exchange launches a referral program for its users, according to a statement on Monday.</p>"
          "<p>Users who refer a friend earn a share of the fees.</p>")


def affiliate_values(lang: str, body: str) -> list[str]:
    return body_values(affiliate, lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("en", REPORT + "<p>Buy bitcoin in minutes at Harbour Broker</p><p>Sponsored link</p>"),
    ("en", REPORT + "<p>Open an account with Harbour Broker (paid link)</p>"),
], ids=["en-label-line", "en-label-in-brackets"])
def test_a_paid_label_on_a_page_reporting_a_programme_is_a_disclosure(lang, body):
    assert affiliate_values(lang, body) == ["affiliate disclosure"]


@pytest.mark.parametrize(("lang", "body"), [
    ("en", REPORT),  # the report alone: another firm's programme
    ("en", REPORT + "<p>The statement named a paid link partner programme in its last paragraph.</p>"),  # not a label
], ids=["en-report-alone", "en-label-words-in-running-text"])
def test_near_miss_a_report_without_a_label_discloses_nothing(lang, body):
    assert affiliate_values(lang, body) == []


@pytest.mark.parametrize(("lang", "body"), [
    ("en", "<p>Best pick for beginners: Harbour Broker. Open account ↗ (affiliate)</p>"),
    ("de", "<p>Unser Favorit für Sparpläne: Harbour Broker [Affiliate]</p>"),
], ids=["en-affiliate-in-brackets", "de-affiliate-in-square-brackets"])
def test_the_bare_word_affiliate_as_a_links_label_is_a_disclosure(lang, body):
    assert affiliate_values(lang, body) == ["affiliate disclosure"]


@pytest.mark.parametrize(("lang", "body"), [
    ("en", "<p>The fund is run by an affiliate of the bank in Luxembourg.</p>"),  # a related company
    ("es", "<p>Consulte su número (afiliado) en la tarjeta sanitaria.</p>"),  # a health plan's member
], ids=["en-affiliate-company", "es-afiliado-member"])
def test_near_miss_affiliate_in_running_text_or_a_member_is_no_label(lang, body):
    assert affiliate_values(lang, body) == []
