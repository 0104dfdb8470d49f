"""`scan --since-last`: mark in a report what is new since the previous complete scan of the same firm.

Findings are matched by their stable id (indicator, channel, normalised URL, evidence value), so a finding is
"new" only when that exact evidence was not seen before. A previous finding counts as resolved only where this
scan could look again: on a channel rated (assessed or partial) now. A channel that could not be fetched this
time says nothing about whether its findings went away, so they are not reported resolved.
"""

from __future__ import annotations

RATED = ("assessed", "partial")


def mark_since_last(report: dict, previous: dict | None, previous_scan: str | None = None) -> dict:
    """A copy of `report` with `new` on every finding and a `since_last` block. `previous` is the previous
    complete scan's report (None when there is none: then every finding is new)."""
    before = {f["id"]: (c["id"], f) for c in (previous or {}).get("channels", []) for f in c["findings"]}
    channels, new = [], 0
    for channel in report["channels"]:
        findings = []
        for f in channel["findings"]:
            is_new = f["id"] not in before
            new += is_new
            findings.append({**f, "new": is_new})
        channels.append({**channel, "findings": findings})
    now = {f["id"] for c in report["channels"] for f in c["findings"]}
    rated_now = {c["id"] for c in report["channels"] if c["status"] in RATED}
    resolved = sorted(
        ({"id": fid, "channel": ch, "indicator": f["indicator"], "url": f["url"], "value": f["evidence"]["value"]}
         for fid, (ch, f) in before.items() if fid not in now and ch in rated_now),
        key=lambda r: (r["channel"], r["indicator"], r["url"], r["id"]))
    since = {"previous_scan": (previous_scan or previous["scan"]["id"]) if previous else None,
             "previous_started_at": previous["scan"]["started_at"] if previous else None,
             "new": new, "resolved": len(resolved), "resolved_findings": resolved}
    return {**report, "channels": channels, "since_last": since}


def new_findings_at(report: dict, threshold: str, levels: tuple[str, ...]) -> list[dict]:
    """Findings marked new, not dismissed in triage, on a channel rated at `threshold` or above: what a cron job
    asked with `--fail-on-new LEVEL` wants to hear about."""
    floor = levels.index(threshold)
    return [f for c in report["channels"] if c.get("level") in levels and levels.index(c["level"]) >= floor
            for f in c["findings"]
            if f.get("new") and (f.get("triage") or {}).get("status") != "dismissed"]
