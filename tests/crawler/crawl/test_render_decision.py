"""Browser rendering (crawler/crawl/render_decision.py, browser.py): content that only exists after JavaScript runs
is seen with `render: auto`, not `never`."""

from __future__ import annotations

from crawler.cli import main
from tests.conftest import read_report

URL = "https://spa-exchange.com/"


def test_offers_built_by_javascript_are_found_with_render_auto_and_missed_with_never(scan, tmp_path):
    assert scan(URL, out=tmp_path / "never", render="never") in (0, 3)
    assert scan(URL, out=tmp_path / "auto", render="auto") in (0, 3)
    never, auto = (read_report(tmp_path / render, "spa-exchange-com") for render in ("never", "auto"))
    bonus = lambda report: [f for c in report["channels"] for f in c["findings"] if f["indicator"] == "BONUS"]  # noqa: E731
    assert bonus(never) == []
    assert [f["evidence"]["value"] for f in bonus(auto)] == ["willkommensbonus"]
    (channel,) = auto["channels"]
    assert channel["rendered_pages"] == [URL]
    assert never["channels"][0]["rendered_pages"] == []


def test_without_any_chromium_the_error_says_how_to_scan_anyway(sandbox, tmp_path, monkeypatch, capsys):
    from crawler.crawl import browser

    browser.chromium_executable.cache_clear()
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "none"))
    monkeypatch.setattr(browser, "SYSTEM_CHROMIUM", ("no-such-chromium",))
    try:
        code = main(["scan", URL, "--proxy", sandbox.url, "--delay", "0", "--quiet", "--render", "auto",
                     "--out", str(tmp_path)])
    finally:
        browser.chromium_executable.cache_clear()
    assert code == 2
    assert "--render never --no-screenshots" in capsys.readouterr().err
