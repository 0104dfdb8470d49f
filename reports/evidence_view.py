"""A channel's findings as the HTML report shows them: by page, then by indicator, strongest first (new findings
first after --since-last), the first few open and the rest folded; and a snippet split around its match so the
template can mark it (the parts stay text: autoescaped, never markup).

Only the order and the folding are decided here; every finding of the report is in a group.
"""

from __future__ import annotations

from dataclasses import dataclass

from reports.reasons import by_indicator, page_anchor, page_weight

OPEN_PAGES = 1  # a channel's strongest page is open; the others are one line each until opened
SHOWN_INDICATORS = 4  # indicators of one page shown before "n more indicators"
SHOWN_PER_INDICATOR = 1  # findings of one indicator on one page shown before "n more"
MIN_MARK = 3  # a shorter value (a language code "de") is not searched for in the snippet


@dataclass(frozen=True)
class IndicatorGroup:
    indicator: str
    shown: list[dict]
    folded: list[dict]


@dataclass(frozen=True)
class PageGroup:
    url: str
    anchor: str
    open: bool
    new: int  # findings marked new by --since-last
    count: int
    indicators: list[IndicatorGroup]  # the strongest, shown
    more: list[IndicatorGroup]  # folded
    screenshots: list[tuple[str, str, str, str]]  # (path, visitor, marked crop or "", its indicator), once per page

    @property
    def indicator_ids(self) -> list[str]:
        return [g.indicator for g in self.indicators + self.more]


def page_groups(channel: dict) -> list[PageGroup]:
    """Pages with new findings first, then by weight (reports/reasons.py), then URL."""
    pages: dict[str, list[dict]] = {}
    for f in channel["findings"]:
        pages.setdefault(f["url"], []).append(f)
    order = sorted(pages, key=lambda url: (-_new(pages[url]), -page_weight(pages[url]), url))
    groups = []
    for index, url in enumerate(order):
        findings = pages[url]
        indicators = []
        for indicator, group in by_indicator(findings).items():
            group = sorted(group, key=lambda f: not f.get("new"))  # stable: new first, then by weight
            indicators.append(IndicatorGroup(indicator, group[:SHOWN_PER_INDICATOR], group[SHOWN_PER_INDICATOR:]))
        shots = sorted({(f["screenshot"], (f.get("visitors") or ["default"])[0])
                        for f in findings if f.get("screenshot")})
        in_order = [f for group in indicators for f in group.shown + group.folded]
        shots = [(path, visitor, *_first_mark(in_order, path)) for path, visitor in shots]
        groups.append(PageGroup(url, page_anchor(channel["id"], url), index < OPEN_PAGES, _new(findings),
                                len(findings), indicators[:SHOWN_INDICATORS], indicators[SHOWN_INDICATORS:], shots))
    return groups


def _first_mark(findings: list[dict], screenshot: str) -> tuple[str, str]:
    """The strongest finding's element marked on this screenshot (crawler/runs/shot_marks.py), shown instead of
    the top of the page: (its crop, its indicator), or ("", "") when none was located."""
    for f in findings:
        if f.get("screenshot") == screenshot and f.get("screenshot_mark"):
            return f["screenshot_mark"], f["indicator"]
    return "", ""


def _new(findings: list[dict]) -> int:
    return sum(1 for f in findings if f.get("new"))


def marked(snippet: str, value: str) -> tuple[str, str, str]:
    """(before, match, after): the evidence value's first occurrence in the snippet, case-insensitive; a value
    like "referral parameter ref: X" is looked for by its last part. No match: the whole snippet before."""
    folded = snippet.casefold()
    for candidate in (value, value.rsplit(": ", 1)[-1]):
        needle = candidate.strip().casefold()
        if len(needle) < MIN_MARK or len(needle) != len(candidate.strip()):
            continue  # casefold changed the length (ß -> ss): positions would not map back
        at = folded.find(needle)
        if at >= 0 and len(folded) == len(snippet):
            return snippet[:at], snippet[at: at + len(needle)], snippet[at + len(needle):]
    return snippet, "", ""
