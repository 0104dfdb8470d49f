"""detectors/social/walls.py: login walls, bot walls and missing accounts."""

from __future__ import annotations

import pytest

from detectors.platforms import WALL_VERDICTS, platform_entries
from detectors.social.walls import BOT_WALL, LOGIN_WALL, NOT_FOUND, wall

from . import NEWEST, OLDER, page


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


def test_wall_verdicts_are_those_the_data_file_may_name():
    assert WALL_VERDICTS == (LOGIN_WALL, BOT_WALL, NOT_FOUND)


@pytest.mark.parametrize(
    ("platform", "url", "expected"),
    [
        ("x", "https://twitter.com/login?redirect_after_login=%2Fnordwind_de", LOGIN_WALL),
        ("x", "https://x.com/account/access", BOT_WALL),
        ("instagram", "https://www.instagram.com/accounts/suspended/", NOT_FOUND),
        ("youtube", "https://accounts.google.com/ServiceLogin?continue=x", LOGIN_WALL),
        ("youtube", "https://consent.google.com/ml?continue=x", BOT_WALL),
        ("linkedin", "https://de.linkedin.com/checkpoint/challenge/x", BOT_WALL),
        ("facebook", "https://www.facebook.com/nordwind.italia/login_alerts", ""),  # /login only as a path prefix
        ("x", "https://www.instagram.com/accounts/login/", ""),  # another platform's wall
    ],
)
def test_final_urls_listed_in_the_data_file_are_walls(platform, url, expected):
    assert wall(platform, 200, b"<html><body><p>Nordwind</p></body></html>", url) == expected
    listed = [(host, prefix) for host, prefix, kind in platform_entries()[platform].walls if kind == expected]
    assert bool(listed) or not expected
