"""The warning-list half of `Store`: imported lists, versioned, and what a scan checked (migration 0005).

A list is known by its name ('esma-ncasp' for ESMA's register, the name given to a national list); importing a file
whose bytes differ from the newest version's makes version N+1, importing the same file again makes nothing new.
A scan checks the newest version of every list: `check_for` returns those versions and the entries that could
concern the firm (its domains, its name), which the scan keeps in its archive, so `footprint analyze` gives the same
list findings later, whatever was imported since.
"""

from __future__ import annotations

from crawler.config.warning_lists import ParsedList
from crawler.store.db import Database
from detectors.timestamps import stamp
from detectors.warning_list import matches, name_key

NO_KEY = "-"  # what no name key can be (name_key turns '-' into a space): a firm without a name matches none
ENTRY_COLUMNS = ("line", "name", "commercial_name", "websites", "authority", "state", "listed_on", "reference",
                 "reason")


class WarningListRecords:
    """Provides the list methods of `Store` (which provides `_db`)."""

    _db: Database

    def import_list(self, name: str, parsed: ParsedList, source: str) -> tuple[dict, bool]:
        """Store a parsed list as the next version of `name`: (that version's row, whether it is new)."""
        with self._db.write() as db:
            newest = _newest(db, name)
            if newest is not None and newest["sha256"] == parsed.sha256:
                return newest, False
            version = (newest["version"] if newest else 0) + 1
            list_id = f"{name}@{version}"
            db.execute("INSERT INTO warning_lists (id, name, kind, version, imported_at, source, sha256, entries) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (list_id, name, parsed.kind, version, stamp(), source, parsed.sha256, len(parsed.entries)))
            for e in parsed.entries:
                db.execute("INSERT INTO warning_list_entries (list_id, line, name, name_key, commercial_name, "
                           "commercial_key, websites, authority, state, listed_on, reference, reason) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           (list_id, e["line"], e["name"], name_key(e["name"]), e["commercial_name"],
                            name_key(e["commercial_name"]), " ".join(e["websites"]), e["authority"], e["state"],
                            e["date"], e["reference"], e["reason"]))
            return _newest(db, name), True

    def warning_lists(self, newest_only: bool = True) -> list[dict]:
        """The imported lists by name (each one's newest version, or every version), in name and version order."""
        with self._db.read() as db:
            rows = [_list_row(r) for r in db.rows(f"SELECT {LIST_COLUMNS} FROM warning_lists ORDER BY name, version")]
        if not newest_only:
            return rows
        newest = {r["name"]: r for r in rows}
        return [newest[n] for n in sorted(newest)]

    def check_for(self, firm_name: str, domains: list[str]) -> dict:
        """What a scan of this firm checks: {"checked": the newest version of every list, "entries": those of
        their entries that name one of `domains` or the firm's name}, entries in list and line order."""
        lists = self.warning_lists()
        entries = []
        # The database narrows (indexed name keys, a LIKE per domain), Python decides (`matches`), so a batch of
        # thousands of firms never reads a whole list per firm.
        key = name_key(firm_name)
        wanted = ["name_key = ?", "commercial_key = ?"] + ["' ' || websites || ' ' LIKE ?"] * len(domains)
        params = [key or NO_KEY, key or NO_KEY, *(f"% {d} %" for d in domains)]
        with self._db.read() as db:
            for meta in lists:
                rows = db.rows(f"SELECT {', '.join(ENTRY_COLUMNS)} FROM warning_list_entries WHERE list_id = ? "
                               f"AND ({' OR '.join(wanted)}) ORDER BY line", (meta["id"], *params))
                for row in rows:
                    entry = _entry(meta, row)
                    if any(matches(entry, domain=d) for d in domains) or matches(entry, firm_name=firm_name):
                        entries.append(entry)
        return {"checked": lists, "entries": entries}

    def lists_of_scan(self, scan_id: str) -> list[str]:
        """The list versions (ids) a scan checked."""
        with self._db.read() as db:
            return [r[0] for r in db.rows("SELECT list_id FROM scan_warning_lists WHERE scan_id = ? ORDER BY list_id",
                                          (scan_id,))]


LIST_COLUMNS = "id, name, kind, version, imported_at, source, sha256, entries"


def record_checked(db: Database, scan_id: str, report: dict) -> None:
    """Inside `complete_scan`'s transaction: the list versions the report says the scan checked."""
    db.execute("DELETE FROM scan_warning_lists WHERE scan_id = ?", (scan_id,))
    for meta in report.get("warning_lists", {}).get("checked", []):
        db.execute("INSERT INTO scan_warning_lists (scan_id, list_id) VALUES (?, ?)", (scan_id, meta["id"]))


def _newest(db: Database, name: str) -> dict | None:
    row = db.one(f"SELECT {LIST_COLUMNS} FROM warning_lists WHERE name = ? ORDER BY version DESC LIMIT 1", (name,))
    return _list_row(row) if row else None


def _list_row(row: tuple) -> dict:
    keys = LIST_COLUMNS.split(", ")
    data = dict(zip(keys, row, strict=True))
    data["version"], data["entries"] = int(data["version"]), int(data["entries"])
    return data


def _entry(meta: dict, row: tuple) -> dict:
    e = dict(zip(ENTRY_COLUMNS, row, strict=True))
    return {"list": meta["id"], "kind": meta["kind"], "imported_at": meta["imported_at"], "sha256": meta["sha256"],
            "line": int(e["line"]), "name": e["name"], "commercial_name": e["commercial_name"],
            "websites": e["websites"].split(), "authority": e["authority"], "state": e["state"],
            "date": e["listed_on"], "reference": e["reference"], "reason": e["reason"]}
