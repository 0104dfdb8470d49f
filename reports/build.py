"""report.json, the source of truth every other format is rendered from: an assessment (detectors/assessment.py)
written out, with the scan's facts around it.

Deterministic: keys sorted when written, channels by id, findings by a stable key, times in UTC with a Z. Two
reports of the same captures differ only in their timestamps (and the scan id derived from them).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from detectors.assessment import Assessment, ChannelAssessment
from detectors.catalogue import catalogue
from detectors.model import TriageStatus

SCHEMA = "footprint.report/2"  # format 2: a fact seen on many pages of a channel is one finding (pages, seen_on)
FORMAT_1 = "footprint.report/1"  # one finding per page; still read by diff and --since-last (reports/upgrade.py)
READABLE_FORMATS = (FORMAT_1, SCHEMA)
# The libraries whose data or models decide findings: their versions are in every report (tool.libraries), and
# constraints.txt pins them (a test keeps the two lists equal).
JUDGING_LIBRARIES = ("babel", "charset-normalizer", "numpy", "phonenumbers", "py3langid", "pycountry", "selectolax",
                     "tldextract", "w3lib")
NOT_LEGAL_ADVICE = (
    "This report lists observable marketing signals and scores them against the indicators of MiCA Art. 61 and "
    "ESMA's reverse-solicitation guidelines (ESMA35-1872330276-2030). It is not legal advice and not a legal "
    "determination; a qualified person must review the evidence."
)


LIMIT_NAMES = {"max_pages": "page budget", "max_depth": "depth limit"}


def crawl_limit_text(limit: dict) -> str:
    """One of a channel's `crawl_limits` in words, the same in every rendering."""
    n = limit["unvisited"]
    count = str(n) if limit["unvisited_exact"] else f"at least {n}"
    return (f"stopped by the {LIMIT_NAMES[limit['limit']]} ({limit['limit']} {limit['value']}): {count} "
            f"URL{'' if n == 1 else 's'} of the site left unvisited")


def tool_version() -> str:
    try:
        return version("footprint")
    except PackageNotFoundError:
        return "0+unknown"


@cache
def library_versions() -> dict[str, str]:
    found = {}
    for name in JUDGING_LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def scan_id(firm_slug: str, started_at: str, nonce: str = "") -> str:
    """A scan's id: derived from the firm and start time, plus a nonce recorded in the scan's archive (two scans
    of one firm may start within the same second; `footprint analyze` reads the nonce back, so ids match)."""
    key = f"{firm_slug}\x1f{started_at}" + (f"\x1f{nonce}" if nonce else "")
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def build_report(
    assessment: Assessment,
    *,
    firm: dict,
    started_at: str,
    finished_at: str,
    visitors: list[str],
    config: dict,
    provenance: dict | None = None,
    triage: dict[str, dict] | None = None,
    scan_nonce: str = "",
    crawl_limits: list[dict] | None = None,
) -> dict:
    """report.json for an assessment. `triage`: reviewers' decisions by finding id ({status, reason, by, at}),
    shown on the findings they concern (the assessment has already left dismissed ones out of every score).
    `crawl_limits`: where the page budget or the depth limit left URLs unvisited ({channel, limit, value,
    unvisited, unvisited_exact}), said on each channel."""
    triage = triage or {}
    verdict = assessment.verdict
    errors = sorted(
        ({"channel": c.channel.id, "url": e.get("url", ""), "error": e.get("error", "")}
         for c in assessment.channels for e in c.channel.errors),
        key=lambda e: (e["channel"], e["url"], e["error"]),
    )
    report = {
        "schema": SCHEMA,
        "tool": {"name": "footprint", "version": tool_version(), "catalogue_version": assessment.catalogue_version,
                 "libraries": library_versions()},
        "notice": NOT_LEGAL_ADVICE,
        "scan": {"id": scan_id(firm.get("slug", ""), started_at, scan_nonce), "started_at": started_at,
                 "finished_at": finished_at, "visitors": list(visitors), "config": config},
        "firm": firm,
        "verdict": {"level": verdict.level, "score": verdict.score, "complete": verdict.complete,
                    "summary": verdict.summary},
        "member_states": {s: {"score": v.score, "indicators": v.indicators, "channels": v.channels}
                          for s, v in assessment.member_states.items()},
        "channels": [_channel(c, triage, crawl_limits or []) for c in assessment.channels],
        "errors": errors,
    }
    if provenance is not None:
        report["provenance"] = {**provenance, "catalogue_version": assessment.catalogue_version}
    return report


_DECODED_BY = {"bom": "by its byte order mark", "header": "as the Content-Type header declared",
               "meta": "as its <meta> declared", "utf-8": "undeclared, valid UTF-8",
               "detected": "undeclared, guessed by a detector", "default": "undeclared, the detector could not tell"}


def page_note(note: dict) -> str:
    """A page note (see ChannelResult.page_notes) as one sentence: how the page was read, what was cut."""
    text = f"read as {note['encoding']} ({_DECODED_BY.get(note['decoded_by'], note['decoded_by'])})"
    if note["truncated"]:
        text += f"; truncated ({note['truncated']}), judged on the part read"
    return text


def _finding(finding, triage: dict[str, dict]) -> dict:
    data = finding.to_dict()
    decision = triage.get(data["id"])
    if decision and decision.get("status") in (TriageStatus.CONFIRMED, TriageStatus.DISMISSED):
        data["triage"] = {k: decision[k] for k in ("status", "reason", "by", "at")}
    return data


def _channel(assessed: ChannelAssessment, triage: dict[str, dict], crawl_limits: list[dict]) -> dict:
    channel, score = assessed.channel, assessed.score
    limits = sorted(({k: v for k, v in limit.items() if k != "channel"} for limit in crawl_limits
                     if limit.get("channel") == channel.id), key=lambda limit: limit["limit"])
    return {
        "id": channel.id,
        "kind": str(channel.kind),
        "target": channel.target,
        "status": str(channel.status),
        "reason": channel.reason,
        "discovered": channel.discovered,
        "pages": {"fetched": channel.pages_fetched, "failed": channel.pages_failed},
        "rendered_pages": list(channel.rendered),
        "checked_pages": list(channel.checked),
        "crawl_limits": limits,
        **({"page_notes": [dict(n) for n in channel.page_notes]} if channel.page_notes else {}),
        "geoblock": dict(sorted(channel.geoblock.items())),
        "score": score.score,
        "level": score.level,
        "mitigation": score.mitigation,
        "dismissed": assessed.dismissed,
        "indicators": [
            {"id": i.id, "title": catalogue()[i.id].title, "score": i.score, "findings": i.findings,
             "member_states": list(i.member_states)}
            for i in score.indicators
        ],
        "findings": [_finding(f, triage) for f in channel.findings],
    }
