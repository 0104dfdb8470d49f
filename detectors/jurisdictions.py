"""Jurisdiction profiles: what footprint knows of each EU/EEA member state, every field with its citation
(data/jurisdictions/<cc>.yaml, schema data/schema/jurisdiction.schema.json; `eu.yaml` holds what is true of the
Union as a whole).

A profile adds attribution and extra findings, never different weights: the indicators, their strengths and the
scoring are the same for every state (nothing verified says national authorities weigh them differently). What a
profile gives:
- the national competent authority under MiCA, the state's languages and locale tags (derived from CLDR through
  babel; a data test keeps the files equal to it), dates that matter (the end of the MiCA transitional period);
- disclosure labels for sponsored content in the state's language, with the legal reference the DISCLOSURE
  detector cites (detectors/disclosure.py);
- phrases addressed to the state's residents ("investisseurs français"): a finding quoting one is attributed to
  the state even when its indicator names no member state.
A field without a citation cannot be written (the schema requires `cite` on every field); a field that could not be
cited is simply absent, and code reading a profile treats absence as "not known", never as a default.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from detectors.data_files import DataFileError, load
from detectors.geography import geography

SCHEMA = "jurisdiction"
FOLDER = "jurisdictions"
UNION = "EU"  # the profile of the Union as a whole (eu.yaml)


@dataclass(frozen=True)
class Citation:
    source: str
    quote: str
    checked: str


@dataclass(frozen=True)
class Disclosure:
    language: str
    labels: tuple[str, ...]
    legal_ref: str


@dataclass(frozen=True)
class Profile:
    state: str
    name: str
    languages: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()
    authorities: tuple[dict, ...] = ()  # {name, short, url?}
    disclosure: Disclosure | None = None
    resident_phrases: tuple[str, ...] = ()
    dates: tuple[dict, ...] = ()  # {event, date, caveat?}
    citations: dict[str, tuple[Citation, ...]] | None = None  # field -> its citations ("dates[0]" per date)

    def citation_rows(self) -> list[dict]:
        """Every citation of the profile, one row per (field, citation), in file order: the report's annex."""
        return [{"field": name, "source": c.source, "quote": c.quote, "checked": c.checked}
                for name, cites in (self.citations or {}).items() for c in cites]


def file_of(state: str) -> str:
    return f"{FOLDER}/{state.lower()}.yaml"


@cache
def profile(state: str) -> Profile:
    """The profile of a member state (or EU); DataFileError when its file is malformed, KeyError when the state
    has none (every EU/EEA state has one: a test checks)."""
    state = state.upper()
    if state not in profile_codes():
        raise KeyError(state)
    file = file_of(state)
    return _build(file, load(file, SCHEMA))


@cache
def profiles() -> dict[str, Profile]:
    """Every member state's profile, by code, in code order (EU's own not among them)."""
    return {state: profile(state) for state in sorted(geography().member_states)}


def profile_codes() -> list[str]:
    """The codes with a profile file: every member state, and EU."""
    return [*sorted(geography().member_states), UNION]


def _build(file: str, data: dict) -> Profile:
    if data["state"] != file.rsplit("/", 1)[-1].removesuffix(".yaml").upper():
        raise DataFileError(file, "state", f"the code the file is named after, got {data['state']!r}")
    citations: dict[str, tuple[Citation, ...]] = {}

    def value(name: str, default=None):
        entry = data.get(name)
        if entry is None:
            return default
        citations[name] = tuple(Citation(**c) for c in entry["cite"])
        return entry["value"]

    dates = []
    for n, entry in enumerate(data.get("dates", ())):
        citations[f"dates[{n}]"] = tuple(Citation(**c) for c in entry["cite"])
        dates.append({**entry["value"], **({"caveat": entry["caveat"]} if "caveat" in entry else {})})
    disclosure = value("disclosure")
    return Profile(
        state=data["state"], name=value("name"), languages=tuple(value("languages", ())),
        locales=tuple(value("locales", ())), authorities=tuple(value("authority", ())),
        disclosure=Disclosure(disclosure["language"], tuple(disclosure["labels"]), disclosure["legal_ref"])
        if disclosure else None,
        resident_phrases=tuple(value("resident_phrases", ())), dates=tuple(dates), citations=citations)


def disclosure_profiles(language: str) -> list[Profile]:
    """The states whose profile cites disclosure labels in this language, in code order."""
    return [p for p in profiles().values() if p.disclosure is not None and p.disclosure.language == language]


def attributed(state: str, member_states: Sequence[str], text: str) -> bool:
    """Whether a finding concerns a member state: it names the state (`member_states`), or its evidence (`text`:
    value and snippet) quotes a phrase addressed to the state's residents (the profile's `resident_phrases`)."""
    if state in member_states:
        return True
    folded = text.casefold()
    return any(phrase.casefold() in folded for phrase in profile(state).resident_phrases)
