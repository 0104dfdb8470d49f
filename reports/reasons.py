"""The verdict's strongest reasons in words, each with what to fix: "German-language page with a sign-up bonus or
incentive and a referral code or affiliate link on nordwind-exchange.com/de/bonus".

A reason is one page (or item) of a rated channel, with the indicators found on it. Pages are ordered by the
strength, confidence and targeting the findings already carry: an order for reading, not a score (the levels and
scores are decided in detectors/). The words come from reports/data/reasons.yaml, never from code per firm.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from detectors.inputs import parse_yaml, schema, validated
from detectors.model import rated

from reports.words import country_name, language_name, short_url

MAX_REASONS = 5
MAX_PHRASES = 3  # indicators named in one reason; the page's others are in its evidence
MAX_FIXES = 2
STRENGTH_RANK = {"strong": 3, "medium": 2, "weak": 1}  # marker and mitigating findings are no reason
UNTARGETED = 0.5  # a finding naming no member state weighs this much of one that does
VALUE_CHARS = 40


@dataclass(frozen=True)
class Reason:
    text: str
    fixes: tuple[str, ...]
    channel: str
    anchor: str  # the page's group in the channel's evidence


@cache
def wording() -> dict:
    """reports/data/reasons.yaml, checked against its schema."""
    source = resources.files("reports").joinpath("data").joinpath("reasons.yaml")
    data, lines = parse_yaml(source.read_text(encoding="utf-8"), "reports/data/reasons.yaml")
    return validated(data, schema("reports", "reasons"), "reports/data/reasons.yaml", lines)


def page_anchor(channel_id: str, url: str) -> str:
    return "p-" + hashlib.sha256(f"{channel_id}\x1f{url}".encode()).hexdigest()[:12]


def is_dismissed(finding: dict) -> bool:
    return finding.get("triage", {}).get("status") == "dismissed"


def weight(finding: dict) -> float:
    """How much a finding says, for ordering what is read first: strength x confidence, halved without a state."""
    if is_dismissed(finding):
        return 0.0
    rank = STRENGTH_RANK.get(finding["strength"], 0)
    return rank * finding["confidence"] * (1.0 if finding["member_states"] else UNTARGETED)


def by_indicator(findings: list[dict]) -> dict[str, list[dict]]:
    """A page's findings per indicator, strongest indicator first, each list strongest finding first (stable)."""
    groups: dict[str, list[dict]] = {}
    for f in findings:
        groups.setdefault(f["indicator"], []).append(f)
    for group in groups.values():
        group.sort(key=lambda f: -weight(f))
    return dict(sorted(groups.items(), key=lambda kv: (-weight(kv[1][0]), kv[0])))


def page_weight(findings: list[dict]) -> float:
    """A page's weight: its strongest finding of each indicator, added up (many indicators outweigh one)."""
    return sum(weight(group[0]) for group in by_indicator(findings).values())


def _phrase(template: str, finding: dict) -> str:
    value = " ".join(finding["evidence"]["value"].split())
    if len(value) > VALUE_CHARS:
        value = value[: VALUE_CHARS - 1] + "…"
    states = finding["member_states"]
    return template.format(value=value, language=language_name(finding["evidence"]["value"]),
                           state=country_name(states[0]) if states else "one member state")


def _listed(phrases: list[str]) -> str:
    return phrases[0] if len(phrases) == 1 else ", ".join(phrases[:-1]) + " and " + phrases[-1]


def describe(kind: str, url: str, findings: list[dict]) -> tuple[str, tuple[str, ...]]:
    """One page in words, and the fixes of the indicators it names."""
    words = wording()
    groups = {i: g for i, g in by_indicator(findings).items() if weight(g[0]) > 0}
    leads = [_phrase(words["indicators"][i]["leads"], g[0]) for i, g in groups.items()
             if "leads" in words["indicators"].get(i, {})][:1]
    named = [i for i in groups if i in words["indicators"] and "leads" not in words["indicators"][i]]
    named = named[:MAX_PHRASES]
    noun = words["nouns"].get(kind, "page")
    text = " ".join([*leads, noun]) if leads else noun
    if named:
        text += " with " + _listed([_phrase(words["indicators"][i]["says"], groups[i][0]) for i in named])
    text += f" on {short_url(url)}"
    led = [i for i in groups if "leads" in words["indicators"].get(i, {})][:1]
    fixes = tuple(dict.fromkeys(words["indicators"][i]["fix"] for i in named + led))[:MAX_FIXES]  # named first
    return text[0].upper() + text[1:], fixes


def strongest_reasons(report: dict, limit: int = MAX_REASONS) -> list[Reason]:
    """The strongest pages of the rated channels: first the strongest page of each channel (so one busy website
    does not fill the list), strongest first, then the next pages; ties by channel and URL."""
    candidates = []
    for channel in report["channels"]:
        if not rated(channel["status"]):
            continue
        pages: dict[str, list[dict]] = {}
        for f in channel["findings"]:
            pages.setdefault(f["url"], []).append(f)
        ranked = sorted(((page_weight(fs), url, fs) for url, fs in pages.items()), key=lambda t: (-t[0], t[1]))
        candidates += [(rank, -w, channel["id"], url, channel["kind"], fs)
                       for rank, (w, url, fs) in enumerate(ranked) if w > 0]
    reasons = []
    for _, _, channel_id, url, kind, findings in sorted(candidates, key=lambda t: t[:4])[:limit]:
        text, fixes = describe(kind, url, findings)
        reasons.append(Reason(text, fixes, channel_id, page_anchor(channel_id, url)))
    return reasons
