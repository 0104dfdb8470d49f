"""The HTML report as a compliance officer sees it: opened in headless Chromium, verdict first, screenshots beside
the findings, every image loading (the report's own CSP allows its screenshots and nothing else)."""

from __future__ import annotations

import re
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
        # The elements marked on the screenshots: the same boxes, from the archive, so the same crops.
        marks = lambda r: {f["id"]: f.get("screenshot_mark") for c in r["channels"] for f in c["findings"]}  # noqa: E731
        assert marks(rebuilt) == marks(original)
        for mark in filter(None, marks(original).values()):
            assert (firm_dir(tmp_path, slug) / mark).read_bytes() == (firm_dir(demo_with_screenshots, slug) / mark
                                                                      ).read_bytes()
    nordwind = marks(read_report(demo_with_screenshots, "nordwind-exchange-ltd")).values()
    assert any(nordwind) and "" in nordwind  # elements located and marked, others said not to be


# --- Read in ten seconds, printed whole (issue 15) ------------------------------------------------------------------

BEFORE_HEIGHT = 34_866  # Nordwind's report.html before issue 15, as the issue measured it (44,140 px at 1400 x 900)
SCREEN = {"width": 1400, "height": 900}
A4_WIDTH = 794 - 2 * 45  # 210 mm at 96 px per inch, less the print stylesheet's 12 mm margins
EVIDENCE = ("p.value strong", "blockquote.snippet", "dt", "code.finding-id", ".legal-ref dd", ".print-only code")


@pytest.fixture
def nordwind_page(demo_with_screenshots):
    """Nordwind's report open in headless Chromium at 1400 x 900, and its report.json."""
    from playwright.sync_api import sync_playwright

    folder = firm_dir(demo_with_screenshots, "nordwind-exchange-ltd")
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch_options(chromium_executable()))
        try:
            page = browser.new_page(viewport=SCREEN)
            page.goto((folder / "report.html").as_uri(), wait_until="load")
            yield page, read_report(demo_with_screenshots, "nordwind-exchange-ltd")
        finally:
            browser.close()


def _inside_first_screen(page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"] and \
        box["x"] + box["width"] <= SCREEN["width"]


def test_first_screen_shows_the_verdict_the_reasons_in_words_and_the_member_state_chart(nordwind_page):
    page, report = nordwind_page
    assert _inside_first_screen(page, ".verdict-line .badge")
    assert page.inner_text(".verdict-line .badge") == report["verdict"]["level"].upper()
    reasons = page.locator("ol.reasons > li")
    assert 3 <= reasons.count() <= 5
    for i in range(reasons.count()):
        box = reasons.nth(i).bounding_box()
        assert box["y"] + box["height"] <= SCREEN["height"], (i, box)
    first = reasons.nth(0).inner_text()
    assert "German-language" in first and " on nordwind-exchange." in first and "What to fix:" in first
    assert _inside_first_screen(page, "svg.chart")
    labels = page.eval_on_selector_all("svg.chart text.bar-label", "ts => ts.map(t => t.textContent)")
    assert "Germany" in labels and "Austria" in labels and "DE" not in labels  # names, not codes
    assert _inside_first_screen(page, "p.legend")


def test_whole_report_is_a_third_of_its_old_height_every_finding_reachable_and_never_wider(nordwind_page):
    page, report = nordwind_page
    height = page.evaluate("document.scrollingElement.scrollHeight")
    assert height <= BEFORE_HEIGHT / 3, height
    assert page.evaluate("document.scrollingElement.scrollWidth") <= SCREEN["width"]
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('main *')].map(e => e.scrollWidth))")
    assert widest <= SCREEN["width"], widest
    ids = {f["id"] for c in report["channels"] for f in c["findings"]}
    shown = page.eval_on_selector_all("article.finding", "as => as.map(a => a.id.slice(2))")
    assert sorted(shown) == sorted(ids)  # every finding once, folded or not
    folded = page.eval_on_selector_all("article.finding", "as => as.filter(a => !a.checkVisibility()).length")
    assert 0 < folded < len(ids)
    checked = page.eval_on_selector_all("#coverage ul.urls li a", "as => as.map(a => a.href)")
    assert set(report["channels"][-1]["checked_pages"]) <= set(checked)


def test_printed_on_a4_every_evidence_field_of_every_finding_is_on_the_page(nordwind_page):
    page, report = nordwind_page
    page.set_viewport_size({"width": A4_WIDTH, "height": 1123})
    page.emulate_media(media="print")
    try:
        hidden = page.evaluate("""sels => [...document.querySelectorAll('article.finding')].flatMap(a =>
            sels.flatMap(s => [...a.querySelectorAll(s)].filter(e => !e.checkVisibility()
                || e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => a.id + ' ' + s)))""", list(EVIDENCE))
        assert hidden == []
        text = page.inner_text("body")
        for f in (f for c in report["channels"] for f in c["findings"]):
            assert f["body_sha256"] in text and f["legal_ref"] in text
        assert page.evaluate("document.scrollingElement.scrollWidth") <= A4_WIDTH
        images = page.eval_on_selector_all("img.thumb", "is => is.filter(i => !i.checkVisibility()).length")
        assert images == 0
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size(SCREEN)


def test_format_pdf_prints_the_report_to_a4_with_chromium(demo_with_screenshots, tmp_path):
    archive = firm_dir(demo_with_screenshots, "nordwind-exchange-ltd") / "capture.warc.gz"
    assert main(["analyze", str(archive), "--out", str(tmp_path), "--format", "json,pdf"]) == 0
    folder = firm_dir(tmp_path, "nordwind-exchange-ltd")
    pdf = (folder / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) > 5  # every fold open: many A4 pages
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith("report")) == ["report.json", "report.pdf"]


def test_format_pdf_without_a_browser_is_bad_input_before_anything_is_fetched(monkeypatch, tmp_path):
    from crawler.crawl import browser

    monkeypatch.delenv("FOOTPRINT_CHROMIUM", raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path / "no-browsers"))
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    browser.chromium_executable.cache_clear()  # looked up once per process: forget the browser found before
    out, nowhere = tmp_path / "out", "http://127.0.0.1:9"  # were anything fetched, it would go nowhere
    try:
        assert main(["scan", "https://x.example/", "--format", "json,pdf", "--proxy", nowhere, "--out", str(out)]) == 2
        assert not out.exists()
        assert main(["scan", "https://x.example/", "--format", "json,docx", "--out", str(out)]) == 2
    finally:
        browser.chromium_executable.cache_clear()


# --- The archived page, not the live one (issue 14 item 3) ---------------------------------------------------------


def test_a_findings_archived_copy_link_opens_the_saved_page_with_the_match_highlighted(nordwind_page):
    page, report = nordwind_page
    folder = Path(page.url.removeprefix("file://")).parent
    copies = [f for c in report["channels"] for f in c["findings"] if f.get("archived_copy")]
    assert len(copies) >= 100 and all((folder / f["archived_copy"]).is_file() for f in copies)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    # A finding on the page's visible text (a hreflang or a URL has no text to mark): Nordwind's first LOCAL_REF.
    card = page.locator("article.finding:visible", has=page.locator(".ind", has_text="LOCAL_REF")).first
    assert "footprint view FOLDER serves the same copies" in card.inner_text()
    link = card.locator("a.archived-copy")
    finding_id = card.evaluate("a => a.id.slice(2)")
    finding = next(f for f in copies if f["id"] == finding_id)
    assert link.get_attribute("href") == f"{finding['archived_copy']}#m-{finding_id}"
    link.click()
    page.wait_for_load_state("load")
    assert page.url == (folder / finding["archived_copy"]).as_uri() + f"#m-{finding_id}"
    mark = page.locator(f"mark[id='m-{finding_id}']")
    assert mark.inner_text().casefold() in finding["evidence"]["snippet"].casefold()
    assert mark.is_visible() and finding["record_id"] in page.inner_text(".footprint-banner")
    assert page.eval_on_selector_all("script", "s => s.length") == 0
    assert {r.split(":", 1)[0] for r in requested} == {"file"}  # the copy asked nothing of the live site


def test_footprint_view_serves_the_demo_archive_and_its_pages_load_in_chromium(demo_with_screenshots):
    import subprocess
    import sys

    from playwright.sync_api import sync_playwright

    from tests.conftest import ROOT

    folder = firm_dir(demo_with_screenshots, "nordwind-exchange-ltd")
    proc = subprocess.Popen([sys.executable, "-m", "crawler.cli", "view", str(folder)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "archived page(s)" in proc.stdout.readline()
        opened = proc.stdout.readline().strip()
        assert re.fullmatch(r"open http://127\.0\.0\.1:\d+/", opened), opened
        url = opened.removeprefix("open ")
        with sync_playwright() as p:
            browser = p.chromium.launch(**launch_options(chromium_executable()))
            try:
                page = browser.new_page()
                requested: list[str] = []
                page.on("request", lambda r: requested.append(r.url))
                page.goto(url, wait_until="load")
                page.locator("a", has_text="LOCAL_REF: ").first.click()
                page.wait_for_load_state("load")
                assert page.locator("mark#m-1").is_visible()
                assert "Archived copy, not the live page" in page.inner_text(".footprint-banner")
            finally:
                browser.close()
        assert {r.split("/")[2] for r in requested} == {url.split("/")[2]}  # nothing but the view server
    finally:
        proc.terminate()
        proc.wait(10)
