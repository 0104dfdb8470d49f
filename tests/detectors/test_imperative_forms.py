"""PROMO: the imperative forms of the conversion verbs, familiar and polite, in the languages whose lemmatiser misses
some of them (Slovak "otvor", Romanian "descărcați") or whose imperative ends like a dictionary form (Spanish
"invierte" like "registrarte", Latvian "atveriet" like "atvērt", Finnish "avatkaa" like "avaa")."""

from __future__ import annotations

import pytest

from detectors.cta_vocabulary import tokens_of, vocabularies
from tests.detectors.test_promo_more_calls import calls

IMPERATIVES = {
    "sk": ["otvor", "otvorte", "kúp", "kúpte", "získaj"],
    "cs": ["zaregistruj", "zaregistrujte", "otevři"],
    "hr": ["ostvari", "ostvarite", "počnite"],
    "sl": ["registriraj", "trguj", "vlagaj", "naroči"],
    "ro": ["descărcați", "încercați", "investiți", "tranzacționați", "deschide"],
    "hu": ["vegyél", "fektessen", "kereskedjen", "igényeld"],
    "lt": ["prekiauk", "užsisakyk", "atidarykite"],
    "lv": ["atveriet", "pērciet", "reģistrējieties", "izmēģiniet"],
    "fi": ["avatkaa", "ostakaa", "liittykää", "avaa"],
    "el": ["απόκτησε", "επένδυσε", "παράγγειλε", "ανοίξτε"],
    "es": ["invierte", "empiece", "descargue", "únase"],
    "it": ["registratevi", "apri"],
    "fr": ["ouvre", "ouvrez"],
    "de": ["beginne", "eröffne"],
    "no": ["åpne", "skaff"],
    "sv": ["skaffa", "öppna"],
    "da": ["registrer", "åbn"],
}


@pytest.mark.parametrize(("lang", "form"), [(lang, form) for lang, forms in IMPERATIVES.items() for form in forms])
def test_an_imperative_is_a_conversion_verb_and_no_dictionary_form(lang, form):
    voc = vocabularies()[lang]
    assert voc.verb_at(tokens_of(form), 0) == 1
    assert not voc.infinitive(tokens_of(form)[0])


@pytest.mark.parametrize(("lang", "form"), [("lv", "atvērt"), ("fi", "ostaa"), ("es", "invertir"),
                                            ("es", "registrarte"), ("de", "eröffnen")])
def test_a_dictionary_form_is_still_one(lang, form):
    assert vocabularies()[lang].infinitive(tokens_of(form)[0])


@pytest.mark.parametrize(("lang", "line", "call"), [
    ("sk", "Otvor si Študentský účet a získaj 30 EUR", "otvor si študentský účet a získaj 30 eur"),
    ("es", "Invierte en un mundo mejor.", "invierte en un mundo mejor"),
    ("lv", "Atveriet kontu jau šodien.", "atveriet kontu jau šodien"),
    ("fi", "Avatkaa tili tänään.", "avatkaa tili tänään"),
])
def test_an_imperative_opening_a_short_line_is_a_call(detect, lang, line, call):
    assert {value for _, value, _ in calls(detect, lang, line)} == {call}


# The dictionary form heads a section ("Invertir en bitcoin", "Atvērt kontu"); the Norwegian "Handle" on a line of
# its own is the exchange's menu item as much as a call, and stays none.
@pytest.mark.parametrize(("lang", "line"), [("es", "Invertir en un mundo mejor"), ("lv", "Atvērt kontu bankā"),
                                            ("no", "Handle")])
def test_a_dictionary_form_heading_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


# A clause joined by "and" whose verb is a listed phrase ("használd ki", take advantage of) asks to take what its hook
# offers, as a one-word verb's clause does; without a hook or a reward it asks nothing.
def test_a_joined_clause_opened_by_a_phrase_verb_with_a_hook_is_a_call(detect):
    line = "Tedd izgalmasabbá az esti döntőt és használd ki az ingyenes fogadási ajánlatot."
    assert {value for _, value, _ in calls(detect, "hu", line)} == {"és használd ki az ingyenes fogadási ajánlatot"}


def test_a_joined_clause_opened_by_a_phrase_verb_without_a_hook_is_none(detect):
    assert calls(detect, "hu", "Tedd izgalmasabbá az estét és használd ki a funkciókat.") == set()


# German "sie" and "ihre" address the reader only as "Sie", "Ihre": in lower case they are "they", "their".
def test_a_lower_case_sie_is_no_polite_address(detect):
    line = "Heute werden sie immer häufiger durch die Namen von Kryptowährungen ersetzt."
    assert calls(detect, "de", line) == set()
    assert {value for _, value, _ in calls(detect, "de", "Werden Sie heute Mitglied.")} == {"werden sie heute mitglied"}


# "sichern" calls with the reader as its object or as a label's last word; else it advises or describes.
@pytest.mark.parametrize(("line", "call"), [("Sichere dir jetzt 50 € Bonus!", "sichere dir jetzt 50 € bonus"),
                                            ("Sichern Sie sich Ihren Bonus.", "sichern sie sich ihren bonus"),
                                            ("Jetzt 3 Prozent sichern", "jetzt 3 prozent sichern")])
def test_securing_something_for_the_reader_is_a_call(detect, line, call):
    assert {value for _, value, _ in calls(detect, "de", line)} == {call}


@pytest.mark.parametrize("line", ["Sichern Sie Ihre Seed-Phrase ordnungsgemäß.",
                                  "Kennzeichen guter Anbieter: sichere Krypto-Verwahrung, solide Finanzen."])
def test_securing_an_account_or_a_safe_custody_is_no_call(detect, line):
    assert calls(detect, "de", line) == set()


# A verbal noun is a heading's topic ("TRGOVANJE VALUTAMA", currency trading), not an imperative, even in capitals.
@pytest.mark.parametrize(("lang", "line"), [("hr", "TRGOVANJE VALUTAMA"),
                                            ("bg", "ИНВЕСТИРАНЕ В АКЦИИ"), ("sl", "PRIJAVLJENJE STRANK")])
def test_a_verbal_noun_in_capitals_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()
