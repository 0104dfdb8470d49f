"""Scores that rank firms: the level is the band, the evidence mass places the score inside it.

scoring.py decides the level exactly as before: 100 * (1 - prod(1 - c)) over indicators against the catalogue's
thresholds. That combination saturates by design (one strong localisation signal is enough for a high level), so
most firms that target the Union came out at 100/100 and a supervisor could not order them. Here the level keeps
its band of scores (high: 60-100, medium: 30-59, low: 1-29, none: 0) and the position inside the band grows with
how much evidence there is, without ever reaching the band's top (so no two firms tie at 100 by saturation):

- strength: the best contribution of each indicator, summed (not combined), so every independent indicator
  family adds and a strong one adds more than a weak one;
- specificity: the same, counting only findings that name one or two member states (a country phone line, a
  Polish page; not an English bonus or a signal naming a whole group);
- breadth: member states, each weighted by how specifically it was named (1 / the number of states the finding
  names, its best finding counting), so a German-language page (DE AT BE LU LI) adds one state's worth, and a
  group signal (EUR, SEPA, `.eu`, reported as "EU") adds nothing;
- channels: every further channel that carries targeted evidence;
- volume: how many targeted sightings there are (each finding counted once per page it was seen on: a merged
  finding, detectors/merge.py, counts its pages), with fast-diminishing returns (log), so that a signal repeated
  across a site weighs a little more than one seen once.

A channel whose geo-block was verified from every EU visitor (scoring.apply_geoblock) has its mass lowered by the
same factor as its level score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from detectors.catalogue import Catalogue
from detectors.model import LEVELS, ChannelResult, Finding
from detectors.scoring import ChannelScore, contribution

# Weights of the parts of the mass beside strength (itself about 0.1-0.7 per indicator family) and the mass at
# which a firm sits at 63 % of the high band (1 - 1/e); lower bands take a proportionally smaller scale (their
# threshold over the high one), as less evidence is needed to reach them. Chosen so that the generated batch's
# firms, from a single localised page to three languages with bonus, phone and redirects, spread over the band.
SPECIFICITY_WEIGHT = 0.5
STATE_WEIGHT = 0.8
CHANNEL_WEIGHT = 0.6
VOLUME_WEIGHT = 0.5
MASS_SCALE = 14.0
GROUPS = frozenset({"EU", "EEA", "EA", "EUROZONE"})  # what a finding may name that is not one member state


@dataclass(frozen=True)
class EvidenceMass:
    strength: float
    specificity: float
    breadth: float
    channels: int
    volume: int = 0

    @property
    def total(self) -> float:
        return (self.strength + SPECIFICITY_WEIGHT * self.specificity + STATE_WEIGHT * self.breadth
                + CHANNEL_WEIGHT * max(self.channels - 1, 0) + VOLUME_WEIGHT * math.log1p(self.volume))


def _states(f: Finding) -> tuple[str, ...]:
    return tuple(s for s in f.member_states if s.upper() not in GROUPS)


def evidence_mass(channels: Iterable[ChannelResult], cat: Catalogue,
                  factors: Mapping[str, float] | None = None) -> EvidenceMass:
    """The evidence of these channels' findings (dismissed ones already left out); `factors`: per channel id, a
    multiplier (a verified geo-block's factor), 1 when absent."""
    factors = factors or {}
    best: dict[str, float] = {}
    specific: dict[str, float] = {}
    state_weight: dict[str, float] = {}
    carrying = set()
    volume = 0
    for channel in channels:
        factor = factors.get(channel.id, 1.0)
        for f in channel.findings:
            c = contribution(f, cat) * factor
            if c <= 0:
                continue
            best[f.indicator] = max(best.get(f.indicator, 0.0), c)
            states = _states(f)
            if states:
                carrying.add(channel.id)
                volume += f.pages
            if 1 <= len(states) <= 2:
                specific[f.indicator] = max(specific.get(f.indicator, 0.0), c)
            for state in states:
                state_weight[state] = max(state_weight.get(state, 0.0), factor / len(states))
    return EvidenceMass(strength=sum(best.values()), specificity=sum(specific.values()),
                        breadth=sum(state_weight.values()), channels=len(carrying), volume=volume)


def band(level: str, cat: Catalogue) -> tuple[int, int]:
    """The lowest and highest score of a level: its threshold up to the next one's, 100 for the top level."""
    if level not in LEVELS or level == "none":
        return 0, 0
    thresholds = [math.ceil(cat.scoring.levels[name]) for name in LEVELS[1:]]
    at = LEVELS.index(level) - 1
    return thresholds[at], (thresholds[at + 1] - 1 if at + 1 < len(thresholds) else 100)


def position(level: str, mass: EvidenceMass, cat: Catalogue) -> int:
    """The score of evidence `mass` inside the band of `level`: the band's bottom for no mass, approaching its top
    as the mass grows (never reaching 100: saturation is what this replaces)."""
    low, high = band(level, cat)
    if high == low:
        return low
    scale = MASS_SCALE * low / band(LEVELS[-1], cat)[0]
    share = 1.0 - math.exp(-max(mass.total, 0.0) / scale)
    return min(high - 1 if high == 100 else high, low + math.floor((high - low + 1) * share))


def ranked_channel(score: ChannelScore, channel: ChannelResult, cat: Catalogue) -> ChannelScore:
    """The channel's score placed in its level's band by its evidence; the level unchanged."""
    if score.score is None or score.level is None:
        return score
    factor = cat.scoring.geoblock_factor if score.mitigation else 1.0
    mass = evidence_mass([channel], cat, {channel.id: factor})
    return replace(score, score=position(score.level, mass, cat))


def firm_score(level: str, channels: Iterable[ChannelResult], scores: Mapping[str, ChannelScore],
               cat: Catalogue) -> int | None:
    """The firm's score: its level's band, placed by the evidence of every rated channel together."""
    rated_channels = [c for c in channels if scores[c.id].score is not None]
    if not rated_channels:
        return None
    factors = {c.id: cat.scoring.geoblock_factor for c in rated_channels if scores[c.id].mitigation}
    return position(level, evidence_mass(rated_channels, cat, factors), cat)
