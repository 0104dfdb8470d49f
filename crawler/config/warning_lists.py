"""Warning lists as users give them (`footprint lists import FILE`): read from a CSV file, never fetched.

Two formats, told apart by the header (or named with `--kind`):
- `ncasp`: ESMA's interim MiCA register of non-compliant entities, as ESMA publishes it: columns
  ae_competentAuthority, ae_homeMemberState, ae_lei_name, ae_lei, ae_lei_cou_code, ae_commercial_name, ae_website,
  ae_infrigment, ae_reason, ae_decision_date, ae_comments, ae_lastupdate; several websites in one cell joined by
  `|`; dates dd/mm/yyyy.
- `national`: a list a user keeps, header `name,website,authority,date,reference_url` (in any order; an optional
  `member_state` column names the listing state); several websites joined by `|`; dates YYYY-MM-DD or dd/mm/yyyy.

Every row is checked; a bad row (no name, a website that is not a host name, a date that does not exist, an unknown
member state) is reported with its line number (the header is line 1) and the column, and a file with any bad row is
refused whole, so a list in the store is always the whole list as published.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

from detectors.domains import registrable_domain
from detectors.inputs import InputError

NCASP = "ncasp"
NATIONAL = "national"
KINDS = (NCASP, NATIONAL)
NCASP_COLUMNS = ("ae_competentAuthority", "ae_homeMemberState", "ae_lei_name", "ae_lei", "ae_lei_cou_code",
                 "ae_commercial_name", "ae_website", "ae_infrigment", "ae_reason", "ae_decision_date", "ae_comments",
                 "ae_lastupdate")
NATIONAL_COLUMNS = ("name", "website", "authority", "date", "reference_url")
NATIONAL_OPTIONAL = ("member_state",)
WEBSITE_SEPARATOR = "|"
MAX_PROBLEMS_SHOWN = 20


@dataclass
class ParsedList:
    kind: str
    sha256: str  # of the file's bytes: the same file imported twice is one version
    entries: list[dict] = field(default_factory=list)  # {line, name, commercial_name, websites, authority, state,
    #                                                      date, reference, reason}
    problems: list[dict] = field(default_factory=list)  # {line, column, error}


def read_list(path: str | Path, kind: str = "") -> ParsedList:
    """The list in a CSV file. InputError when the file cannot be read or its header fits no format; bad rows are
    in `problems` (the caller refuses the file when there are any)."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError(source, "(file)", "an existing CSV file; it does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, "(file)", f"a readable UTF-8 CSV file ({exc})") from None
    rows = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(rows, [])]
    kind = kind or _kind_of(header)
    wanted = NCASP_COLUMNS if kind == NCASP else NATIONAL_COLUMNS
    missing = [c for c in wanted if c not in header]
    if not header or missing or kind not in KINDS:
        raise InputError(source, "line 1 (header)", f"the header of a {kind or 'warning'} list: "
                                                    f"{','.join(wanted)}" + (f"; missing {', '.join(missing)}" if
                                                                             missing else ""))
    unknown = [c for c in header if c not in wanted and not (kind == NATIONAL and c in NATIONAL_OPTIONAL)]
    if unknown:
        raise InputError(source, "line 1 (header)", f"only the columns {','.join(wanted)}; unknown: "
                                                    f"{', '.join(unknown)}")
    parsed = ParsedList(kind=kind, sha256=hashlib.sha256(data).hexdigest())
    read_row = _ncasp_row if kind == NCASP else _national_row
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            parsed.problems.append({"line": line, "column": "(row)",
                                    "error": f"{len(header)} cells as the header has, got {len(row)}"})
            continue
        cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
        problems: list[tuple[str, str]] = []
        entry = read_row(cells, problems)
        if problems:  # in the order of the file's columns
            problems.sort(key=lambda p: header.index(p[0]) if p[0] in header else -1)
            parsed.problems += [{"line": line, "column": c, "error": e} for c, e in problems]
        else:
            parsed.entries.append({"line": line, **entry})
    return parsed


def problems_text(source: str, problems: list[dict]) -> str:
    """The bad rows as an error message: one per line, the first MAX_PROBLEMS_SHOWN."""
    shown = [f"{source}: line {p['line']}: {p['column']}: {p['error']}" for p in problems[:MAX_PROBLEMS_SHOWN]]
    more = len(problems) - len(shown)
    return "\n".join(shown + ([f"... and {more} more"] if more else []))


def _kind_of(header: list[str]) -> str:
    if "ae_website" in header or "ae_lei_name" in header:
        return NCASP
    return NATIONAL if "name" in header else ""


def _ncasp_row(cells: dict, problems: list) -> dict:
    name = cells["ae_lei_name"] or cells["ae_commercial_name"]
    if not name:
        problems.append(("ae_lei_name", "a name (ae_lei_name or ae_commercial_name); both are empty"))
    return {"name": name, "commercial_name": cells["ae_commercial_name"],
            "websites": _websites(cells["ae_website"], "ae_website", problems),
            "authority": cells["ae_competentAuthority"],
            "state": _state(cells["ae_homeMemberState"], "ae_homeMemberState", problems),
            "date": _date(cells["ae_decision_date"], "ae_decision_date", problems, iso=False),
            "reference": "", "reason": cells["ae_reason"] or cells["ae_infrigment"]}


def _national_row(cells: dict, problems: list) -> dict:
    if not cells["name"]:
        problems.append(("name", "a name; it is empty"))
    reference = cells["reference_url"]
    if reference and urlsplit(reference).scheme not in ("http", "https"):
        problems.append(("reference_url", f"an http(s) URL, got {reference[:80]!r}"))
    return {"name": cells["name"], "commercial_name": "",
            "websites": _websites(cells["website"], "website", problems), "authority": cells["authority"],
            "state": _state(cells.get("member_state", ""), "member_state", problems),
            "date": _date(cells["date"], "date", problems, iso=True), "reference": reference, "reason": ""}


def _websites(cell: str, column: str, problems: list) -> list[str]:
    """The registrable domains of a cell's websites ("https://www.x.com/a | x.de" -> ["x.com", "x.de"])."""
    domains = []
    for site in (s.strip() for s in cell.split(WEBSITE_SEPARATOR)):
        if not site:
            continue
        host = urlsplit(site if "://" in site else f"http://{site}").hostname or ""
        if "." not in host or any(not part for part in host.split(".")) or " " in host:
            problems.append((column, f"websites as host names or URLs joined by '|', got {site[:80]!r}"))
            continue
        domain = registrable_domain(host)
        if domain not in domains:
            domains.append(domain)
    return domains


def _state(cell: str, column: str, problems: list) -> str:
    if not cell:
        return ""
    code = cell.upper()
    if code == "EL":  # the EU's own code for Greece, used in EU registers
        return "GR"
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        try:
            country = pycountry.countries.lookup(cell)
        except LookupError:
            problems.append((column, f"a member state (ISO 3166-1 code such as FR, or its name), got {cell[:80]!r}"))
            return ""
    return country.alpha_2


def _date(cell: str, column: str, problems: list, iso: bool) -> str:
    """The date as YYYY-MM-DD ("" when the cell is empty)."""
    if not cell:
        return ""
    for form in (("%Y-%m-%d", "%d/%m/%Y") if iso else ("%d/%m/%Y",)):
        try:
            return datetime.strptime(cell, form).date().isoformat()
        except ValueError:
            continue
    problems.append((column, f"a date {'YYYY-MM-DD or ' if iso else ''}dd/mm/yyyy, got {cell[:80]!r}"))
    return ""
