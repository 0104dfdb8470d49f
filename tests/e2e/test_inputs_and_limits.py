"""Bounded inputs and crawl limits end to end on the sandbox web: a 300-character firm name scans into a bounded
folder, a 10 MB one is bad input listed in the index while the batch's other firms are scanned, a named store in a
missing folder is refused, and a report says when the page budget or the depth limit stopped a crawl."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from crawler.cli import main
from crawler.config.defaults import SLUG_CHARS
from crawler.store import open_store
from reports.validate import validate_report
from tests.conftest import read_report
from tests.support.tree_memory import TreePss, assert_within_bounds

LONG_NAME = ("Meridian Custody Partners Limited Liability Company " * 6)[:300]
MERIDIAN = "https://meridian-custody.com/"
MERIDIAN_PAGES = 5  # the site's pages: home, custody, about, contact, insights


def _firm(name: str, site: str) -> dict:
    return {"firm": {"name": name, "home_country": "SC"}, "channels": {"websites": [site]}}


def test_a_batch_scans_a_300_character_name_and_lists_a_10_mb_one_as_bad_input(scan, tmp_path, capsys):
    firms = tmp_path / "firms.yaml"
    firms.write_text(yaml.safe_dump({"firms": [_firm(LONG_NAME, MERIDIAN), _firm("N" * (10 * 1024 * 1024), MERIDIAN),
                                               _firm("Atlas Digital Markets Inc.", "https://atlas-markets.com/")],
                                     "scan": {"max_pages": 3}}, width=10**9), encoding="utf-8")
    out = tmp_path / "out"
    with TreePss() as tree:  # in-process: pytest (holding the 10 MB name, parsed), the sandbox web, crawl children
        code = scan("--firm", str(firms), out=out)
    assert code == 2  # bad input in the file, the rest scanned
    printed = capsys.readouterr()
    with capsys.disabled():
        assert_within_bounds(tree, "the batch")
    assert len(printed.out) + len(printed.err) < 5_000
    assert "NOT SCANNED: invalid input, not scanned" in printed.out and "firms[1].firm.name" in printed.out

    index = json.loads((out / "latest" / "index.json").read_text(encoding="utf-8"))
    by_name = {f["name"][:20]: f for f in index["firms"]}
    bad = by_name["firms[1] NNNNNNNNNNN"]
    assert bad["level"] is None and "a firm name of at most 1000 characters" in bad["error"]
    assert len(json.dumps(bad)) < 2_000
    long = next(f for f in index["firms"] if f["name"] == LONG_NAME)
    assert len(long["slug"]) <= SLUG_CHARS and long["level"] == "none"
    report = read_report(out, long["slug"])
    assert report["firm"]["name"] == LONG_NAME and report["channels"][0]["pages"]["fetched"] == 3
    atlas = read_report(out, "atlas-digital-markets-inc")  # the ordinary firm of the same batch: assessed
    assert atlas["verdict"]["level"] == "high" and atlas["channels"][0]["status"] == "assessed"
    with open_store() as store:
        assert sorted(r.status for r in store.scans()) == ["complete", "complete"]


def test_a_named_store_in_a_missing_folder_is_bad_input_and_the_default_one_is_created(scan, tmp_path, monkeypatch,
                                                                                       capsys):
    typo = tmp_path / "no-such-dir" / "scans.sqlite"
    assert main(["scan", MERIDIAN, "--store", str(typo), "--render", "never", "--no-screenshots", "--quiet",
                 "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert str(typo) in err and "does not exist" in err and not typo.parent.exists()
    monkeypatch.setenv("FOOTPRINT_STORE", str(typo))
    assert main(["scan", MERIDIAN, "--render", "never", "--no-screenshots", "--quiet",
                 "--out", str(tmp_path / "out")]) == 2
    assert not typo.parent.exists()
    assert main(["triage", "--import", str(tmp_path / "decisions.json"), "--store", str(typo)]) == 2
    assert not typo.parent.exists()
    # the near miss: the default location (no --store, no $FOOTPRINT_STORE) is made as before
    monkeypatch.delenv("FOOTPRINT_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert scan(MERIDIAN, "--max-pages", "1", out=tmp_path / "out") == 0
    with open_store(str(tmp_path / "xdg" / "footprint" / "footprint.sqlite"), create=False) as store:
        assert [r.status for r in store.scans()] == ["complete"]


def test_the_report_says_when_the_page_budget_or_the_depth_limit_stopped_the_crawl(scan, tmp_path):
    budget, depth, whole = tmp_path / "budget", tmp_path / "depth", tmp_path / "whole"
    with TreePss() as tree:  # the three scans together, in-process
        assert scan(MERIDIAN, "--max-pages", "2", out=budget) == 0
        assert scan(MERIDIAN, "--max-depth", "0", out=depth) == 0
        assert scan(MERIDIAN, out=whole) == 0
    assert_within_bounds(tree, "three scans")

    (channel,) = read_report(budget, "meridian-custody-com")["channels"]
    assert channel["pages"]["fetched"] == 2
    assert channel["crawl_limits"] == [{"limit": "max_pages", "value": 2, "unvisited": MERIDIAN_PAGES - 2,
                                        "unvisited_exact": True}]
    folder = budget / "latest" / "meridian-custody-com"
    said = "stopped by the page budget (max_pages 2): 3 URLs of the site left unvisited"
    assert said in (folder / "report.md").read_text(encoding="utf-8")
    assert said in (folder / "report.html").read_text(encoding="utf-8")

    report = read_report(depth, "meridian-custody-com")
    assert validate_report(report) == []
    (channel,) = report["channels"]
    assert channel["pages"]["fetched"] == 1
    assert channel["crawl_limits"] == [{"limit": "max_depth", "value": 0, "unvisited": MERIDIAN_PAGES - 1,
                                        "unvisited_exact": True}]
    # the near miss: the whole site within the limits, nothing said
    (channel,) = read_report(whole, "meridian-custody-com")["channels"]
    assert channel["pages"]["fetched"] == MERIDIAN_PAGES and channel["crawl_limits"] == []
    # the archive holds it: an offline rebuild says the same
    archive = depth / "latest" / "meridian-custody-com" / "capture.warc.gz"
    assert main(["analyze", str(archive), "--out", str(tmp_path / "rebuilt")]) == 0
    assert read_report(tmp_path / "rebuilt", "meridian-custody-com")["channels"][0]["crawl_limits"] == \
        channel_limits(depth)


def channel_limits(out: Path) -> list[dict]:
    return read_report(out, "meridian-custody-com")["channels"][0]["crawl_limits"]
