"""`footprint selftest --live` against the sandbox web standing in for the platforms (never the network)."""

from __future__ import annotations

import shutil

from crawler.cli import main
from crawler.sandbox import SandboxWeb
from tests.conftest import PAGES


def _platforms(root, play_page):
    (root / "itunes.apple.com").mkdir(parents=True)
    shutil.copy(
        PAGES / "listings/apple/lookup-us.json", root / "itunes.apple.com" / "lookup?id=414706506&country=us"
    )
    (root / "play.google.com/store/apps").mkdir(parents=True)
    shutil.copy(
        play_page, root / "play.google.com/store/apps" / "details?id=com.google.android.apps.translate&gl=US&hl=en"
    )
    (root / "t.me/s").mkdir(parents=True)
    shutil.copy(PAGES / "social/telegram-preview.html", root / "t.me/s/telegram")


def test_live_selftest_reads_every_platform_page(tmp_path, capsys):
    _platforms(tmp_path, PAGES / "listings/google-play/details-de.html")
    with SandboxWeb(tmp_path) as web:
        assert main(["selftest", "--live", "--proxy", web.url]) == 0
    out = capsys.readouterr().out
    assert out.count("ok ") == 3


def test_a_changed_page_and_an_unreachable_one_are_told_apart(tmp_path, capsys):
    _platforms(tmp_path, PAGES / "listings/google-play/garbled.html")
    shutil.rmtree(tmp_path / "t.me")
    with SandboxWeb(tmp_path) as web:
        assert main(["selftest", "--live", "--proxy", web.url]) == 3
    out = capsys.readouterr().out
    assert "CHANGED      Google Play details" in out and "UNREACHABLE  Telegram preview" in out


def test_selftest_follows_no_redirect_to_a_private_address():
    import urllib.error
    import urllib.request

    import pytest

    from crawler.crawl.selftest import _PublicRedirects

    request = urllib.request.Request("https://t.me/s/telegram")
    with pytest.raises(urllib.error.URLError, match="refused: redirect to a link-local address 169.254.169.254"):
        _PublicRedirects().redirect_request(request, None, 302, "Found", {}, "http://169.254.169.254/latest/")
    assert _PublicRedirects().redirect_request(request, None, 302, "Found", {}, "https://telegram.org/") is not None
