"""AD_LANGUAGE: a campaign bids on keywords in an EU language. Search ads in Polish are bought to reach people who
search in Polish, that is people in Poland, whatever the campaign's location settings say (ESMA's means of
solicitation include SEO and geo-targeted advertising).

A campaign's keywords are read together (one keyword is too short for any identifier) by the same language
identifier the scans use (detectors/lang.py); the campaign counts when its keywords are identified, with at least
REGISTER_KEYWORD_LANGUAGE_MIN probability, as a language spoken mostly in the EU/EEA (eu.yaml's strong and medium
languages: English, spoken everywhere, points at no member state). The finding is attributed to every state where
that language is official; its clients are those of such a state who came through one of the campaigns
(`utm_campaign`), as for AD_TARGETING.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from detectors.geography import geography
from detectors.lang import text_language
from detectors.register.findings import RegisterFinding, examples
from detectors.register.records import Client, Settings

POINTING = ("strong", "medium")  # eu.yaml's language strengths that point at member states


@dataclass(frozen=True)
class AdKeyword:
    """One positive keyword of a campaign, from an ad platform's export."""

    line: int
    campaign: str
    keyword: str
    source: str  # the export's file name


def campaign_languages(keywords: Sequence[AdKeyword], min_probability: float) -> dict[str, tuple[str, float]]:
    """campaign -> (EU language, probability) for each campaign whose keywords read as one."""
    geo = geography()
    texts: dict[str, list[str]] = defaultdict(list)
    for keyword in keywords:
        texts[keyword.campaign].append(keyword.keyword)
    found = {}
    for campaign, words in sorted(texts.items()):
        identified = text_language("\n".join(sorted(set(words))))
        if identified and identified[1] >= min_probability and geo.strength_for_language(identified[0]) in POINTING:
            found[campaign] = identified
    return found


def ad_language(keywords: Sequence[AdKeyword], clients: Sequence[Client], settings: Settings,
                min_probability: float) -> list[RegisterFinding]:
    geo = geography()
    languages = campaign_languages(keywords, min_probability)
    by_state: dict[str, list[str]] = defaultdict(list)
    for campaign, (language, _) in languages.items():
        for state in geo.states_for_language(language):
            by_state[state].append(campaign)
    found = []
    for state, campaigns in sorted(by_state.items()):
        names = {c.casefold() for c in campaigns}
        hits = [(c, f"utm_campaign={c.attribution['utm_campaign']}") for c in clients
                if state in c.member_states and c.attribution.get("utm_campaign", "").casefold() in names]
        worded = ", ".join(f"{c} ({languages[c][0]}, p={languages[c][1]:.2f})" for c in campaigns)
        lines = sorted({(k.source, k.line) for k in keywords if k.campaign in campaigns})
        found.append(RegisterFinding(
            "AD_LANGUAGE", state, tuple(sorted({c.client for c, _ in hits})), examples(hits, settings.examples),
            f"{len(campaigns)} campaign(s) bid on keywords in a language of {state}: {worded}; "
            f"{len({c.client for c, _ in hits})} client(s) from {state} came through them",
            inputs=tuple({"file": source, "line": line} for source, line in lines)))
    return found
