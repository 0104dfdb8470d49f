"""PROMO's named offers ("welcome offer", "offre de bienvenue": promo.yaml) count only where a mention stands outside
hedges, as BONUS reads a named incentive (detectors/bonus.unhedged_mention): a guide that says what such an offer
usually or might include explains offers in general; the site naming its own offer still promotes."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls


@pytest.mark.parametrize(("language", "line"), [
    ("en", "A typical welcome offer might include a few free trades."),
    ("fr", "Une offre de bienvenue prend souvent la forme d'une prime."),
    ("de", "Ein Willkommensangebot enthält oft einige Freitrades."),
], ids=["en-might", "fr-souvent", "de-oft"])
def test_an_offer_named_only_in_hedged_sentences_is_none(detect, language, line):
    assert promo_calls(detect, language, line) == set()


@pytest.mark.parametrize(("language", "paragraphs", "expected"), [
    ("en", ["Our welcome offer includes a few free trades."], {((), "welcome offer", "en")}),
    ("fr", ["Une offre de bienvenue prend souvent la forme d'une prime.",
            "Notre offre de bienvenue : trois mois sans frais."],  # one mention outside hedges is enough
     {(("BE", "FR", "LU"), "offre de bienvenue", "fr")}),
], ids=["en-own", "fr-own-beside-a-hedged-mention"])
def test_near_miss_the_sites_own_named_offer(detect, language, paragraphs, expected):
    assert promo_calls(detect, language, *paragraphs) == expected
