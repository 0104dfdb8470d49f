"""The spelling rules and plural forms of a language's local standards (data/lexicons/locale_markers.yaml): a page
that quotes no currency and names no place still shows whether it is Brazilian or European Portuguese, Argentine
or Spanish Spanish, by how it writes its words; Québec's registered savings plans (REER, CELI) mark a Canadian
French page as its places do."""

from __future__ import annotations

import pytest

from detectors import page_locale
from detectors.data_files import DataFileError

from .test_lang import page


@pytest.mark.parametrize(("language", "paragraphs", "territory"), [
    # A stressed e or o before m or n and a vowel: circumflex in Brazil (patrimônio, gênero), acute in Portugal.
    ("pt", ["Investidores de patrimônio elevado escolhem a corretora certa.",
            "Hoje você pode abrir conta e operar sem comissões."], "BR"),
    ("pt", ["Investidores de património elevado escolhem a corretora certa.",
            "O género de conta depende do perfil e do prémio de risco."], ""),  # European words decide nothing here
    # A plural of a Latin-American word counts as the word does ("computadoras", not only "computadora").
    ("es", ["Todas las computadoras de la red llevan las cuentas.", "Podés comprarlos a otra persona."], "AR"),
    ("fr", ["Ouvrez des comptes REER et CELI autogérés en ligne.", "Une succursale près de chez vous à Montréal."],
     "CA"),
    # near miss of a story about Switzerland: its places and one mark of its own (TWINT) decide
    ("fr", ["À Genève et à Lausanne, payez vos achats avec TWINT, partout en Suisse."], "CH"),
], ids=["pt-BR-spelling", "pt-PT-spelling", "es-AR-plural", "fr-CA-savings-plans", "fr-CH-places-and-rail"])
def test_spelling_and_local_products_show_the_territory(language, paragraphs, territory):
    assert page_locale.written_for(page(*paragraphs), language).territory == territory


def test_near_miss_a_circumflex_before_another_letter_is_both_standards():
    """"você", "três", "ciência": a circumflex not before m or n and a vowel is written in Portugal too."""
    scores = page_locale.territory_scores(page("Você tem três opções: ciência, experiência e paciência."), "pt")
    brazil = next(s for s in scores if s.territory == "BR")
    assert brazil.seen == ("usage: você",)


def test_a_european_spelling_outweighs_one_brazilian_word():
    doc = page("Os utilizadores recebem um prémio económico; você também.")
    assert page_locale.written_for(doc, "pt").territory == ""
    portugal = next(s for s in page_locale.territory_scores(doc, "pt") if s.territory == "PT")
    assert {"usage: prémio", "usage: económico", "usage: utilizadores"} <= set(portugal.seen)


def test_a_spelling_rule_must_say_which_letters_it_needs():
    with pytest.raises(DataFileError, match="spelling"):
        page_locale._letters("(?:a|b)\\w+")
    assert page_locale._letters("\\w*[ôê][mn][aeiou]\\w*") == "ôê"


@pytest.mark.parametrize(("url", "territory"), [
    ("https://help.example-pay.com/hc/es-419/articles/1-invita-y-gana", "419"),  # Latin America and the Caribbean
    ("https://help.example-pay.com/hc/es-150/articles/1-invita-y-gana", ""),  # Europe: a member state's, maybe
    ("https://help.example-pay.com/hc/pt-419/articles/1", ""),  # another language's folder says nothing of Spanish
])
def test_a_locale_folder_for_a_region_outside_europe_is_a_declared_region(url, territory):
    doc = page("Invita a tus clientes a descargarse la app y ganan hasta 4 dólares por cada invitado.", url=url)
    assert page_locale.written_for(doc, "es").territory == territory


# Liechtenstein writes "ss" for "ß" as Switzerland does: on the site's own Liechtenstein domain, from a Liechtenstein
# address, the spelling is Liechtenstein's German (EEA); the same text on a neutral domain is Swiss.
SS_SPELLING = ["Die Plattform wird von der Beispiel GmbH aus Schaan, Liechtenstein, zur Verfügung gestellt.",
               "Diese Bedingungen gelten ausschliesslich und gemäss dem Vertrag für alle Geschäfte."]


def test_swiss_spelling_on_a_liechtenstein_site_is_no_swiss_page():
    assert page_locale.written_for(page(*SS_SPELLING, url="https://www.beispiel.li/agb/"), "de").territory == ""


def test_swiss_spelling_on_a_neutral_domain_is_swiss():
    text = ["Diese Bedingungen gelten ausschliesslich und gemäss dem Vertrag für alle Geschäfte."]
    assert page_locale.written_for(page(*text, url="https://www.beispiel.com/agb/"), "de").territory == "CH"


# A people's name counts as its country's places do (a story's subject alone), so it decides with one more kind of
# marker: the address's country folder, a regulator of the territory's own (CANAFE, Canada's FINTRAC in French).
@pytest.mark.parametrize(("language", "paragraphs", "url", "territory"), [
    ("es", ["Promoción de referidos para residentes colombianos mayores de edad."],
     "https://terms.example-exchange.com/co/promocion-referidos", "CO"),
    ("es", ["Los colombianos compran cada vez más bitcoin, según un estudio."], "https://www.example-news.com/", ""),
    ("fr", ["La plateforme est inscrite auprès de CANAFE et sert ses clients depuis Québec."],
     "https://www.example-desk.com/fr/", "CA"),
], ids=["folder-and-people", "people-alone", "regulator-and-place"])
def test_a_people_decides_with_another_kind_of_marker(language, paragraphs, url, territory):
    assert page_locale.written_for(page(*paragraphs, url=url), language).territory == territory


# A German site's own standard writes ß: a press release in Swiss spelling and quotes syndicated on a .de portal is
# Swiss text, not a German page; the same news retold in Germany's spelling on that portal stays German.
@pytest.mark.parametrize(("paragraphs", "territory"), [
    (["Zürich - Die Hälfte der Kunden hat regelmässig gekauft, sagt der Sprecher gegenüber der «Handelszeitung».",
      "Pro Tag kann man zwischen 20 und 500 Franken wechseln."], "CH"),
    (["Zürich - Die Hälfte der Kunden hat regelmäßig gekauft, sagt der Sprecher gegenüber dem „Handelsblatt“.",
      "Pro Tag kann man zwischen 20 und 500 Franken wechseln."], ""),
], ids=["swiss-spelling-on-de", "german-spelling-on-de"])
def test_swiss_spelling_on_a_german_domain_is_syndicated_swiss_text(paragraphs, territory):
    doc = page(*paragraphs, url="https://www.example-nachrichten.de/nachrichten/1")
    assert page_locale.written_for(doc, "de").territory == territory


# Brazil writes "em um", "acessar"; Portugal contracts "num" and writes "aceder".
@pytest.mark.parametrize(("paragraphs", "territory"), [
    (["Para acessar todas as moedas, é preciso abrir conta em uma corretora.",
      "A abertura é feita em um aplicativo."], "BR"),
    (["Para aceder a todas as moedas, é preciso abrir conta numa corretora.",
      "A abertura é feita num instante."], ""),
], ids=["em-um-and-acessar", "num-and-aceder"])
def test_brazilian_contractions_and_verbs_show_the_variant(paragraphs, territory):
    assert page_locale.written_for(page(*paragraphs), "pt").territory == territory


def test_a_swiss_magazine_names_its_regulator_in_any_case():
    """"Finma" as a magazine writes it is the regulator FINMA; with "helvétique" and its places, a Swiss page."""
    doc = page("Le bitcoin devient concret en Suisse : la Finma surveille les nouvelles places helvétiques.",
               "Des automates sont en service à Genève et à Lausanne.")
    assert page_locale.written_for(doc, "fr").territory == "CH"


# Brazil's football fans are "torcedores" (Portugal's "adeptos") and its dollar "US$": with a "br." edition's host
# label they decide; the same words on a neutral host are one mark, not enough.
@pytest.mark.parametrize(("url", "territory"), [
    ("https://br.example-news.com/news/1", "BR"),
    ("https://www.example-news.com/news/1", ""),
])
def test_a_brazilian_edition_with_brazilian_words_is_brazilian(url, territory):
    doc = page("Os torcedores viram as exchanges investirem em patrocínios de clubes de futebol.", url=url)
    assert page_locale.written_for(doc, "pt").territory == territory
