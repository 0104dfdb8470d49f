"""Reading a firm's onboarding and services CSV files into the register's rows, every problem reported by file,
line, field and what was expected.

A row with a bad required value (client id, country of residence, onboarding date; client id, date and service
of a request) is left out; a bad optional value is left out of its row, which is kept. Only countries, dates,
the channel and attribution fields are kept; identifiers are replaced by keyed pseudonyms (keys.py) and e-mail
addresses in kept text by theirs; every other column (names, e-mail columns, free text) is never read beyond its
header. The file's sha256 is kept with the import, so a register names exactly what it was built from.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crawler.config.defaults import REGISTER_MAX_ROWS, REGISTER_MAX_UNPACKED_BYTES
from crawler.register import fields as read
from crawler.register.keys import Pseudonymiser
from detectors.inputs import InputError, shown
from detectors.register.records import Client, ServiceRequest, vocabulary

DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    expected: str

    def __str__(self) -> str:
        return f"{self.file}: line {self.line}: {self.field}: {self.expected}"


@dataclass
class Imported:
    file: str
    sha256: str
    rows: list[Any] = field(default_factory=list)  # Client or ServiceRequest
    problems: list[Problem] = field(default_factory=list)
    read: int = 0  # data rows read, usable or not
    ignored_columns: list[str] = field(default_factory=list)  # present in the file, never read


def header_key(name: str) -> str:
    """Headers compare without case, spaces or underscores ("Client ID" is client_id), as Google Ads Editor reads
    its own."""
    return re.sub(r"[\s_]+", "", name.casefold())


def unpacked(data: bytes, path: Path, what: str) -> bytes:
    """A compressed export's CSV: OneSignal sends gzip, Braze a ZIP of one CSV; anything else as it is. At most
    REGISTER_MAX_UNPACKED_BYTES are unpacked (a small file can unpack to a huge one)."""
    try:
        if data[:2] == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed:
                inner = packed.read(REGISTER_MAX_UNPACKED_BYTES + 1)
        elif data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
                if len(members) != 1:
                    raise InputError(str(path), "(file)", f"a ZIP holding one {what} (it holds {len(members)} files)")
                with archive.open(members[0]) as packed:
                    inner = packed.read(REGISTER_MAX_UNPACKED_BYTES + 1)
        else:
            return data
    except (OSError, EOFError, zipfile.BadZipFile):
        raise InputError(str(path), "(file)", f"a readable {what} (the compressed file is damaged)") from None
    if len(inner) > REGISTER_MAX_UNPACKED_BYTES:
        raise InputError(str(path), "(file)", f"a {what} of at most {REGISTER_MAX_UNPACKED_BYTES} bytes unpacked")
    return inner


def read_rows(path: Path, required: tuple[str, ...], known: tuple[str, ...], mapping: dict[str, str],
             what: str, aliases: dict[str, tuple[str, ...]] | None = None, data: bytes | None = None,
             ) -> tuple[Imported, Iterator[tuple[int, dict[str, str]]]]:
    """The file's import record and its rows as {our column: value}, each with its first line; a file without
    a header naming every required column is an InputError (nothing in it is usable). `aliases`: other headers
    a column is known by in the file's own format; `data`: the file's bytes when read already (from a ZIP)."""
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(str(path), "(file)", f"a readable {what} ({exc.strerror})") from None
    digest = hashlib.sha256(data).hexdigest()  # of the file as the firm has it, packed or not
    data = unpacked(data, path, what)
    # Google Ads Editor writes UTF-16 with a byte order mark; everything else here is UTF-8.
    encoding = "utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "(file)", f"a UTF-8 or UTF-16 {what} (byte {exc.start} is not "
                                              f"{encoding.upper()})") from None
    imported = Imported(str(path), digest)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    header = next(reader, None)
    if not header:
        raise InputError(str(path), "line 1", f"a header row naming the columns of a {what}")
    theirs = {header_key(other): name for name, others in (aliases or {}).items() for other in others}
    theirs.update({header_key(mapping.get(name, name)): name for name in known})
    columns = [theirs.get(header_key(h), "") for h in header]
    missing = [name for name in required if name not in columns]
    if missing:
        named = [(aliases or {}).get(name, (name,))[0] for name in missing]  # as the file's own format names it
        hint = "" if aliases else "; --mapping FILE maps other names"
        raise InputError(str(path), "line 1", f"a header with the column(s) {', '.join(named)} (it has "
                                              f"{', '.join(shown(h) for h in header)}{hint})")
    imported.ignored_columns = sorted(h for h, c in zip(header, columns, strict=True) if not c)

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        line = reader.line_num + 1
        for raw in reader:
            if imported.read >= REGISTER_MAX_ROWS:
                raise InputError(str(path), f"line {line}", f"at most {REGISTER_MAX_ROWS} rows")
            if any(cell.strip() for cell in raw):
                imported.read += 1
                if len(raw) > len(header):
                    imported.problems.append(Problem(str(path), line, "(row)", f"at most {len(header)} fields, as "
                                                     f"many as the header (it has {len(raw)}); row left out"))
                else:
                    row = {c: v for c, v in zip(columns, raw, strict=False) if c}
                    absent = [c for c in columns[len(raw):] if c]
                    if absent:
                        lost = [c for c in absent if c in required]
                        imported.problems.append(Problem(
                            str(path), line, ", ".join(absent),
                            f"all {len(header)} fields of the header (the row has {len(raw)})" +
                            (f"; row left out: {', '.join(lost)} required" if lost else "")))
                    yield line, row
            line = reader.line_num + 1

    return imported, rows()


class _Row:
    """One row's values, read with the problems noted under its file and line."""

    def __init__(self, imported: Imported, line: int, values: dict[str, str]):
        self.imported, self.line, self.values, self.bad_required = imported, line, values, False

    def get(self, name: str, reader: Callable[[str], Any] | None = None, required: bool = False) -> Any:
        value = self.values.get(name, "").strip()
        if not value:
            if required and name in self.values:  # a column missing from the row was reported already
                self.problem(name, "a value (required)")
            self.bad_required |= required
            return None
        if reader is None:
            return value
        try:
            return reader(value)
        except read.BadValue as exc:
            quoted = "" if name in read.PSEUDONYMISED else f" (found {shown(value)})"
            self.problem(name, exc.expected + quoted + ("; row left out" if required else "; value left out"))
            self.bad_required |= required
            return None

    def problem(self, name: str, expected: str) -> None:
        self.imported.problems.append(Problem(self.imported.file, self.line, name, expected))


def read_onboarding(path: Path, pseudonym: Pseudonymiser, mapping: dict[str, str]) -> Imported:
    columns = read.onboarding_columns()
    imported, rows = read_rows(path, read.ONBOARDING_REQUIRED, columns, mapping, "onboarding CSV file")
    seen: dict[str, int] = {}
    for line, values in rows:
        row = _Row(imported, line, values)
        client_id = row.get("client_id", required=True)
        residence = row.get("country_of_residence", read.country, required=True)
        onboarded = row.get("onboarded_at", read.when, required=True)
        optional = _optional_onboarding(row, pseudonym)
        if row.bad_required:
            continue
        client = pseudonym(client_id)
        if client in seen:
            row.problem("client_id", f"a client listed once (also on line {seen[client]}); row left out")
            continue
        seen[client] = line
        imported.rows.append(Client(client=client, line=line, residence=residence, onboarded_at=onboarded,
                                    **optional))
    return imported


def _optional_onboarding(row: _Row, pseudonym: Pseudonymiser) -> dict[str, Any]:
    words = vocabulary()
    attribution: dict[str, str] = {}
    for name in ("referral_code", "affiliate_id", "utm_source", "utm_medium", "utm_campaign", "utm_term",
                 "utm_content", *words.click_ids):
        value = row.get(name)
        if value:
            attribution[name] = value
    landing = row.get("landing_url", read.landing)
    path, from_url = landing if landing else ("", {})
    for name, value in from_url.items():
        attribution.setdefault(name, value)
    # A referral code or a click id names one person or one click: kept as a pseudonym; campaign names are kept.
    kept = {name: pseudonym(value) if name in (*read.PSEUDONYMISED, *words.click_ids) else pseudonym.scrub(value)
            for name, value in sorted(attribution.items())}
    return {"first_contact_country": row.get("country_at_first_contact", read.country) or "",
            "first_contact_at": row.get("first_contact_at", read.when),
            "channel": read.channel(row.get("first_contact_channel") or ""),
            "how_heard_given": bool(row.get("how_heard")), "attribution": kept,
            "landing": pseudonym.scrub(path), "signup_locale": row.get("signup_locale", read.locale) or "",
            "app_store_country": row.get("app_store_country", read.country) or "",
            "attested_at": row.get("initiative_attestation_at", read.when)}


def read_services(path: Path, pseudonym: Pseudonymiser, mapping: dict[str, str]) -> Imported:
    known = (*read.SERVICES_REQUIRED, *read.SERVICES_OPTIONAL)
    imported, rows = read_rows(path, read.SERVICES_REQUIRED, known, mapping, "services CSV file")
    for line, values in rows:
        row = _Row(imported, line, values)
        client_id = row.get("client_id", required=True)
        requested = row.get("requested_at", read.when, required=True)
        service = row.get("service", required=True)
        initiated = row.get("initiated_by", read.initiator) or "unknown"
        if row.bad_required:
            continue
        imported.rows.append(ServiceRequest(
            client=pseudonym(client_id), line=line, requested_at=requested, service=pseudonym.scrub(service),
            asset=pseudonym.scrub(row.get("asset") or ""), asset_class=pseudonym.scrub(row.get("asset_class") or ""),
            initiated_by=initiated, offer_ref=pseudonym.scrub(row.get("offer_ref") or "")))
    return imported
