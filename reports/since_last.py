"""`scan --since-last`: mark in a report what is new since the firm's previous scans.

Findings are matched by their stable id (indicator, channel, normalised URL, evidence value), so a finding is
"new" only when that exact evidence was not seen before. Each channel is compared with the latest earlier scan
that could look at it (where it was assessed or partial): a site that was unreachable last week says nothing
about its pages, so this week's findings are compared with the week before (otherwise every outage would be
followed by a false "new" alarm). A channel never assessed before has only new findings. A previous finding
counts as resolved only where this scan could look again: on a channel rated now.
"""

from __future__ import annotations

RATED = ("assessed", "partial")


def mark_since_last(report: dict, history: list[dict]) -> dict:
    """A copy of `report` with `new` on every finding and a `since_last` block. `history`: the firm's earlier
    complete reports, newest first (empty when there are none: then every finding is new)."""
    baselines = {c["id"]: _baseline(c["id"], history) for c in report["channels"]}
    channels, new, resolved = [], 0, []
    for channel in report["channels"]:
        base = baselines[channel["id"]]
        seen = {f["id"] for f in base["findings"]} if base else set()
        findings = [{**f, "new": f["id"] not in seen} for f in channel["findings"]]
        new += sum(f["new"] for f in findings)
        channels.append({**channel, "findings": findings})
        if base and channel["status"] in RATED:
            now = {f["id"] for f in channel["findings"]}
            resolved += [{"id": f["id"], "channel": channel["id"], "indicator": f["indicator"], "url": f["url"],
                          "value": f["evidence"]["value"]} for f in base["findings"] if f["id"] not in now]
    resolved.sort(key=lambda r: (r["channel"], r["indicator"], r["url"], r["id"]))
    latest = history[0] if history else None
    since = {"previous_scan": latest["scan"]["id"] if latest else None,
             "previous_started_at": latest["scan"]["started_at"] if latest else None,
             "new": new, "resolved": len(resolved), "resolved_findings": resolved,
             "baselines": {cid: (b["scan"] if b else None) for cid, b in sorted(baselines.items())}}
    return {**report, "channels": channels, "since_last": since}


def _baseline(channel_id: str, history: list[dict]) -> dict | None:
    """The channel as the latest earlier scan that assessed it saw it, with that scan's id."""
    for previous in history:
        for channel in previous.get("channels", []):
            if channel["id"] == channel_id and channel["status"] in RATED:
                return {"scan": previous["scan"]["id"], "findings": channel["findings"]}
    return None


def new_findings_at(report: dict, threshold: str, levels: tuple[str, ...]) -> list[dict]:
    """Findings marked new, not dismissed in triage, on a channel rated at `threshold` or above: what a cron job
    asked with `--fail-on-new LEVEL` wants to hear about."""
    floor = levels.index(threshold)
    return [f for c in report["channels"] if c.get("level") in levels and levels.index(c["level"]) >= floor
            for f in c["findings"]
            if f.get("new") and (f.get("triage") or {}).get("status") != "dismissed"]
