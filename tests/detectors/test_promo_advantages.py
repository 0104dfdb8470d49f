"""PROMO: a product page that sells by the list of what it does for the reader, under a heading of its own ("Ihre
Vorteile", "Dina fördelar", "Why choose us"), with no call or offer found otherwise (detectors/promo.py)."""

from __future__ import annotations

import pytest

from detectors.promo import ADVANTAGES_LOCATOR


def page_of(lang: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<!doctype html><html lang="{lang}"><head><title>Produkt</title></head><body>{body}</body></html>'


def headings(detect, lang: str, *paragraphs: str, url: str = "https://www.example-bank.com/konto/app"):
    return {(states, value) for (_, states, value, locator) in detect("promo", page_of(lang, *paragraphs), url=url)
            if locator.startswith(ADVANTAGES_LOCATOR)}


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    ("de", ["Mit dem Bezahlverfahren in der Banking-App senden Sie Geld an Freunde.", "Ihre Vorteile",
            "• Die Nutzung ist kostenlos", "• Das Geld ist in Sekunden da"],
     {(("AT", "BE", "DE", "LI", "LU"), "ihre vorteile")}),
    ("sv", ["Ta betalt med mobilen i din butik.", "Dina fördelar med appen", "Pengarna kommer direkt till kontot."],
     {(("FI", "SE"), "dina fördelar")}),
    ("en", ["A savings account that pays interest from the first day.", "Why choose us?",
            "No account fees, ever."], {((), "why choose us")}),
], ids=["de", "sv", "en"])
def test_an_advantages_heading_on_a_product_page_is_promotion(detect, lang, paragraphs, expected):
    assert headings(detect, lang, *paragraphs) == expected


@pytest.mark.parametrize(("lang", "paragraphs", "url"), [
    # the same words in running text: a description, not a heading
    ("de", ["Ihre Vorteile bei der Kontoeröffnung hängen von der Bank ab, die Sie wählen, und vom Kontomodell."],
     "https://www.example-bank.com/konto/app"),
    # a news story's page (dated address)
    ("de", ["Die Bank stellt ihre neue App vor.", "Ihre Vorteile", "• Die Nutzung ist kostenlos"],
     "https://www.example-news.de/2025/03/04/bank-stellt-app-vor"),
    # a review's question about someone else's product
    ("pt", ["A corretora é uma aposta segura.", "Porquê escolher a EightCap?", "A plataforma é flexível."],
     "https://www.example-compare.pt/corretoras/cfd"),
], ids=["de-running-text", "de-news", "pt-review"])
def test_near_miss_no_advantages_heading_of_the_site(detect, lang, paragraphs, url):
    assert headings(detect, lang, *paragraphs, url=url) == set()


# Without the reader ("Die Vorteile der ...", "Les avantages de ..."): a heading that names the site itself
# (own_advantages.yaml), on a line of its own or as a line's last sentence opening a list with a colon.
OWN = [("de", ["Sie können jederzeit einzahlen. Die Vorteile der Beispielbank-Depots im Überblick:",
               "• ab 25 Euro im Monat"], "https://www.beispielbank.de/faq", "die vorteile"),
       ("fr", ["Les avantages de Banqueexemple", "Un compte sans frais de tenue."],
        "https://www.banqueexemple.fr/compte", "les avantages de"),
       ("nl", ["De voordelen van Voorbeeldbank", "Betalen met je telefoon in elke winkel."],
        "https://www.voorbeeldbank.nl/rekening", "de voordelen van")]
OWN_NEAR_MISSES = [
    # a review site weighing someone else's product
    ("de", ["Die Vorteile der Beispielbank-Depots im Überblick:", "• ab 25 Euro im Monat"],
     "https://www.vergleich-portal.de/test/beispielbank"),
    # the site's name in running text, no heading
    ("fr", ["Les avantages de Banqueexemple sont nombreux, mais comparez toujours les frais avec ceux des autres "
            "banques avant d'ouvrir un compte."], "https://www.banqueexemple.fr/compte"),
    # a heading on the advantages of a kind of product, not the site's
    ("nl", ["De voordelen van een ETF", "Lage kosten."], "https://www.voorbeeldbank.nl/beleggen"),
]


@pytest.mark.parametrize(("lang", "paragraphs", "url", "phrase"), OWN, ids=[lang for lang, *_ in OWN])
def test_the_advantages_of_the_site_itself_under_a_heading(detect, lang, paragraphs, url, phrase):
    assert {value for _, value in headings(detect, lang, *paragraphs, url=url)} == {phrase}


@pytest.mark.parametrize(("lang", "paragraphs", "url"), OWN_NEAR_MISSES, ids=["review-site", "running-text", "etf"])
def test_near_miss_advantages_of_someone_elses_product_or_in_running_text(detect, lang, paragraphs, url):
    assert headings(detect, lang, *paragraphs, url=url) == set()
