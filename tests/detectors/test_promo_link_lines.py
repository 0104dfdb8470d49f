"""PROMO: lines styled as links or buttons in flat text (a pointer ends them: "Konto eröffnen >>"), read as the
site's calls also among a page's numbered steps; a comparison site's buttons to the providers it ranks, and its
sentences that compare and then have the reader find ("Comparez ... et trouvez ...")."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls as calls

CZECH_STEPS = ("1. krok Vyplnění formuláře", "Vyplňte jméno a e-mail a nahrajte doklad totožnosti.",
               "Účet vám zřídíme během jednoho dne.")
GERMAN_STEPS = ("Schritt 1. Antrag", "Füllen Sie den Antrag aus und laden Sie Ihren Ausweis hoch.",
                "Wir prüfen Ihre Angaben in der Regel am selben Tag.")
LATER_STEPS = {"cs": ("2. krok Vklad", "3. krok Obchodování"), "de": ("Schritt 2. Einzahlung", "Schritt 3. Handel")}


# Between the steps of a sign-up guide, a line a pointer ends is the button that starts it, not one more step.
@pytest.mark.parametrize(("lang", "steps", "button", "call", "states"), [
    ("cs", CZECH_STEPS, "Otevřít účet >>", "otevřít účet", ("CZ",)),
    ("de", GERMAN_STEPS, "Starten Sie mit der Eröffnung Ihres Depots >>", "starten sie mit der eröffnung ihres depots",
     ("AT", "BE", "DE", "LI", "LU")),
])
def test_a_pointed_line_among_steps_is_a_call(detect, lang, steps, button, call, states):
    assert calls(detect, lang, *steps, button, *LATER_STEPS[lang]) == {(states, call, lang)}


@pytest.mark.parametrize(("lang", "steps", "line"), [
    ("cs", CZECH_STEPS, "Otevřít účet"),  # near miss: no pointer, a step's heading
    ("de", GERMAN_STEPS, "Starten Sie mit der Eröffnung Ihres Depots."),
])
def test_the_same_line_without_a_pointer_among_steps_is_no_call(detect, lang, steps, line):
    assert calls(detect, lang, *steps, line, *LATER_STEPS[lang]) == set()


# A comparison site's button to the provider it ranks ("Anbieter besuchen »", "Odwiedź brokera →") is its call, as
# its "Jetzt vergleichen" is: styled as a button or hooked, never as a sentence's verb or an unstyled heading.
@pytest.mark.parametrize(("lang", "line", "call", "states"), [
    ("de", "Anbieter besuchen »", "anbieter besuchen", ("AT", "BE", "DE", "LI", "LU")),
    ("pl", "Odwiedź brokera →", "odwiedź brokera", ("PL",)),
    ("nl", "Bezoek de aanbieder »", "bezoek de aanbieder", ("BE", "NL")),
    ("en", "Visit the exchange now", "visit the exchange now", ()),
])
def test_a_button_to_a_ranked_provider_is_a_call(detect, lang, line, call, states):
    ranking = "Die drei günstigsten Anbieter im Überblick." if lang == "de" else "Ranking 2025"
    assert calls(detect, lang, ranking, line) == {(states, call, lang)}


@pytest.mark.parametrize(("lang", "line"), [
    ("de", "Anbieter besuchen"),  # near miss: no pointer, no hook, a heading
    ("de", "Besuchen Sie im Sommer die Messe in Leipzig."),
    ("pl", "Odwiedź brokera"),
])
def test_a_verb_of_visiting_without_a_buttons_style_is_no_call(detect, lang, line):
    assert calls(detect, lang, "Ranking 2025", line) == set()


# A sentence that compares and then has the reader find, or act ("Comparez ... et trouvez ...", "Jämför ... och köp
# ..."), is a comparison site's pitch; one that compares and goes on to explain is advice.
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("fr", "Comparez les frais de vingt courtiers et trouvez le vôtre en quelques clics.",
     "comparez les frais de vingt courtiers et trouvez"),
    ("de", "Vergleichen Sie die Tarife von zehn Banken und finden Sie Ihr neues Konto.",
     "vergleichen sie die tarife von zehn banken und"),
    ("sv", "Jämför avgifterna hos tio mäklare och köp fonder direkt.",
     "jämför avgifterna hos tio mäklare och köp fonder"),
])
def test_comparing_and_then_finding_is_a_call(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, "Vår guide 2025", line)} == {call}


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Comparez les frais avant de choisir un courtier."),
    ("es", "Compara sus comisiones, ya que impactan en tu rentabilidad y trae sorpresas."),
])
def test_comparing_without_finding_is_no_call(detect, lang, line):
    assert calls(detect, lang, "Guía 2025", line) == set()
