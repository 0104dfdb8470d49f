"""The HTML report as a compliance officer sees it: opened in headless Chromium, verdict first, screenshots beside
the findings, every image loading (the report's own CSP allows its screenshots and nothing else)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.captures.warc import read_archive
from crawler.cli import main
from crawler.crawl.browser import chromium_executable, launch_options
from tests.conftest import firm_dir, read_report


@pytest.fixture(scope="module")
def demo_with_screenshots(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("demo-shots")
    assert main(["demo", "--out", str(out), "--quiet"]) == 0
    return out


def test_report_opens_in_chromium_with_verdict_and_every_screenshot_loaded(demo_with_screenshots):
    from playwright.sync_api import sync_playwright

    report_path = firm_dir(demo_with_screenshots, "nordwind-exchange-ltd") / "report.html"
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options(chromium_executable()))
        try:
            page = browser.new_page()
            page.goto(report_path.as_uri(), wait_until="load")
            body = page.inner_text("body")
            assert "Verdict" in body and "HIGH" in body
            assert body.index("Verdict") < body.index("Channel: ")
            images = page.eval_on_selector_all("img", "imgs => imgs.map(i => [i.src, i.complete, i.naturalWidth])")
            assert len(images) >= 5
            broken = [src for src, complete, width in images if not complete or width == 0]
            assert broken == []
            assert page.eval_on_selector_all("script", "s => s.length") == 0
        finally:
            browser.close()


def test_screenshots_are_taken_per_page_with_findings_and_archived(demo_with_screenshots):
    out = firm_dir(demo_with_screenshots, "nordwind-exchange-ltd")
    report = read_report(demo_with_screenshots, "nordwind-exchange-ltd")
    shots = {f["screenshot"] for c in report["channels"] for f in c["findings"] if f["screenshot"]}
    pages = {f["url"] for c in report["channels"] for f in c["findings"]}
    assert shots and all((out / s).read_bytes().startswith(b"\x89PNG") for s in shots)
    archive = read_archive(out / "capture.warc.gz")
    # Per visitor: every page with findings, photographed as each visitor that was shown that evidence.
    websites = [c for c in report["channels"] if c["kind"] in ("website", "affiliate")]
    pages = {f["url"] for c in websites for f in c["findings"]}
    seen_as = {(f["url"], v) for c in websites for f in c["findings"] for v in f["visitors"]}
    assert {(s["url"], s["visitor"]) for s in archive.screenshots} == seen_as
    assert {v for _, v in seen_as} == {"US", "DE"} and {u for u, _ in seen_as} == pages
    records = {c["record_id"]: c for c in archive.captures}
    for channel in report["channels"]:
        for f in channel["findings"]:  # every finding points at the archived response its evidence is in
            record = records[f["record_id"]]
            if channel["kind"] in ("website", "affiliate"):  # posts and listings: the page or lookup they came from
                assert f["url"] in (record["url"], record["requested_url"])  # a redirect's finding: the request
    assert report["provenance"]["browser"].startswith("Chromium")


def test_analyze_rebuilds_every_finding_id_from_the_archive_alone(demo_with_screenshots, tmp_path):
    for slug in ("nordwind-exchange-ltd", "meridian-custody-partners-llc", "atlas-digital-markets-inc"):
        original = read_report(demo_with_screenshots, slug)
        archive = firm_dir(demo_with_screenshots, slug) / "capture.warc.gz"
        assert main(["analyze", str(archive), "--out", str(tmp_path)]) == 0
        rebuilt = read_report(tmp_path, slug)
        ids = lambda r: sorted(f["id"] for c in r["channels"] for f in c["findings"])  # noqa: E731
        assert ids(rebuilt) == ids(original)
        assert rebuilt["verdict"]["level"] == original["verdict"]["level"]
        shots = {f["screenshot"] for c in rebuilt["channels"] for f in c["findings"] if f["screenshot"]}
        assert all((firm_dir(tmp_path, slug) / s).is_file() for s in shots)
