"""A site with pages built to stall a parser, and pages in legacy encodings, scanned through the sandbox web: the
scan ends well within its budget, the hostile pages are listed as truncated with the reason, the legacy pages are
read in their declared encoding (their euro amounts found), and the ordinary page is judged as before."""

from __future__ import annotations

import resource
import time

from reports.validate import validate_report
from tests.conftest import read_report
from tests.support.tree_memory import TreePss, assert_within_bounds

HOST = "hostile-parsing.com"
COPY = "<h1>Bitcoin kaufen</h1><p>Kaufen Sie Bitcoin ab {amount} € – Überweisung per SEPA möglich.</p>"
LINKS = ["cp1252-header.html", "cp1252-meta.html", "utf16.html", "nested.html", "attribute.html", "elements.html"]
RULES = """rules:
  - path: /cp1252-header.html
    headers: {Content-Type: "text/html; charset=windows-1252"}
  - path: /cp1252-meta.html
    headers: {Content-Type: text/html}
  - path: /utf16.html
    headers: {Content-Type: text/html}
"""


def html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='de'><head>{head}<title>Krypto</title></head><body>{body}"


def write_site(root) -> None:
    site = root / HOST
    site.mkdir()
    (site / "_sandbox.yaml").write_text(RULES)
    links = "".join(f"<a href='/{name}'>{name}</a> " for name in LINKS)
    (site / "index.html").write_text(html(COPY.format(amount=10) + links) + "</body></html>", encoding="utf-8")
    (site / "cp1252-header.html").write_bytes(html(COPY.format(amount=20)).encode("cp1252"))
    meta = "<meta charset='iso-8859-1'>"  # a label browsers read as windows-1252
    (site / "cp1252-meta.html").write_bytes(html(COPY.format(amount=30), meta).encode("cp1252"))
    (site / "utf16.html").write_bytes(b"\xff\xfe" + html(COPY.format(amount=40)).encode("utf-16-le"))
    before = html(COPY.format(amount=50)).encode()
    (site / "nested.html").write_bytes(before + b"<div>" * 300_000 + b"x" + b"</div>" * 300_000)
    (site / "attribute.html").write_bytes(before + b'<div title="' + b"a" * 5_000_000 + b'">x</div>')
    (site / "elements.html").write_bytes(before + b"<i></i>" * 2_000_000)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    return sum(u.ru_utime + u.ru_stime for u in usage)


def test_hostile_pages_are_bounded_and_legacy_encodings_read(scan, web_root, tmp_path):
    write_site(web_root)
    wall, cpu = time.perf_counter(), children_cpu()
    with TreePss() as tree:  # in-process: pytest, the sandbox web's threads and the crawl child
        code = scan(f"https://{HOST}/", out=tmp_path)
    wall, cpu = time.perf_counter() - wall, children_cpu() - cpu
    # Before: the nested page alone gave no report in 300 s.
    assert wall < 120 and cpu < 120, (wall, cpu)
    assert_within_bounds(tree)
    report = read_report(tmp_path, "hostile-parsing-com")
    assert code in (0, 1) and validate_report(report) == []
    (channel,) = report["channels"]
    assert channel["status"] == "partial" and "3 page(s) over the parsing limits" in channel["reason"]
    notes = {n["url"].rsplit("/", 1)[1]: n for n in channel["page_notes"]}
    assert notes["nested.html"]["truncated"] == "elements nested deeper than 256"
    assert notes["elements.html"]["truncated"] == "more than 100,000 elements"
    assert "attribute value(s) longer than" in notes["attribute.html"]["truncated"]
    assert (notes["cp1252-header.html"]["encoding"], notes["cp1252-header.html"]["decoded_by"]) == (
        "windows-1252", "header")
    assert (notes["cp1252-meta.html"]["encoding"], notes["cp1252-meta.html"]["decoded_by"]) == ("windows-1252", "meta")
    assert (notes["utf16.html"]["encoding"], notes["utf16.html"]["decoded_by"]) == ("UTF-16LE", "bom")
    assert "" not in notes  # the ordinary UTF-8 start page is not noted
    currency = {s["url"].rsplit("/", 1)[1] for f in channel["findings"] if f["indicator"] == "CURRENCY"
                for s in f["seen_on"]}  # the pages each (merged) currency finding was seen on
    assert {"", "cp1252-header.html", "cp1252-meta.html", "utf16.html", "nested.html", "attribute.html",
            "elements.html"} <= currency  # the hostile pages are judged on the part before the cut
    md = (tmp_path / "latest" / "hostile-parsing-com" / "report.md").read_text(encoding="utf-8")
    assert "read as windows-1252 (as the Content-Type header declared)" in md
    page = (tmp_path / "latest" / "hostile-parsing-com" / "report.html").read_text(encoding="utf-8")
    assert "truncated (elements nested deeper than 256), judged on the part read" in page
