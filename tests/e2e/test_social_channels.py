"""Social and app channels end to end on the sandbox web: walls, missing accounts and empty parses are never a
clean result; each ends inconclusive or not-assessed, with the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PAGES, read_report

SOCIAL = PAGES / "social"


def _serve(web_root: Path, url_path: str, fixture: str | None, body: str = "") -> None:
    target = web_root / url_path
    target.parent.mkdir(parents=True, exist_ok=True)
    if fixture:
        shutil.copy(SOCIAL / fixture, target)
    else:
        target.write_text(body)


@pytest.fixture
def walled_web(web_root: Path) -> Path:
    _serve(web_root, "x.com/walledfirm", "x-login-wall.html")
    _serve(web_root, "www.instagram.com/walledfirm/index.html", "instagram-login-wall.html")
    _serve(web_root, "www.tiktok.com/@walledfirm", "tiktok-captcha.html")
    # Telegram sends the preview of a channel that does not exist to the bare t.me/<name> page.
    _serve(web_root, "t.me/walledfirm", "telegram-missing-channel.html")
    _serve(web_root, "t.me/_sandbox.yaml", None, "rules:\n  - {path: /s/walledfirm, redirect: /walledfirm}\n")
    _serve(web_root, "www.facebook.com/walledfirm", None, "<html><head><title></title></head><body></body></html>")
    return web_root


def test_walls_missing_accounts_and_empty_parses_are_never_clean(walled_web, scan, tmp_path):
    profile = tmp_path / "firm.yaml"
    profile.write_text("firm: {name: Walled Firm}\nchannels:\n  social:\n    x: [walledfirm]\n"
                       "    instagram: [walledfirm]\n    tiktok: [walledfirm]\n    telegram: [walledfirm]\n"
                       "    facebook: [walledfirm]\n    youtube: ['@walledfirm']\n")
    code = scan("--firm", str(profile), out=tmp_path)
    assert code == 3
    report = read_report(tmp_path, "walled-firm")
    got = {c["id"]: (c["status"], c["reason"]) for c in report["channels"]}
    assert got["social:x:walledfirm"] == ("inconclusive", "login wall")
    assert got["social:instagram:walledfirm"] == ("inconclusive", "login wall")
    assert got["social:tiktok:walledfirm"] == ("inconclusive", "bot wall")
    assert got["social:telegram:walledfirm"] == ("not-assessed", "not found")
    assert got["social:facebook:walledfirm"] == ("inconclusive", "the page parsed empty (layout change?)")
    assert got["social:youtube:@walledfirm"][0] == "not-assessed"  # youtube.com is not on this sandbox web
    assert all(c["level"] is None and c["score"] is None for c in report["channels"])
    assert report["verdict"]["level"] == "not-assessed"
