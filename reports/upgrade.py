"""Reading a format-1 report (footprint.report/1, one finding per page) as format 2, where one fact seen on many
pages of a channel is one finding: so `diff` and `--since-last` compare reports across the format change without
calling every finding resolved and new again.

A format-1 finding of document scope becomes part of the merged finding `merged_id(indicator, channel, value)`,
shaped as detectors/merge.py writes it: the strongest sighting (then the first in page order) gives url, capture,
evidence, member states, strength and confidence; pages counts distinct normalised URLs; seen_on samples the first
MERGE_SAMPLE of them by URL; first/last_seen span all sightings; visitors are the union. Findings that keep a
per-item identity in format 2 (visitor-, storefront- and supplied-scope indicators, and every finding of supplied
material) are left as they are.
"""

from __future__ import annotations

from detectors.catalogue import catalogue
from detectors.model import MERGE_SAMPLE, merged_id
from detectors.urls import normalise_url

from reports.build import FORMAT_1, SCHEMA

# Indicators whose findings are not of one document (detectors' SCOPE other than Scope.DOCUMENT): reports/ may not
# import the detector modules, so they are named here; tests/reports/test_upgrade.py checks this against them.
PER_ITEM_INDICATORS = frozenset({"APPSTORE", "CROSS_SELL", "GEOBLOCK", "GEO_TARGETED", "WARNING_LIST"})
PER_ITEM_CHANNEL_KINDS = frozenset({"export"})  # supplied posts and mail: each item is its own finding


def is_format_1(report: dict) -> bool:
    return report.get("schema") == FORMAT_1


def as_format_2(report: dict) -> dict:
    """`report` itself when it is not format 1; else a copy with its findings merged as format 2 merges them."""
    if not is_format_1(report):
        return report
    channels = [{**c, "findings": merged_findings(c)} for c in report.get("channels", [])]
    return {**report, "schema": SCHEMA, "channels": channels}


def merged_findings(channel: dict) -> list[dict]:
    """A format-1 channel's findings in format 2's shape, in their first appearance's order."""
    if channel.get("kind") in PER_ITEM_CHANNEL_KINDS:
        return [_single(f) for f in channel["findings"]]
    groups: dict[str, list[dict]] = {}
    for finding in channel["findings"]:
        key = finding["id"] if finding["indicator"] in PER_ITEM_INDICATORS else merged_id(
            finding["indicator"], channel["id"], finding["evidence"]["value"])
        groups.setdefault(key, []).append(finding)
    return [_single(group[0]) if group[0]["indicator"] in PER_ITEM_INDICATORS else _merged(key, group)
            for key, group in groups.items()]


def _single(finding: dict) -> dict:
    return {"pages": 1, "seen_on": [], "first_seen": "", "last_seen": "", **finding}


def _merged(fid: str, group: list[dict]) -> dict:
    in_page_order = sorted(group, key=_page_order)
    first_by_page: dict[str, dict] = {}
    for finding in in_page_order:
        first_by_page.setdefault(normalise_url(finding["url"]), finding)
    times = sorted(f["fetched_at"] for f in group if f.get("fetched_at"))
    decisions = [f["triage"] for f in group if f.get("triage")]
    best = min(group, key=lambda f: (-contribution(f), _page_order(f)))
    merged = {**best, "id": fid, "pages": len(first_by_page),
              "seen_on": [{"url": f["url"], "record_id": f.get("record_id", ""), "fetched_at": f["fetched_at"]}
                          for f in list(first_by_page.values())[:MERGE_SAMPLE]],
              "first_seen": times[0] if times else "", "last_seen": times[-1] if times else "",
              "visitors": sorted({v for f in group for v in f.get("visitors", [])})}
    merged.pop("triage", None)
    if decisions:  # the newest decision on any of its pages, as the store's migration decides
        merged["triage"] = max(decisions, key=lambda d: d["at"])
    if any("new" in f for f in group):
        merged["new"] = any(f.get("new") for f in group)
    return merged


def contribution(finding: dict) -> float:
    """A finding's share of its indicator's score, as detectors/scoring.py computes it (reports/ may not import
    it): the strongest page's finding stands for a merged fact, as detectors/merge.py decides."""
    cat = catalogue()
    strength = cat.scoring.strengths.get(finding["strength"], 0.0)
    base = strength * finding["confidence"] * cat[finding["indicator"]].weight
    return round(base if finding["member_states"] else base * cat.scoring.untargeted_factor, 9)


def _page_order(f: dict) -> tuple:
    """Format 1 kept no "rendered" flag: page, visitors, body, fetch time, then the place on the page."""
    return (normalise_url(f["url"]), f.get("visitors", []), f.get("body_sha256", ""), f.get("fetched_at", ""),
            f["url"], f["evidence"]["locator"], f["evidence"]["snippet"], f["evidence"]["value"])
