"""FIRST_PARTY_AUDIENCE: the firm's own figures put an audience in a member state. Installs (Play Console), units
sold (App Store Connect), search clicks and impressions (Search Console) and subscribers of its campaign tools
(Mailchimp, OneSignal, Braze), summed per EU/EEA state and attributed to it with the counts.

The figures are the firm's, not footprint's reading of a page: a firm that reports installs from S in its own
console knows it has users in S. Aggregates name no client, so the finding is joined to the register by date:
its clients are those of S onboarded within the dated span of the rows behind it (none when the export carries
no dates, as Search Console's country table does not). It never flags a client on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from detectors.geography import geography
from detectors.register.findings import RegisterFinding, examples
from detectors.register.records import Client, Settings

INPUT_LINES = 20  # lines of each file named under a finding's inputs (the counts cover them all)


@dataclass(frozen=True)
class CountryCount:
    """One row of a first-party export: how many of what came from a country, on a day when the row says."""

    line: int
    source: str  # the export's file name
    platform: str  # "Play Console", "App Store Connect", ...
    country: str  # ISO 3166-1 alpha-2
    counts: tuple[tuple[str, float], ...]  # (measure, how many): ("installs", 12), ("search clicks", 3), ...
    day: date | None = None


def audience_findings(counts: Sequence[CountryCount], clients: Sequence[Client],
                      settings: Settings) -> list[RegisterFinding]:
    geo = geography()
    by_state: dict[str, list[CountryCount]] = defaultdict(list)
    for row in counts:
        if geo.is_member(row.country) and any(n > 0 for _, n in row.counts):
            by_state[row.country].append(row)
    found = []
    for state, rows in sorted(by_state.items()):
        totals: dict[tuple[str, str], float] = defaultdict(float)
        for row in rows:
            for measure, n in row.counts:
                totals[(row.platform, measure)] += n
        days = sorted(row.day for row in rows if row.day is not None)
        span = (days[0], days[-1]) if days else None
        hits = [(c, f"onboarded {c.onboarded_at.date().isoformat()}, within the export's dates")
                for c in clients if span and state in c.member_states
                and span[0] <= c.onboarded_at.date() < span[1] + timedelta(days=1)]
        figures = "; ".join(f"{platform}: {_number(n)} {measure}" for (platform, measure), n in sorted(totals.items()))
        dated = f" from {span[0].isoformat()} to {span[1].isoformat()}" if span else " (undated)"
        found.append(RegisterFinding(
            "FIRST_PARTY_AUDIENCE", state, tuple(sorted({c.client for c, _ in hits})),
            examples(hits, settings.examples),
            f"the firm's own figures for {state}{dated}: {figures}; {len(hits)} client(s) from {state} onboarded "
            "in that span", inputs=_inputs(rows)))
    return found


def _inputs(rows: list[CountryCount]) -> tuple[dict, ...]:
    lines: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        lines[row.source].append(row.line)
    return tuple({"file": source, "line": n} for source, ns in sorted(lines.items())
                 for n in sorted(set(ns))[:INPUT_LINES])


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
