"""PROMO: an app-store badge's text, as a page's text keeps it ("Jetzt bei Google Play", "Disponible en Google Play",
"Laden im App Store"), on a line of its own, is the site's call to download its app; near miss: a news sentence
that says where someone else's app can be had."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

BADGES = [("de", "Jetzt bei Google Play"), ("de", "Laden im App Store"), ("es", "Disponible en Google Play"),
          ("it", "Disponibile su Google Play"), ("pt", "Disponível na App Store"), ("nl", "Ontdek het op Google Play"),
          ("da", "Tilgængelig på Google Play"), ("no", "Tilgjengelig på Google Play"), ("cs", "Nyní na Google Play"),
          ("el", "Διαθέσιμο στο Google Play"), ("ro", "Disponibil pe Google Play"), ("en", "Get it on Google Play")]
NEWS = {"de": "Die App der Bank ist seit Mai jetzt bei Google Play erhältlich, berichtete das Magazin am Montag.",
        "es": "La aplicación del banco está disponible en Google Play desde mayo, informó la revista el lunes.",
        "it": "L'app della banca è disponibile su Google Play da maggio, ha riferito la rivista lunedì."}


@pytest.mark.parametrize(("language", "badge"), BADGES, ids=[badge for _, badge in BADGES])
def test_a_store_badge_on_a_line_of_its_own_is_a_call_to_download(detect, language, badge):
    assert len(promo_calls(detect, language, "Example", badge)) == 1


@pytest.mark.parametrize(("language", "sentence"), NEWS.items(), ids=list(NEWS))
def test_near_miss_news_of_where_an_app_can_be_had(detect, language, sentence):
    assert promo_calls(detect, language, "Example", sentence) == set()


SENT_TO_A_STORE = [("en", "Download the app from the App Store (iPhone) or Google Play (Android)",
                    "Open the app and tap Sign up."),
                   ("de", "Lade die App im App Store oder bei Google Play herunter",
                    "Öffne die App und tippe auf Registrieren."),
                   ("fr", "Téléchargez l'application sur l'App Store ou Google Play",
                    "Ouvrez l'application et appuyez sur S'inscrire.")]


@pytest.mark.parametrize(("language", "sentence", "next_step"), SENT_TO_A_STORE, ids=[s[0] for s in SENT_TO_A_STORE])
def test_an_imperative_that_sends_the_reader_to_a_store_is_a_call(detect, language, sentence, next_step):
    assert promo_calls(detect, language, "Example", sentence)
    # Near miss: the same as the first of a how-to's numbered steps (someone else's app, installed on the way)
    assert promo_calls(detect, language, "Example", f"1. {sentence}.", f"2. {next_step}") == set()
