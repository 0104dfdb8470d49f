"""PROMO: the usual titles of a contest's, an offer's, a raffle's, a referral scheme's or a bonus scheme's terms
("Súťažné podmienky", "Pasiūlymo sąlygos", "Raffle rules", "Termini e condizioni dei bonus", "Όροι συμμετοχής σε
προωθητική ενέργεια") title the rules of the site's own promotion (promotion_rules.yaml); the same words inside a
guide's sentence do not."""

from __future__ import annotations

import pytest

from detectors.promotion_rules import LOCATOR
from tests.support.paragraph_pages import page_of


def rules(detect, lang: str, *paragraphs: str, url: str = "https://www.example-bank.eu/campaign/terms"):
    return {(states, value) for (_, states, value, locator) in detect("promo", page_of(lang, *paragraphs), url=url)
            if locator.startswith(LOCATOR)}


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    ("sk", ["Súťažné podmienky", "Banka odmení každého klienta, ktorý si v aplikácii otvorí študentský účet."],
     {(("SK",), "súťažné podmienky")}),
    ("cs", ["Soutěžní podmínky", "Pořádající společnost odmění tři nejaktivnější uživatele aplikace."],
     {(("CZ",), "soutěžní podmínky")}),
    ("lt", ["Pasiūlymo sąlygos", "Nauji kortelės turėtojai gali gauti piniginę premiją už pirmąjį mokėjimą."],
     {(("LT",), "pasiūlymo sąlygos")}),
    ("it", ["Termini e condizioni dei bonus della piattaforma", "I bonus sono riservati agli utenti verificati."],
     {(("IT",), "termini e condizioni dei bonus")}),
    ("el", ["Όροι συμμετοχής σε προωθητική ενέργεια για νέους καταθετικούς λογαριασμούς",
            "Η τράπεζα επιβραβεύει τους νέους πελάτες που ανοίγουν λογαριασμό."],
     {(("CY", "GR"), "όροι συμμετοχής σε προωθητική ενέργεια")}),
    # two rule phrases in the body: joining the promotion, and its length
    ("ro", ["Codul promoțional de primăvară", "Aderând la promoție, acceptați condițiile de mai jos.",
            "Pe durata acestei promoții fiecare cont nou primește o acțiune gratuită."],
     {(("RO",), "aderând la promoție")}),
    # a raffle's rules, titled so
    ("en", ["Raffle rules", "Each verified user gets one ticket per 100 euros traded during March."],
     {((), "raffle rules")}),
    # a refer-a-friend scheme's terms (German "Kunden werben Kunden"), named in the title and again as a heading
    ("de", ["Unsere Bedingungen für Kunden-werben-Kunden", "Programmbedingungen",
            "Wer eine Freundin oder einen Freund empfiehlt, nimmt am Programm teil."],
     {(("AT", "BE", "DE", "LI", "LU"), "bedingungen für kunden-werben-kunden")}),
], ids=["sk-contest", "cs-contest", "lt-offer", "it-bonus-terms", "el-participation", "ro-joining", "en-raffle",
        "de-refer-a-friend"])
def test_a_promotions_usual_title_makes_the_page_its_rules(detect, lang, paragraphs, expected):
    assert rules(detect, lang, *paragraphs) == expected


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("sk", ["Pred prihlásením do akejkoľvek bankovej hry si vždy prečítajte súťažné podmienky organizátora."],),
    ("lt", ["Prieš užsisakydami kortelę, atidžiai perskaitykite kiekvieno banko pasiūlymo sąlygos skiltį."],),
    ("it", ["Molte piattaforme pubblicizzano premi, ma le condizioni dei bonus cambiano spesso."],),
    ("en", ["Before you buy a ticket from any exchange, look for its raffle rules in the help centre."],),
], ids=["sk-guide", "lt-guide", "it-guide", "en-guide"])
def test_near_miss_the_same_words_in_a_guides_sentence(detect, lang, paragraphs):
    assert rules(detect, lang, *paragraphs, url="https://www.example-guide.eu/guide/bank-offers") == set()
