"""Google Ads Editor CSV exports: the locations each campaign targets (issue 16, first-party evidence).

The columns are Google Ads Editor's own (support.google.com/google-ads/editor/answer/57747): `Campaign` (or
`Campaign name`), `Location ID` (or `ID`, `Geo ID`, `Geo target ID`) and `Location` (or `Geo targeting`), one
location per row; headers compare without case or spaces, and the Editor's UTF-16 tab-separated export reads as
well as a UTF-8 CSV. Rows without a location (campaign, ad group, keyword rows of a full export) are not location
rows and are passed over. A location's country comes from a country-level Location ID (Google's country criteria
are 2000 + the ISO 3166-1 numeric code: 2276 is Germany), else from the last part of its name ("Berlin,
Germany"); a location that names neither is a problem of its line. The file is a snapshot of the settings when it
was exported: it says which member states a campaign targets, not since when. Keyword rows (`Keyword`, with
`Criterion Type` telling negative keywords apart) are read as the campaign's keywords, for their language.
"""

from __future__ import annotations

from pathlib import Path

import pycountry

from crawler.register import fields as read
from crawler.register.csv_import import Imported, Problem, read_rows
from detectors.register.ads import Targeting
from detectors.register.keywords import AdKeyword

COLUMNS = ("campaign", "location", "location_id", "keyword", "criterion_type")
ALIASES = {"campaign": ("Campaign", "Campaign name"), "location_id": ("Location ID", "ID", "Geo ID", "Geo target ID"),
           "location": ("Location", "Geo targeting"), "keyword": ("Keyword",), "criterion_type": ("Criterion Type",)}
COUNTRY_CRITERIA = range(2001, 2999)  # Google's country-level geo target ids: 2000 + ISO 3166-1 numeric


def country_of(location: str, location_id: str) -> str:
    """The ISO code of a targeted location's country; BadValue when neither the id nor the name tells."""
    if location_id.isdigit() and int(location_id) in COUNTRY_CRITERIA:
        found = pycountry.countries.get(numeric=f"{int(location_id) - 2000:03d}")
        if found is not None:
            return found.alpha_2
    if location:
        try:
            return read.country(location.rsplit(",", 1)[-1])
        except read.BadValue:
            pass
    raise read.BadValue("a country-level Location ID (2000 + the ISO 3166-1 numeric code, e.g. 2276 for Germany) "
                        "or a Location whose name ends with its country, e.g. 'Berlin, Germany'")


def read_google_ads(path: Path) -> Imported:
    imported, rows = read_rows(path, ("campaign",), COLUMNS, {}, "Google Ads Editor export", ALIASES)
    for line, values in rows:
        location, location_id = values.get("location", "").strip(), values.get("location_id", "").strip()
        campaign = values.get("campaign", "").strip()
        if not location and not location_id:
            keyword = values.get("keyword", "").strip()
            # A negative keyword ("Negative Broad", ...) is what the campaign avoids: no language it aims at.
            if keyword and campaign and not values.get("criterion_type", "").casefold().startswith("negative"):
                imported.rows.append(AdKeyword(line, campaign, keyword, path.name))
            else:
                imported.read -= 1  # neither a location nor a keyword row
            continue
        if not campaign:
            imported.problems.append(Problem(str(path), line, "campaign", "the campaign the location belongs to"))
            continue
        try:
            country = country_of(location, location_id)
        except read.BadValue as exc:
            imported.problems.append(Problem(str(path), line, "location", exc.expected))
            continue
        imported.rows.append(Targeting(line, campaign, country, source=path.name))
    return imported
