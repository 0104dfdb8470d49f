"""Fixtures of the sandbox tests: a small directory web with rules, served with no proxy variables in the way.

``sandbox`` here replaces the demo-web fixture of tests/conftest.py for this folder: these tests need hosts whose
every file and rule they can see.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.sandbox import SandboxWeb

RULES = """\
rules:
  - path: /geo/
    when: {visitor: DE}
    status: 451
    headers: {X-Reason: geo}
    file: blocked.html
  - path: /lang
    when: {accept_language: de}
    body: "Hallo"
  - path: /old/*
    redirect: ../new/
  - path: /eu-only
    when: {visitor: [DE, FR]}
    body: "EU visitors only"
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A directory web: coinhub.test with rules, an app-store page named with its query, and other.test to try
    reaching by path traversal."""
    web = tmp_path / "web"
    site = web / "coinhub.test"
    _write(site / "index.html", "<html>coinhub home</html>")
    _write(site / "about" / "index.html", "<html>about us</html>")
    _write(site / "sitemap.xml", "<?xml version='1.0'?><urlset/>")
    _write(site / "robots.txt", "User-agent: *\n")
    _write(site / "geo" / "index.html", "<html>geo content</html>")
    _write(site / "blocked.html", "<html>not in your country</html>")
    _write(site / "lang", "default language")
    _write(site / "eu-only", "everyone")
    _write(site / "_sandbox.yaml", RULES)
    apps = web / "play.google.com" / "store" / "apps"
    _write(apps / "details?id=com.x", "<!doctype html><title>app</title>")
    _write(web / "other.test" / "secret.txt", "TOP SECRET CONTENT")
    return web


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """urllib would send requests for the test hosts to a proxy of the environment (or skip ours for no_proxy)."""
    for var in ("no_proxy", "NO_PROXY", "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def sandbox(root: Path, no_proxy_env: None):
    with SandboxWeb(root) as web:
        yield web
