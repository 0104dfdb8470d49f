"""`footprint register check` as one function: import, record, judge, write.

The firm is looked up in the store by name or slug (a typo is bad input, not an empty history); the key is
loaded before any file is read; the onboarding file must leave at least one usable row, the services file may
be left out. register.json and register.html go to OUT/<firm-slug>/, each written whole or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from crawler.config.defaults import (
    REGISTER_COHORT_MIN_CLIENTS,
    REGISTER_COHORT_RATIO,
    REGISTER_COHORT_WEEKS,
    REGISTER_EXAMPLES,
    REGISTER_KEYWORD_LANGUAGE_MIN,
)
from crawler.register.csv_import import Imported, read_onboarding, read_services
from crawler.register.exports import EXPORTS
from crawler.register.fields import ONBOARDING_OPTIONAL, ONBOARDING_REQUIRED, SERVICES_OPTIONAL, SERVICES_REQUIRED
from crawler.register.first_party import read_country_counts
from crawler.register.google_ads import read_google_ads
from crawler.register.keys import load_key
from crawler.register.microsoft_ads import read_microsoft_ads
from crawler.register.search_console import read_search_console
from crawler.register.section import register_summary
from crawler.store import Store, open_store
from crawler.store.location import default_location, url_scheme
from detectors.inputs import InputError, load_yaml, schema
from detectors.register import Register, judge
from detectors.register.ads import Targeting
from detectors.register.history import History
from detectors.register.keywords import AdKeyword
from detectors.register.records import Settings, vocabulary
from detectors.timestamps import stamp
from reports.build import tool_version
from reports.register import SCHEMA, write_register


@dataclass(frozen=True)
class Request:
    onboarding: Path
    firm: str
    out: Path
    store: str | None = None
    services: Path | None = None
    mapping: Path | None = None
    google_ads: Path | None = None  # a Google Ads Editor export: the locations campaigns target
    microsoft_ads: Path | None = None  # a Microsoft Advertising bulk file: locations targeted and excluded
    microsoft_ads_locations: Path | None = None  # Microsoft's geographical locations file, to resolve its ids
    search_console: Path | None = None  # a Search Console performance export (ZIP)
    counts: tuple[tuple[str, Path], ...] = ()  # (first_party.EXPORTS kind, file): installs, sales, audiences
    key_file: str | None = None
    coverage_days: int = 31
    same_type_window: int = 30


@dataclass(frozen=True)
class Outcome:
    document: dict
    written: dict[str, Path]
    problems: list[str]  # every row problem, as "file: line N: field: expected"
    incomplete: bool  # rows left out or clients in coverage gaps


class NoUsableRows(InputError):
    """Every row of the onboarding file had a problem: nothing to check."""


def settings_of(request: Request) -> Settings:
    return Settings(coverage_days=request.coverage_days, same_type_window=request.same_type_window,
                    cohort_weeks=REGISTER_COHORT_WEEKS, cohort_ratio=REGISTER_COHORT_RATIO,
                    cohort_min_clients=REGISTER_COHORT_MIN_CLIENTS, examples=REGISTER_EXAMPLES,
                    keyword_language_min=REGISTER_KEYWORD_LANGUAGE_MIN)


def load_mapping(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    columns = load_yaml(path, schema("crawler.config", "register-mapping"), "register column mapping")["columns"]
    known = {*ONBOARDING_REQUIRED, *ONBOARDING_OPTIONAL, *SERVICES_REQUIRED, *SERVICES_OPTIONAL,
             *vocabulary().click_ids}
    for name in columns:
        if name not in known:
            raise InputError(str(path), f"columns.{name}", f"a footprint column name ({', '.join(sorted(known))})")
    return columns


ADS = ("google_ads", "microsoft_ads")  # imports whose rows are Targeting
COUNTED = ("search_console", *EXPORTS)  # imports whose rows are CountryCount


def first_party(request: Request) -> list[tuple[str, Imported | None]]:
    """The firm's own evidence, each file imported on its own (its hash, its problems by line)."""
    found: list[tuple[str, Imported | None]] = []
    if request.google_ads:
        found.append(("google_ads", read_google_ads(request.google_ads)))
    if request.microsoft_ads:
        bulk, locations = read_microsoft_ads(request.microsoft_ads, request.microsoft_ads_locations)
        found += [("microsoft_ads", bulk), ("microsoft_ads_locations", locations)]
    if request.search_console:
        found.append(("search_console", read_search_console(request.search_console)))
    found += [(kind, read_country_counts(path, kind)) for kind, path in request.counts]
    return found


def check(request: Request) -> Outcome:
    keep_out = [request.out]
    store_spec = request.store or default_location()
    if url_scheme(store_spec) is None:
        keep_out.append(Path(store_spec).expanduser().absolute().parent)
    pseudonym = load_key(request.key_file, keep_out_of=tuple(keep_out))
    mapping = load_mapping(request.mapping)
    with open_store(request.store, create=False, make_folder=False) as store:
        slug, name = _firm(store, request.firm)
        onboarding = read_onboarding(request.onboarding, pseudonym, mapping)
        services = read_services(request.services, pseudonym, mapping) if request.services else None
        kinds = [("onboarding", onboarding), ("services", services), *first_party(request)]
        kinds = [(kind, imported) for kind, imported in kinds if imported is not None]
        targets = [row for kind, imported in kinds if kind in ADS for row in imported.rows
                   if isinstance(row, Targeting)]
        keywords = [row for kind, imported in kinds if kind in ADS for row in imported.rows
                    if isinstance(row, AdKeyword)]
        counts = [row for kind, imported in kinds if kind in COUNTED for row in imported.rows]
        imports = [imported for _, imported in kinds]
        problems = [str(p) for imported in imports for p in imported.problems]
        if not onboarding.rows:
            raise NoUsableRows(str(request.onboarding), "(every row)",
                               f"at least one usable row; {onboarding.read} read, none usable:\n  " +
                               "\n  ".join(problems[:50] or ["the file has no data rows"]))
        import_ids = [store.save_import(slug, kind, imported, pseudonym.key_id)[0] for kind, imported in kinds]
        settings = settings_of(request)
        history = History(store.finding_history(slug), settings.coverage_days)
        register = judge(onboarding.rows, services.rows if services else [], history, settings,
                         request.onboarding.name, request.services.name if request.services else "",
                         targets, request.google_ads.name if request.google_ads else "", counts, keywords)
        findings = [f.to_dict() for f in register.findings]
        decisions = store.triage([f["id"] for f in findings])
        for finding in findings:
            if finding["id"] in decisions:
                finding["triage"] = decisions[finding["id"]]
        store.record_register_findings(slug, findings)
        document = _document(slug, name, pseudonym.key_id, settings, kinds, import_ids, history, register,
                             findings)
        written = write_register(document, request.out / slug)
        # kept only once register.html exists, so the firm's report never points at a file that was not written
        store.save_register_run(slug, document["generated_at"], str(written["html"].absolute()),
                                register_summary(document, written["html"].absolute()))
    gaps = register.shares["overall"]["checks"]["COVERAGE_GAP"]["clients"]
    return Outcome(document, written, problems, incomplete=bool(problems) or gaps > 0)


def _document(slug: str, name: str, key_id: str, settings: Settings, kinds: list[tuple[str, Imported]],
              import_ids: list[str], history: History, register: Register, findings: list[dict]) -> dict:
    """register.json (schema footprint.register/1)."""
    return {
        "schema": SCHEMA, "tool": {"name": "footprint", "version": tool_version()},
        "firm": {"slug": slug, "name": name}, "generated_at": stamp(), "key_id": key_id,
        "settings": {"coverage_days": settings.coverage_days, "same_type_window_days": settings.same_type_window,
                     "same_type_window_note": "from ESMA's consultation draft; not confirmed in the final guidelines "
                                              "(ESMA35-1872330276-2030)",
                     "cohort_weeks": settings.cohort_weeks, "cohort_ratio": settings.cohort_ratio,
                     "cohort_min_clients": settings.cohort_min_clients},
        "inputs": [_input(kind, imported, import_id) for (kind, imported), import_id in
                   zip(kinds, import_ids, strict=True)],
        "scans": [{"id": s.id, "started_at": stamp(s.at), "out_dir": s.out_dir} for s in history.scans],
        "summary": register.shares, "findings": findings, "clients": register.clients,
        "data_gaps": _data_gaps(dict(kinds), register.shares, history),
    }


def _firm(store: Store, firm: str) -> tuple[str, str]:
    scans = store.scans(firm=firm, limit=1)
    if not scans:
        raise InputError(store.location, "--firm", f"a firm with scans in this store (name or slug, as `footprint "
                                                   f"history` lists them); {firm!r} has none")
    return scans[0].firm_slug, scans[0].firm_name


def _input(kind: str, imported: Imported, import_id: str) -> dict:
    return {"kind": kind, "file": Path(imported.file).name, "sha256": imported.sha256, "import_id": import_id,
            "rows_read": imported.read, "rows_kept": len(imported.rows),
            "ignored_columns": imported.ignored_columns,
            "problems": [{"line": p.line, "field": p.field, "expected": p.expected} for p in imported.problems]}


def _data_gaps(imports: dict[str, Imported], shares: dict, history: History) -> list[str]:
    """What the register cannot see, in words."""
    gaps = []
    for imported in imports.values():
        left_out = imported.read - len(imported.rows)
        if left_out:
            gaps.append(f"{Path(imported.file).name}: {left_out} of {imported.read} row(s) left out for problems "
                        "(listed under inputs)")
    if "services" not in imports:
        gaps.append("no services file: the Art. 61(2) check (SERVICE_DRIFT) did not run")
    else:
        onboarded = {client.client for client in imports["onboarding"].rows}
        strangers = [r.line for r in imports["services"].rows if r.client not in onboarded]
        if strangers:
            gaps.append(f"{Path(imports['services'].file).name}: {len(strangers)} request(s) of clients not in the "
                        f"onboarding file, not checked (lines {', '.join(map(str, strangers[:10]))}"
                        f"{', ...' if len(strangers) > 10 else ''})")
    if not set(ADS) & set(imports):
        gaps.append("no ad platform export: the firm's own location targeting (AD_TARGETING) was not checked")
    if not set(COUNTED) & set(imports):
        gaps.append("no console or campaign export: the firm's own figures by country (FIRST_PARTY_AUDIENCE) were "
                    "not checked")
    uncovered = shares["overall"]["checks"]["COVERAGE_GAP"]["clients"]
    if uncovered:
        gaps.append(f"{uncovered} EU client(s) onboarded on dates no scan covers: unknown, not clean")
    if not history.scans:
        gaps.append("the firm has no complete scan in the store: every date is a coverage gap")
    return gaps
