"""A comparison guide reads like an article (a reading time, an explainer's title) yet carries advert boxes: a short
line that caps an incentive's amount ("Jusqu'à 160 € offerts") beside a button. Such a headline is the site's
advertising: BONUS keeps it where the page otherwise only reports on other firms' offers, and CURRENCY counts its
amount where a story's amounts do not count (detectors/incentives.advert)."""

from __future__ import annotations

from detectors import bonus, currency
from detectors.context import Context
from detectors.document import build_document

GUIDE = ("<h1>Comment ouvrir un compte bancaire en ligne ?</h1><p>Mis à jour le 3 mars</p><p>5 min de lecture</p>"
         "<p>Selon les banques, différentes étapes sont demandées pour ouvrir un compte.</p>")
BOX = "<p>Jusqu'à 160 € offerts</p><p>J'en profite</p>"
REPORT = "<p>La banque X a versé 80 € aux nouveaux clients l'an dernier, selon son rapport annuel.</p>"


def found(body: str) -> dict[str, set[str]]:
    html = f'<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body>{body}</body></html>'
    doc = build_document(channel="website:test", requested_url="https://guide.example.info/banque",
                         url="https://guide.example.info/banque", status=200, fetched_at="2026-01-01T00:00:00Z",
                         content_type="text/html", body=html.encode())
    return {m.INDICATOR: {f.evidence.value for f in m.detect(doc, Context())} for m in (bonus, currency)}


def test_an_advert_headline_on_a_guide_is_an_incentive_and_a_price():
    assert found(GUIDE + BOX) == {"BONUS": {"jusqu'à 160 € offerts"}, "CURRENCY": {"EUR"}}


def test_near_miss_the_guides_reported_amounts_are_neither():
    assert found(GUIDE + REPORT) == {"BONUS": set(), "CURRENCY": set()}


def test_a_headline_run_into_the_cell_before_it_is_read_on_its_own():
    """Table cells whose text ran together once tags were gone ("... à l'étrangerJusqu'à 230€ offerts► VOIR")."""
    glued = "<p>Aucuns frais à l'étrangerJusqu'à 230€ offerts► VOIR</p>"
    assert found(GUIDE + glued) == {"BONUS": {"jusqu'à 230€ offerts► voir"}, "CURRENCY": {"EUR"}}
    assert found(GUIDE + "<p>Aucuns frais à l'étranger jusqu'à 230 € par an</p>") == {"BONUS": set(),
                                                                                         "CURRENCY": set()}
