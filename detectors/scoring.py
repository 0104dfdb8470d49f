"""Scores from findings: per channel, per member state, per firm. Weights and thresholds are catalogue data.

A finding contributes strength x confidence x indicator weight, times `untargeted_factor` when it names no member
state. Within an indicator the strongest finding counts (a hundred German pages are one signal, not a hundred);
across indicators contributions combine as independent evidence, 1 - prod(1 - c), so medium signals accumulate
and one strong localisation signal is enough for a high score.

Mitigation, deliberately narrow. A disclaimer never mitigates (MiCA Art. 61(1): "notwithstanding any contractual
clause or disclaimer"); it weighs nothing. A geo-block weighs nothing either (strength "mitigating" = 0.0) and
lowers a score only through `apply_geoblock`: the channel score is multiplied by the catalogue's
`geoblock_factor` when the block is verified from EVERY EU visitor profile, that is each one was refused on every
page it fetched and no finding of the channel names its state or the EU (no EU-directed promotion remains;
detectors/geo.py). A block seen from some vantage points only, or next to a German bonus page still served, is
reported and not credited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from detectors.catalogue import Catalogue
from detectors.model import ChannelResult, ChannelStatus, Finding, rated


@dataclass(frozen=True)
class IndicatorScore:
    id: str
    score: float  # 0..1 contribution
    findings: int
    member_states: tuple[str, ...]


@dataclass(frozen=True)
class ChannelScore:
    score: int | None
    level: str | None
    indicators: tuple[IndicatorScore, ...]
    mitigation: str = ""  # why the score was lowered (a verified geo-block), "" when it was not


@dataclass
class MemberStateScore:
    score: int
    indicators: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)


def contribution(f: Finding, cat: Catalogue) -> float:
    return contribution_of(cat, f.indicator, f.strength, f.confidence, bool(f.member_states))


def contribution_of(cat: Catalogue, indicator: str, strength: str, confidence: float, targeted: bool) -> float:
    """What one finding adds to its indicator's score: its strength's weight times its confidence times the
    indicator's weight, less when it points at no member state."""
    base = cat.scoring.strengths.get(strength, 0.0) * confidence * cat[indicator].weight
    return base if targeted else base * cat.scoring.untargeted_factor


def _combine(contributions) -> float:
    remaining = 1.0
    for c in contributions:
        remaining *= 1.0 - min(max(c, 0.0), 1.0)
    return 1.0 - remaining


def score_channel(channel: ChannelResult, cat: Catalogue) -> ChannelScore:
    by_indicator: dict[str, list[Finding]] = {}
    for f in channel.findings:
        by_indicator.setdefault(f.indicator, []).append(f)
    indicators = tuple(
        IndicatorScore(
            id=ind,
            score=round(max(contribution(f, cat) for f in fs), 3),
            findings=len(fs),
            member_states=tuple(sorted({s for f in fs for s in f.member_states})),
        )
        for ind, fs in sorted(by_indicator.items())
    )
    if not rated(channel.status):
        return ChannelScore(None, None, indicators)
    score = round(100 * _combine(i.score for i in indicators))
    return ChannelScore(score, cat.scoring.level_for(score), indicators)


def apply_geoblock(
    score: ChannelScore, verdicts: dict[str, str], cat: Catalogue, eu_visitors: Iterable[str] | None = None
) -> ChannelScore:
    """The channel score times `geoblock_factor` when the geo-block is "verified" for every EU visitor state, else
    the score unchanged. `eu_visitors`: the scan's EU visitor profiles; pass them, since `verdicts` (from
    detectors.geo.analyze_visitors) lists only the states that were refused somewhere, so an EU visitor that was
    never refused is missing from it. Without them, the states of `verdicts` stand for all EU visitors."""
    states = sorted(set(eu_visitors) if eu_visitors is not None else set(verdicts))
    if score.score is None or not states or any(verdicts.get(s) != "verified" for s in states):
        return score
    lowered = round(score.score * cat.scoring.geoblock_factor)
    why = (f"geo-block verified from {', '.join(states)} (refused on every page, no EU-directed content left): "
           f"score x{cat.scoring.geoblock_factor:g}")
    return replace(score, score=lowered, level=cat.scoring.level_for(lowered), mitigation=why)


def score_member_states(channels: list[ChannelResult], cat: Catalogue) -> dict[str, MemberStateScore]:
    """Which member states the firm targets, how strongly, and through which indicators and channels. A geo-block
    names the state it refuses, not one it targets: it is left out."""
    best: dict[str, dict[str, float]] = {}
    seen_in: dict[str, set[str]] = {}
    for channel in channels:
        for f in channel.findings:
            if f.strength == "mitigating":
                continue
            c = cat.scoring.strengths.get(f.strength, 0.0) * f.confidence * cat[f.indicator].weight
            for state in f.member_states:
                per = best.setdefault(state, {})
                per[f.indicator] = max(per.get(f.indicator, 0.0), c)
                seen_in.setdefault(state, set()).add(channel.id)
    return {
        state: MemberStateScore(
            score=round(100 * _combine(per.values())),
            indicators=sorted(per),
            channels=sorted(seen_in[state]),
        )
        for state, per in sorted(best.items())
    }


@dataclass(frozen=True)
class Verdict:
    level: str  # none | low | medium | high | not-assessed
    score: int | None
    complete: bool
    summary: str


def firm_verdict(channels: list[ChannelResult], scores: dict[str, ChannelScore], states: dict,
                 firm_score: int | None = None) -> Verdict:
    """The firm's level is its highest-scoring channel's; its score is that channel's unless `firm_score` (the
    score placed by the evidence of all channels, detectors/ranking.py) is given."""
    rated_channels = [c for c in channels if rated(c.status)]
    unrated = [c for c in channels if not rated(c.status)]
    partial = [c for c in channels if c.status == ChannelStatus.PARTIAL]
    complete = not unrated and not partial
    if not rated_channels:
        reasons = "; ".join(f"{c.id}: {c.status} ({c.reason})" for c in unrated) or "no channels"
        return Verdict(ChannelStatus.NOT_ASSESSED, None, False,
                       f"NOT ASSESSED: no channel could be assessed ({reasons}). This is not a low-risk result.")
    top = max(rated_channels, key=lambda c: (scores[c.id].score or 0, c.id))
    level = scores[top.id].level or "none"
    score = scores[top.id].score if firm_score is None else firm_score
    parts = [f"Solicitation risk {level.upper()} (score {score}/100, highest on {top.id})."]
    if states:
        strongest = sorted(states.items(), key=lambda kv: (-kv[1].score, kv[0]))[:8]
        parts.append("Member states targeted: " + ", ".join(f"{s} ({v.score})" for s, v in strongest) + ".")
    disclaimers = sum(1 for c in channels for f in c.findings if f.indicator == "DISCLAIMER")
    if disclaimers:
        parts.append(f"{disclaimers} disclaimer(s) found; under MiCA Art. 61(1) disclaimers do not cure "
                     "solicitation and are not counted in the firm's favour.")
    mitigated = sorted(c.id for c in rated_channels if scores[c.id].mitigation)
    blocked = sorted(c.id for c in channels if c.id not in mitigated
                     and any(f.indicator == "GEOBLOCK" for f in c.findings))
    if mitigated:
        parts.append(f"Geo-block verified from every EU visitor profile on {', '.join(mitigated)}: score lowered.")
    if blocked:
        parts.append(f"EU visitors were refused on {', '.join(blocked)}, but the geo-block is not credited (not "
                     "verified from every EU vantage point, or EU-directed content remains).")
    if not complete:
        missing = ", ".join(f"{c.id} ({c.status})" for c in unrated + partial)
        parts.append(f"INCOMPLETE PICTURE: {missing}.")
    return Verdict(level, score, complete, " ".join(parts))
