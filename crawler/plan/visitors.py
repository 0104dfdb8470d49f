"""Visitor profiles: who footprint pretends to be when it fetches a page.

Geo-targeted content and geo-blocks depend on the visitor's language and IP, so each profile carries a country,
the Accept-Language a resident's browser sends, a browser locale and time zone, and optionally a proxy that exits
in that country (real geo-proxies pick the country from the proxy user name; the sandbox web does the same).
A neutral non-EU profile (US by default) is the baseline every EU profile is compared with.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pytz
from babel.languages import get_official_languages

from crawler.config.defaults import BASELINE_VISITOR
from crawler.config.secrets import redact


@dataclass(frozen=True)
class VisitorProfile:
    country: str
    language: str  # primary language tag, e.g. "de"
    locale: str  # browser locale, e.g. "de-DE"
    accept_language: str  # e.g. "de-DE,de;q=0.9,en;q=0.5"
    timezone: str  # IANA zone, e.g. "Europe/Berlin"
    proxy: str = ""  # proxy URL that exits in this country ("" = the scan's own --proxy or none)
    baseline: bool = False

    def to_dict(self) -> dict:
        data = asdict(self)
        data["proxy"] = redact(self.proxy)
        return data


def profile_for(country: str, proxy: str = "", baseline: bool = False) -> VisitorProfile:
    """A resident's browser settings for a country, from CLDR (languages) and the tz database (time zone)."""
    country = country.upper()
    languages = get_official_languages(country, regional=False, de_facto=True) or ("en",)
    language = languages[0]
    locale = f"{language}-{country}"
    accept = f"{locale},{language};q=0.9" + ("" if language == "en" else ",en;q=0.5")
    zones = pytz.country_timezones.get(country) or ["UTC"]
    return VisitorProfile(country, language, locale, accept, zones[0], proxy, baseline)


def profiles(countries: list[str], proxies: dict[str, str] | None = None,
             baseline: str = BASELINE_VISITOR) -> list[VisitorProfile]:
    """The baseline first, then each requested country once, each with its own proxy when one was given."""
    proxies = {k.upper(): v for k, v in (proxies or {}).items()}
    ordered = [baseline.upper()] + [c.upper() for c in countries if c.upper() != baseline.upper()]
    seen: list[str] = []
    for country in ordered:
        if country not in seen:
            seen.append(country)
    return [profile_for(c, proxies.get(c, ""), baseline=(c == baseline.upper())) for c in seen]
