"""`scan --since-last`: mark in a report what is new since the firm's previous scans.

Findings are matched by their stable id (format 2: indicator, channel and evidence value for a fact merged over the
channel's pages, with the normalised URL for a finding of one item), so a finding is "new" only when that evidence
was not seen before; earlier format-1 reports are read as format 2 (reports/upgrade.py), so the format change does
not make every finding new. Each channel is compared with the latest earlier scan
that could look at it (where it was assessed or partial): a site that was unreachable last week says nothing
about its pages, so this week's findings are compared with the week before (otherwise every outage would be
followed by a false "new" alarm); likewise, page by page, a finding whose pages all failed to load last time is
compared with the scan before. A channel never assessed before has only new findings. A previous finding counts as
resolved only where this scan could look again: on a channel rated now, on a page of it that did not fail now.
"""

from __future__ import annotations

from detectors.model import rated

from reports.upgrade import as_format_2


def mark_since_last(report: dict, history: list[dict]) -> dict:
    """A copy of `report` with `new` on every finding and a `since_last` block. `history`: the firm's earlier
    complete reports, newest first (empty when there are none: then every finding is new)."""
    history = [as_format_2(previous) for previous in history]
    baselines = {c["id"]: _baseline(c["id"], history) for c in report["channels"]}
    channels, new, resolved = [], 0, []
    for channel in report["channels"]:
        looks = _earlier_looks(channel["id"], history)
        findings = [{**f, "new": not _seen_before(f, looks)} for f in channel["findings"]]
        new += sum(f["new"] for f in findings)
        channels.append({**channel, "findings": findings})
        base = baselines[channel["id"]]
        if base and rated(channel["status"]):
            now = {f["id"] for f in channel["findings"]}
            failed_now = _failed_urls(report, channel["id"])  # a page that failed today was not seen to change
            resolved += [{"id": f["id"], "channel": channel["id"], "indicator": f["indicator"], "url": f["url"],
                          "value": f["evidence"]["value"]} for f in base["findings"]
                         if f["id"] not in now and not _pages(f) <= failed_now]
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
            if channel["id"] == channel_id and rated(channel["status"]):
                return {"scan": previous["scan"]["id"], "findings": channel["findings"]}
    return None


def _earlier_looks(channel_id: str, history: list[dict]) -> list[tuple[set[str], set[str]]]:
    """For each earlier scan that assessed the channel, newest first: (its failed page URLs, its finding ids)."""
    looks = []
    for previous in history:
        channel = next((c for c in previous.get("channels", []) if c["id"] == channel_id), None)
        if channel is not None and rated(channel["status"]):
            looks.append((_failed_urls(previous, channel_id), {f["id"] for f in channel["findings"]}))
    return looks


def _seen_before(finding: dict, looks: list[tuple[set[str], set[str]]]) -> bool:
    """Whether the latest earlier scan that looked at this finding's page (channel assessed, page not failed)
    had this finding. A page that failed last time is compared with the time before, so one bad fetch does not
    make its findings "new" again afterwards."""
    pages = _pages(finding)
    for failed, ids in looks:
        if not pages <= failed:
            return finding["id"] in ids
    return False


def _pages(finding: dict) -> set[str]:
    """The pages a finding is known to be on: its sample of pages when merged, else its one URL."""
    return {s["url"] for s in finding.get("seen_on", ())} | {finding["url"]}


def _failed_urls(report: dict, channel_id: str) -> set[str]:
    return {e["url"] for e in report.get("errors", []) if e.get("channel") == channel_id}


def new_findings_at(report: dict, threshold: str, levels: tuple[str, ...]) -> list[dict]:
    """Findings marked new, not dismissed in triage, on a channel rated at `threshold` or above: what a cron job
    asked with `--fail-on-new LEVEL` wants to hear about."""
    floor = levels.index(threshold)
    return [f for c in report["channels"] if c.get("level") in levels and levels.index(c["level"]) >= floor
            for f in c["findings"]
            if f.get("new") and (f.get("triage") or {}).get("status") != "dismissed"]
