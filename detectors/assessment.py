"""A firm's assessment: its judged channels scored, per channel, per member state and as a verdict, with
reviewers' triage decisions applied. What reports/ serialises; nothing is decided there.

Levels are decided in scoring.py; the scores shown are placed inside each level's band by the evidence's mass
(ranking.py), so firms at the same level can be told apart. A finding dismissed in triage stays listed (reports
mark it) and is left out of every score: channel, member state, firm. A verified geo-block from
every EU vantage point lowers a channel's score; nothing else does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from detectors.catalogue import Catalogue, catalogue
from detectors.geography import geography
from detectors.model import ChannelResult, TriageStatus, sort_key
from detectors.ranking import firm_score, ranked_channel
from detectors.scoring import (
    ChannelScore,
    MemberStateScore,
    Verdict,
    apply_geoblock,
    firm_verdict,
    score_channel,
    score_member_states,
)


@dataclass(frozen=True)
class ChannelAssessment:
    channel: ChannelResult  # every finding, dismissed ones included, in report order
    score: ChannelScore
    dismissed: int  # findings left out of the score by triage


@dataclass(frozen=True)
class Assessment:
    channels: tuple[ChannelAssessment, ...]  # by channel id
    member_states: dict[str, MemberStateScore]
    verdict: Verdict
    catalogue_version: str


def assess(channels: list[ChannelResult], visitors: list[str], triage: dict[str, dict] | None = None) -> Assessment:
    """`visitors`: the scan's visitor profiles (country codes); `triage`: reviewers' decisions by finding id
    ({status, reason, by, at})."""
    cat = catalogue()
    triage = triage or {}
    ordered = sorted(channels, key=lambda c: c.id)
    counted = {c.id: _without_dismissed(c, triage) for c in ordered}
    eu_visitors = [v for v in visitors if geography().is_member(v)]
    levelled = {c.id: _geoblocked(score_channel(counted[c.id], cat), c, cat, eu_visitors) for c in ordered}
    scores = {c.id: ranked_channel(levelled[c.id], counted[c.id], cat) for c in ordered}
    states = score_member_states([counted[c.id] for c in ordered if scores[c.id].score is not None], cat)
    verdict = firm_verdict(list(counted.values()), scores, states)
    if verdict.score is not None:
        ranked = firm_score(verdict.level, counted.values(), scores, cat)
        verdict = firm_verdict(list(counted.values()), scores, states, firm_score=ranked)
    dismissed = {c.id: len(c.findings) - len(counted[c.id].findings) for c in ordered}
    if sum(dismissed.values()):
        verdict = replace(verdict, summary=verdict.summary + (
            f" {sum(dismissed.values())} finding(s) dismissed in triage are listed in the report but not counted "
            "in any score."))
    return Assessment(
        channels=tuple(ChannelAssessment(replace(c, findings=sorted(c.findings, key=sort_key)), scores[c.id],
                                         dismissed[c.id]) for c in ordered),
        member_states=states, verdict=verdict, catalogue_version=cat.version)


def _geoblocked(score: ChannelScore, channel: ChannelResult, cat: Catalogue, eu_visitors: list[str]) -> ChannelScore:
    if not channel.geoblock:
        return score
    return apply_geoblock(score, channel.geoblock, cat, eu_visitors)


def _without_dismissed(channel: ChannelResult, triage: dict[str, dict]) -> ChannelResult:
    if not triage:
        return channel
    kept = [f for f in channel.findings if triage.get(f.id, {}).get("status") != TriageStatus.DISMISSED]
    return channel if len(kept) == len(channel.findings) else replace(channel, findings=kept)
