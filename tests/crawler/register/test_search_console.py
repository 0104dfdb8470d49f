"""Search Console performance exports: the ZIP of CSV tables in its real layout (English, and German with its
headers, country names, thousands separators and decimal commas), read for clicks and impressions by country."""

from __future__ import annotations

import zipfile

import pytest

from crawler.register.search_console import read_search_console
from detectors.inputs import InputError

ENGLISH = {
    "Queries.csv": "Top queries,Clicks,Impressions,CTR,Position\nbitcoin kaufen,120,3400,3.53%,4.2\n",
    "Pages.csv": "Top pages,Clicks,Impressions,CTR,Position\nhttps://example.com/de/,80,2000,4%,3.1\n",
    "Countries.csv": "Country,Clicks,Impressions,CTR,Position\nGermany,1200,34000,3.53%,4.2\n"
                     "United States,300,9000,3.33%,7.5\nAtlantis,1,2,50%,1\nFrance,twelve,100,0%,9\n",
    "Devices.csv": "Device,Clicks,Impressions,CTR,Position\nDesktop,900,20000,4.5%,5\n",
    "Dates.csv": "Date,Clicks,Impressions,CTR,Position\n2026-03-01,50,1000,5%,4\n",
    "Filters.csv": "Filter,Value\nSearch type,Web\nDate,Last 3 months\n",
}
GERMAN = {
    "Suchanfragen.csv": "Häufige Suchanfragen,Klicks,Impressionen,CTR,Position\n"
                        "bitcoin kaufen,120,3400,\"3,53 %\",\"4,2\"\n",
    "Länder.csv": "Land,Klicks,Impressionen,CTR,Position\nDeutschland,1.200,34.000,\"3,53 %\",\"4,2\"\n"
                  "Österreich,\"2.345\",\"12.000\",\"19,5 %\",\"2,1\"\n",
}


def export(path, tables):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in tables.items():
            archive.writestr(name, text)
    return path


def test_the_countries_table_of_an_english_export(tmp_path):
    imported = read_search_console(export(tmp_path / "example.com-Performance-on-Search-2026-03-01.zip", ENGLISH))
    assert [(r.line, r.country, dict(r.counts)) for r in imported.rows] == [
        (2, "DE", {"search clicks": 1200, "search impressions": 34000}),
        (3, "US", {"search clicks": 300, "search impressions": 9000}), (5, "FR", {"search impressions": 100})]
    assert [(p.line, p.field) for p in imported.problems] == [(4, "Country"), (5, "Clicks")]
    assert imported.file.endswith(".zip:Countries.csv")
    assert {r.source for r in imported.rows} == {"example.com-Performance-on-Search-2026-03-01.zip"}


def test_a_german_export_reads_its_headers_names_and_numbers(tmp_path):
    imported = read_search_console(export(tmp_path / "leistung.zip", GERMAN))
    assert [(r.country, r.counts) for r in imported.rows] == [
        ("DE", (("search clicks", 1200), ("search impressions", 34000))),
        ("AT", (("search clicks", 2345), ("search impressions", 12000)))]
    assert not imported.problems


def test_an_export_without_a_countries_table_is_refused(tmp_path):
    tables = {name: text for name, text in ENGLISH.items() if name != "Countries.csv"}
    with pytest.raises(InputError, match="a countries table"):
        read_search_console(export(tmp_path / "no-countries.zip", tables))
    (tmp_path / "plain.csv").write_text(ENGLISH["Countries.csv"], encoding="utf-8")
    with pytest.raises(InputError, match="the ZIP of CSV tables"):
        read_search_console(tmp_path / "plain.csv")
