"""Negated and quoted phrases are not the firm's own promotion: "No bonus is offered", „Jetzt kaufen!“ from a
competitor. The plain sentence on the same page still counts."""

from __future__ import annotations

import pytest


def page_of(lang: str, *sentences: str) -> str:
    paragraphs = "".join(f"<p>{s}</p>" for s in sentences)
    return f'<!doctype html><html lang="{lang}"><head><title>Example</title></head><body>{paragraphs}</body></html>'


def values(found) -> set[str]:
    return {value for (_, _, value, _) in found}


# (detector, page language, a negated or quoted sentence, a plain sentence, the phrase both contain)
CASES = [
    ("bonus", "en", "We do not offer a welcome bonus.", "Claim your welcome bonus today.", "welcome bonus"),
    ("bonus", "en", "There is no sign-up bonus on card deposits.", "Get a sign-up bonus of 10 USDC.",
     "sign-up bonus"),
    ("bonus", "de", "Es gibt keinen Willkommensbonus.", "Sichern Sie sich Ihren Willkommensbonus.",
     "willkommensbonus"),
    ("bonus", "fr", "Nous ne proposons aucun bonus de bienvenue.", "Profitez de notre bonus de bienvenue.",
     "bonus de bienvenue"),
    ("bonus", "es", "No ofrecemos bono de bienvenida.", "Consigue tu bono de bienvenida.", "bono de bienvenida"),
    ("bonus", "it", "Non offriamo alcun bonus di benvenuto.", "Ricevi il bonus di benvenuto.", "bonus di benvenuto"),
    ("bonus", "nl", "Wij bieden geen welkomstbonus.", "Ontvang je welkomstbonus.", "welkomstbonus"),
    ("bonus", "pl", "U nas żadne darmowe krypto nie zastąpi niskich prowizji.", "Odbierz darmowe krypto.",
     "darmowe krypto"),
    ("bonus", "sv", "Vi erbjuder ingen välkomstbonus.", "Hämta din välkomstbonus.", "välkomstbonus"),
    ("bonus", "de", "Ein Mitbewerber wirbt mit „Willkommensbonus für alle!“ und übertreibt.",
     "Ihr Willkommensbonus wartet.", "willkommensbonus"),
    ("bonus", "fr", "Un concurrent promet « bonus de bienvenue garanti ! » à tous.",
     "Votre bonus de bienvenue vous attend.", "bonus de bienvenue"),
    ("bonus", "en", 'Another exchange says "free crypto for everyone" in its ads.', "Earn free crypto by learning.",
     "free crypto"),
    ("bonus", "en", "Another exchange says “free crypto for everyone.” in its ads.", "Earn free crypto by learning.",
     "free crypto"),
    ("promo", "de", "Ihr Slogan „Jetzt Bitcoin kaufen!“ ist nicht unserer.", "Jetzt Bitcoin kaufen.",
     "jetzt bitcoin kaufen"),
    ("promo", "fr", "Leur slogan « Achetez du bitcoin ! » n’est pas le nôtre.", "Achetez du bitcoin avec nous.",
     "achetez du bitcoin avec nous"),
    ("promo", "sv", "Deras slogan »Köp bitcoin nu« är inte vår.", "Köp bitcoin hos oss.", "köp bitcoin hos oss"),
    ("promo", "en", "You never have to buy crypto in a hurry.", "Buy crypto with us.", "buy crypto with us"),
    # A quotation of several sentences, and a line that is all quotation (a campaign's name over its terms).
    ("promo", "pl", "Widzisz reklamę: „Zarabiaj na wzrostach. Dźwignia nawet 1:30. Zacznij już dziś!” Brzmi kusząco.",
     "Zacznij już dziś.", "zacznij już dziś"),
    ("promo", "fr", "« Offre spéciale : Bonus de trading »", "Offre spéciale : Bonus de trading", "offre spéciale"),
    ("promo", "de", "Sie sollten nie Krypto kaufen, ohne die Risiken zu kennen.",
     "Jetzt Krypto kaufen – in zwei Minuten.", "jetzt krypto kaufen"),
]
IDS = [f"{d}-{lang}-{phrase}" for d, lang, _, _, phrase in CASES]


@pytest.mark.parametrize(("detector", "lang", "negated", "plain", "phrase"), CASES, ids=IDS)
def test_negated_or_quoted_phrase_does_not_fire(detect, detector, lang, negated, plain, phrase):
    found = values(detect(detector, page_of(lang, negated)))
    # A call to action is the whole imperative, so for PROMO nothing at all may come of the negated sentence.
    assert phrase not in found and not (detector == "promo" and found)


@pytest.mark.parametrize(("detector", "lang", "negated", "plain", "phrase"), CASES, ids=IDS)
def test_plain_sentence_on_the_same_page_still_fires(detect, detector, lang, negated, plain, phrase):
    assert phrase in values(detect(detector, page_of(lang, negated, plain)))


def test_no_bonus_is_offered_raises_no_bonus(detect):
    assert detect("bonus", page_of("en", "No bonus is offered.")) == set()


def test_negation_only_reaches_a_few_words_back(detect):
    sentence = "We do not charge fees on deposits, and every new account gets a welcome bonus."
    assert "welcome bonus" in values(detect("bonus", page_of("en", sentence)))


def test_a_closed_quotation_earlier_in_the_sentence_does_not_cover_the_phrase(detect):
    sentence = "Unser Motto „Einfach handeln“ gilt auch für Ihren Willkommensbonus."
    assert "willkommensbonus" in values(detect("bonus", page_of("de", sentence)))


@pytest.mark.parametrize(("lang", "sentence", "phrase"), [
    ("lv", "Saņem no mums sveiciena bonusu 10 EUR apmērā.", "sveiciena bonusu"),  # Latvian "no": from
])
def test_an_english_cue_is_no_negation_in_another_language(detect, lang, sentence, phrase):
    assert phrase in values(detect("bonus", page_of(lang, sentence)))


def test_a_slovak_no_opens_a_call_it_does_not_negate(detect):
    # Slovak "No, ..." is "Well, ...": the call after it stands.
    assert values(detect("promo", page_of("sk", "No, a teraz získajte bonus 10 € pri registrácii.")))


def test_the_first_word_of_a_hyphenated_compound_negates_nothing():
    from detectors.text import is_negated

    compound = "Open a no-fee account today."
    assert not is_negated(compound, compound.index("account"), "en")
    plain = "There is no fee for an account today."
    assert is_negated(plain, plain.index("fee"), "en")


def test_a_french_elided_negation_and_no_longer_possible_negate():
    from detectors.text import is_negated

    closed = "En 2021, il n'est désormais plus possible de parrainer vos amis."
    assert is_negated(closed, closed.index("parrainer"), "fr")
    elided = "Ce compte n’offre aucun bonus."
    assert is_negated(elided, elided.index("bonus"), "fr")
    open_ = "Il est désormais possible de parrainer vos amis."  # near miss: still possible
    assert not is_negated(open_, open_.index("parrainer"), "fr")


def test_a_guillemet_that_closes_a_quotation_opens_none():
    from detectors.text import is_quoted

    # «...» closed before the phrase, the next «...» opening after it: the phrase between is the page's own words,
    # also where the window read starts after the first guillemet
    text = ("η εταιρεία «Τράπεζα Eurobank Ανώνυμη Εταιρεία», κατά το διάστημα (εφεξής «η Προθεσμία»), "
            "διοργανώνει ειδική προωθητική ενέργεια με τίτλο «Μεταφορά Μισθοδοσίας».")
    at = text.index("διοργανώνει")
    assert not is_quoted(text, at, at + len("διοργανώνει ειδική"))
    assert not is_quoted(text[text.index("κατά"):], at - text.index("κατά"), at - text.index("κατά") + 11)
    # near misses: inside «French» and »Slovene« quotations the words are quoted
    assert is_quoted("Il a dit « achetez maintenant » hier.", 12, 19)
    assert is_quoted("Er sagte »Jetzt kaufen und gewinnen« und ging.", 14, 20)
