"""PROMO: an article labelled as paid for by its sponsor ("Patrocinado por:", "Sponsored by:", "Gesponsert von") is
the site's advertising, as "Conteúdo patrocinado" is; near miss: the same words in a sentence about an event that
sponsors paid for."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import page_of

LABELS = [("pt", "Patrocinado por:", "patrocinado por"), ("es", "Patrocinado por:", "patrocinado por"),
          ("en", "Sponsored by:", "sponsored by"), ("de", "Gesponsert von", "gesponsert von"),
          ("fr", "Sponsorisé par :", "sponsorisé par"), ("it", "Sponsorizzato da:", "sponsorizzato da"),
          ("pl", "Sponsorowane przez:", "sponsorowane przez"), ("nl", "Gesponsord door:", "gesponsord door")]
STORY = {"pt": "Com a conta da Solbanco recebe uma remuneração nos primeiros dois anos.",
         "es": "Con la cuenta de Solbanco recibes una remuneración durante los dos primeros años.",
         "en": "With the Solbank account you earn interest for the first two years.",
         "de": "Mit dem Konto der Solbank erhalten Sie in den ersten zwei Jahren Zinsen.",
         "fr": "Avec le compte Solbanque, vous percevez des intérêts pendant deux ans.",
         "it": "Con il conto Solbanca ricevi interessi per i primi due anni.",
         "pl": "Z kontem Solbanku otrzymujesz odsetki przez pierwsze dwa lata.",
         "nl": "Met de rekening van Solbank ontvang je de eerste twee jaar rente."}
TOLD = {"pt": "O festival de música foi patrocinado por várias empresas da região.",
        "es": "El festival de música fue patrocinado por varias empresas de la región.",
        "en": "The music festival was sponsored by several local firms.",
        "de": "Das Musikfestival wurde gesponsert von mehreren Firmen aus der Region.",
        "fr": "Le festival de musique a été sponsorisé par plusieurs entreprises locales.",
        "it": "Il festival musicale è stato sponsorizzato da diverse aziende locali.",
        "pl": "Wydarzenie było sponsorowane przez kilka lokalnych firm.",
        "nl": "Het muziekfestival werd gesponsord door enkele lokale bedrijven."}


@pytest.mark.parametrize(("language", "label", "value"), LABELS, ids=[lang for lang, _, _ in LABELS])
def test_a_sponsors_label_marks_the_article_as_the_sites_advertising(detect, language, label, value):
    found = detect("promo", page_of(language, "Como fazer o salário crescer", label, STORY[language]))
    assert value in {v for (_, _, v, _) in found}
    told = detect("promo", page_of(language, "Como fazer o salário crescer", TOLD[language]))
    assert value not in {v for (_, _, v, _) in told}
