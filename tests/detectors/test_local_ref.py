"""LOCAL_REF (detectors/local_ref.py): a member state named as the page's audience or market, in any EU
language; a country merely mentioned is not one. Fixture pages in tests/pages/local_ref/ hold the whole-page
cases; these check one rule each."""

from __future__ import annotations

import random

import pytest

from detectors import local_ref
from detectors.context import Context
from tests.detectors.conftest import build


def found(body: str, url: str = "https://www.example-firm.com/", lang: str = "en", title: str = "") -> set:
    html = (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body>{body}</body></html>")
    return {(f.member_states, f.strength) for f in local_ref.detect(build(html, url), Context())}


@pytest.mark.parametrize(("body", "lang", "state"), [
    ("<p>Die Krypto-Börse für Anleger in Deutschland, mit Einzahlung per Überweisung.</p>", "de", "DE"),
    ("<p>La plateforme pensée pour tout investisseur belge qui débute.</p>", "fr", "BE"),
    ("<p>De beste broker voor Nederlandse beleggers die zelf willen handelen.</p>", "nl", "NL"),
    ("<p>Plataforma pensada para el inversor español que empieza desde cero.</p>", "es", "ES"),
    ("<p>Tjänsten riktar sig till kunder i Sverige som vill köpa bitcoin.</p>", "sv", "SE"),
    ("<p>Palvelu on tarkoitettu asiakkaille Suomessa, jotka haluavat ostaa bitcoinia.</p>", "fi", "FI"),
    ("<p>Aplikacja dla klientów w Polsce, którzy kupują kryptowaluty.</p>", "pl", "PL"),
    ("<p>Η πλατφόρμα για επενδυτές στην Ελλάδα που αγοράζουν bitcoin.</p>", "el", "GR"),
])
def test_an_audience_next_to_a_country_names_that_state(body, lang, state):
    assert found(body, lang=lang) == {((state,), "strong")}


def test_a_national_topic_in_a_heading_line_is_a_guide():
    assert found("<h1>Kriptovaliutų mokesčiai Lietuvoje</h1><p>Kaip deklaruoti pajamas.</p>", lang="lt") == {
        (("LT",), "strong")}


def test_a_national_topic_in_the_text_needs_the_state_named_twice():
    once = "<p>Die Regeln zur Steuer in Österreich sind seit Jahren unverändert, sagt der Verband heute.</p>"
    assert found(once, lang="de") == set()
    twice = once + "<p>Viele Händler in Österreich bieten inzwischen Bitcoin an, sagt der Verband.</p>"
    assert found(twice, lang="de") == {(("AT",), "medium")}
    alone = once + "<ul><li>Deutschland</li><li>Österreich</li></ul>"  # a name alone on its line is named all the same
    assert found(alone, lang="de") == {(("AT",), "medium")}


def test_news_mentions_lists_negations_and_language_names_name_no_market():
    assert found("<p>Germany's regulator fined an exchange on Tuesday.</p>") == set()
    assert found("<p>Not available to residents of Belgium, France and the Netherlands.</p>") == set()
    assert found("<p>The offer is not open to customers in Austria today.</p>") == set()
    assert found("<p>Support for our customers in French and in German.</p>") == set()
    assert found("<p>Our French-speaking customers can call us.</p>") == set()
    assert found("<p>Also available in Deutsch and Polski for every customer.</p>") == set()  # language names


def test_a_lower_case_english_demonym_is_an_ordinary_word():
    assert found("<p>A polish cloth for investors who keep coins in metal.</p>") == set()
    assert found("<p>A wallet for Polish investors who keep coins in metal.</p>") == {(("PL",), "strong")}


def test_platform_pages_are_skipped():
    assert found("<p>The exchange for customers in Finland.</p>", url="https://www.youtube.com/watch?v=x") == set()


def test_one_finding_per_state_the_strongest_kept():
    body = ("<p>Steuer in Österreich: alles Wichtige für 2026, sagt der Verband.</p>"
            "<p>Österreich hat neue Regeln, und die Börse für Kunden in Österreich wächst.</p>")
    assert found(body, lang="de") == {(("AT",), "strong")}


def test_someone_elses_audience_is_news_not_the_pages():
    assert found("<p>The exchange told its customers in the Netherlands to withdraw their coins.</p>") == set()
    assert found("<p>La plateforme a prévenu ses clients en France mardi.</p>", lang="fr") == set()


def test_a_main_city_counts_as_naming_the_state_again():
    body = ("<p>Die Regeln zur Steuer in Österreich sind seit Jahren unverändert, sagt der Verband heute.</p>"
            "<p>Der Verband hat seinen Sitz in Wien.</p>")
    assert found(body, lang="de") == {(("AT",), "medium")}


def test_a_mentions_sentence_is_bounded_by_the_nearest_stops_within_reach():
    """_sentence (two regex calls) gives what looking for each stop on either side gives."""
    rnd = random.Random(3)
    pieces = ["word ", "a", ".", "…", ";", ":", "\n", "!", "?", " "]
    for _ in range(3000):
        text = "".join(rnd.choices(pieces, k=rnd.randint(1, 600)))
        start = rnd.randint(0, len(text))
        end = rnd.randint(start, len(text))
        low, high = max(0, start - local_ref.SENTENCE_REACH), min(len(text), end + local_ref.SENTENCE_REACH)
        left = max(max(text.rfind(c, low, start) for c in local_ref.SENTENCE_ENDS) + 1, low)
        right = min((i for i in (text.find(c, end, high) for c in local_ref.SENTENCE_ENDS) if i >= 0), default=high)
        assert local_ref._sentence(text, start, end) == (left, right), (text, start, end)


@pytest.mark.parametrize(("body", "lang"), [
    ("<p>This agreement is between Example Trade OÜ, having its principal place of business at Tartu mnt 84, "
     "Tallinn, Estonia (the Company) and you (the Client).</p>", "en"),
    ("<p>Example Pay UAB, società di diritto lituano con sede legale a Vilnius, Lituania, per i clienti.</p>", "it"),
])
def test_a_firms_registered_seat_is_not_its_market(body, lang):
    assert found(body, lang=lang) == set()


@pytest.mark.parametrize(("body", "lang"), [
    ("<p>The contest for customers is run by Example Trade Estonia OÜ, Lõõtsa 2, Tallinn.</p>", "en"),
    ("<p>Example Markets, organised under the laws of the Republic of Poland, offers trading to customers.</p>", "en"),
    ("<p>El servicio lo presta Example Finance OÜ, sociedad constituida bajo las leyes de Estonia, para clientes."
     "</p>", "es"),
    ("<p>Example Hopper B.V., opgericht naar Nederlands recht, biedt klanten een handelsbot.</p>", "nl"),
])
def test_a_country_in_a_firms_name_or_law_of_incorporation_is_not_its_market(body, lang):
    assert found(body, lang=lang) == set()


def test_a_country_before_an_ordinary_word_still_frames_an_audience():
    assert found("<p>The contest for customers in Estonia opens on Monday.</p>") == {(("EE",), "strong")}


def test_an_audience_in_another_sentence_than_the_seat_still_counts():
    body = ("<p>Example Trade OÜ has its registered office in Tallinn, Estonia.</p>"
            "<p>The service is for customers in Finland.</p>")
    assert found(body) == {(("FI",), "strong")}


def test_an_inflected_country_name_counts_in_its_own_language_only():
    """Estonian "Poola" (Poland) inflects as "Poolas"; its stem is the English "pool", which names no country."""
    assert found("<p>Mutual funds pool money from many investors who buy a basket of shares.</p>") == set()
    assert found("<p>Teenus on mõeldud klientidele Poolas, kes ostavad bitcoini.</p>", lang="et") == \
        {(("PL",), "strong")}
    # an inflected name is a proper noun: Estonian "poolt" ("by") and Finnish "puolesta" ("on behalf of") begin
    # as "Poola" and "Puola" (Poland) do, in lower case
    assert found("<p>Tasu maksab klientidele kaardikasutaja enda poolt valitud pank.</p>", lang="et") == set()
    assert found("<p>Toteutamme toimeksiannot asiakkaiden puolesta.</p>", lang="fi") == set()
    # a stem that is also a demonym ("norsk*", Czech "Norsko") is Norwegian on any page
    assert found("<p>Tjenesten er laget for norske kunder som kjøper bitcoin.</p>", lang="no") == {(("NO",), "strong")}


@pytest.mark.parametrize("other", ["ıtalıa", "İtalia", "Ελλάς"])
def test_a_long_pages_names_are_looked_for_where_the_regex_over_it_finds_them(other):
    """On a long page, names are tried only where the word index puts their first letters (_key_places), also where
    a letter is read otherwise ("ı" as "i", "ς" as "σ"): the places the one regex over the whole page gives."""
    lex = local_ref._lexicon(Context().geo)
    text = (f"Türkçe · Ελληνικά · Polski\nFür Anleger in Deutschland und Italien; {other} ıspanya. Clients en France "
            "et en Belgique, in Österreich: Steuer.\n") * 30
    keys = local_ref._keys(lex, text)
    assert len(text) >= local_ref.LONG_TEXT and keys <= lex.word_keys
    assert local_ref.read_words(text, lex.alphabet)[1] is not local_ref.shared_words(text).words
    assert ([m.span() for m in local_ref._starts(lex, keys, text)] ==
            [m.span() for m in local_ref._finder(keys).finditer(text)])
