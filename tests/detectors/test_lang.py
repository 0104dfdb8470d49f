"""LANG's parts: language groups (near-identical languages), the territory a page is written for, short texts."""

from __future__ import annotations

import pytest

from detectors import language_groups, page_locale
from detectors.data_files import DataFileError
from detectors.lang import MIN_PROBABILITY, MIN_TEXT, text_language
from detectors.locales import parse_locale

from .conftest import build, run_detector

PAGE = "<!doctype html><html><head><meta charset=utf-8></head><body>{}</body></html>"


def page(*paragraphs: str, url: str = "https://www.example-firm.com/"):
    return build(PAGE.format("".join(f"<p>{p}</p>" for p in paragraphs)), url)


# ------------------------------------------------------------------------------------------- language groups

CROATIAN_SPLIT = {"hr": 0.72, "bs": 0.28, "sr": 0.0, "en": 0.0}


def test_a_split_group_with_croatian_markers_is_croatian_with_the_groups_mass():
    lang, prob = language_groups.resolve(CROATIAN_SPLIT, "Tijekom tjedna tvrtka je zaposlila tisuću ljudi.")
    assert lang == "hr" and prob == pytest.approx(1.0)


def test_a_split_group_without_markers_stays_under_the_cut_off():
    lang, prob = language_groups.resolve(CROATIAN_SPLIT, "Kupite bitcoin danas.")
    assert lang == "hr" and prob < MIN_PROBABILITY


def test_bosnian_markers_make_it_bosnian_outside_the_perimeter():
    lang, _ = language_groups.resolve({"hr": 0.55, "bs": 0.45}, "Tokom sedmice je deset hiljada ljudi kupilo bitcoin.")
    assert lang == "bs"


def test_an_exchange_page_in_croatian_is_told_by_its_trading_words_and_the_bosnian_one_by_its_own():
    # "burza" (a Bosnian or Serbian page says "berza"), "tjedni", "zaslon", "tko": an exchange's own vocabulary
    split = {"hr": 0.55, "bs": 0.45}
    lang, prob = language_groups.resolve(split, "Kripto burza s tjednim izvješćem na zaslonu: tko trguje, zarađuje.")
    assert lang == "hr" and prob == pytest.approx(1.0)
    near_miss = "Kripto berza sa sedmičnim izvještajem na ekranu sa spratom i uslovima za svakoga."
    assert language_groups.resolve(split, near_miss)[0] == "bs"



def test_croatian_pronouns_and_words_of_public_life_tell_croatian_and_their_bosnian_forms_do_not():
    # "netko", "svatko" (Bosnian "neko", "svako"), "udruga", "obavijest", "zastupnik": Croatian standard only
    split = {"hr": 0.6, "bs": 0.4}
    lang, prob = language_groups.resolve(split, "Netko iz udruge poslao je obavijest, a svatko je mogao pitati.")
    assert lang == "hr" and prob == pytest.approx(1.0)
    lang, prob = language_groups.resolve(split, "Neko iz udruženja poslao je obavještenje, a svako je mogao pitati.")
    assert not (lang == "hr" and prob >= MIN_PROBABILITY)

def test_one_marker_of_a_member_the_identifier_barely_sees_does_not_decide():
    # a Catalan page quoting one Spanish phrase stays Catalan (and so raises nothing)
    lang, _ = language_groups.resolve({"ca": 0.8, "es": 0.2}, "Els usuaris poden comprar amb targeta, pero ...")
    assert lang == "ca"


def test_a_language_outside_any_group_keeps_its_score():
    assert language_groups.resolve({"de": 0.97, "nl": 0.03}, "Jetzt kaufen") == ("de", 0.97)


@pytest.mark.parametrize(
    "group, expected",
    [
        ({"name": "x", "why": "a reason long enough", "members": ["hr", "bs"], "min_share": 0.8,
          "markers": {"hr": ["tisuća"], "bs": ["Tisuća"]}}, "no duplicates"),
        ({"name": "x", "why": "a reason long enough", "members": ["hr", "bs"], "min_share": 0.8,
          "markers": {"sr": ["vreme"]}}, "a member of the group"),
        ({"name": "x", "why": "a reason long enough", "members": ["hr", "bs"], "min_share": 0.8,
          "markers": {"hr": ["tis*"]}}, "stems of 4 letters or more"),
    ],
    ids=["marker-in-two-members", "marker-of-a-non-member", "short-stem"],
)
def test_malformed_language_groups_are_refused(monkeypatch, group, expected):
    monkeypatch.setattr(language_groups, "load", lambda *_: {"version": 1, "groups": [group]})
    with pytest.raises(DataFileError, match=expected):
        language_groups.groups.__wrapped__()


def test_a_language_in_two_groups_is_refused(monkeypatch):
    group = {"name": "x", "why": "a reason long enough", "members": ["hr", "bs"], "min_share": 0.8}
    monkeypatch.setattr(language_groups, "load", lambda *_: {"version": 1, "groups": [group, group]})
    with pytest.raises(DataFileError, match="one group only"):
        language_groups.groups.__wrapped__()


# ------------------------------------------------------------------------------------- the page's territory


@pytest.mark.parametrize(
    "language, paragraphs, url, territory",
    [
        ("pt", ["Pague com Pix ou boleto a partir de R$ 20.", "Informe seu CPF no cadastro."],
         "https://www.example-firm.com/", "BR"),
        ("fr", ["Dépôt par Interac dès 10 $ CA.", "Bureau à Montréal."], "https://www.example-firm.com/", "CA"),
        ("es", ["Pagá en OXXO o por SPEI.", "Necesitás tu CURP."], "https://www.example-firm.com/", "MX"),
        ("de", ["Bezahlen mit TWINT."], "https://www.example-firm.ch/", "CH"),
        ("ro", ["Plătiți în lei moldovenești.", "Biroul nostru din Chișinău."], "https://www.example-firm.com/", "MD"),
    ],
    ids=["pt-BR", "fr-CA", "es-MX", "de-CH-domain", "ro-MD"],
)
def test_a_page_is_written_for_the_territory_its_markers_show(language, paragraphs, url, territory):
    assert page_locale.written_for(page(*paragraphs, url=url), language).territory == territory


@pytest.mark.parametrize(
    "language, paragraphs",
    [
        ("de", ["Auch in der Schweiz wird über Bitcoin gesprochen.", "Bitcoin ab 25 € kaufen."]),
        ("de", ["Einzahlung in EUR, USD, GBP, CHF, PLN, CZK, JPY oder CAD."]),
        ("pt", ["No Brasil, a lei limita operações acima de 30 mil reais.",
                "Os utilizadores registam-se e pagam 10 € por Multibanco."]),
        ("es", ["Comprá bitcoin."]),
        # a story's subject beside a sign of the Union (a French paper's "à Paris"): a country and its places, however
        # many, say what it is about, not for whom
        ("fr", ["La Suisse compte 26 cantons; à Genève et à Lausanne, les entreprises crypto se multiplient.",
                "Notre rédaction à Paris a suivi le dossier."]),
    ],
    ids=["one-country-name", "currency-list", "pt-PT-news-about-Brazil", "one-usage-word", "places-only"],
)
def test_weak_or_outweighed_evidence_decides_no_territory(language, paragraphs):
    assert page_locale.written_for(page(*paragraphs), language).territory == ""


def test_a_country_and_its_places_on_a_page_with_no_sign_of_the_union_are_its_audience():
    """Three points of one territory's country and places, and nothing pointing at a member state."""
    text = "La Suisse compte 26 cantons; à Genève et à Lausanne, les entreprises crypto se multiplient."
    assert page_locale.written_for(page(text), "fr").territory == "CH"
    assert page_locale.written_for(page("À Genève, les entreprises crypto se multiplient."), "fr").territory == ""


def test_a_dollar_notation_marks_its_territory_also_run_into_its_number():
    """Argentina writes "u$s2.200" as often as "u$s 2.200"; the notation is a strong marker either way."""
    for text in ("La empresa superó la valuación de u$s2.200 millones.", "La empresa vale u$s 2.200 millones."):
        seen = {s.territory: s.seen for s in page_locale.territory_scores(page(text), "es")}
        assert seen.get("AR") == ("strong: u$s",)
    assert "AR" not in {s.territory for s in page_locale.territory_scores(page("Los u$sers del foro."), "es")}


def test_a_domain_outside_the_union_beside_its_other_markers_weighs_double():
    """A Swiss paper's story about Italian cities (three Italian points against the .ch host, Lugano and
    "Svizzera") is Swiss; a .ch host alone against an Italian marker decides nothing."""
    story = ["A Lugano si parla di Bitcoin in Svizzera.", "Il forum ha ospitato relatori da Firenze, Genova e Venezia,",
             "e dall'Italia intera."]
    assert page_locale.written_for(page(*story, url="https://www.giornale.ch/x"), "it").territory == "CH"
    assert page_locale.written_for(page(*story, url="https://www.giornale.com/x"), "it").territory == ""
    alone = ["Il Bancomat per bitcoin: cosa sono e dove trovarli."]
    assert page_locale.written_for(page(*alone, url="https://www.giornale.ch/x"), "it").territory == ""


def test_a_currency_another_territory_issues_marks_its_issuer():
    """CHF is also Liechtenstein's money, but ISO gave it to Switzerland: "CHF 100'000" on a German page marks a
    Swiss one, as Swiss as before Liechtenstein shared the points; Vaduz still makes a page Liechtenstein's."""
    swiss = ["Einlagen sind bis CHF 100'000 pro Kunde geschützt.", "Die Bank bietet sechs Kryptowährungen an."]
    assert page_locale.written_for(page(*swiss), "de").territory == "CH"
    scores = {s.territory for s in page_locale.territory_scores(page(*swiss), "de")}
    assert "LI" not in scores
    assert "LI" in {s.territory for s in page_locale.territory_scores(page(*swiss, "Unser Sitz ist in Vaduz."), "de")}


def test_spanish_for_the_united_states_is_told_by_its_rails_not_by_the_country_named():
    """A Spanish guide for people living in the United States names the country and a rail only it has (Zelle):
    written for the US, so no EU language. A Spanish story about the country's citizens names it as its subject."""
    guide = ["Cómo enviar dinero con Zelle desde tu banco", "Miles de familias en Estados Unidos usan Zelle cada día."]
    assert page_locale.written_for(page(*guide), "es").territory == "US"
    story = ["Las plataformas cierran el acceso a los ciudadanos de Estados Unidos.",
             "Los usuarios estadounidenses tendrán que retirar sus fondos antes de marzo."]
    assert page_locale.written_for(page(*story), "es").territory == ""


def test_latin_american_words_for_an_amount_and_a_holiday_together_mark_latin_american_spanish():
    """"Monto" (an amount) and "feriado" (a public holiday) are the Americas' words, where Spain says "importe" and
    "festivo": with both, a page is written for Latin America. One alone, or "montón", decides nothing."""
    help_page = ["El monto mínimo para retirar es de 10 dólares.", "Los retiros no se procesan los días feriados."]
    assert page_locale.written_for(page(*help_page), "es").territory not in ("", "ES")
    assert page_locale.written_for(page(help_page[0]), "es").territory == ""
    assert page_locale.written_for(page("Hay un montón de plataformas.", help_page[0]), "es").territory == ""


def test_a_swiss_company_number_in_its_imprint_marks_a_swiss_page():
    """Every Swiss company's imprint gives its UID number, "CHE-" and nine digits: with its seat in a Swiss city the
    terms are written for Switzerland; "che" in lower case is an Italian word, and a seat alone decides nothing."""
    terms = ["Vertragspartner ist die Beispiel AG mit der UID CHE-123.456.789 und Sitz in Luzern.",
             "Für Kunden mit Wohnsitz in Italien gelten eigene Bedingungen."]
    assert page_locale.written_for(page(*terms), "de").territory == "CH"
    near_miss = [terms[0].replace(" mit der UID CHE-123.456.789", ""), terms[1]]
    assert page_locale.written_for(page(*near_miss), "de").territory == ""
    assert page_locale.written_for(page("Pensiamo che sia utile, scrive la sede di Lugano."), "it").territory == ""


def test_a_member_states_domain_weighs_as_the_sites_identity():
    """A German site's news about Switzerland (Franken, Kanton Zug, a price in Franken) stays German: its .de address
    is who writes, the Swiss words what it writes about; the same text on a .com address is Swiss."""
    story = ["Die Schweizerischen Bundesbahnen verkaufen Bitcoin ab 20 Schweizer Franken am Automaten.",
             "Im Kanton Zug zahlt man damit schon Steuern, schließlich ist die Schweiz offen dafür."]
    assert page_locale.written_for(page(*story, url="https://www.example-news.de/"), "de").territory == ""
    assert page_locale.written_for(page(*story, url="https://www.example-news.com/"), "de").territory == "CH"


def test_the_evidence_names_what_was_seen():
    found = page_locale.written_for(page("Pague com Pix.", "Informe seu CPF."), "pt")
    assert found.evidence == "written for BR: strong: CPF, strong: Pix"


# ----------------------------------------------------------------------------------------------- short texts


def test_short_texts_get_a_language():
    lang, prob = text_language("Jetzt Konto eröffnen und Bitcoin kaufen!")
    assert lang == "de" and prob >= MIN_PROBABILITY


def test_texts_shorter_than_a_sentence_get_none():
    assert text_language("x" * (MIN_TEXT - 1)) is None


def test_a_territory_counts_only_where_the_language_is_local():
    # a Polish page on a Swiss host is not Swiss: Polish is nobody's language there
    doc = page("Kup bitcoina już dziś i odbierz bonus powitalny.", "Zadzwoń: +41 44 123 45 67.",
               url="https://www.example-firm.ch/")
    assert page_locale.written_for(doc, "pl").territory == ""


def test_the_states_of_a_language_can_be_clear_from_the_address():
    on_hr = page("Nazovite nas: +385 1 234 5678.", url="https://www.example-firm.hr/")
    on_ba = page("Nazovite nas: +387 33 123 456.", url="https://www.example-firm.ba/")
    assert page_locale.written_in_states(on_hr, "hr", ("HR",))
    assert not page_locale.written_in_states(on_ba, "hr", ("HR",))


@pytest.mark.parametrize(("tag", "parsed"), [("fr-xx", ("fr", "")), ("en-ZZ", ("en", "")), ("en-uk", ("en", "")),
                                             ("fr-CA", ("fr", "CA")), ("es-419", ("es", "419"))])
def test_a_locale_region_that_is_no_territory_is_no_region(tag, parsed):
    assert parse_locale(tag) == parsed


def test_a_placeholder_region_in_the_address_does_not_hide_the_language():
    # "/fr-xx/" is a site's French for every country: no declared territory outside the EU.
    terms = ("Les présentes conditions générales régissent les règles de participation à l'offre spéciale de la "
             "société. Veuillez noter que la participation au bonus de bienvenue constitue votre acceptation.")
    doc = page(terms, url="https://www.example-firm.com/fr-xx/campaigns/terms")
    assert {f.evidence.value for f in run_detector("lang", doc)} == {"fr"}


def test_the_union_as_a_locales_region_leaves_it_to_the_language():
    # "/de-EU/": a site's German for the Union; its text is German for the member states, not explained away.
    help_page = ("Für Nutzerinnen und Nutzer in Österreich wird die Steuer auf Kryptowährungen direkt einbehalten. "
                 "Die Einbehaltung erfolgt bei jedem Verkauf und wird regelmäßig an das Finanzamt gemeldet.")
    doc = page(help_page, url="https://www.example-firm.eu/de-EU/help-center/steuer")
    found = {(f.evidence.value, f.member_states) for f in run_detector("lang", doc)}
    assert ("de", ("AT", "BE", "DE", "LI", "LU")) in found
    near_miss = page(help_page.replace("Österreich", "der Schweiz"), url="https://www.example-firm.ch/de-CH/hilfe")
    assert not [f for f in run_detector("lang", near_miss) if f.member_states]


POST = ("Ho finalmente ricevuto la mia nuova carta crypto e in questo articolo vi racconto come funziona, quanto costa "
        "e quali sono i vantaggi rispetto a una normale carta di debito.")


def test_a_post_on_a_publishing_platform_is_in_its_publishers_language():
    found = {(f.evidence.value, f.evidence.locator) for f in run_detector(
        "lang", page(POST, url="https://someone.medium.com/la-mia-nuova-carta-crypto-60a28ad5e178"))}
    assert found == {("it", "text (detected language)")}


def test_near_miss_a_social_profile_and_a_publishing_platforms_own_locale_are_the_platforms():
    profile = build(f'<!doctype html><html lang="it"><body><p>{POST}</p></body></html>', "https://x.com/someone")
    assert run_detector("lang", profile) == []
    english = build('<!doctype html><html lang="it"><body><p>I finally received my new crypto card and in this post '
                    'I explain how it works and what it costs compared with a debit card.</p></body></html>',
                    "https://someone.medium.com/my-new-crypto-card")
    assert run_detector("lang", english) == []


# ------------------------------------------------------------------------------------------- locale folders

ENGLISH_HELP = ("Deposits in Canadian dollars are made by bank transfer from your own account. Funds usually arrive "
                "within one business day, and we never charge for incoming transfers.")


def test_a_locale_folder_whose_page_is_in_english_is_no_lang():
    doc = page(ENGLISH_HELP, url="https://www.example-firm.com/fr/support/deposits")
    assert run_detector("lang", doc) == []


def test_a_locale_folder_counts_where_the_text_is_its_language_or_too_short_to_tell():
    french = page("Les dépôts se font par virement depuis votre propre compte bancaire, sans frais de notre part.",
                  url="https://www.example-firm.com/fr/support/depots")
    assert {(f.evidence.value, f.evidence.locator) for f in run_detector("lang", french)} == {
        ("fr", "url path"), ("fr", "text (detected language)")}
    short = page("OK", url="https://www.example-firm.com/fr/")
    assert {(f.evidence.value, f.evidence.locator) for f in run_detector("lang", short)} == {("fr", "url path")}


def test_a_locale_folder_over_text_evidently_written_for_another_territory_is_no_lang():
    # "/pt-PT/" over copy in Brazilian usage (usuário, cadastro, registro and a Pix payment): the text decides
    brazilian = ("O usuário faz o cadastro no aplicativo e confirma o registro pelo celular. Depois, os usuários "
                 "pagam com Pix ou boleto, sem taxa de cadastro.")
    doc = page(brazilian, url="https://www.example-firm.com/pt-PT/airdrop/talus")
    assert run_detector("lang", doc) == []
    # near miss: European Portuguese under the same folder
    european = ("O utilizador faz o registo na aplicação e confirma-o no telemóvel. Depois, os utilizadores pagam "
                "por Multibanco ou MB WAY, sem comissão de registo.")
    found = run_detector("lang", page(european, url="https://www.example-firm.com/pt-PT/airdrop/talus"))
    assert ("pt-PT", "url path") in {(f.evidence.value, f.evidence.locator) for f in found}


def test_a_templates_placeholder_text_is_no_language_of_the_page():
    """A pop-up's "Lorem ipsum" left in the markup, above the page's own Lithuanian text."""
    lorem = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
             "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.")
    lithuanian = ("Susiekite savo mokėjimo kortelę su skaitmenine pinigine ir atsiskaitykite už pirkinius telefonu. "
                  "Akcijos taisyklės skelbiamos banko interneto svetainėje.")
    identified = text_language(f"{lorem}\n{lithuanian}")
    assert identified is not None and identified[0] == "lt"
