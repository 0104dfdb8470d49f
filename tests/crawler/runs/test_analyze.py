"""`footprint analyze` (crawler/runs/analyze.py) and the evidence archive it reads: what a scan stores, and rebuilding
reports from it alone, torn or not."""

from __future__ import annotations

from crawler.captures.warc import read_archive
from crawler.cli import main
from tests.conftest import firm_dir, read_report

URL = "https://atlas-markets.com/"


def test_the_archive_holds_every_exchange_per_visitor_and_the_scan_plan(scan, tmp_path):
    assert scan(URL, out=tmp_path, visitor="IT") == 0
    archive = read_archive(firm_dir(tmp_path, "atlas-markets-com") / "capture.warc.gz")
    assert archive.torn == ""
    (info,) = archive.info
    assert info["firm"]["name"] == "atlas-markets.com" and [v["country"] for v in info["visitors"]] == ["US", "IT"]
    pages = {(c["url"], c["visitor"]) for c in archive.captures if c["status"] == 200 and "sitemap" not in c["url"]}
    assert {("https://atlas-markets.com/it/", "IT"), ("https://atlas-markets.com/it/", "US")} <= pages
    assert all(c["record_id"].startswith("<urn:uuid:") for c in archive.captures)


def test_a_torn_archive_still_gives_a_report_of_what_was_collected(scan, tmp_path):
    assert scan(URL, out=tmp_path / "scan", visitor="IT") == 0
    path = firm_dir(tmp_path / "scan", "atlas-markets-com") / "capture.warc.gz"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 700])  # as if the crawl had been killed while writing
    code = main(["analyze", str(path), "--out", str(tmp_path / "again")])
    assert code in (0, 3)
    report = read_report(tmp_path / "again", "atlas-markets-com")
    assert report["channels"][0]["pages"]["fetched"] >= 1
    assert any("torn record" in e["error"] for e in report["errors"])


def test_analyze_refuses_what_is_not_a_footprint_archive(tmp_path, capsys):
    bogus = tmp_path / "capture.warc.gz"
    bogus.write_bytes(b"not a warc at all")
    assert main(["analyze", str(bogus), "--out", str(tmp_path)]) == 2
    assert main(["analyze", str(tmp_path / "missing.warc.gz"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "footprint archive" in err and "Traceback" not in err
