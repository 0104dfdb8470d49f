"""DISCLAIMER is a marker: found in every language, pointing at no member state, and never suppressing what
the same page shows (MiCA Art. 61(1): "notwithstanding any contractual clause or disclaimer")."""

from __future__ import annotations

from detectors.analyze import analyze_documents
from detectors.context import Context
from detectors.disclaimer import detect as detect_disclaimer

GERMAN_PROMO_WITH_DISCLAIMER = """<!doctype html>
<html lang="de">
<head><meta charset="utf-8"><title>Example Firm</title></head>
<body>
<main>
<h1>Jetzt Bitcoin kaufen</h1>
<p>Eröffnen Sie heute Ihr Konto und sichern Sie sich Ihren Willkommensbonus. Über 200 Kryptowährungen,
deutschsprachiger Kundenservice und sichere Verwahrung Ihrer Einlagen. Sie zahlen bequem per Überweisung ein
und handeln rund um die Uhr, auch am Wochenende und an Feiertagen.</p>
</main>
<footer><p>Our services are not available to EU residents. Unsere Dienste sind in der EU nicht verfügbar.</p></footer>
</body>
</html>"""


def test_disclaimer_is_a_marker_naming_no_member_state(disclaimer_case):
    findings = detect_disclaimer(disclaimer_case.document(), Context())
    assert {(f.strength, f.member_states) for f in findings} <= {("marker", ())}


def test_disclaimer_found_in_many_languages(all_page_cases):
    languages = {locator.removeprefix("text (").removesuffix(")")
                 for case in all_page_cases if case.family == "disclaimer"
                 for (_, _, _, locator) in case.expected}
    assert len(languages) >= 10, sorted(languages)


def test_disclaimer_does_not_suppress_german_promotion(page):
    findings = analyze_documents([page(GERMAN_PROMO_WITH_DISCLAIMER)], Context())
    observed = {(f.indicator, f.member_states, f.evidence.value, f.evidence.locator) for f in findings
                if f.indicator in ("DISCLAIMER", "PROMO", "BONUS", "LANG")}
    german = ("AT", "BE", "DE", "LI", "LU")
    assert {f for f in observed if f[0] == "DISCLAIMER"} == {
        ("DISCLAIMER", (), "not available to eu residents", "text (en)"),
        ("DISCLAIMER", (), "in der eu nicht verfügbar", "text (de)"),
    }
    # the page's promotion, bonus and language keep their German member states (whatever phrases PROMO reads)
    for indicator in ("PROMO", "BONUS", "LANG"):
        assert any(f[0] == indicator and f[1] == german for f in observed), indicator
    assert ("BONUS", german, "willkommensbonus", "text (de)") in observed


def test_a_german_lawyers_article_about_the_rule_is_no_disclaimer(page):
    article = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Blog</title></head><body>
<h1>Neue ESMA-Leitlinien zur Reverse Solicitation</h1>
<p>Die MiCAR erlaubt Anbietern aus Drittstaaten Dienstleistungen nur auf ausschließlich eigenes Betreiben des
Kunden. Wir erläutern, was das für Ihr Unternehmen bedeutet.</p></body></html>"""
    assert detect_disclaimer(page(article), Context()) == []
    notice = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Hinweis</title></head><body>
<p>Kunden in der EU bedienen wir nur auf ausschließlich eigenes Betreiben des Kunden.</p>
</body></html>"""
    assert [f.indicator for f in detect_disclaimer(page(notice), Context())] == ["DISCLAIMER"]


def _values(page, lang: str, body: str) -> set[str]:
    html = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>FAQ</title></head>'
            f"<body>{body}</body></html>")
    return {f.evidence.value for f in detect_disclaimer(page(html), Context())}


def test_the_clients_own_demand_for_a_foreign_providers_service_is_own_initiative(page):
    # Reverse solicitation in other words: the client seeks the service out as a foreign provider's.
    assert _values(page, "de", "<p>Voraussetzung: Sie nehmen unseren Service als Angebot eines ausländischen "
                               "Anbieters in Anspruch.</p>") == {"als angebot eines ausländischen anbieters"}
    assert _values(page, "fr", "<p>Nos services relèvent de la libre prestation de services passive.</p>") == {
        "libre prestation de services passive"}
    # Near miss: the words without the service, its clients or the union in the sentence.
    assert _values(page, "en", "<p>They took the flat, as the offer of a foreign provider of loans was cheaper.</p>") \
        == set()
