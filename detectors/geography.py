"""Which EU/EEA member states a language, currency, domain or phone number points to.

The perimeter (member states, EU languages) is data (`data/eu.yaml`); everything a library knows is taken from
it: official languages and currencies of each territory from babel (CLDR), country names in every language from
babel, dialling regions from phonenumbers. "EU" stands for the Union as a whole.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from babel.numbers import get_territory_currencies

from detectors.data_files import DataFileError, language_key, load

UNION = "EU"
FILE = "eu.yaml"
# Norwegian appears as no / nb / nn depending on the source (py3langid says "no", CLDR lists all three).
LANGUAGE_ALIASES = {"nb": "no", "nn": "no"}
BABEL_CODES = {"no": "nb"}  # an EU/EEA language code -> the CLDR locale babel keeps its data under


@dataclass(frozen=True, eq=False)  # hashed by identity: one instance per run, cache key
class Geography:
    member_states: frozenset[str]
    languages: frozenset[str]
    language_strength: dict[str, str]
    union_tlds: frozenset[str]
    states_by_language: dict[str, tuple[str, ...]]
    states_by_currency: dict[str, tuple[str, ...]]
    country_names: dict[str, dict[str, str]]  # language -> {lower-cased name: ISO code}

    def states_for_language(self, lang: str) -> tuple[str, ...]:
        lang = LANGUAGE_ALIASES.get(lang, lang)
        return self.states_by_language.get(lang, ())

    def strength_for_language(self, lang: str) -> str:
        return self.language_strength.get(LANGUAGE_ALIASES.get(lang, lang), "none")

    def is_member(self, code: str) -> bool:
        return code.upper() in self.member_states

    def outside(self, region: str) -> bool:
        """Whether a locale's region is a territory outside the EU/EEA (pt-BR, de-CH); the Union itself (de-EU,
        a locale some EU sites use) is not."""
        return bool(region) and region.upper() != UNION and not self.is_member(region)


def by_language(file: str, entry: str, mapping: dict) -> dict[str, Any]:
    """A data file's per-language mapping with its keys read back as language codes (YAML's bare `no`) and checked
    against eu.yaml's languages; an unknown code is refused naming `file` and `entry.<code>`."""
    known = geography().languages
    result = {}
    for raw, value in mapping.items():
        language = language_key(raw)
        if language not in known:
            raise DataFileError(file, f"{entry}.{language}", f"an EU/EEA language code ({', '.join(sorted(known))})")
        result[language] = value
    return result


@cache
def geography(on: datetime.date | None = None) -> Geography:
    data = load(FILE, "eu")
    states = frozenset(data["member_states"]["eu"] + data["member_states"]["eea"])
    languages = frozenset(data["languages"])
    strength: dict[str, str] = {}
    for level, langs in data["language_strength"].items():
        for n, lang in enumerate(langs):
            if lang not in languages:
                expected = f"a language listed in `languages`, not {lang!r}"
                raise DataFileError(FILE, f"language_strength.{level}[{n}]", expected)
            strength[lang] = level

    by_language: dict[str, set[str]] = {}
    by_currency: dict[str, set[str]] = {}
    overrides = data.get("currency_overrides", {})
    day = on or datetime.date.today()
    for state in sorted(states):
        for lang in get_official_languages(state, regional=False, de_facto=True):
            lang = LANGUAGE_ALIASES.get(lang, lang)
            if lang in languages:
                by_language.setdefault(lang, set()).add(state)
        for currency in overrides.get(state) or get_territory_currencies(state, day):
            by_currency.setdefault(currency, set()).add(state)

    names: dict[str, dict[str, str]] = {}
    for lang in sorted(languages - set(LANGUAGE_ALIASES)):
        locale = babel_locale(lang)
        names[lang] = {locale.territories[s].lower(): s for s in states if s in locale.territories}
    return Geography(
        member_states=states,
        languages=languages,
        language_strength=strength,
        union_tlds=frozenset(data["union_tlds"]),
        states_by_language={k: tuple(sorted(v)) for k, v in by_language.items()},
        states_by_currency={k: tuple(sorted(v)) for k, v in by_currency.items()},
        country_names=names,
    )


def babel_locale(language: str) -> Locale:
    """babel's locale of an EU/EEA language code ("no" is CLDR's "nb")."""
    return Locale.parse(BABEL_CODES.get(language, language))


@cache
def has_locale(language: str, territory: str) -> bool:
    """Whether babel has a locale of the language for the territory ("fr_CA": yes; "pt_DE": no)."""
    try:
        Locale.parse(f"{language}_{territory}")
    except (ValueError, LookupError, UnknownLocaleError):
        return False
    return True


def issued_elsewhere(territory: str, on: datetime.date) -> set[str]:
    """The currencies a territory uses that another issues, the one its code begins with (ISO 4217) and that uses it
    too: CHF in Liechtenstein, DKK in Greenland. They mark the issuer's pages, not this territory's."""
    return {code for code in get_territory_currencies(territory, on) if code[:2] != territory
            and code in get_territory_currencies(code[:2], on)}
