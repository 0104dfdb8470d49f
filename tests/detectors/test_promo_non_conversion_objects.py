"""A conversion verb whose object is no product but something the reader keeps, files or navigates to -- a backup,
a complaint or dispute, a copy of data, a section of the page -- asks for no conversion ("Erstelle eine Sicherung",
"Ouvrez un litige", "Open the ... section"): read as the lexicon's `documents` (calls_to_action.yaml), as "Pobierz
PDF" is. The same verb with an account, an app or a card still calls."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

NOT_CALLS = [
    ("de", "Erstelle eine Sicherung deiner Schlüssel auf Papier."),
    ("en", "Download our complaints policy"),
    ("ro", "Deschideți o reclamație dacă transferul nu a sosit."),
    ("en", "Open the Rewards section to see your history."),
    ("fr", "Ouvrez un litige si le vendeur ne répond pas."),
    ("es", "Descarga una copia de tus datos."),
]


@pytest.mark.parametrize(("language", "line"), NOT_CALLS, ids=[s for _, s in NOT_CALLS])
def test_a_backup_a_complaint_or_a_section_is_no_conversion(detect, language, line):
    assert promo_calls(detect, language, line) == set()


CALLS = [
    ("en", "Download the app now", ((), "download the app now", "en")),
    ("ro", "Deschideți un cont astăzi!", (("RO",), "deschideți un cont astăzi", "ro")),
    ("fr", "Ouvrez votre compte en ligne dès maintenant.",
     (("BE", "FR", "LU"), "ouvrez votre compte en ligne dès maintenant", "fr")),
    ("de", "Erstelle jetzt dein Konto in wenigen Minuten.",
     (("AT", "BE", "DE", "LI", "LU"), "erstelle jetzt dein konto in wenigen minuten", "de")),
]


@pytest.mark.parametrize(("language", "line", "expected"), CALLS, ids=[s for _, s, _ in CALLS])
def test_near_miss_the_same_verbs_with_an_account_or_an_app_call(detect, language, line, expected):
    assert promo_calls(detect, language, line) == {expected}
