"""Screenshots of a visitor's pages are taken in one browser tab, navigated from page to page: a page that hangs its
renderer costs its own screenshot only, the tab is replaced and the pages after it are still taken."""

from __future__ import annotations

from PIL import Image

from crawler.crawl import screenshots
from crawler.sandbox.web import SandboxWeb
from tests.support.sites import write_host

HOST = "tabs.example"
PAGE = ('<!doctype html><html><head><title>{0}</title></head><body style="margin: 0"><div style="height: {1}px">{0}'
        "</div></body></html>")
# A script that never returns: the page's load event never comes, and its renderer stays busy.
HUNG = "<!doctype html><html><head><title>Hung</title></head><body><script>for (;;) {}</script></body></html>"


def _target(path: str) -> screenshots.Target:
    return "website", f"https://{HOST}{path}", {}, []


def test_pages_after_a_hung_one_are_still_shot_in_a_fresh_tab(tmp_path, chromium, monkeypatch):
    monkeypatch.setattr(screenshots, "NAVIGATION_TIMEOUT_MS", 3_000)
    write_host(tmp_path / "web", HOST, {"/": PAGE.format("Home", 1500), "/hung.html": HUNG,
                                        "/after.html": PAGE.format("After", 900)})
    with SandboxWeb(tmp_path / "web") as web:
        shots, version = screenshots.take([_target("/"), _target("/hung.html"), _target("/after.html")],
                                          tmp_path / "out", web.url, "footprint-test", allow_private=True)
    assert version.startswith("Chromium ")
    home, hung, after = shots
    assert hung.error and not hung.png, hung
    for shot, height in ((home, 1500), (after, 900)):
        assert not shot.error, shot.error
        image = Image.open(tmp_path / "out" / shot.path)
        assert image.height == height  # its own page, the whole of it: not the page before in the same tab
