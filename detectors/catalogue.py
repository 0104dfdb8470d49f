"""The indicator catalogue (data/catalogue.yaml): ids, legal references, strengths, weights, scoring settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from detectors.data_files import DataFileError, check_keys, load, string_list
from detectors.model import LEVELS

FILE = "catalogue.yaml"
CHANNEL_KINDS = ("website", "app", "social", "affiliate", "export")
STATUSES = ("active", "planned")


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


def _number(entry: str, value, low: float = 0.0, high: float = 1.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise DataFileError(FILE, entry, f"a number between {low} and {high}, got {value!r}")
    return float(value)


@cache
def catalogue() -> Catalogue:
    data = load(FILE)
    check_keys(FILE, "(top)", data, {"version", "scoring", "indicators"})
    sc = data["scoring"]
    check_keys(FILE, "scoring", sc, {"strengths", "untargeted_factor", "levels", "geoblock_factor"})
    strengths = {k: _number(f"scoring.strengths.{k}", v) for k, v in sc["strengths"].items()}
    check_keys(FILE, "scoring.strengths", strengths, {"strong", "medium", "weak", "marker", "mitigating"})
    if strengths["mitigating"] != 0.0:  # a geo-block lowers a score only through geoblock_factor, never adds to it
        raise DataFileError(FILE, "scoring.strengths.mitigating", "0.0")
    check_keys(FILE, "scoring.levels", sc["levels"], set(LEVELS[1:]))
    levels = {k: _number(f"scoring.levels.{k}", v, 0, 100) for k, v in sc["levels"].items()}
    if not levels["low"] < levels["medium"] < levels["high"]:
        raise DataFileError(FILE, "scoring.levels", "increasing thresholds low < medium < high")
    scoring = Scoring(strengths, _number("scoring.untargeted_factor", sc["untargeted_factor"]), levels,
                      _number("scoring.geoblock_factor", sc["geoblock_factor"]))

    indicators: dict[str, Indicator] = {}
    if not isinstance(data["indicators"], list) or not data["indicators"]:
        raise DataFileError(FILE, "indicators", "a non-empty list")
    for n, raw in enumerate(data["indicators"]):
        where = f"indicators[{n}] ({raw.get('id', '?') if isinstance(raw, dict) else '?'})"
        check_keys(FILE, where, raw, {"id", "title", "observes", "legal_ref", "strength", "weight", "channels",
                                      "status"}, {"note"})
        if raw["id"] in indicators:
            raise DataFileError(FILE, where, f"a unique id, {raw['id']!r} appears twice")
        for field in ("id", "title", "observes", "legal_ref", "strength"):
            if not isinstance(raw[field], str) or not raw[field].strip():
                raise DataFileError(FILE, f"{where}.{field}", "a non-empty string")
        channels = string_list(FILE, f"{where}.channels", raw["channels"])
        if set(channels) - set(CHANNEL_KINDS):
            raise DataFileError(FILE, f"{where}.channels", f"channel kinds among {CHANNEL_KINDS}")
        if raw["status"] not in STATUSES:
            raise DataFileError(FILE, f"{where}.status", f"one of {STATUSES}")
        indicators[raw["id"]] = Indicator(
            id=raw["id"], title=raw["title"].strip(), observes=raw["observes"].strip(),
            legal_ref=raw["legal_ref"].strip(), strength=raw["strength"].strip(),
            weight=_number(f"{where}.weight", raw["weight"]), channels=tuple(channels), status=raw["status"],
            note=str(raw.get("note", "")).strip(),
        )
    return Catalogue(str(data["version"]), scoring, indicators)
