"""index.json and index.html: one page over a batch scan, the firms ranked by solicitation risk.

A supervisor reads this page top down and stops early, so what cannot be ranked comes first: a firm whose scan
failed or whose every channel went unassessed has no risk level, and sorting it among the low-risk firms would read
as a clean bill. Those firms get no rank and open the page under a banner; the rated firms follow, worst first
(level, then score, then name, so the order is the same on every run). Links go only to each firm's own folder
beside the index: a relative path of plain characters, never `..`, never a scheme. Both files are rendered in
memory and written atomically, so a cron job never publishes half an index.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from detectors.model import ChannelStatus, rated
from jinja2 import Environment

from reports.html import environment
from reports.validate import load_schema, problems
from reports.writer import atomic_write

SCHEMA = "footprint.index/1"
SCHEMA_FILE = "index.schema.json"
TEMPLATE = "index.html.j2"
LEVEL_ORDER = ("high", "medium", "low", "none")  # worst first
_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*")


def is_safe_relative(path: object) -> bool:
    """A relative path of plain segments (letters, digits, . _ -; none starting with a dot): safe in an href."""
    return (isinstance(path, str) and bool(path) and len(path) <= 1024
            and all(_SEGMENT.fullmatch(part) for part in path.split("/")))


# --- building ---------------------------------------------------------------------------------------------------


def _firm(entry: dict) -> dict:
    report, slug, name = entry.get("report"), entry["slug"], entry["name"]
    if report is None:
        error = entry.get("error") or "no report was written"
        return {"rank": None, "slug": slug, "name": name, "home_country": "", "level": None, "score": None,
                "complete": False, "channels": {"total": 0, "assessed": 0, "not_assessed": 0}, "findings": 0,
                "member_states": 0, "new_findings": None, "report": None,
                "summary": f"SCAN FAILED: {error}. This is not a low-risk result.", "error": error}
    report_dir = entry.get("report_dir", "")
    formats = entry.get("formats", ("html", "json"))  # the report files the run wrote
    if not is_safe_relative(report_dir):
        raise ValueError(f"firm {slug!r}: report_dir {report_dir!r} is not a plain relative path "
                         "(letters, digits, . _ - and /, no segment starting with a dot)")
    channels, verdict = report.get("channels", []), report["verdict"]
    findings = [f for c in channels for f in c.get("findings", [])]
    tracks_new = "since_last" in report or any("new" in f for f in findings)
    return {
        "rank": None,
        "slug": slug,
        "name": name,
        "home_country": report.get("firm", {}).get("home_country", ""),
        "level": verdict["level"],
        "score": verdict["score"],
        "complete": verdict["complete"],
        "channels": {"total": len(channels),
                     "assessed": sum(rated(c["status"]) for c in channels),
                     "not_assessed": sum(not rated(c["status"]) for c in channels)},
        "findings": len(findings),
        "member_states": len([s for s in report.get("member_states", {}) if s != "EU"]),
        "new_findings": sum(f.get("new") is True for f in findings) if tracks_new else None,
        "report": {fmt: f"{report_dir}/report.{fmt}" for fmt in ("html", "json") if fmt in formats},
        "summary": verdict["summary"],
        "error": entry.get("error") or "",
    }


def _ranked(firm: dict) -> bool:
    return firm["level"] in LEVEL_ORDER


def _order(firm: dict) -> tuple:
    if not _ranked(firm):  # failed scans first, then not assessed: the loudest group opens the page
        return (0, firm["level"] is not None, firm["name"].casefold(), firm["name"], firm["slug"])
    # Within an equal score, the firm reaching more member states, then the one with more evidence, comes first.
    return (1, LEVEL_ORDER.index(firm["level"]), -(firm["score"] or 0), -firm["member_states"], -firm["findings"],
            firm["name"].casefold(), firm["name"], firm["slug"])


def build_index(entries: list[dict], run: dict) -> dict:
    """The batch index (footprint.index/1): counts, and every firm ranked worst first, unrankable firms on top.

    Each entry is {slug, name, report (report.json dict, or None when the scan failed), report_dir (the firm's
    folder relative to the index), error, and optionally formats (the report formats written, default html and
    json: only those are linked)}; run is {id, started_at, finished_at, firms_file}.
    """
    slugs = [e["slug"] for e in entries]
    duplicates = sorted({s for s in slugs if slugs.count(s) > 1})
    if duplicates:
        raise ValueError(f"firm slug(s) listed more than once: {', '.join(duplicates)}")
    firms = sorted((_firm(e) for e in entries), key=_order)
    rank = 0
    for firm in firms:
        if _ranked(firm):
            rank += 1
            firm["rank"] = rank
    levels = [f["level"] for f in firms]
    counts = {
        "firms": len(firms),
        **{level: levels.count(level) for level in LEVEL_ORDER},
        "not_assessed": levels.count(ChannelStatus.NOT_ASSESSED),
        "failed": levels.count(None),
        "incomplete": sum(_ranked(f) and not f["complete"] for f in firms),
    }
    return {
        "schema": SCHEMA,
        "run": {k: run[k] for k in ("id", "started_at", "finished_at", "firms_file")},
        "counts": counts,
        "firms": firms,
    }


# --- validation ---------------------------------------------------------------------------------------------------


def schema() -> dict:
    return load_schema(SCHEMA_FILE)


def validate_index(index: dict) -> list[str]:
    """Every schema violation as 'where: what', in a stable order; an empty list means the index is valid."""
    return problems(SCHEMA_FILE, index)


# --- rendering and writing ----------------------------------------------------------------------------------------


@cache
def _environment() -> Environment:
    """report.html's environment plus one test, on an overlay so the shared environment is left as it was."""
    env = environment().overlay()
    env.tests = {**env.tests, "safe_relative": is_safe_relative}
    return env


def render_index_json(index: dict) -> str:
    return json.dumps(index, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render_index_html(index: dict) -> str:
    firms = index["firms"]
    unranked = [f for f in firms if f["rank"] is None]
    ranked = [f for f in firms if f["rank"] is not None]
    return _environment().get_template(TEMPLATE).render(index=index, unranked=unranked, ranked=ranked)


def write_index(index: dict, out_dir: Path) -> dict[str, Path]:
    """Write index.json and index.html into out_dir (created if missing); returns format -> path written."""
    rendered = {"json": ("index.json", render_index_json(index)), "html": ("index.html", render_index_html(index))}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    for fmt, (name, text) in rendered.items():
        path = out_dir / name
        atomic_write(path, text.encode("utf-8"))
        written[fmt] = path
    return written
