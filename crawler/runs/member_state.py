"""A report's member-state parts: the warning-list hits (findings from the lists the scan checked) and, with
`--jurisdiction CC` (or a profile's `jurisdiction:`), that state's view put first.

Both come from what the scan recorded in its archive (the lists' candidate entries, the configuration), so
`footprint analyze` rebuilds them. Neither changes a score: list hits are markers, and the view selects and
attributes, it does not weigh.
"""

from __future__ import annotations

from crawler.captures.record import ScanRecord
from detectors.catalogue import catalogue
from detectors.context import Context
from detectors.jurisdictions import UNION, attributed, profile
from detectors.model import ChannelKind, ChannelResult
from detectors.warning_list import ListCheck, hit_of
from detectors.warning_list import detect as list_findings

ADDRESSED_KINDS = (ChannelKind.WEBSITE, ChannelKind.AFFILIATE)  # channels whose id names a registrable domain


def add_list_hits(record: ScanRecord, channels: list[ChannelResult]) -> None:
    """The WARNING_LIST findings of the entries the scan recorded, added to the channels they concern."""
    entries = tuple(record.warning_lists.get("entries", ()))
    if not entries or not channels:
        return
    # Website channels first: a firm-name match is put on the firm's first website.
    ordered = sorted(channels, key=lambda c: (c.kind != ChannelKind.WEBSITE, c.id))
    subject = ListCheck(firm_name=record.firm.get("name", ""), entries=entries, channels=tuple(
        (c.id, c.id.split(":", 1)[1] if c.kind in ADDRESSED_KINDS else "") for c in ordered))
    by_channel = {c.id: c for c in channels}
    for finding in list_findings(subject, Context()):
        by_channel[finding.channel].findings.append(finding)


def warning_lists_section(record: ScanRecord, report: dict) -> dict:
    """report.json's `warning_lists`: the list versions checked and each hit with its entry."""
    entries = {(e["list"], e["line"]): e for e in record.warning_lists.get("entries", ())}
    hits = []
    for channel in report["channels"]:
        for f in channel["findings"]:
            if f["indicator"] != "WARNING_LIST":
                continue
            list_id, line, how = hit_of(f["evidence"]["locator"], f["evidence"]["value"])
            entry = entries[(list_id, line)]
            hits.append({"finding": f["id"], "channel": channel["id"], "list": list_id, "line": line, "matched": how,
                         **{k: entry[k] for k in ("name", "commercial_name", "websites", "authority", "state", "date",
                                                  "reference", "reason")}})
    checked = [{k: m[k] for k in ("id", "name", "kind", "version", "imported_at", "sha256", "entries")}
               for m in record.warning_lists.get("checked", ())]
    return {"checked": checked, "hits": sorted(hits, key=lambda h: (h["list"], h["line"], h["channel"]))}


def jurisdiction_section(report: dict, state: str) -> dict:
    """report.json's `jurisdiction`: the state's verdict (its member-state score, and the EU-wide one), the
    findings attributed to it, its list hits, what its profile says and every citation behind it (the annex)."""
    own = profile(state)
    union = profile(UNION)
    scores = report["member_states"]
    score = scores.get(state, {}).get("score", 0)
    authorities = {a["short"].casefold() for a in own.authorities} | {a["name"].casefold() for a in own.authorities}
    hits = [h for h in report.get("warning_lists", {}).get("hits", ())
            if h["state"] == state or h["authority"].casefold() in authorities]
    listed = {h["finding"] for h in hits}
    findings = []
    for channel in report["channels"]:
        for f in channel["findings"]:
            text = f"{f['evidence']['value']}\n{f['evidence']['snippet']}"
            why = ("names the state" if state in f["member_states"] else "listed by the state's authority"
                   if f["id"] in listed else "addressed to its residents" if attributed(state, (), text) else "")
            if why:
                findings.append({"id": f["id"], "channel": channel["id"], "indicator": f["indicator"], "why": why})
    return {
        "state": state, "name": own.name,
        "verdict": {"level": catalogue().scoring.level_for(score), "score": score,
                    "eu_wide_score": scores.get(UNION, {}).get("score", 0), "findings": len(findings)},
        "authorities": [dict(a) for a in own.authorities], "languages": list(own.languages),
        "locales": list(own.locales), "dates": [dict(d) for d in own.dates] or [dict(d) for d in union.dates],
        "dates_from": state if own.dates else UNION,
        "findings": findings, "list_hits": hits,
        "citations": [{"profile": state, **row} for row in own.citation_rows()]
        + ([] if own.dates else [{"profile": UNION, **row} for row in union.citation_rows() if row["field"] != "name"]),
    }
