"""The member-state bar chart of the HTML report: inline SVG drawn by the template from these rows (no script, no
network, prints as it shows). States with the same score from the same indicators are one bar ("15 states"), so
the chart stays short; the table under it names every one."""

from __future__ import annotations

from dataclasses import dataclass

from detectors.catalogue import catalogue

from reports.words import country_name

GROUP_FROM = 3  # this many states with the same score and indicators become one bar
BAR_HEIGHT = 20
BAR_GAP = 6
LABEL_WIDTH = 190  # the state's name, left of its bar
BAR_WIDTH = 300  # a score of 100
SCORE_WIDTH = 40


@dataclass(frozen=True)
class Bar:
    label: str
    codes: tuple[str, ...]
    score: int
    level: str
    indicators: tuple[str, ...]
    y: int
    width: int  # the bar's length for its score

    @property
    def names(self) -> str:
        return ", ".join(country_name(c) for c in self.codes)


def bars(states: list[tuple[str, dict]]) -> list[Bar]:
    """Bars in the order given (strongest first), identical states grouped where the first of them stands."""
    groups: dict[tuple, list[str]] = {}
    for code, s in states:
        if code != "EU":  # the Union as a whole is never one of "n states"
            groups.setdefault((s["score"], tuple(s["indicators"])), []).append(code)
    rows, done = [], set()
    for code, s in states:
        key = (s["score"], tuple(s["indicators"]))
        if key in done:
            continue
        codes = groups[key] if code != "EU" and len(groups[key]) >= GROUP_FROM else [code]
        if len(codes) > 1:
            done.add(key)
        label = f"{len(codes)} states" if len(codes) > 1 else country_name(code)
        rows.append((label, tuple(codes), s))
    level_for = catalogue().scoring.level_for
    return [Bar(label, codes, s["score"], level_for(s["score"]), tuple(s["indicators"]),
                i * (BAR_HEIGHT + BAR_GAP), round(BAR_WIDTH * s["score"] / 100))
            for i, (label, codes, s) in enumerate(rows)]


def chart_height(rows: list[Bar]) -> int:
    return len(rows) * (BAR_HEIGHT + BAR_GAP)


def chart_width() -> int:
    return LABEL_WIDTH + BAR_WIDTH + SCORE_WIDTH


def level_thresholds() -> list[tuple[str, int]]:
    """('high', 60), ('medium', 30), ('low', 1): the legend's lines, from the catalogue."""
    levels = catalogue().scoring.levels
    return sorted(((name, int(v)) for name, v in levels.items()), key=lambda kv: -kv[1])
