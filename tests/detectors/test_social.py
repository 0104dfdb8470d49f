"""Social pages (detectors/social): Telegram previews with pagination, public profiles of the other platforms,
walls and missing accounts, posts as Documents for the existing detectors, influencer disclosure tags.

Fixtures in tests/pages/social/ are recorded-shape pages of the fictional firm Nordwind Exchange (markup and
class names as the platforms serve them); the rest are small pages written inline."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import detectors.social
from detectors.analyze import analyze_documents
from detectors.context import Context
from detectors.data_files import load
from detectors.lexicon import lexicon_from_data
from detectors.model import Document, Link
from detectors.social import (
    BOT_WALL,
    LOGIN_WALL,
    NOT_FOUND,
    PLATFORMS,
    channel_id,
    handle_from_url,
    influencer_findings,
    normalise_handle,
    parse_preview,
    parse_profile,
    platform_of,
    post_documents,
    profile_document,
    profile_url,
    wall,
)
from detectors.social.posts import FILE as INFLUENCER_FILE
from detectors.social.telegram import TelegramPost

PAGES = Path(__file__).resolve().parents[1] / "pages" / "social"
CHANNEL = "social:telegram:nordwind_de"
FETCHED_AT = "2026-01-01T00:00:00Z"
SHA = "0" * 64
ALL_LANGUAGES = {"bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt",
                 "nl", "pl", "pt", "ro", "sk", "sl", "sv", "is", "no"}
NEWEST = "https://t.me/s/nordwind_de"
OLDER = "https://t.me/s/nordwind_de?before=1041"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


@pytest.fixture(scope="module")
def ctx() -> Context:
    return Context()


@pytest.fixture(scope="module")
def newest():
    return parse_preview(page("telegram-preview.html"), NEWEST)


@pytest.fixture(scope="module")
def older():
    return parse_preview(page("telegram-preview-older.html"), OLDER)


def observed(findings) -> set[tuple]:
    return {(f.indicator, f.url, tuple(f.member_states), f.evidence.value) for f in findings}


def post_doc(text: str, links=(), html_lang: str = "") -> Document:
    return Document(channel=CHANNEL, url="https://t.me/nordwind_de/1", requested_url=NEWEST, status=200,
                    fetched_at=FETCHED_AT, body_sha256=SHA, text=text, links=tuple(links), html_lang=html_lang)


# ------------------------------------------------------------------------------------------------ Telegram


def test_telegram_preview_channel(newest):
    assert newest.channel == "nordwind_de"
    assert newest.title == "Nordwind Exchange Deutschland"
    assert newest.description.splitlines() == ["Offizieller deutschsprachiger Kanal von Nordwind Exchange.",
                                               "Support: @nordwind_support", "Web: nordwind-exchange.com/de"]
    assert newest.subscribers == 12400 and newest.subscribers_text == "12.4K subscribers"
    assert [link.url for link in newest.links] == ["https://t.me/nordwind_support", "https://nordwind-exchange.com/de"]
    assert newest.preview and not newest.empty


def test_telegram_preview_posts(newest):
    assert [p.id for p in newest.posts] == [1041, 1042, 1043]
    assert [p.url for p in newest.posts] == [f"https://t.me/nordwind_de/{i}" for i in (1041, 1042, 1043)]
    # time[datetime] normalised to UTC: 10:01:40+01:00 is 09:01:40Z
    assert [p.date for p in newest.posts] == ["2025-11-03T09:15:02Z", "2025-11-04T09:01:40Z", "2025-11-06T18:30:00Z"]
    report, bonus, creator = newest.posts
    assert report.text.startswith("📊 Marktbericht am Montag\nBitcoin hat das Wochenende")
    assert report.text.endswith("#Bitcoin #Marktbericht")
    # hashtag searches (?q=%23Bitcoin) are no links; the link preview repeats the text's link once
    assert [link.url for link in report.links] == ["https://nordwind-exchange.com/de/blog/marktbericht-november"]
    assert report.preview.startswith("Nordwind Exchange\nMarktbericht November")
    assert report.views == "3.1K"
    assert "Willkommensbonus für Neukunden in Deutschland und Österreich!" in bonus.text
    assert bonus.text.endswith("\nJetzt registrieren")  # the URL button's label, the firm's own words
    assert [link.url for link in bonus.links] == ["https://nordwind-exchange.com/join?ref=TG-DE-77"]
    assert creator.forwarded_from == "Krypto Kevin"
    assert creator.text.startswith("#werbung Leute,")


def test_telegram_pagination_follows_older_pages(newest, older):
    assert newest.older_url == OLDER and newest.newer_url == ""
    assert older.channel == "nordwind_de"
    assert [p.id for p in older.posts] == [1038, 1039, 1040]
    assert older.older_url == "https://t.me/s/nordwind_de?before=1038"
    assert older.newer_url == "https://t.me/s/nordwind_de?after=1040"
    assert older.oldest_id == 1038 < newest.oldest_id


def test_telegram_reply_quote_is_not_the_post_text(older):
    reply = older.posts[-1]
    assert reply.text == ("Die Wartung ist abgeschlossen, alle Funktionen stehen wieder zur Verfügung. "
                          "Danke für eure Geduld!")


def test_telegram_pagination_falls_back_on_link_rel_prev():
    body = b"""<html><head><link rel="prev" href="/s/nordwind_de?before=900"></head><body>
      <section class="tgme_channel_history js-message_history">
      <div class="tgme_widget_message js-widget_message" data-post="nordwind_de/901">
        <div class="tgme_widget_message_text js-message_text">Hallo</div></div></section></body></html>"""
    parsed = parse_preview(body, NEWEST)
    assert parsed.older_url == "https://t.me/s/nordwind_de?before=900"
    assert [(p.id, p.url, p.date, p.text) for p in parsed.posts] == [(901, "https://t.me/nordwind_de/901", "", "Hallo")]


def test_telegram_oldest_page_has_no_older_link():
    body = b"""<html><body><section class="tgme_channel_history js-message_history">
      <div class="tgme_widget_message js-widget_message" data-post="nordwind_de/1">
        <div class="tgme_widget_message_text js-message_text">Kanal erstellt</div></div>
      <div class="tgme_widget_message_centered js-messages_more_wrap">
        <a href="/s/nordwind_de?after=1" class="tme_messages_more js-messages_more" data-after="1"></a></div>
      </section></body></html>"""
    parsed = parse_preview(body, "https://t.me/s/nordwind_de?before=2")
    assert parsed.older_url == "" and parsed.newer_url == "https://t.me/s/nordwind_de?after=1"


def test_telegram_parse_is_deterministic(newest):
    assert parse_preview(page("telegram-preview.html"), NEWEST) == newest


def test_telegram_stand_in_page_parses_empty():
    parsed = parse_preview(b"<html><body><p>Service unavailable</p></body></html>", NEWEST)
    assert parsed.empty and parsed.posts == () and parsed.older_url == ""


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
    found = observed(analyze_documents(docs, ctx, "social"))
    german = tuple(sorted(ctx.geo.states_for_language("de")))
    post = "https://t.me/nordwind_de/{}".format
    assert ("BONUS", post(1042), german, "willkommensbonus") in found
    assert ("PROMO", post(1042), german, "jetzt registrieren") in found
    assert ("AFFILIATE", post(1042), (), "referral parameter ref: TG-DE-77") in found
    assert ("AFFILIATE", post(1043), (), "referral parameter ref: KEVIN50") in found
    # every post long enough for language identification (LANG's 120 characters; 1040 is a short notice)
    assert {f[1] for f in found if f[0] == "LANG" and f[3] == "de"} == {post(i) for i in (1038, 1039, 1041, 1042, 1043)}
    assert any(f[0] == "CURRENCY" and f[1] == post(1042) and f[3] == "EUR" for f in found)


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
    found = [f for doc in docs for f in influencer_findings(ctx, doc)]
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
    findings = influencer_findings(ctx, post_doc(text))
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
    finding, = [f for f in influencer_findings(ctx, post_doc(polish)) if f.evidence.value == "#reklama"]
    assert finding.member_states == ("PL",) and finding.evidence.locator == "text (pl)"
    declared, = influencer_findings(ctx, post_doc("Nordwind #reklama", html_lang="cs"))
    assert declared.member_states == ("CZ",)


@pytest.mark.parametrize("text", ["New listing on Nordwind #ad", "#Sponsored post by Nordwind",
                                  "Paid partnership with Nordwind Exchange"])
def test_english_tags_point_nowhere(ctx, text):
    finding, = influencer_findings(ctx, post_doc(text))
    assert finding.member_states == () and finding.strength == "medium"


@pytest.mark.parametrize("text", ["Neue Adresse #adidas #adventure", "Keine #werbungfrei-Aktion", "Email: a#ad",
                                  "Das ist keine bezahlte Partnerschaft.", "Wir zahlen pünktlich."])
def test_near_misses_raise_nothing(ctx, text):
    assert influencer_findings(ctx, post_doc(text)) == []


def test_one_finding_per_tag_per_post(ctx):
    findings = influencer_findings(ctx, post_doc("#Werbung heute, #werbung morgen, #WERBUNG immer"))
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


# ------------------------------------------------------------------------------------------------ profiles


@pytest.fixture(scope="module")
def youtube():
    return parse_profile("youtube", page("youtube-channel-about-fr.html"), "https://www.youtube.com/@nordwind_fr/about")


def test_youtube_about_page(youtube):
    assert (youtube.platform, youtube.handle, youtube.name) == ("youtube", "@nordwind_fr", "Nordwind Exchange France")
    assert youtube.description.startswith("Bienvenue sur la chaîne officielle de Nordwind Exchange France !")
    assert "Bonus de bienvenue de 20 €" in youtube.description
    assert (youtube.country, youtube.followers) == ("France", "18,3 k abonnés")
    # youtube.com/redirect?...&q=<target> taken off; the URL written in the description kept too
    assert [link.url for link in youtube.links] == ["https://nordwind-exchange.com/fr?ref=YT-FR",
                                                    "https://t.me/nordwind_fr",
                                                    "https://nordwind-exchange.com/fr/bienvenue"]
    assert youtube.links[0].text == "Site officiel"
    assert youtube.meta_value("og:title") == "Nordwind Exchange France"
    assert youtube.meta_value("og:site_name") == "YouTube"
    assert not youtube.empty


def test_youtube_description_is_assessed_as_the_firms_words(youtube, ctx):
    doc = profile_document("social:youtube:@nordwind_fr", youtube, FETCHED_AT, SHA)
    assert doc is not None and not doc.platform and doc.meta == ()
    found = observed(analyze_documents([doc], ctx, "social"))
    french = tuple(sorted(ctx.geo.states_for_language("fr")))
    url = youtube.url
    assert ("LANG", url, french, "fr") in found
    assert ("BONUS", url, french, "bonus de bienvenue") in found
    assert ("AFFILIATE", url, (), "referral parameter ref: YT-FR") in found


def test_youtube_legacy_about_metadata():
    body = b"""<html><head><meta property="og:title" content="Nordwind NL"></head><body><script>
      var ytInitialData = {"contents":{"channelAboutFullMetadataRenderer":{"title":{"simpleText":"Nordwind NL"},
      "description":{"simpleText":"Koop Bitcoin in euro"},"country":{"simpleText":"Nederland"},
      "primaryLinks":[{"title":{"simpleText":"Website"},"navigationEndpoint":{"urlEndpoint":{
      "url":"https://www.youtube.com/redirect?event=channel_banner\\u0026q=https%3A%2F%2Fnordwind-exchange.com%2Fnl"}}}]}}};
      </script></body></html>"""
    profile = parse_profile("youtube", body, "https://www.youtube.com/c/NordwindNL/about")
    assert (profile.handle, profile.name, profile.description, profile.country) == (
        "c/nordwindnl", "Nordwind NL", "Koop Bitcoin in euro", "Nederland")
    assert [link.url for link in profile.links] == ["https://nordwind-exchange.com/nl"]


def test_instagram_profile_meta():
    body = """<html lang="en"><head><title>Nordwind Exchange (@nordwind_de) • Instagram photos and videos</title>
      <meta property="og:title" content="Nordwind Exchange (&#064;nordwind_de) &#x2022; Instagram photos and videos">
      <meta property="og:description" content="12K Followers, 80 Following, 345 Posts -
       Nordwind Exchange (&#064;nordwind_de)
       on Instagram: &quot;Krypto kaufen in Euro 🇩🇪🇦🇹 Willkommensbonus für Neukunden&quot;">
      <meta property="og:url" content="https://www.instagram.com/nordwind_de/">
      <meta property="og:locale" content="de_DE">
      </head><body><a href="https://l.instagram.com/?u=https%3A%2F%2Fnordwind-exchange.com%2Fde%3Fref%3DIG-DE&amp;e=AT0">
      nordwind-exchange.com/de</a><a href="https://about.meta.com/">Meta</a><a href="/explore/">Explore</a>
      </body></html>""".encode()
    profile = parse_profile("instagram", body, "https://www.instagram.com/nordwind_de/")
    assert (profile.handle, profile.name, profile.followers) == ("nordwind_de", "Nordwind Exchange", "12K Followers")
    assert profile.description == "Krypto kaufen in Euro 🇩🇪🇦🇹 Willkommensbonus für Neukunden"
    assert profile.locale == "de_DE"
    assert [link.url for link in profile.links] == ["https://nordwind-exchange.com/de?ref=IG-DE"]


def test_instagram_counts_without_bio_give_no_description():
    body = b"""<html><head>
      <meta property="og:title" content="Nordwind Exchange (@nordwind_de) \xe2\x80\xa2 Instagram photos and videos">
      <meta property="og:description" content="12K Followers, 80 Following, 345 Posts - See Instagram photos and videos
       from Nordwind Exchange (@nordwind_de)"></head><body></body></html>"""
    profile = parse_profile("instagram", body, "https://www.instagram.com/nordwind_de/")
    assert (profile.name, profile.description, profile.followers) == ("Nordwind Exchange", "", "12K Followers")


def test_x_profile_meta_and_json_ld():
    body = b"""<html><head><title>Nordwind Exchange (@nordwind_es) / X</title>
      <meta property="og:title" content="Nordwind Exchange (@nordwind_es) on X">
      <script type="application/ld+json">{"@context":"http://schema.org","@type":"ProfilePage","mainEntity":{
        "@type":"Person","additionalName":"nordwind_es","description":"Compra bitcoin en euros. Bono de bienvenida",
        "givenName":"Nordwind Exchange","relatedLink":["https://t.co/Xy12AbCd","https://nordwind-exchange.com/es"],
        "url":"https://x.com/nordwind_es"}}</script></head><body></body></html>"""
    profile = parse_profile("x", body, "https://x.com/nordwind_es")
    assert (profile.handle, profile.name) == ("nordwind_es", "Nordwind Exchange")
    assert profile.description == "Compra bitcoin en euros. Bono de bienvenida"
    assert "https://nordwind-exchange.com/es" in [link.url for link in profile.links]


def test_x_script_shell_is_an_empty_parse():
    profile = parse_profile("x", page("x-login-wall.html"), "https://x.com/nordwind_de")
    assert profile.empty


def test_facebook_page_meta():
    body = b"""<html><head><meta property="og:title" content="Nordwind Exchange Italia">
      <meta property="og:description" content="Nordwind Exchange Italia. 2,345 likes \xc2\xb7 12 talking about this.
       Compra e vendi bitcoin in euro con Nordwind.">
      <meta property="og:url" content="https://www.facebook.com/nordwind.italia/"></head><body>
      <a href="https://l.facebook.com/l.php?u=https%3A%2F%2Fnordwind-exchange.com%2Fit&amp;h=AT3">nordwind-exchange.com/it</a>
      <a href="https://www.facebook.com/help/">Help</a></body></html>"""
    profile = parse_profile("facebook", body, "https://www.facebook.com/nordwind.italia")
    assert (profile.handle, profile.name, profile.followers) == ("nordwind.italia", "Nordwind Exchange Italia",
                                                                 "2,345 likes")
    assert profile.description == "Compra e vendi bitcoin in euro con Nordwind."
    assert [link.url for link in profile.links] == ["https://nordwind-exchange.com/it"]


def test_tiktok_rehydration_data():
    body = b"""<html><head><meta property="og:title" content="Nordwind (@nordwind_pl) | TikTok"></head><body>
      <script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"__DEFAULT_SCOPE__":{
        "webapp.user-detail":{"userInfo":{"user":{"id":"7012","uniqueId":"nordwind_pl","nickname":"Nordwind Polska",
        "signature":"Kup bitcoina w PLN \\ud83d\\ude80 bonus powitalny",
        "bioLink":{"link":"nordwind-exchange.com/pl","risk":0}},
        "stats":{"followerCount":48200,"heartCount":910000}},"statusCode":0}}}</script></body></html>"""
    profile = parse_profile("tiktok", body, "https://www.tiktok.com/@nordwind_pl")
    assert (profile.handle, profile.name, profile.followers) == ("nordwind_pl", "Nordwind Polska", "48200 Followers")
    assert profile.description == "Kup bitcoina w PLN 🚀 bonus powitalny"
    assert [link.url for link in profile.links] == ["https://nordwind-exchange.com/pl"]


def test_linkedin_company_page():
    body = b"""<html><head><title>Nordwind Exchange | LinkedIn</title>
      <meta property="og:title" content="Nordwind Exchange | LinkedIn">
      <meta property="og:description" content="Nordwind Exchange | 1,204 followers on LinkedIn.">
      <script type="application/ld+json">{"@context":"http://schema.org","@graph":[{"@type":"Organization",
        "name":"Nordwind Exchange","description":"Crypto exchange for European retail clients.",
        "sameAs":"https://nordwind-exchange.com","address":{"@type":"PostalAddress","addressCountry":"SC"}}]}</script>
      </head><body><a data-tracking-control-name="about_website"
        href="https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fnordwind-exchange%2Ecom%2Fen&amp;urlhash=x1">
        nordwind-exchange.com/en</a>
      <a href="https://www.linkedin.com/legal/user-agreement">User Agreement</a></body></html>"""
    profile = parse_profile("linkedin", body, "https://www.linkedin.com/company/nordwind-exchange/")
    assert (profile.handle, profile.name, profile.country) == ("company/nordwind-exchange", "Nordwind Exchange", "SC")
    assert profile.description == "Crypto exchange for European retail clients."
    assert [link.url for link in profile.links] == ["https://nordwind-exchange.com", "https://nordwind-exchange.com/en"]


def test_telegram_profile_from_the_preview():
    profile = parse_profile("telegram", page("telegram-preview.html"), NEWEST)
    assert (profile.handle, profile.name, profile.followers) == ("nordwind_de", "Nordwind Exchange Deutschland",
                                                                 "12.4K subscribers")
    assert "https://nordwind-exchange.com/de" in [link.url for link in profile.links]


def test_telegram_missing_channel_profile_is_empty():
    profile = parse_profile("telegram", page("telegram-missing-channel.html"), "https://t.me/nordwind_xx")
    assert profile.description == "" and profile.links == ()


def test_unknown_platform_is_refused():
    with pytest.raises(ValueError, match="unknown platform 'myspace'"):
        parse_profile("myspace", b"", "https://myspace.com/x")


# ------------------------------------------------------------------------------------------------- handles


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://t.me/s/nordwind_de?before=1041", ("telegram", "nordwind_de")),
        ("https://t.me/Nordwind_DE/1042", ("telegram", "nordwind_de")),
        ("https://telegram.me/nordwind_de", ("telegram", "nordwind_de")),
        ("https://t.me/joinchat/AAAAAEk3", None),
        ("https://t.me/+AbCdEf123", None),
        ("https://www.youtube.com/@Nordwind_FR/videos", ("youtube", "@nordwind_fr")),
        ("https://m.youtube.com/channel/UCq7Nw2dXf0rT8kLm3pZ9yBe/about",
         ("youtube", "channel/UCq7Nw2dXf0rT8kLm3pZ9yBe")),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://x.com/nordwind_de/status/1850000000000000000", ("x", "nordwind_de")),
        ("https://twitter.com/Nordwind_DE", ("x", "nordwind_de")),
        ("https://x.com/i/flow/login", None),
        ("https://x.com/intent/tweet?text=hi", None),
        ("https://www.instagram.com/nordwind_de/", ("instagram", "nordwind_de")),
        ("https://www.instagram.com/p/C0deXyz/", None),
        ("https://www.instagram.com/accounts/login/", None),
        ("https://www.facebook.com/nordwind.italia/", ("facebook", "nordwind.italia")),
        ("https://www.facebook.com/profile.php?id=100064123456789", ("facebook", "100064123456789")),
        ("https://www.facebook.com/sharer/sharer.php?u=x", None),
        ("https://www.tiktok.com/@nordwind_pl?lang=pl", ("tiktok", "nordwind_pl")),
        ("https://www.tiktok.com/explore", None),
        ("https://de.linkedin.com/company/nordwind-exchange/about/", ("linkedin", "company/nordwind-exchange")),
        ("https://nordwind-exchange.com/de", None),
    ],
)
def test_handle_from_url(url, expected):
    assert handle_from_url(url) == expected


def test_channel_ids_and_profile_urls():
    assert channel_id("telegram", "@Nordwind_DE") == "social:telegram:nordwind_de"
    assert channel_id("telegram", "https://t.me/s/nordwind_de") == "social:telegram:nordwind_de"
    assert channel_id("youtube", "nordwind_fr") == "social:youtube:@nordwind_fr"
    assert channel_id("linkedin", "nordwind-exchange") == "social:linkedin:company/nordwind-exchange"
    assert channel_id("tiktok", "@nordwind_pl") == "social:tiktok:nordwind_pl"
    assert channel_id("x", "not a handle") == "social:x:not a handle"  # kept, so it can be reported
    assert profile_url("telegram", "nordwind_de") == "https://t.me/s/nordwind_de"
    assert profile_url("youtube", "@nordwind_fr") == "https://www.youtube.com/@nordwind_fr/about"
    assert profile_url("instagram", "nordwind_de") == "https://www.instagram.com/nordwind_de/"
    assert profile_url("tiktok", "nordwind_pl") == "https://www.tiktok.com/@nordwind_pl"
    assert profile_url("linkedin", "company/nordwind-exchange") == "https://www.linkedin.com/company/nordwind-exchange/"
    with pytest.raises(ValueError):
        profile_url("x", "not a handle")
    with pytest.raises(ValueError):
        normalise_handle("myspace", "x")


def test_every_platform_round_trips_its_profile_url():
    for name in PLATFORMS:
        handle = normalise_handle(name, "nordwindtest")
        assert handle, name
        assert handle_from_url(profile_url(name, handle)) == (name, handle)
        assert platform_of(profile_url(name, handle)) == name


# --------------------------------------------------------------------------------------------------- walls


@pytest.mark.parametrize(
    ("platform", "fixture", "status", "url", "expected"),
    [
        ("x", "x-login-wall.html", 200, "https://x.com/i/flow/login?redirect_after_login=%2Fnordwind_de", LOGIN_WALL),
        ("instagram", "instagram-login-wall.html", 200,
         "https://www.instagram.com/accounts/login/?next=%2Fnordwind_de%2F", LOGIN_WALL),
        ("tiktok", "tiktok-captcha.html", 200, "https://www.tiktok.com/@nordwind_de", BOT_WALL),
        ("youtube", "youtube-404.html", 404, "https://www.youtube.com/@nordwind_xx", NOT_FOUND),
        ("telegram", "telegram-missing-channel.html", 200, "https://t.me/nordwind_xx", NOT_FOUND),
        ("telegram", "telegram-preview.html", 200, NEWEST, ""),
        ("telegram", "telegram-preview-older.html", 200, OLDER, ""),
        ("youtube", "youtube-channel-about-fr.html", 200, "https://www.youtube.com/@nordwind_fr/about", ""),
    ],
)
def test_walls_on_recorded_pages(platform, fixture, status, url, expected):
    assert wall(platform, status, page(fixture), url) == expected


@pytest.mark.parametrize(
    ("platform", "status", "body", "url", "expected"),
    [
        ("instagram", 200, "<title>Instagram</title><body><h2>Sorry, this page isn’t available.</h2><p>The link you "
         "followed may be broken, or the page may have been removed.</p>", "https://www.instagram.com/nordwind_xx/",
         NOT_FOUND),
        ("instagram", 429, "<body>Please wait a few minutes before you try again.</body>",
         "https://www.instagram.com/nordwind_de/", BOT_WALL),
        ("x", 200, "<body><span>This account doesn’t exist</span><span>Try searching for another.</span></body>",
         "https://x.com/nordwind_xx", NOT_FOUND),
        ("facebook", 200, "<title>Facebook</title><body><div>You must log in to continue.</div></body>",
         "https://www.facebook.com/nordwind.italia", LOGIN_WALL),
        ("facebook", 200, "<body><h2>This content isn't available right now</h2></body>",
         "https://www.facebook.com/nordwind.xx", NOT_FOUND),
        ("facebook", 200, "<body>Log in</body>", "https://www.facebook.com/login/?next=%2Fnordwind.italia", LOGIN_WALL),
        ("linkedin", 200, "<title>Sign Up | LinkedIn</title>",
         "https://www.linkedin.com/authwall?trk=bf&sessionRedirect=x", LOGIN_WALL),
        ("linkedin", 999, "<html><script>window.location.href = \"https://www.linkedin.com/authwall?trk=\" + trk;"
         "</script></html>", "https://www.linkedin.com/company/nordwind-exchange/", LOGIN_WALL),
        ("linkedin", 999, "<html><body></body></html>", "https://www.linkedin.com/company/nordwind-exchange/",
         BOT_WALL),
        ("tiktok", 200, "<body><p>Couldn't find this account</p></body>", "https://www.tiktok.com/@nordwind_xx",
         NOT_FOUND),
        ("tiktok", 200, '<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__">{"webapp.user-detail":{"statusCode":10202}}'
         "</script>", "https://www.tiktok.com/@nordwind_xx", NOT_FOUND),
        ("youtube", 200, "<title>Before you continue to YouTube</title>",
         "https://consent.youtube.com/m?continue=https%3A%2F%2Fwww.youtube.com%2F%40nordwind_fr", BOT_WALL),
        ("youtube", 429, "<body>Our systems have detected unusual traffic from your computer network.</body>",
         "https://www.google.com/sorry/index?continue=https://www.youtube.com/@nordwind_fr", BOT_WALL),
        ("youtube", 200, "<form action=\"https://consent.youtube.com/save\" method=\"POST\"></form>",
         "https://www.youtube.com/@nordwind_fr", BOT_WALL),
        ("telegram", 200, '<div class="tgme_page"><div class="tgme_page_title"><span dir="auto">Nordwind DE</span>'
         '</div><div class="tgme_page_extra">12 400 subscribers</div><div class="tgme_page_description">Krypto</div>'
         "</div>", "https://t.me/nordwind_de", LOGIN_WALL),
        ("telegram", 429, "<body>Too Many Requests</body>", NEWEST, BOT_WALL),
        ("x", 403, "<title>Just a moment...</title><body>Checking your browser</body>", "https://x.com/nordwind_de",
         BOT_WALL),
        ("facebook", 200, "<title>Nordwind Italia</title><body><p>Compra bitcoin. Log in or sign up to see more.</p>"
         "</body>", "https://www.facebook.com/nordwind.italia", ""),
        ("linkedin", 200, "<title>Nordwind Exchange | LinkedIn</title><body><p>Crypto exchange</p>"
         '<a href="https://www.linkedin.com/authwall?trk=public_page">See all employees</a></body>',
         "https://www.linkedin.com/company/nordwind-exchange/", ""),
        ("tiktok", 200, '<title>Nordwind (@nordwind_pl) | TikTok</title><script src="https://sf16-website-login.neutral.'
         'ttwstatic.com/obj/secsdk/secsdk-captcha/2.27.14/captcha.js"></script><body><h1>nordwind_pl</h1></body>',
         "https://www.tiktok.com/@nordwind_pl", ""),
    ],
    ids=["ig-missing", "ig-rate-limit", "x-missing", "fb-must-log-in", "fb-missing", "fb-login-redirect",
         "li-authwall", "li-999-authwall-script", "li-999", "tt-missing", "tt-status-10202", "yt-consent",
         "yt-sorry", "yt-consent-form", "tg-no-preview", "tg-429", "cloudflare", "fb-page-with-login-prompt",
         "li-public-page-linking-authwall", "tt-page-with-captcha-script"],
)
def test_wall_markers(platform, status, body, url, expected):
    assert wall(platform, status, body.encode(), url) == expected


# -------------------------------------------------------------------------------------------- the package


def test_no_social_module_is_taken_for_a_detector():
    """The catalogue wiring (detectors/<indicator>.py with INDICATOR and detect) stays the lead's: nothing in
    detectors/social defines both."""
    for info in pkgutil.iter_modules(detectors.social.__path__):
        module = importlib.import_module(f"detectors.social.{info.name}")
        assert not (hasattr(module, "INDICATOR") and hasattr(module, "detect")), info.name


def test_social_package_is_pure():
    for info in pkgutil.iter_modules(detectors.social.__path__):
        source = Path(detectors.social.__path__[0], f"{info.name}.py").read_text(encoding="utf-8")
        for banned in ("import crawler", "from crawler", "import reports", "from reports", "requests", "urllib.request",
                       "scrapy", "playwright"):
            assert banned not in source, (info.name, banned)
