"""detectors/social/posts.py: posts as Documents for the existing detectors, influencer disclosure tags."""

from __future__ import annotations

import pytest

from detectors.analyze import analyze_documents
from detectors.data_files import load
from detectors.influencer import FILE as INFLUENCER_FILE
from detectors.influencer import detect
from detectors.lexicon import lexicon_from_data
from detectors.model import Link
from detectors.social.posts import post_documents
from detectors.social.telegram import TelegramPost

from . import CHANNEL, FETCHED_AT, NEWEST, OLDER, SHA, observed, post_doc

ALL_LANGUAGES = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt",
                 "nl", "pl", "pt", "ro", "sk", "sl", "sv", "is", "no"}


# ------------------------------------------------------------------------------------- posts as documents


def test_posts_become_documents_of_the_firm(newest):
    docs = post_documents(CHANNEL, NEWEST, FETCHED_AT, SHA, newest.posts)
    assert [d.url for d in docs] == [p.url for p in newest.posts]
    for doc, post in zip(docs, newest.posts, strict=True):
        assert (doc.channel, doc.requested_url, doc.kind, doc.platform) == (CHANNEL, NEWEST, "html", False)
        assert (doc.text, doc.links, doc.fetched_at, doc.body_sha256) == (post.text, post.links, FETCHED_AT, SHA)
        assert doc.meta_value("article:published_time") == post.date
        assert not doc.html_lang and not doc.alternates  # the platform's localisation stays out
    assert post_documents(CHANNEL, NEWEST, FETCHED_AT, SHA, newest.posts) == docs


def test_existing_detectors_run_on_posts_unchanged(newest, older, ctx):
    docs = post_documents(CHANNEL, NEWEST, FETCHED_AT, SHA, newest.posts)
    docs += post_documents(CHANNEL, OLDER, FETCHED_AT, SHA, older.posts)
    findings = analyze_documents(docs, ctx, "social")
    found = observed(findings)
    german = tuple(sorted(ctx.geo.states_for_language("de")))
    post = "https://t.me/nordwind_de/{}".format
    assert ("BONUS", post(1042), german, "willkommensbonus") in found
    assert ("PROMO", post(1042), german, "jetzt registrieren") in found
    assert ("AFFILIATE", post(1042), (), "referral parameter ref: TG-DE-77") in found
    assert ("AFFILIATE", post(1043), (), "referral parameter ref: KEVIN50") in found
    # every German post, the short maintenance notice (1040) included: short texts get a language too (one
    # finding, seen on each post)
    [lang] = [f for f in findings if f.indicator == "LANG" and f.evidence.value == "de"]
    assert {s.url for s in lang.seen_on} == {post(i) for i in range(1038, 1044)} and lang.pages == 6
    [euro] = [f for f in findings if f.indicator == "CURRENCY" and f.evidence.value == "EUR"]
    assert post(1042) in {s.url for s in euro.seen_on}


def test_disclaimer_runs_on_posts(ctx):
    doc = post_doc("Hinweis: Dieses Angebot richtet sich nicht an Personen mit Wohnsitz in der EU.")
    found = observed(analyze_documents([doc], ctx, "social"))
    assert any(f[0] == "DISCLAIMER" for f in found), found


def test_empty_posts_are_left_out():
    posts = [TelegramPost("nordwind_de", 5, "https://t.me/nordwind_de/5", "", ""),
             TelegramPost("nordwind_de", 6, "https://t.me/nordwind_de/6", "", "", (Link("https://example.org/"),))]
    assert [d.url for d in post_documents(CHANNEL, NEWEST, FETCHED_AT, SHA, posts)] == ["https://t.me/nordwind_de/6"]


# ------------------------------------------------------------------------------------ influencer disclosure


def test_werbung_post_is_an_influencer_finding(newest, ctx):
    docs = post_documents(CHANNEL, NEWEST, FETCHED_AT, SHA, newest.posts)
    found = [f for doc in docs for f in detect(doc, ctx)]
    assert len(found) == 1
    finding = found[0]
    assert (finding.indicator, finding.url, finding.evidence.value) == ("INFLUENCER", newest.posts[2].url, "#werbung")
    assert finding.member_states == tuple(sorted(ctx.geo.states_for_language("de")))
    assert finding.evidence.locator == "text (de)" and finding.strength == "strong"
    assert "MiCA" in finding.legal_ref and finding.channel == CHANNEL


@pytest.mark.parametrize(
    ("text", "value", "language"),
    [
        ("Neu bei Nordwind #Anzeige", "#anzeige", "de"),
        ("Nouvelle appli #pub", "#pub", None),  # shared by French and Portuguese, text too short to tell
        ("Je teste Nordwind #sponsorisé", "#sponsorisé", "fr"),
        ("Kokeile Nordwindia #mainos", "#mainos", "fi"),
        ("Prova Nordwind oggi #ADV", "#adv", None),  # Italian and Dutch
        ("Probeer Nordwind #reclame", "#reclame", "nl"),
        ("Testa Nordwind #annons", "#annons", "sv"),
        ("Prueba Nordwind #publicidad", "#publicidad", "es"),
        ("Mit Nordwind handeln. Bezahlte Partnerschaft mit Nordwind Exchange.", "bezahlte partnerschaft", "de"),
        ("Partenariat rémunéré avec Nordwind", "partenariat rémunéré", "fr"),
    ],
)
def test_eu_language_tags_point_to_their_member_states(ctx, text, value, language):
    findings = detect(post_doc(text), ctx)
    assert [f.evidence.value for f in findings] == [value]
    tag_languages = [lang for lang, terms in load(INFLUENCER_FILE)["terms"].items()
                     if value in {t.lower() for t in terms}]
    expected = {language} if language else {"no" if lang is False else lang for lang in tag_languages}
    states = {s for lang in expected for s in ctx.geo.states_for_language(lang)}
    assert set(findings[0].member_states) == states and states
    assert findings[0].strength == "strong"


def test_shared_tag_takes_the_posts_language(ctx):
    polish = ("#reklama Od dziś w Nordwind możesz kupować bitcoina i inne kryptowaluty za złotówki, bez prowizji przez "
              "pierwszy miesiąc. Zarejestruj się w aplikacji i odbierz swój bonus powitalny już dziś.")
    finding, = [f for f in detect(post_doc(polish), ctx) if f.evidence.value == "#reklama"]
    assert finding.member_states == ("PL",) and finding.evidence.locator == "text (pl)"
    declared, = detect(post_doc("Nordwind #reklama", html_lang="cs"), ctx)
    assert declared.member_states == ("CZ",)


@pytest.mark.parametrize("text", ["New listing on Nordwind #ad", "#Sponsored post by Nordwind",
                                  "Paid partnership with Nordwind Exchange"])
def test_english_tags_point_nowhere(ctx, text):
    finding, = detect(post_doc(text), ctx)
    assert finding.member_states == () and finding.strength == "medium"


@pytest.mark.parametrize("text", ["Neue Adresse #adidas #adventure", "Keine #werbungfrei-Aktion", "Email: a#ad",
                                  "Das ist keine bezahlte Partnerschaft.", "Wir zahlen pünktlich."])
def test_near_misses_raise_nothing(ctx, text):
    assert detect(post_doc(text), ctx) == []


def test_one_finding_per_tag_per_post(ctx):
    findings = detect(post_doc("#Werbung heute, #werbung morgen, #WERBUNG immer"), ctx)
    assert [f.evidence.value for f in findings] == ["#werbung"]


def test_influencer_lexicon_covers_all_26_languages_in_the_lexicon_format():
    data = load(INFLUENCER_FILE)
    assert set(data) == {"version", "family", "terms"} and data["family"] == "INFLUENCER"
    built = lexicon_from_data(INFLUENCER_FILE, data)  # the checks every phrase lexicon passes
    assert set(built.languages) == ALL_LANGUAGES
    terms = {t.lower() for ts in built.terms.values() for t in ts}
    for tag in ("#ad", "#werbung", "#anzeige", "#pub", "#publicidad", "#adv", "#reklama", "#sponsored", "#sponsorisé",
                "#publicité", "#mainos", "#reklame", "#annons", "paid partnership", "bezahlte partnerschaft",
                "partenariat rémunéré"):
        assert tag in terms, tag
    for lang, ts in built.terms.items():
        assert any(t.startswith("#") for t in ts) and any(not t.startswith("#") for t in ts), lang
