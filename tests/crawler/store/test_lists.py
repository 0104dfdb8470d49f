"""Warning lists in the store (migration 5), on SQLite and PostgreSQL: versions, the same file imported twice,
what a scan of a firm checks, and which versions a completed scan records."""

from __future__ import annotations

from crawler.config.warning_lists import read_list
from tests.conftest import PAGES
from tests.crawler.store.test_store import spec, store  # noqa: F401 (the fixtures: SQLite and PostgreSQL)

LISTS = PAGES / "lists"


def _report(scan_id: str, checked: list[dict]) -> dict:
    return {"scan": {"id": scan_id, "started_at": "2026-12-01T10:00:00Z", "finished_at": "2026-12-01T10:01:00Z"},
            "firm": {"name": "Atlas", "slug": "atlas"}, "verdict": {"level": "none", "score": 0, "complete": True},
            "channels": [], "warning_lists": {"checked": checked, "hits": []}, "schema": "footprint.report/2",
            "tool": {}, "errors": []}


def test_imports_are_versioned_and_the_same_file_twice_is_one_version(store):  # noqa: F811
    first, new = store.import_list("esma-ncasp", read_list(LISTS / "ncasp-v1.csv"), "ncasp-v1.csv")
    assert new and (first["id"], first["version"], first["entries"]) == ("esma-ncasp@1", 1, 2)
    again, new = store.import_list("esma-ncasp", read_list(LISTS / "ncasp-v1.csv"), "ncasp-v1.csv")
    assert not new and again == first
    second, new = store.import_list("esma-ncasp", read_list(LISTS / "ncasp-v2.csv"), "ncasp-v2.csv")
    assert new and (second["id"], second["entries"]) == ("esma-ncasp@2", 3)
    store.import_list("fr-amf", read_list(LISTS / "national.csv"), "national.csv")
    assert [r["id"] for r in store.warning_lists()] == ["esma-ncasp@2", "fr-amf@1"]
    assert [r["id"] for r in store.warning_lists(newest_only=False)] == ["esma-ncasp@1", "esma-ncasp@2", "fr-amf@1"]


def test_a_scan_checks_the_newest_versions_and_keeps_only_what_concerns_the_firm(store):  # noqa: F811
    store.import_list("esma-ncasp", read_list(LISTS / "ncasp-v1.csv"), "ncasp-v1.csv")
    store.import_list("esma-ncasp", read_list(LISTS / "ncasp-v2.csv"), "ncasp-v2.csv")
    check = store.check_for("Nordwind Exchange Ltd", ["nordwind-exchange.com", "nordwind-exchange.de"])
    assert [c["id"] for c in check["checked"]] == ["esma-ncasp@2"]
    (entry,) = check["entries"]  # by name: the version-2 row; not Atlas, not the made-up coin
    assert (entry["list"], entry["line"], entry["state"], entry["date"]) == ("esma-ncasp@2", 4, "ES", "2026-11-01")
    by_domain = store.check_for("Someone Else", ["atlas-markets.fr"])["entries"]
    assert [(e["name"], e["websites"]) for e in by_domain] == [
        ("Atlas Digital Markets Inc.", ["atlas-markets.com", "atlas-markets.fr"])]
    assert store.check_for("Atlas Digital", ["atlas-markets.de"])["entries"] == []  # near misses


def test_a_completed_scan_records_the_list_versions_it_checked(store):  # noqa: F811
    row, _ = store.import_list("esma-ncasp", read_list(LISTS / "ncasp-v1.csv"), "ncasp-v1.csv")
    store.complete_scan(_report("aaaaaaaaaaaa", [row]), "/out")
    store.complete_scan(_report("bbbbbbbbbbbb", []), "/out")
    assert store.lists_of_scan("aaaaaaaaaaaa") == ["esma-ncasp@1"]
    assert store.lists_of_scan("bbbbbbbbbbbb") == []
    store.complete_scan(_report("aaaaaaaaaaaa", [row]), "/out")  # completing again replaces, not duplicates
    assert store.lists_of_scan("aaaaaaaaaaaa") == ["esma-ncasp@1"]


def test_an_empty_store_has_no_lists_and_checks_nothing(store):  # noqa: F811
    assert store.warning_lists() == []
    assert store.check_for("Atlas", ["atlas-markets.com"]) == {"checked": [], "entries": []}
