"""What changed between two scans of a firm, computed from their report.json files alone.

A supervisor re-scans a firm to see whether it stopped soliciting, so the diff must never claim progress it did not
observe. Findings are matched by their stable id per channel (format 2: indicator, channel and evidence value for
a fact merged over the channel's pages; with the normalised URL for a finding of one item; a format-1 report is read
as format 2 when compared with one, reports/upgrade.py), and only fields a reviewer cares about count as a change:
fetch times, body hashes, WARC record ids and screenshot paths differ on every crawl of a dynamic page and are
ignored. A channel that was not assessed (or not scanned at all) on one side cannot say what is new or resolved: its
findings are still listed, but the channel is marked `comparable: false`, left out of the totals and named in the
warnings, so a page that failed to load never reads as a firm that cleaned up. Pure and deterministic: the same two
reports give the same diff byte for byte.
"""

from __future__ import annotations

import json
from datetime import datetime

from detectors.model import UNRATED_LABELS, ChannelStatus, rated
from detectors.timestamps import parse

from reports.html import environment
from reports.terminal import plain
from reports.upgrade import as_format_2, is_format_1
from reports.validate import load_schema, problems

SCHEMA = "footprint.diff/1"
SCHEMA_FILE = "diff.schema.json"
TEMPLATE = "diff.html.j2"

# The fields (dotted paths into a finding) whose change a reviewer needs to see. Everything else in a finding is part
# of its id or volatile (fetched_at, body_sha256, record_id, screenshot) and is never reported as a change.
_SETS = ("member_states", "visitors")  # order carries no meaning: compared as sorted lists
COMPARED_FIELDS = ("strength", "confidence", "member_states", "evidence.snippet", "evidence.locator", "visitors",
                   "triage.status")


# --- building ---------------------------------------------------------------------------------------------------


def diff_reports(old: dict, new: dict) -> dict:
    """What changed from report `old` to report `new` (two report.json dicts), as footprint.diff/1."""
    for side, report in (("old", old), ("new", new)):
        if not isinstance(report, dict) or not str(report.get("schema", "")).startswith("footprint.report/"):
            raise ValueError(f"the {side} report is not a footprint report.json (no 'footprint.report/...' schema)")
    warnings = _report_warnings(old, new)
    if is_format_1(old) != is_format_1(new):  # one finding per page on one side only: compare as format 2
        old, new = as_format_2(old), as_format_2(new)
    old_channels = {c["id"]: c for c in old.get("channels", [])}
    new_channels = {c["id"]: c for c in new.get("channels", [])}
    channels = []
    for cid in sorted(old_channels.keys() | new_channels.keys()):
        channel, notes = _channel(cid, old_channels.get(cid), new_channels.get(cid))
        channels.append(channel)
        warnings.extend(notes)
    compared = [c for c in channels if c["comparable"]]
    return {
        "schema": SCHEMA,
        "firm": new.get("firm", {}),
        "old": _scan(old),
        "new": _scan(new),
        "totals": {
            "new": sum(len(c["new_findings"]) for c in compared),
            "resolved": sum(len(c["resolved_findings"]) for c in compared),
            "changed": sum(len(c["changed_findings"]) for c in compared),
            "not_compared": sum(len(c["new_findings"]) + len(c["resolved_findings"]) + len(c["changed_findings"])
                                for c in channels if not c["comparable"]),
        },
        "warnings": warnings,
        "channels": channels,
    }


def _scan(report: dict) -> dict:
    scan, verdict = report.get("scan", {}), report.get("verdict", {})
    return {"scan_id": scan.get("id", ""), "started_at": scan.get("started_at", ""),
            "finished_at": scan.get("finished_at", ""),
            "verdict": {"level": verdict.get("level", ChannelStatus.NOT_ASSESSED), "score": verdict.get("score"),
                        "complete": bool(verdict.get("complete", False))}}


def _time(value: str) -> datetime | None:
    try:
        return parse(value)
    except (AttributeError, ValueError):
        return None


def _report_warnings(old: dict, new: dict) -> list[str]:
    warnings = []
    old_firm, new_firm = old.get("firm", {}), new.get("firm", {})
    key = "slug" if old_firm.get("slug") and new_firm.get("slug") else "name"
    if old_firm.get(key) != new_firm.get(key):
        warnings.append(f"comparing two different firms: {old_firm.get(key)!r} (old) and {new_firm.get(key)!r} "
                        "(new); findings of different firms never match")
    if old.get("schema") != new.get("schema"):
        warning = f"the reports have different formats: {old.get('schema')} (old), {new.get('schema')} (new)"
        if is_format_1(old) != is_format_1(new):
            warning += ("; the format-1 report's findings of one fact on many pages of a channel were merged into "
                        "one finding each (by merged id, as format 2 writes them) before comparing")
        warnings.append(warning)
    old_scan, new_scan = old.get("scan", {}), new.get("scan", {})
    old_t, new_t = _time(old_scan.get("started_at")), _time(new_scan.get("started_at"))
    if old_scan.get("id") and old_scan.get("id") == new_scan.get("id"):
        warnings.append(f"both reports are of the same scan ({old_scan['id']})")
    elif old_t and new_t and old_t > new_t:
        warnings.append(f"the old scan (started {old_scan['started_at']}) is newer than the new scan (started "
                        f"{new_scan['started_at']}): new and resolved are swapped")
    return warnings


def _state(channel: dict | None) -> dict | None:
    if channel is None:
        return None
    return {"status": channel["status"], "level": channel.get("level"), "score": channel.get("score")}


def _side_problem(channel: dict | None, side: str) -> str:
    """Why this side's findings cannot stand for what the channel showed, or '' when they can."""
    if channel is None:
        return f"not scanned in the {side} scan"
    if rated(channel["status"]):
        return ""
    reason = f" ({channel['reason']})" if channel.get("reason") else ""
    return f"{channel['status'].replace('-', ' ')} in the {side} scan{reason}"


def _finding_key(f: dict) -> tuple:
    return (f.get("indicator", ""), f.get("url", ""), f["id"])


# Paths relative to one report's folder (its archived copies, its marked screenshots): a diff spans two folders, or
# the store, which keeps neither, so they are left out of the findings it lists.
_FOLDER_PATHS = ("archived_copy", "screenshot_mark")


def _listed(finding: dict) -> dict:
    return {k: v for k, v in finding.items() if k not in _FOLDER_PATHS}


def _channel(cid: str, old: dict | None, new: dict | None) -> tuple[dict, list[str]]:
    old_f = {f["id"]: _listed(f) for f in reversed((old or {}).get("findings", []))}  # first occurrence wins
    new_f = {f["id"]: _listed(f) for f in reversed((new or {}).get("findings", []))}
    added = sorted((new_f[i] for i in new_f.keys() - old_f.keys()), key=_finding_key)
    resolved = sorted((old_f[i] for i in old_f.keys() - new_f.keys()), key=_finding_key)
    changed = []
    for i in sorted(old_f.keys() & new_f.keys(), key=lambda i: _finding_key(new_f[i])):
        changes = finding_changes(old_f[i], new_f[i])
        if changes:
            changed.append({"id": i, "changes": changes, "finding": new_f[i]})
    problems = [p for p in (_side_problem(old, "old"), _side_problem(new, "new")) if p]
    change = "added" if old is None else "removed" if new is None else "kept"
    notes = []
    if problems:
        notes.append(f"findings of {cid} could not be compared: {' and '.join(problems)}")
    else:
        if new["status"] == ChannelStatus.PARTIAL and resolved:
            notes.append(f"{cid} was partial in the new scan ({new.get('reason') or 'some pages failed'}): a "
                         "resolved finding may only be on a page that could not be fetched")
        if old["status"] == ChannelStatus.PARTIAL and added:
            notes.append(f"{cid} was partial in the old scan ({old.get('reason') or 'some pages failed'}): a new "
                         "finding may be on a page that could not be fetched then")
    entry = {
        "id": cid,
        "change": change,
        "old": _state(old),
        "new": _state(new),
        "comparable": not problems,
        "reason": " and ".join(problems),
        # "unchanged" is a claim that both scans looked and saw the same: never made for an unassessed side
        "unchanged": not problems and not (added or resolved or changed) and _state(old) == _state(new),
        "new_findings": added,
        "resolved_findings": resolved,
        "changed_findings": changed,
    }
    return entry, notes


def _field(finding: dict, path: str):
    if path == "triage.status":
        return (finding.get("triage") or {}).get("status", "open")
    value = finding
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if path in _SETS:
        return sorted(value or [])
    return value


def finding_changes(old: dict, new: dict) -> dict[str, list]:
    """field -> [old, new] over the fields a reviewer cares about; empty when only volatile fields differ."""
    changes = {}
    for path in COMPARED_FIELDS:
        before, after = _field(old, path), _field(new, path)
        if before != after:
            changes[path] = [before, after]
    return changes


# --- validation ---------------------------------------------------------------------------------------------------


def schema() -> dict:
    return load_schema(SCHEMA_FILE)


def validate_diff(diff: dict) -> list[str]:
    """Every schema violation as 'where: what', in a stable order; an empty list means the diff is valid."""
    return problems(SCHEMA_FILE, diff)


# --- rendering ----------------------------------------------------------------------------------------------------


def state_label(state: dict | None) -> str:
    """'HIGH 98/100', 'HIGH 98/100 PARTIAL', 'NOT ASSESSED', or 'not scanned' for a side without the channel."""
    if state is None:
        return "not scanned"
    if not rated(state["status"]):
        return ChannelStatus(state["status"]).label
    label = f"{str(state['level']).upper()} {state['score']}/100"
    return f"{label} PARTIAL" if state["status"] == ChannelStatus.PARTIAL else label


def verdict_label(verdict: dict) -> str:
    if verdict["level"] == ChannelStatus.NOT_ASSESSED or verdict["score"] is None:
        head = "NOT ASSESSED, no score"
    else:
        head = f"{verdict['level'].upper()} {verdict['score']}/100"
    return f"{head}, {'complete' if verdict['complete'] else 'INCOMPLETE PICTURE'}"


def value_label(value) -> str:
    """A changed field's value as one short line: lists space-separated, nothing as 'none'."""
    if isinstance(value, list):
        return " ".join(map(str, value)) or "none"
    if value is None or value == "":
        return "none"
    return str(value)


def _finding_line(mark: str, f: dict) -> str:
    pages = f.get("pages", 1)
    return (f"    {mark} {plain(f['id'])} {plain(f.get('indicator', ''))} {plain(f.get('url', ''))}"
            + (f" (and {pages - 1} more page{'' if pages == 2 else 's'})" if pages > 1 else "")
            + f" value: {plain(f.get('evidence', {}).get('value', ''))}")


def render_diff_text(diff: dict) -> str:
    """Plain text, one section per channel, every finding by id; crawled text cannot drive the terminal."""
    firm = diff["firm"]
    slug = f" ({plain(firm['slug'])})" if firm.get("slug") else ""
    t = diff["totals"]
    lines = [f"Diff: {plain(firm.get('name', ''))}{slug}"]
    for side in ("old", "new"):
        s = diff[side]
        lines.append(f"{side.capitalize()} scan: {plain(s['scan_id'])}, started {plain(s['started_at'])}, "
                     f"finished {plain(s['finished_at'])}: {verdict_label(s['verdict'])}")
    totals = f"Totals: {t['new']} new, {t['resolved']} resolved, {t['changed']} changed"
    if t["not_compared"]:
        totals += f"; {t['not_compared']} more in channels that could not be compared"
    lines.append(totals)
    lines.extend(f"WARNING: {plain(w)}" for w in diff["warnings"])
    for c in diff["channels"]:
        head = f"Channel {plain(c['id'])}"
        if c["change"] != "kept":
            head += f" ({c['change'].upper()})"
        head += f": {state_label(c['old'])} -> {state_label(c['new'])}"
        lines.append("")
        lines.append(head)
        if not c["comparable"]:
            lines.append(f"  NOT COMPARED: {plain(c['reason'])}; its findings below are neither new nor resolved")
        if c["unchanged"]:
            lines.append("  unchanged")
            continue
        titles = ("new", "resolved") if c["comparable"] else ("seen only in the new scan", "seen only in the old scan")
        for title, key, mark in zip(titles, ("new_findings", "resolved_findings"), "+-", strict=True):
            if c[key]:
                lines.append(f"  {title} ({len(c[key])}):")
                lines.extend(_finding_line(mark, f) for f in c[key])
        if c["changed_findings"]:
            lines.append(f"  changed ({len(c['changed_findings'])}):")
            for item in c["changed_findings"]:
                lines.append(_finding_line("~", item["finding"]))
                lines.extend(f"        {field}: {plain(value_label(before))} -> {plain(value_label(after))}"
                             for field, (before, after) in sorted(item["changes"].items()))
        if not (c["new_findings"] or c["resolved_findings"] or c["changed_findings"]):
            lines.append("  no finding changed")
    return "\n".join(lines) + "\n"


def render_diff_json(diff: dict) -> str:
    return json.dumps(diff, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render_diff_html(diff: dict) -> str:
    """Self-contained HTML like report.html: autoescaped, no scripts, only safe http(s) URLs linked."""
    return environment().get_template(TEMPLATE).render(
        diff=diff, state_label=state_label, verdict_label=verdict_label, value_label=value_label,
        unrated_label=UNRATED_LABELS,
    )
