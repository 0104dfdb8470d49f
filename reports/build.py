"""Assembling report.json, the source of truth every other format is rendered from.

Deterministic: keys sorted when written, channels by id, findings by a stable key, times in UTC with a Z. Two
reports of the same captures differ only in their timestamps (and the scan id derived from them).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version

from detectors.analyze import sort_key
from detectors.catalogue import catalogue
from detectors.geography import geography
from detectors.model import ChannelResult
from detectors.scoring import apply_geoblock, firm_verdict, score_channel, score_member_states

SCHEMA = "footprint.report/1"
NOT_LEGAL_ADVICE = (
    "This report lists observable marketing signals and scores them against the indicators of MiCA Art. 61 and "
    "ESMA's reverse-solicitation guidelines (ESMA35-1872330276-2030). It is not legal advice and not a legal "
    "determination; a qualified person must review the evidence."
)


def tool_version() -> str:
    try:
        return version("footprint")
    except PackageNotFoundError:
        return "0+unknown"


def scan_id(firm_slug: str, started_at: str, nonce: str = "") -> str:
    """A scan's id: derived from the firm and start time, plus a nonce recorded in the scan's archive (two scans
    of one firm may start within the same second; `footprint analyze` reads the nonce back, so ids match)."""
    key = f"{firm_slug}\x1f{started_at}" + (f"\x1f{nonce}" if nonce else "")
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def build_report(
    *,
    firm: dict,
    channels: list[ChannelResult],
    started_at: str,
    finished_at: str,
    visitors: list[str],
    config: dict,
    provenance: dict | None = None,
    triage: dict[str, dict] | None = None,
    scan_nonce: str = "",
) -> dict:
    """`triage`: reviewers' decisions by finding id ({status, reason, by, at}); a dismissed finding stays in the
    report, marked, and is left out of every score (channel, member state, firm)."""
    cat = catalogue()
    triage = triage or {}
    channels = sorted(channels, key=lambda c: c.id)
    scored = {c.id: _without_dismissed(c, triage) for c in channels}
    eu_visitors = [v for v in visitors if geography().is_member(v)]
    scores = {c.id: _geoblocked(score_channel(scored[c.id], cat), c, cat, eu_visitors) for c in channels}
    states = score_member_states([scored[c.id] for c in channels if scores[c.id].score is not None], cat)
    verdict = firm_verdict(list(scored.values()), scores, states)
    summary = verdict.summary
    dismissed = sum(len(c.findings) - len(scored[c.id].findings) for c in channels)
    if dismissed:
        summary += (f" {dismissed} finding(s) dismissed in triage are listed in the report but not counted in any "
                    "score.")
    errors = sorted(
        ({"channel": c.id, "url": e.get("url", ""), "error": e.get("error", "")} for c in channels for e in c.errors),
        key=lambda e: (e["channel"], e["url"], e["error"]),
    )
    report = {
        "schema": SCHEMA,
        "tool": {"name": "footprint", "version": tool_version(), "catalogue_version": cat.version},
        "notice": NOT_LEGAL_ADVICE,
        "scan": {"id": scan_id(firm.get("slug", ""), started_at, scan_nonce), "started_at": started_at,
                 "finished_at": finished_at, "visitors": list(visitors), "config": config},
        "firm": firm,
        "verdict": {"level": verdict.level, "score": verdict.score, "complete": verdict.complete,
                    "summary": summary},
        "member_states": {s: {"score": v.score, "indicators": v.indicators, "channels": v.channels}
                          for s, v in states.items()},
        "channels": [_channel(c, scores[c.id], triage, len(c.findings) - len(scored[c.id].findings))
                     for c in channels],
        "errors": errors,
    }
    if provenance is not None:
        report["provenance"] = {**provenance, "catalogue_version": cat.version}
    return report


def _geoblocked(score, channel: ChannelResult, cat, eu_visitors: list[str]):
    """A verified geo-block from every EU vantage point lowers the score; nothing else does."""
    if not channel.geoblock:
        return score
    return apply_geoblock(score, channel.geoblock, cat, eu_visitors)


def _without_dismissed(channel: ChannelResult, triage: dict[str, dict]) -> ChannelResult:
    if not triage:
        return channel
    kept = [f for f in channel.findings if triage.get(f.id, {}).get("status") != "dismissed"]
    return channel if len(kept) == len(channel.findings) else replace(channel, findings=kept)


def _finding(finding, triage: dict[str, dict]) -> dict:
    data = finding.to_dict()
    decision = triage.get(data["id"])
    if decision and decision.get("status") in ("confirmed", "dismissed"):
        data["triage"] = {k: decision[k] for k in ("status", "reason", "by", "at")}
    return data


def _channel(channel: ChannelResult, score, triage: dict[str, dict], dismissed: int) -> dict:
    return {
        "id": channel.id,
        "kind": channel.kind,
        "target": channel.target,
        "status": channel.status,
        "reason": channel.reason,
        "discovered": channel.discovered,
        "pages": {"fetched": channel.pages_fetched, "failed": channel.pages_failed},
        "rendered_pages": list(channel.rendered),
        "geoblock": dict(sorted(channel.geoblock.items())),
        "score": score.score,
        "level": score.level,
        "mitigation": score.mitigation,
        "dismissed": dismissed,
        "indicators": [
            {"id": i.id, "title": catalogue()[i.id].title, "score": i.score, "findings": i.findings,
             "member_states": list(i.member_states)}
            for i in score.indicators
        ],
        "findings": [_finding(f, triage) for f in sorted(channel.findings, key=sort_key)],
    }
