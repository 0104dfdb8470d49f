"""A firm's own figures by country: app installs, app sales and the audience of its campaign tools (issue 16,
first-party evidence), read in each product's export layout into CountryCount rows.

- Play Console, statistics export "installs by country" (`installs_<package>_<month>_country.csv`, UTF-16):
  `Date`, `Country`, `Daily User Installs`.
- App Store Connect, Sales report (tab-separated): `Country Code`, `Units`, `Begin Date` (MM/DD/YYYY); rows whose
  `Product Type Identifier` is an update (7, 7F, 7T, F7) are not sales and are passed over.
- Mailchimp audience export: `CC` (the country Mailchimp located the subscriber in), `OPTIN_TIME`; one subscriber
  per row. Names and e-mail addresses are columns never read.
- OneSignal subscriptions export: `country`; Braze segment export: `country`, and where it is blank `language`
  (ISO 639-1) when the language points at one member state only (state_of_language), counted apart as
  "users by language".

A row with a country that is no country, or a count that is no number, is a problem of its line; a row with no
country at all (not located) is passed over.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from crawler.register import fields as read
from crawler.register.csv_import import Imported, Problem, read_rows
from crawler.register.exports import EXPORTS, Export
from detectors.geography import geography
from detectors.register.audience import CountryCount

APP_STORE_UPDATES = frozenset({"7", "7F", "7T", "F7"})  # Product Type Identifiers of app updates, not sales


def read_country_counts(path: Path, kind: str) -> Imported:
    export = EXPORTS[kind]
    aliases = {"country": (export.country,), "count": (export.count,), "day": (export.day,),
               "language": (export.language,), "product_type": ("Product Type Identifier",)}
    known = tuple(name for name, headers in aliases.items() if headers[0])
    required = tuple(name for name in ("country", "count") if aliases[name][0])
    imported, rows = read_rows(path, required, known, {}, export.what, aliases)
    for line, values in rows:
        if kind == "app_store" and values.get("product_type", "").strip().upper() in APP_STORE_UPDATES:
            imported.read -= 1  # an update is not a sale
            continue
        raw_country = values.get("country", "").strip()
        if not raw_country:
            state = state_of_language(values.get("language", ""))
            if state:  # no country, but a language only one member state speaks
                imported.rows.append(CountryCount(line, path.name, export.platform, state,
                                                  ((f"{export.measure} by language", 1.0),)))
            else:
                imported.read -= 1  # not located: says nothing about a member state
            continue
        try:
            country = read.country(raw_country)
            count = number(values.get("count", "")) if export.count else 1.0
            day = _day(values.get("day", ""), export.day_format) if export.day else None
        except read.BadValue as exc:
            imported.problems.append(Problem(str(path), line, _field(exc, export), exc.expected))
            continue
        imported.rows.append(CountryCount(line, path.name, export.platform, country, ((export.measure, count),),
                                                day))
    return imported


def state_of_language(value: str) -> str:
    """The member state a language points at when it is one eu.yaml calls strong (spoken mostly in the EU/EEA)
    and official in that state alone (pl: PL; not de, fr or sv, official in several); "" otherwise."""
    language = value.strip().replace("_", "-").split("-")[0].casefold()
    geo = geography()
    states = geo.states_for_language(language) if geo.strength_for_language(language) == "strong" else ()
    return states[0] if len(states) == 1 else ""


def number(value: str) -> float:
    text = value.strip().replace("\u00a0", "").replace(" ", "")
    try:
        return float(text)
    except ValueError:
        raise BadCount("a number such as 12 or 12.5") from None


class BadCount(read.BadValue):
    """A count that is no number."""


class BadDay(read.BadValue):
    """A date in no format the export writes."""


def _day(value: str, day_format: str) -> date | None:
    if not value.strip():
        return None
    try:
        if day_format:
            return datetime.strptime(value.strip(), day_format).date()
        return read.when(value).date()
    except (ValueError, read.BadValue):
        raise BadDay(f"a date as the export writes it ({day_format.replace('%', '') or read.DATE})") from None


def _field(exc: read.BadValue, export: Export) -> str:
    if isinstance(exc, BadCount):
        return export.count
    if isinstance(exc, BadDay):
        return export.day
    return export.country
