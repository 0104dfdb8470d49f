"""A fact seen on many pages is ONE row in every rendering, saying on how many pages, with the sample of them; a
finding of one page or one item is shown as before."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from detectors.model import Evidence
from reports.csv_report import render_csv
from reports.html import render_html
from reports.markdown import render_markdown
from reports.validate import validate_report
from reports.writer import render_json
from tests.reports.html_tags import parse
from tests.reports.test_diff import build, website
from tests.reports.test_upgrade import GEO, PHONE, SITE, T1, merged, page_finding

HOSTILE = "javascript:alert(1)"


def report() -> dict:
    return build([website(SITE, [merged(PHONE), GEO])], T1)


def test_report_with_merged_findings_is_valid_format_2():
    r = report()
    assert validate_report(r) == []
    phone = next(f for f in r["channels"][0]["findings"] if f["indicator"] == "PHONE")
    assert phone["pages"] == 12 and len(phone["seen_on"]) == 10 and phone["first_seen"] == T1


def test_html_one_row_with_the_sample_folded():
    html = render_html(report())
    tags = parse(html)
    rows = [attrs for tag, attrs in tags.tags if tag == "tr" and attrs.get("id", "").startswith("f-")]
    assert len(rows) == 2  # 12 pages of the phone number are one row, the geo finding another
    assert [tag for tag, _ in tags.tags].count("details") == 1
    assert "on 12 pages" in html and "and 2 more page(s) not listed" in html
    links = [attrs["href"] for tag, attrs in tags.tags if tag == "a"]
    assert all(f"https://cryptex.de/p{i}" in links for i in (0, 1, 10, 11))  # the sample, sorted by URL
    assert "https://cryptex.de/p9" not in links  # 11th and 12th by URL order: not in the sample


def test_html_sample_urls_are_never_unsafe_links():
    r = report()
    finding = next(f for f in r["channels"][0]["findings"] if f["pages"] > 1)
    finding["seen_on"][1]["url"] = HOSTILE
    tags = parse(render_html(r))
    assert HOSTILE not in [attrs.get("href") for _, attrs in tags.tags]
    assert HOSTILE in "".join(tags.text)


def test_markdown_pages_column_and_sample():
    md = render_markdown(report())
    rows = [line for line in md.splitlines() if line.startswith("| PHONE") and "+493022334455" in line]
    assert len(rows) == 1
    assert "| 12 | https://cryptex.de/p0 https://cryptex.de/p1 https://cryptex.de/p10" in rows[0]
    assert "(+2 more)" in rows[0]
    geo = next(line for line in md.splitlines() if line.startswith("| GEO\\_TARGETED") and "text" in line)
    assert "| 1 | https://cryptex.de/ |" in geo and "more" not in geo  # near miss: one item, its URL


def test_csv_pages_and_sample_columns():
    rows = list(csv.DictReader(io.StringIO(render_csv(report()), newline="")))
    assert len(rows) == 2
    phone = next(r for r in rows if r["indicator"] == "PHONE")
    assert phone["pages"] == "12" and len(phone["sample_urls"].split(" ")) == 10
    assert (phone["first_seen"], phone["last_seen"]) == (T1, "2026-01-01T00:02:00Z")
    geo = next(r for r in rows if r["indicator"] == "GEO_TARGETED")
    assert (geo["pages"], geo["sample_urls"], geo["first_seen"]) == ("1", "", "")


def test_report_json_stays_under_20_mib_at_20000_pages():
    """The issue's bound, extrapolated from 2,000 pages (report size grows with distinct findings, not pages): a
    fact on every page is one finding, and even one distinct finding per page stays under it."""
    site_wide = [replace(merged([replace(p, evidence=Evidence(f"+4930223344{k:02d}", "call us", "footer"))
                                 for p in PHONE]), pages=20000) for k in range(30)]
    per_page = [merged([page_finding("PROMO", f"https://cryptex.de/p/{i:05d}", f"jetzt kaufen {i}")])
                for i in range(2000)]
    size = len(render_json(build([website(SITE, [*site_wide, *per_page])], T1)).encode("utf-8"))
    assert size * 10 < 20 * 2**20
    assert render_json(report()).count("\n") == 1  # compact: one line
