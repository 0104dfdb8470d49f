"""report.pdf: the HTML report printed to A4 by the same Chromium that renders pages (crawler/crawl/browser.py),
through the report's own print stylesheet (every fold open, every evidence field kept). Lives in crawler/ because
reports/ never starts a browser; asked for with `--format pdf` (not a default format: it needs Chromium).

The HTML is printed from a file beside the screenshots, so its relative <img> paths load; the browser is offline
for it (the report has no external resources, and its Content-Security-Policy forbids any).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from crawler.config.defaults import PDF_FORMAT
from crawler.crawl.browser import chromium_executable, launch_options
from reports.html import render_html
from reports.writer import FORMATS, atomic_write, write_reports

PDF_FILE = "report.pdf"
PRINT_TIMEOUT_MS = 120_000  # a report of thousands of findings takes seconds to lay out; a minute is a hang


def report_files(out_dir: Path, formats: Iterable[str]) -> dict[str, Path]:
    """format -> the file it is written to."""
    return {f: out_dir / (PDF_FILE if f == PDF_FORMAT else FORMATS[f][0]) for f in formats}


def write_report_files(report: dict, out_dir: Path, formats: Iterable[str]) -> dict[str, Path]:
    """reports/writer.py's formats, then the PDF if asked for (a missing browser is BrowserUnavailable: exit 2)."""
    wanted = list(dict.fromkeys(formats))
    paths = write_reports(report, out_dir, [f for f in wanted if f != PDF_FORMAT])
    if PDF_FORMAT in wanted:
        paths[PDF_FORMAT] = print_pdf(render_html(report), Path(out_dir) / PDF_FILE)
    return paths


def print_pdf(html: str, path: Path) -> Path:
    """`html` printed to A4 at `path` (atomically). The HTML is written beside it for the duration, hidden."""
    from playwright.sync_api import sync_playwright

    source = path.with_name(f".{path.stem}.print.html")
    source.write_text(html, encoding="utf-8")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(**launch_options(chromium_executable()))
            try:
                page = browser.new_page()
                page.set_default_timeout(PRINT_TIMEOUT_MS)
                page.goto(source.as_uri(), wait_until="load")
                data = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
            finally:
                browser.close()
    finally:
        source.unlink(missing_ok=True)
    atomic_write(path, data)
    return path
