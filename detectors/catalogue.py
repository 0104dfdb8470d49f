"""The indicator catalogue (data/catalogue.yaml): ids, legal references, strengths, weights, scoring settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from detectors.data_files import DataFileError, load
from detectors.model import LEVELS

FILE = "catalogue.yaml"


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    observes: str
    legal_ref: str
    strength: str
    weight: float
    channels: tuple[str, ...]
    status: str
    note: str = ""

    def to_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


@dataclass(frozen=True)
class Scoring:
    strengths: dict[str, float]
    untargeted_factor: float
    levels: dict[str, float]  # level -> minimum score
    geoblock_factor: float = 1.0  # channel score multiplier for a geo-block verified from every EU visitor

    def level_for(self, score: float) -> str:
        level = "none"
        for name in LEVELS[1:]:
            if score >= self.levels[name]:
                level = name
        return level


@dataclass(frozen=True)
class Catalogue:
    version: str
    scoring: Scoring
    indicators: dict[str, Indicator]

    def __getitem__(self, indicator_id: str) -> Indicator:
        return self.indicators[indicator_id]

    @property
    def active(self) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.status == "active"]


@cache
def catalogue() -> Catalogue:
    """data/catalogue.yaml, checked against schema/catalogue.schema.json; in code: ids unique, levels increasing."""
    data = load(FILE, "catalogue")
    sc = data["scoring"]
    levels = {k: float(v) for k, v in sc["levels"].items()}
    if not levels["low"] < levels["medium"] < levels["high"]:
        raise DataFileError(FILE, "scoring.levels", "increasing thresholds low < medium < high")
    scoring = Scoring({k: float(v) for k, v in sc["strengths"].items()}, float(sc["untargeted_factor"]), levels,
                      float(sc["geoblock_factor"]))
    indicators: dict[str, Indicator] = {}
    for n, raw in enumerate(data["indicators"]):
        if raw["id"] in indicators:
            raise DataFileError(FILE, f"indicators[{n}].id", f"a unique id, {raw['id']!r} appears twice")
        indicators[raw["id"]] = Indicator(
            id=raw["id"], title=raw["title"].strip(), observes=raw["observes"].strip(),
            legal_ref=raw["legal_ref"].strip(), strength=raw["strength"].strip(), weight=float(raw["weight"]),
            channels=tuple(raw["channels"]), status=raw["status"], note=raw.get("note", "").strip(),
        )
    return Catalogue(data["version"], scoring, indicators)
