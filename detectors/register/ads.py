"""AD_TARGETING: the firm's own ad settings target a member state. First-party evidence, and the strongest there
is: a campaign set to show in S is marketing aimed at S, whatever its landing page says. Each targeted EU/EEA state
is a finding of its own, naming the campaigns and the lines of the export; its clients are those of S whose first
contact carries one of those campaigns' names as `utm_campaign` (none is still a finding: the targeting is)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from detectors.geography import geography
from detectors.register.findings import RegisterFinding, examples
from detectors.register.records import Client, Settings


@dataclass(frozen=True)
class Targeting:
    """One targeted location of a campaign, from an ad platform's export."""

    line: int
    campaign: str
    country: str  # ISO 3166-1 alpha-2
    excluded: bool = False  # a negative location: the campaign is set NOT to show there
    source: str = ""  # the export's file name, when targets of several exports are judged together


def ad_targeting(targets: Sequence[Targeting], clients: Sequence[Client], settings: Settings,
                 source: str) -> list[RegisterFinding]:
    geo = geography()
    by_state: dict[str, list[Targeting]] = defaultdict(list)
    excluding: dict[str, set[str]] = defaultdict(set)
    for target in targets:
        if geo.is_member(target.country):
            if target.excluded:  # an exclusion is no targeting; named beside a targeting of the same state
                excluding[target.country].add(target.campaign)
            else:
                by_state[target.country].append(target)
    found = []
    for state, rows in sorted(by_state.items()):
        campaigns = sorted({t.campaign for t in rows}, key=str.casefold)
        names = {c.casefold() for c in campaigns}
        hits = [(c, f"utm_campaign={c.attribution['utm_campaign']}") for c in clients
                if state in c.member_states and c.attribution.get("utm_campaign", "").casefold() in names]
        excluded = sorted(excluding[state] - set(campaigns), key=str.casefold)
        found.append(RegisterFinding(
            "AD_TARGETING", state, tuple(sorted({c.client for c, _ in hits})), examples(hits, settings.examples),
            f"{len(campaigns)} campaign(s) target {state} in the ad settings ({', '.join(campaigns)}); "
            f"{len({c.client for c, _ in hits})} client(s) from {state} came through them" +
            (f"; excluded by {', '.join(excluded)}" if excluded else ""),
            inputs=tuple({"file": f, "line": n} for f, n in sorted({(t.source or source, t.line) for t in rows}))))
    return found
