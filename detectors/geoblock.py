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

from collections.abc import Iterable, Mapping
from dataclasses import replace

from detectors.context import Context
from detectors.geo import VisitorViews, is_directed, visitor_states
from detectors.geography import UNION
from detectors.model import Finding, Scope
from detectors.urls import normalise_url

INDICATOR = "GEOBLOCK"
SCOPE = Scope.VISITORS


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


def verdicts(views: VisitorViews, page_states: Mapping[tuple[str, str], frozenset[str]],
             visitor_findings: Iterable[Finding]) -> dict[str, str]:
    """The geo-block verdict of each EU visitor state that was refused somewhere. `page_states`: per page of the
    channel (normalised URL, body hash), the states its own directed findings name (`directed_states`);
    `visitor_findings`: the channel's visitor-scope findings. Refused pages are left out (a block page in German
    is the refusal, not a promotion)."""
    counts: dict[str, list[int]] = {}  # state -> [pages refused, pages served]
    refused: set[tuple[str, str]] = set()
    for seen in views.comparisons():
        tally = counts.setdefault(seen.state, [0, 0])
        if seen.refusal:
            tally[0] += 1
            refused.add((normalise_url(seen.eu.url), seen.eu.body_sha256))
        elif seen.eu.served and not seen.eu.blocked:
            tally[1] += 1
    refused_states = sorted(state for state, (count, _) in counts.items() if count)
    if not refused_states:
        return {}
    named: set[str] = set()
    for page, states in page_states.items():
        if page not in refused:
            named |= states
    for f in visitor_findings:
        if (normalise_url(f.url), f.body_sha256) not in refused:
            named |= directed_states([f])
    out = {}
    for state in refused_states:
        if state in named or UNION in named:
            out[state] = "not-credited"
        elif counts[state][1]:
            out[state] = "partial"
        else:
            out[state] = "verified"
    return out


def directed_states(findings: Iterable[Finding]) -> frozenset[str]:
    """The member states (or the EU) that these findings direct content at."""
    return frozenset(s for f in findings if is_directed(f) for s in f.member_states)
