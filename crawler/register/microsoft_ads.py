"""Microsoft Advertising bulk files: the locations each campaign targets or excludes (issue 16, first-party
evidence).

A bulk file is one CSV of records, each named in its `Type` column (learn.microsoft.com, Bulk API, "Campaign
Location Criterion Record" and its siblings). Location rows are `Campaign Location Criterion` and `Ad Group
Location Criterion` (targeted) and `Campaign Negative Location Criterion` and `Ad Group Negative Location
Criterion` (excluded); their `Target` is a Microsoft location id and `Status` `Deleted` removes them. Every other
`Keyword` record (columns `Campaign`, `Keyword`) is one of the campaign's keywords, read for its language;
every other record (the `Format Version` row, accounts, campaigns, negative keywords, other criteria) is passed
over.

A location id names no country by itself: Microsoft publishes the ids in its geographical locations file
(columns `Location Id` and `Bing Display Name`, the name's parts separated by `|` from the most specific to the
country: "Berlin|Berlin|Germany"). The firm downloads that file with the bulk file and passes it as
`--microsoft-ads-locations`; footprint keeps no copy. A location the file does not name, or whose display name
ends in no country, is a problem of its bulk line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawler.register import fields as read
from crawler.register.csv_import import Imported, Problem, read_rows
from detectors.inputs import InputError
from detectors.register.ads import Targeting
from detectors.register.keywords import AdKeyword

TARGETED = ("campaign location criterion", "ad group location criterion")
EXCLUDED = ("campaign negative location criterion", "ad group negative location criterion")
BULK_COLUMNS = ("type", "status", "campaign", "target", "keyword")
KEYWORD = "keyword"  # the Keyword record; negative keywords are records of other types
LOCATION_COLUMNS = ("location_id", "display_name")
LOCATION_ALIASES = {"location_id": ("Location Id",), "display_name": ("Bing Display Name",)}


@dataclass(frozen=True)
class Location:
    """One row of Microsoft's geographical locations file that a bulk file's location rows name."""

    line: int
    location_id: str
    country: str


def read_microsoft_ads(bulk: Path, locations: Path | None) -> tuple[Imported, Imported | None]:
    """The bulk file's location rows as Targeting (excluded ones marked), and the locations file's rows they
    resolve through (None without a locations file: then every location row is a problem)."""
    imported, rows = read_rows(bulk, ("type", "target"), BULK_COLUMNS, {}, "Microsoft Advertising bulk file")
    pending: list[tuple[int, str, str, bool]] = []  # line, campaign, location id, excluded
    for line, values in rows:
        kind = values.get("type", "").strip().casefold()
        if kind == KEYWORD and values.get("status", "").strip().casefold() != "deleted":
            campaign, keyword = values.get("campaign", "").strip(), values.get("keyword", "").strip()
            if campaign and keyword:
                imported.rows.append(AdKeyword(line, campaign, keyword, bulk.name))
                continue
        if kind not in TARGETED + EXCLUDED:
            imported.read -= 1  # not a location record
            continue
        if values.get("status", "").strip().casefold() == "deleted":
            imported.read -= 1  # a removed criterion targets nothing
            continue
        campaign, target = values.get("campaign", "").strip(), values.get("target", "").strip()
        if not campaign:
            imported.problems.append(Problem(str(bulk), line, "Campaign", "the campaign the location belongs to"))
        elif not target.isdigit():
            imported.problems.append(Problem(str(bulk), line, "Target", "a Microsoft location id (digits)"))
        else:
            pending.append((line, campaign, target, kind in EXCLUDED))
    if locations is None:
        if pending:
            raise InputError(str(bulk), "--microsoft-ads-locations", "Microsoft's geographical locations file "
                             "(Location Id, Bing Display Name) to resolve the Target ids of the location rows")
        return imported, None
    resolved = read_locations(locations, {target for _, _, target, _ in pending})
    countries = {row.location_id: row.country for row in resolved.rows}
    for line, campaign, target, excluded in pending:
        if target in countries:
            imported.rows.append(Targeting(line, campaign, countries[target], excluded, bulk.name))
        else:
            imported.problems.append(Problem(str(bulk), line, "Target", f"a location id whose row in "
                                             f"{locations.name} ends its Bing Display Name with a country "
                                             f"({target} has none)"))
    return imported, resolved


def read_locations(path: Path, wanted: set[str]) -> Imported:
    """The rows of the geographical locations file naming a wanted id, each with its country (the last part of
    its display name); the other rows are only counted past."""
    imported, rows = read_rows(path, LOCATION_COLUMNS, LOCATION_COLUMNS, {}, "Microsoft Advertising geographical "
                               "locations file", LOCATION_ALIASES)
    for line, values in rows:
        location_id = values.get("location_id", "").strip()
        if location_id not in wanted:
            continue
        try:
            country = read.localised_country(values.get("display_name", "").rsplit("|", 1)[-1])
        except read.BadValue as exc:
            imported.problems.append(Problem(str(path), line, "Bing Display Name", exc.expected))
            continue
        imported.rows.append(Location(line, location_id, country))
    imported.read = len(imported.rows) + len(imported.problems)  # the rows consulted, not the whole table
    return imported
