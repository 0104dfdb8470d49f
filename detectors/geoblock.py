"""GEOBLOCK: EU visitors refused (HTTP 403/451, a block page, a redirect to a region page).

A refusal exists only by comparison: a 451 page says nothing until the non-EU baseline visitor was served the same
URL, so this indicator looks at a channel's visitor views (detectors/geo.py), never at one document.

It weighs nothing (strength "mitigating"). Per EU visitor state refused anywhere, a verdict: "verified" when every
page that visitor fetched was refused and no finding of the channel names that state or the EU (a German bonus
page still reachable is EU-directed promotion, whatever the block); "not-credited" when refused but such findings
exist; "partial" when only some of its pages were refused. Only "verified" from every EU vantage point may lower a
score (scoring.apply_geoblock).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from detectors.context import Context
from detectors.geo import VisitorViews, looks_blocked, served, visitor_states
from detectors.geography import UNION
from detectors.model import Finding, Scope
from detectors.urls import normalise_url

INDICATOR = "GEOBLOCK"
SCOPE = Scope.VISITORS
# Findings that show no EU-directed content: a refusal, a disclaimer, markers that weigh nothing.
_NOT_DIRECTED = frozenset({INDICATOR, "DISCLAIMER"})
_NO_WEIGHT = frozenset({"marker", "mitigating"})


def detect(views: VisitorViews, ctx: Context) -> list[Finding]:
    found = []
    for seen in views.comparisons():
        if seen.refusal:
            r = seen.refusal
            finding = ctx.finding(seen.eu, INDICATOR, value=r.value, snippet=r.snippet, locator=r.locator,
                                  member_states=visitor_states(seen.state, ctx), confidence=r.confidence,
                                  strength="mitigating")
            found.append(replace(finding, url=r.url, visitors=(seen.state,)))
    return found


def verdicts(views: VisitorViews, channel_findings: Iterable[Finding]) -> dict[str, str]:
    """The geo-block verdict of each EU visitor state that was refused somewhere. `channel_findings`: every
    finding of the channel, visitor-scope ones included; those of refused pages are left out (a block page in
    German is the refusal, not a promotion)."""
    counts: dict[str, list[int]] = {}  # state -> [pages refused, pages served]
    refused: set[tuple[str, str]] = set()
    for seen in views.comparisons():
        tally = counts.setdefault(seen.state, [0, 0])
        if seen.refusal:
            tally[0] += 1
            refused.add((normalise_url(seen.eu.url), seen.eu.body_sha256))
        elif served(seen.eu) and not looks_blocked(seen.eu):
            tally[1] += 1
    refused_states = sorted(state for state, (count, _) in counts.items() if count)
    if not refused_states:
        return {}
    directed = [f for f in channel_findings
                if (normalise_url(f.url), f.body_sha256) not in refused and is_directed(f)]
    out = {}
    for state in refused_states:
        if any(state in f.member_states or UNION in f.member_states for f in directed):
            out[state] = "not-credited"
        elif counts[state][1]:
            out[state] = "partial"
        else:
            out[state] = "verified"
    return out


def is_directed(f: Finding) -> bool:
    """Evidence of content directed at a member state (or the EU): what keeps a geo-block from being credited."""
    return f.indicator not in _NOT_DIRECTED and f.strength not in _NO_WEIGHT and bool(f.member_states)
