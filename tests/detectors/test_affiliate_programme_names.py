"""AFFILIATE: a refer-a-friend programme is also named by its recommendation scheme ("programa de recomendación",
"aanbrengprogramma", "vervekampanje") and by the singular call to recommend one friend ("tipsa en vän"; not a form
that also reads as a statement: Spanish "trae a un amigo", a client brings a friend). A news item on another firm's
scheme of that name reports it; a blog that reports on a scheme still offers its writer's own refer-a-friend reward
("if a friend signs up with our code, we give you both 10 €")."""

from __future__ import annotations

import pytest


def affiliate_values(page, lang: str, body: str, title: str = "Aurora") -> list[str]:
    from detectors import affiliate
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><head><title>{title}</title></head><body>{body}</body></html>")
    return [f.evidence.value for f in affiliate.detect(doc, Context())]


@pytest.mark.parametrize(("lang", "body", "value"), [
    ("es", "<p>Con nuestro programa de recomendación cada cliente nuevo que traigas suma puntos canjeables.</p>",
     "programa de recomendación"),
    ("sl", "<p>Pogoji priporočilnega programa Aurora veljajo za vse obstoječe imetnike računov.</p>",
     "priporočilnega programa"),
    ("no", "<h2>Vilkår for vervekampanjen</h2><p>Kampanjen gjelder alle kunder med aktiv avtale.</p>",
     "vervekampanjen"),
    ("sv", "<p>Tipsa en vän om Aurora och få en aktie när vännen har öppnat sitt konto.</p>", "tipsa en vän"),
    ("nl", "<p>Het aanbrengprogramma van Example Firm staat open voor alle bestaande rekeninghouders.</p>",
     "aanbrengprogramma"),
    ("pl", "<p>Regulamin: program polecający Aurora obejmuje klientów z aktywnym rachunkiem.</p>",
     "program polecający"),
], ids=["es-programa-de-recomendacion", "sl-priporocilni-program", "no-vervekampanje", "sv-tipsa-en-van",
        "nl-aanbrengprogramma", "pl-program-polecajacy"])
def test_the_scheme_names_the_programme(page, lang, body, value):
    assert value in affiliate_values(page, lang, body)


@pytest.mark.parametrize(("lang", "body"), [
    ("es", "<p>El banco Solario lanza un programa de recomendación para sus clientes, anunció la empresa el martes."
           "</p>"),
    ("sv", "<p>Banken Nordvind lanserar kampanjen Tipsa en vän, meddelade företaget på tisdagen.</p>"),
], ids=["es-news", "sv-news"])
def test_near_miss_news_of_another_firms_scheme(page, lang, body):
    assert affiliate_values(page, lang, body) == []


def test_a_blog_reporting_a_scheme_still_offers_its_writers_own_reward(page):
    body = ("<p>Tiempo de lectura: 4 minutos</p><p>El banco Solario lanza su programa de referidos, anunció la "
            "empresa el martes.</p><p>Si un amigo se registra con nuestro código, os damos a los dos un bono de 10 €."
            "</p>")
    values = affiliate_values(page, "es", body)
    assert values and values[0].startswith("refer-a-friend reward")


def test_near_miss_a_report_without_the_writers_own_reward(page):
    body = ("<p>Tiempo de lectura: 4 minutos</p><p>El banco Solario lanza su programa de referidos, anunció la "
            "empresa el martes.</p><p>Según el banco, el programa está abierto a todos sus clientes.</p>")
    assert affiliate_values(page, "es", body) == []


# A blog explaining the programme it names as another firm's, after the name ("el programa de referidos de DEGIRO"),
# reports it; the same words naming the site's own brand pitch (the page is at www.example-firm.com).
OWNER_AFTER = [
    ("es", "<h1>Cómo funciona el programa de referidos de Solario</h1><p>El programa de referidos de Solario es el "
           "típico sistema de invitar a un amigo: si ya tienes cuenta, puedes compartir un enlace de invitación y "
           "ambos recibís 50 € cuando tu amigo abre su cuenta.</p>"),
    ("fr", "<h1>Le programme de parrainage de Nordbank expliqué</h1><p>Avec le programme de parrainage de Nordbank, "
           "vous invitez un ami et vous recevez chacun 30 € après son premier dépôt.</p>"),
    ("en", "<h1>How Solario's referral program works</h1><p>With Solario's referral program you invite a friend and "
           "you both get 50 € after the first deposit.</p>"),
]


@pytest.mark.parametrize(("lang", "body"), OWNER_AFTER, ids=[lang for lang, _ in OWNER_AFTER])
def test_a_programme_named_as_another_firms_is_reported(page, lang, body):
    from detectors import bonus
    from detectors.context import Context

    assert affiliate_values(page, lang, body) == []
    assert bonus.detect(page(f"<!doctype html><html lang='{lang}'><body>{body}</body></html>"), Context()) == []
    own = body.replace("Solario", "Example Firm").replace("Nordbank", "Example Firm")  # the site's own brand
    assert affiliate_values(page, lang, own)


@pytest.mark.parametrize(("lang", "body"), [
    ("en", "<p>The referral program of March: invite a friend and you both get 20 € after the first deposit.</p>"),
    ("de", "<p>Das Empfehlungsprogramm von Anfang an: lade Freunde ein und ihr erhaltet beide 20 € nach der ersten "
           "Einzahlung.</p>"),
], ids=["en-month", "de-von"])
def test_near_miss_a_month_or_a_german_noun_after_the_programme_names_no_other_firm(page, lang, body):
    assert affiliate_values(page, lang, body)
