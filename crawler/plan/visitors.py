"""Visitor profiles: who footprint pretends to be when it fetches a page.

Geo-targeted content and geo-blocks depend on the visitor's language and IP, so each profile carries a country,
the Accept-Language a resident's browser sends, a browser locale and time zone, and optionally a proxy that exits
in that country (real geo-proxies pick the country from the proxy user name; the sandbox web does the same).
A neutral non-EU profile (US by default) is the baseline every EU profile is compared with. A scan that asks for
no EU visitor gets one by default (crawler/config/scan_config.py `default_visitor`) that fetches each website
channel's start pages only (`start_pages_only`); each profile says why it is there (`chosen`), for the report.
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
    start_pages_only: bool = False  # fetches each website channel's start pages (and their redirects), no more
    chosen: str = ""  # why this visitor is in the scan (BASELINE, ASKED, DEFAULT...), said in the report

    def to_dict(self) -> dict:
        data = asdict(self)
        data["proxy"] = redact(self.proxy)
        return data


BASELINE = "baseline"
ASKED = "asked for"
DEFAULT = "default EU visitor, {why}, start pages only"
DEFAULT_WHY = {True: "the scan's jurisdiction", False: "none was asked for"}


def profile_for(country: str, proxy: str = "", baseline: bool = False, start_pages_only: bool = False,
                chosen: str = "") -> VisitorProfile:
    """A resident's browser settings for a country, from CLDR (languages) and the tz database (time zone)."""
    country = country.upper()
    languages = get_official_languages(country, regional=False, de_facto=True) or ("en",)
    language = languages[0]
    locale = f"{language}-{country}"
    accept = f"{locale},{language};q=0.9" + ("" if language == "en" else ",en;q=0.5")
    zones = pytz.country_timezones.get(country) or ["UTC"]
    return VisitorProfile(country, language, locale, accept, zones[0], proxy, baseline, start_pages_only, chosen)


def profiles(countries: list[str], proxies: dict[str, str] | None = None,
             baseline: str = BASELINE_VISITOR, default: str = "", jurisdiction: str = "") -> list[VisitorProfile]:
    """The baseline first, then each requested country once, each with its own proxy when one was given.
    `default`: the one country of `countries` added by default (no EU visitor asked for), which fetches start pages
    only; `jurisdiction`: the scan's --jurisdiction state, which the report names as the reason for it."""
    proxies = {k.upper(): v for k, v in (proxies or {}).items()}
    ordered = [baseline.upper()] + [c.upper() for c in countries if c.upper() != baseline.upper()]
    seen: list[str] = []
    for country in ordered:
        if country not in seen:
            seen.append(country)
    default = default.upper()
    chosen = DEFAULT.format(why=DEFAULT_WHY[bool(jurisdiction) and jurisdiction.upper() == default])
    return [profile_for(c, proxies.get(c, ""), baseline=(c == baseline.upper()),
                        start_pages_only=(c == default and c != baseline.upper()),
                        chosen=BASELINE if c == baseline.upper() else chosen if c == default else ASKED)
            for c in seen]
