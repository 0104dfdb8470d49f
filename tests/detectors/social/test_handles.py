"""detectors/social/handles.py: which URLs name which account, channel ids, profile URLs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from detectors.data_files import DataFileError
from detectors.platforms import FILE, platform_entries, platform_kind
from detectors.social import handles
from detectors.social.handles import (
    SHAPES,
    channel_id,
    handle_from_url,
    normalise_handle,
    platform_of,
    platforms,
    profile_url,
    unwrap,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://t.me/s/nordwind_de?before=1041", ("telegram", "nordwind_de")),
        ("https://t.me/Nordwind_DE/1042", ("telegram", "nordwind_de")),
        ("https://telegram.me/nordwind_de", ("telegram", "nordwind_de")),
        ("https://telegram.dog/nordwind_de", ("telegram", "nordwind_de")),
        ("https://telegram.org/privacy", None),  # Telegram's own site: a platform host, no account URLs
        ("https://t.me/joinchat/AAAAAEk3", None),
        ("https://t.me/+AbCdEf123", None),
        ("https://www.youtube.com/@Nordwind_FR/videos", ("youtube", "@nordwind_fr")),
        ("https://m.youtube.com/channel/UCq7Nw2dXf0rT8kLm3pZ9yBe/about",
         ("youtube", "channel/UCq7Nw2dXf0rT8kLm3pZ9yBe")),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://youtu.be/dQw4w9WgXcQ", None),
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
    for name in platforms():
        handle = normalise_handle(name, "nordwindtest")
        assert handle, name
        assert handle_from_url(profile_url(name, handle)) == (name, handle)
        assert platform_of(profile_url(name, handle)) == name


# ------------------------------------------------------------------------------- hosts from data/platforms.yaml


def test_hosts_and_profile_urls_come_from_the_data_file():
    entries = platform_entries()
    assert list(platforms()) == list(SHAPES)
    for name, platform in platforms().items():
        entry = entries[name]
        assert (platform.hosts, platform.other_hosts, platform.profile_url) == (
            entry.accounts, entry.hosts, entry.profile_url)
        assert all(platform_kind(host) == entry.kind for host in platform.hosts + platform.other_hosts), name


@pytest.mark.parametrize(
    ("url", "expected"),
    [("https://youtu.be/dQw4w9WgXcQ", "youtube"), ("https://telegram.org/faq", "telegram"),
     ("https://www.telegram.dog/nordwind_de", "telegram"), ("https://www.reddit.com/r/nordwind", ""),
     ("https://fonts.gstatic.com/x.woff2", "")],
)
def test_platform_of_knows_every_host_of_the_platforms_read(url, expected):
    assert platform_of(url) == expected


TARGET = "https%3A%2F%2Fnordwind-exchange.com%2Fde"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"https://www.youtube.com/redirect?event=channel&q={TARGET}", "https://nordwind-exchange.com/de"),
        (f"https://l.facebook.com/l.php?u={TARGET}&h=AT3", "https://nordwind-exchange.com/de"),
        (f"https://lm.facebook.com/l.php?u={TARGET}", "https://nordwind-exchange.com/de"),
        (f"https://l.instagram.com/?u={TARGET}&e=AT0", "https://nordwind-exchange.com/de"),
        (f"https://www.linkedin.com/redir/redirect?url={TARGET}", "https://nordwind-exchange.com/de"),
        (f"https://t.me/iv?url={TARGET}&rhash=1", "https://nordwind-exchange.com/de"),
        ("https://www.youtube.com/redirect?q=javascript%3Aalert(1)", "https://www.youtube.com/redirect?q=javascript%3Aalert(1)"),
        (f"https://nordwind-exchange.com/redirect?q={TARGET}", f"https://nordwind-exchange.com/redirect?q={TARGET}"),
    ],
    ids=["youtube", "facebook", "facebook-mobile", "instagram", "linkedin", "telegram-iv", "not-http", "not-a-wrapper"],
)
def test_redirect_wrappers_from_the_data_file_are_taken_off(url, expected):
    assert unwrap(url) == expected


def test_a_platform_with_accounts_needs_url_shapes_in_code(monkeypatch):
    entries = platform_entries()
    reddit = replace(entries["reddit"], accounts=("reddit.com",), hosts=(), profile_url="https://www.reddit.com/{handle}")
    monkeypatch.setattr(handles, "platform_entries", lambda: {**entries, "reddit": reddit})
    with pytest.raises(DataFileError) as refused:
        handles.platforms.__wrapped__()
    assert (refused.value.file, refused.value.entry) == (FILE, "platforms.reddit.accounts")
    assert "handle shapes" in refused.value.expected


def test_url_shapes_in_code_need_a_platform_with_accounts(monkeypatch):
    entries = platform_entries()
    tiktok = replace(entries["tiktok"], accounts=(), hosts=("tiktok.com",), profile_url="")
    monkeypatch.setattr(handles, "platform_entries", lambda: {**entries, "tiktok": tiktok})
    with pytest.raises(DataFileError) as refused:
        handles.platforms.__wrapped__()
    assert (refused.value.file, refused.value.entry) == (FILE, "platforms.tiktok")
