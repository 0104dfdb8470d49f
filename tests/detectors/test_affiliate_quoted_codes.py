"""AFFILIATE: a promo or referral code of four capitals set in quotes right after its name ('the promo code "PINE"',
'il codice promo «LAGO»') is a code, as a longer one is without quotes. Near misses: four capitals without quotes
(a word in capitals, "promo code SALE ends today"), a quoted acronym ('referral code "SEPA"') and a quoted code after
a bare "code" with no offer near it."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import text_codes


@pytest.fixture
def values():
    """values(body, lang="en"): the codes AFFILIATE reads in the text of a one-paragraph page."""
    return text_codes


@pytest.mark.parametrize(("body", "lang", "code"), [
    ('The bonus is credited only with the promotional code "PINE" entered at the first deposit.', "en", "PINE"),
    ("Il bonus si ottiene inserendo il codice promo «LAGO» all'apertura del conto.", "it", "LAGO"),
    ("Bei der Anmeldung den Gutscheincode „TANN“ eingeben.", "de", "TANN"),
], ids=["en", "it", "de"])
def test_a_quoted_four_capital_code_after_its_name(values, body, lang, code):
    assert values(body, lang) == {f"code in text: {code}"}


@pytest.mark.parametrize("body", [
    "Enter promo code SALE ends today for everyone.",
    'Pay by bank transfer: the referral code "SEPA" field stays empty.',
    'Write the code "ROOM" on the envelope.',
], ids=["unquoted", "acronym", "bare-code-no-offer"])
def test_near_miss_unquoted_acronym_or_bare_code(values, body):
    assert values(body) == set()
