"""Issue 14, items 4 and 5, end to end on the sandbox web: warning lists imported from files and versioned in the
store, a scan that checks them and records which version it checked, `--jurisdiction FR` putting France first (its
verdict, its findings, its list hits, its profile's citations in an annex), the FR disclosure finding on a French
sponsored post, and `analyze` rebuilding all of it from the archive alone."""

from __future__ import annotations

import json

import pytest

from crawler.cli import main
from crawler.config.profiles import load_profile
from detectors.inputs import InputError
from tests.conftest import PAGES, firm_dir, read_report

LISTS = PAGES / "lists"
ATLAS = "atlas-markets-com"
QUICK = {"max_pages": 2, "render": "never"}


def _findings(report: dict, indicator: str) -> list[dict]:
    return [f for c in report["channels"] for f in c["findings"] if f["indicator"] == indicator]


def test_listed_firm_french_view_and_list_versions(scan, tmp_path, capsys):
    assert main(["lists", "import", str(LISTS / "ncasp-v1.csv")]) == 0
    assert "imported esma-ncasp@1: 2 entries (ncasp)" in capsys.readouterr().out
    scan("https://atlas-markets.com/", out=tmp_path / "one", jurisdiction="FR",
         export=PAGES / "inputs" / "posts-fr.jsonl", **QUICK)
    report = read_report(tmp_path / "one", ATLAS)
    capsys.readouterr()  # the scan's summary

    (hit,) = _findings(report, "WARNING_LIST")
    assert hit["evidence"]["value"] == "esma-ncasp@1 line 2: Atlas Digital Markets Inc. (domain atlas-markets.com)"
    (entry,) = report["warning_lists"]["hits"]
    assert (entry["finding"], entry["date"], entry["authority"], entry["state"]) == (
        hit["id"], "2026-03-14", "Autorité des marchés financiers", "FR")
    assert [c["id"] for c in report["warning_lists"]["checked"]] == ["esma-ncasp@1"]

    (undisclosed,) = _findings(report, "DISCLOSURE")  # fr-1 has no label; fr-2 says "Publicité"
    assert undisclosed["url"] == "export:posts-fr.jsonl/line-1" and undisclosed["member_states"] == ["FR"]
    assert "Loi n° 2023-451" in undisclosed["legal_ref"]

    view = report["jurisdiction"]
    assert (view["state"], view["name"], [a["short"] for a in view["authorities"]]) == ("FR", "France", ["AMF"])
    why = {f["id"]: f["why"] for f in view["findings"]}
    assert why[hit["id"]] == "listed by the state's authority" and why[undisclosed["id"]] == "names the state"
    assert [h["finding"] for h in view["list_hits"]] == [hit["id"]]
    assert {c["field"] for c in view["citations"]} >= {"name", "languages", "authority", "disclosure", "dates[0]"}
    assert all(c["source"] and c["quote"] and c["checked"] for c in view["citations"])

    html = (firm_dir(tmp_path / "one", ATLAS) / "report.html").read_text(encoding="utf-8")
    assert html.index('id="jurisdiction"') < html.index('id="verdict"') < html.index('id="jurisdiction-annex"')
    annex = html[html.index('id="jurisdiction-annex"'):]
    assert "tgs-avocats.fr" in annex and "Loi 2023-451 art. 5" in annex
    markdown = (firm_dir(tmp_path / "one", ATLAS) / "report.md").read_text(encoding="utf-8")
    assert markdown.index("## France (FR) first") < markdown.index("## Verdict")

    assert main(["lists", "show", "--scan", report["scan"]["id"], "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["esma-ncasp@1"]
    # A newer register is the next version (the store's tests show the next scan checking it); this scan still
    # says it checked version 1.
    assert main(["lists", "import", str(LISTS / "ncasp-v2.csv")]) == 0
    assert "imported esma-ncasp@2: 3 entries" in capsys.readouterr().out
    assert main(["lists", "show", "--scan", report["scan"]["id"], "--json"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["esma-ncasp@1"]

    # The archive alone gives the same list hit and view, whatever was imported since.
    archive = firm_dir(tmp_path / "one", ATLAS) / "capture.warc.gz"
    assert main(["analyze", str(archive), "--out", str(tmp_path / "again")]) in (0, 3)
    again = read_report(tmp_path / "again", ATLAS)
    assert [f["id"] for f in _findings(again, "WARNING_LIST")] == [hit["id"]]
    assert again["jurisdiction"]["findings"] == view["findings"]


def test_jurisdiction_in_a_firm_profile_and_on_the_command_line(tmp_path, capsys):
    profile = tmp_path / "firm.yaml"
    profile.write_text("firm: {name: Cryptex}\nchannels: {websites: [https://cryptex.example.com/]}\n"
                       "scan: {jurisdiction: fr}\n", encoding="utf-8")
    assert load_profile(profile)[0].scan.jurisdiction == "FR"
    profile.write_text(profile.read_text(encoding="utf-8").replace("fr}", "CH}"), encoding="utf-8")
    with pytest.raises(InputError, match=r"scan.jurisdiction: an EU/EEA member state .* 'CH' is not one"):
        load_profile(profile)
    assert main(["scan", "https://cryptex.example.com/", "--jurisdiction", "UK"]) == 2
    assert "did you mean GB" in capsys.readouterr().err


def test_a_list_with_bad_rows_is_refused_whole_naming_each_line(capsys):
    assert main(["lists", "import", str(LISTS / "national-bad.csv"), "--name", "fr-amf"]) == 2
    err = capsys.readouterr().err
    assert "nothing was imported" in err and "national-bad.csv: line 4: date" in err
    assert main(["lists", "import", str(LISTS / "national.csv"), "--name", "fr-amf"]) == 0
    capsys.readouterr()
    assert main(["lists", "show"]) == 0 and capsys.readouterr().out.startswith("fr-amf@1 ")  # the bad file left none
