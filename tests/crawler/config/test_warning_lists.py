"""Warning lists as users give them (crawler/config/warning_lists.py): ESMA's NCASP CSV and national lists, every
bad row named by line and column."""

from __future__ import annotations

import pytest

from crawler.config.warning_lists import NATIONAL, NCASP, read_list
from detectors.inputs import InputError
from tests.conftest import PAGES

LISTS = PAGES / "lists"


def test_the_esma_register_in_its_own_layout():
    parsed = read_list(LISTS / "ncasp-v1.csv")
    assert parsed.kind == NCASP and not parsed.problems and len(parsed.sha256) == 64
    atlas, coin = parsed.entries
    assert atlas == {"line": 2, "name": "Atlas Digital Markets Inc.", "commercial_name": "Atlas Markets",
                     "websites": ["atlas-markets.com", "atlas-markets.fr"],
                     "authority": "Autorité des marchés financiers", "state": "FR", "date": "2026-03-14",
                     "reference": "", "reason": atlas["reason"]}
    assert coin["state"] == "GR"  # EL, the EU's code for Greece
    assert coin["websites"] == ["madeupcoin.com", "madeupcoin.gr"]  # '|'-joined, registrable domains


def test_a_national_list_with_its_documented_header():
    good, plain = read_list(LISTS / "national.csv").entries
    assert good["websites"] == ["good-entry.example", "good-entry.co.uk"]  # public suffix list: co.uk
    assert (good["date"], good["reference"], good["state"]) == ("2026-01-15", "https://www.amf-france.org/fr/made-up",
                                                                "FR")
    assert (plain["date"], plain["state"]) == ("2026-01-15", "DE")  # dd/mm/yyyy and a country name both read


def test_bad_rows_are_named_by_line_and_column_and_the_good_one_is_not_enough():
    parsed = read_list(LISTS / "national-bad.csv")
    assert [e["line"] for e in parsed.entries] == [2]
    assert [(p["line"], p["column"]) for p in parsed.problems] == [
        (3, "name"), (4, "date"), (5, "website"), (5, "reference_url"), (5, "member_state")]


def test_a_header_of_no_known_format_or_a_missing_column_is_refused(tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("firm,url\nX,x.example\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1 \\(header\\)"):
        read_list(odd)
    short = tmp_path / "short.csv"
    short.write_text("name,website,authority\nX,x.example,AMF\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing date, reference_url"):
        read_list(short, NATIONAL)
    with pytest.raises(InputError, match="does not exist"):
        read_list(tmp_path / "none.csv")
