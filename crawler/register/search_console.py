"""Google Search Console performance exports: the ZIP of CSV tables the Performance report's "Export > Download
CSV" writes (queries, pages, countries, devices, dates, filters), read for its countries table (issue 16,
first-party evidence): search clicks and impressions per country, attributed to the member states.

The ZIP's file names and headers follow the language of the account's interface ("Countries.csv" with `Country`,
`Clicks`, `Impressions` in English; the same table in German has `Land`, `Klicks`, `Impressionen`), and so do its
numbers (thousands separators, decimal commas) and country names. The table is found by its header, not by its
file name; its numbers are read with babel in the header's language and its country names with CLDR's names in
that language. Queries and pages say nothing about a country on their own and are not read here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from decimal import Decimal
from pathlib import Path

from babel.numbers import NumberFormatError, parse_decimal

from crawler.config.defaults import REGISTER_MAX_UNPACKED_BYTES
from crawler.register import fields as read
from crawler.register.csv_import import Imported, Problem, header_key, read_rows
from detectors.inputs import InputError
from detectors.register.audience import CountryCount

PLATFORM = "Search Console"
# The countries table's headers per interface language: country, clicks, impressions. The English ones are the
# report's own column names; the others are the interface's wording as recalled: to be checked against real exports.
HEADERS = {
    "en": ("Country", "Clicks", "Impressions"),
    "de": ("Land", "Klicks", "Impressionen"),
    "fr": ("Pays", "Clics", "Impressions"),
    "es": ("País", "Clics", "Impresiones"),
    "it": ("Paese", "Clic", "Impressioni"),
    "nl": ("Land", "Klikken", "Vertoningen"),
    "pl": ("Kraj", "Kliknięcia", "Wyświetlenia"),
    "pt": ("País", "Cliques", "Impressões"),
}


def read_search_console(path: Path) -> Imported:
    try:
        data = path.read_bytes()
        archive = zipfile.ZipFile(io.BytesIO(data))
    except OSError as exc:
        raise InputError(str(path), "(file)", f"a readable Search Console export ({exc.strerror})") from None
    except zipfile.BadZipFile:
        raise InputError(str(path), "(file)", "the ZIP of CSV tables Search Console's export writes") from None
    with archive:
        for member in sorted(archive.infolist(), key=lambda m: m.filename):
            if not member.filename.casefold().endswith(".csv") or member.file_size > REGISTER_MAX_UNPACKED_BYTES:
                continue
            table = archive.read(member)
            language = _language(table)
            if language:
                imported = _read_countries(path, member.filename, table, language)
                imported.sha256 = hashlib.sha256(data).hexdigest()  # the ZIP as the firm has it
                return imported
    raise InputError(str(path), "(file)", "a countries table among the ZIP's CSV files (a header such as "
                     "Country, Clicks, Impressions in one of the interface languages " + ", ".join(HEADERS) + ")")


def _language(table: bytes) -> str:
    """The interface language whose countries header the table starts with; "" for another table."""
    first = table.decode("utf-8-sig", errors="replace").splitlines()[:1]
    header = [header_key(cell) for cell in next(csv.reader(first), [])] if first else []
    for language, names in HEADERS.items():
        if all(header_key(name) in header for name in names) and header[0] == header_key(names[0]):
            return language
    return ""


def _read_countries(path: Path, member: str, table: bytes, language: str) -> Imported:
    country, clicks, impressions = HEADERS[language]
    aliases = {"country": (country,), "clicks": (clicks,), "impressions": (impressions,)}
    imported, rows = read_rows(Path(f"{path}:{member}"), tuple(aliases), tuple(aliases), {},
                               "Search Console countries table", aliases, data=table)
    for line, values in rows:
        try:
            code = read.localised_country(values.get("country", ""))
        except read.BadValue as exc:
            imported.problems.append(Problem(imported.file, line, country, exc.expected))
            continue
        counts = []
        for measure, header in (("clicks", clicks), ("impressions", impressions)):
            try:
                counts.append((measure, _number(values.get(measure, ""), language)))
            except NumberFormatError:
                imported.problems.append(Problem(imported.file, line, header,
                                                 f"a number as written in {language} (e.g. 1234)"))
        if counts:
            imported.rows.append(CountryCount(line, path.name, PLATFORM, code,
                                              tuple((f"search {measure}", n) for measure, n in counts)))
    return imported


def _number(value: str, language: str) -> float:
    """"1.234" in German and "1 234" in French are 1234; "3,5" in German is 3.5."""
    text = value.strip()
    if not text:
        raise NumberFormatError("empty")
    return float(parse_decimal(text, locale=language, strict=False) or Decimal(0))
