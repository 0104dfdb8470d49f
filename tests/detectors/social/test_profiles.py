"""detectors/social/profiles.py: what the public pages of the platforms expose about an account."""

from __future__ import annotations

import pytest

from detectors.analyze import analyze_documents
from detectors.social.posts import profile_document
from detectors.social.profiles import parse_profile

from . import FETCHED_AT, NEWEST, SHA, observed, page


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
