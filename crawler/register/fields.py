"""The columns of the register's input files and how each value is read: dates (ISO 8601), countries
(pycountry), locales (babel), landing URLs (their query read into the attribution fields, the rest dropped).

A reader returns the value as kept, or raises `BadValue` with what was expected: the importer turns that into a
problem naming the file, the line and the field.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

import pycountry
from babel import Locale, UnknownLocaleError

from detectors.geography import geography
from detectors.register.records import vocabulary
from detectors.timestamps import parse

ONBOARDING_REQUIRED = ("client_id", "country_of_residence", "onboarded_at")
ONBOARDING_OPTIONAL = ("country_at_first_contact", "first_contact_at", "first_contact_channel", "how_heard",
                       "referral_code", "affiliate_id", "utm_source", "utm_medium", "utm_campaign", "utm_term",
                       "utm_content", "landing_url", "signup_locale", "app_store_country", "initiative_attestation_at")
SERVICES_REQUIRED = ("client_id", "requested_at", "service")
SERVICES_OPTIONAL = ("asset", "asset_class", "initiated_by", "offer_ref")
INITIATORS = ("client", "firm", "unknown")
# Identifiers of a person or of one click: kept only as keyed pseudonyms (crawler/register/keys.py).
PSEUDONYMISED = ("client_id", "referral_code")
DATE = "an ISO 8601 date or time such as 2026-03-01 or 2026-03-01T09:30:00Z"
COUNTRY = "an ISO 3166-1 country code such as DE (or DEU, or its English name)"
COUNTRY_LOCALISED = "a country's name in English or an EU language, or its ISO 3166-1 code"


class BadValue(ValueError):
    """A value that cannot be read: `expected` says what would have been."""

    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


def onboarding_columns() -> tuple[str, ...]:
    return (*ONBOARDING_REQUIRED, *ONBOARDING_OPTIONAL, *vocabulary().click_ids)


def when(value: str) -> datetime:
    try:
        return parse(value)
    except ValueError:
        raise BadValue(DATE) from None


def country(value: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country given by code (alpha-2 or alpha-3) or English name."""
    text = value.strip()
    found = None
    if re.fullmatch(r"[A-Za-z]{2}", text):
        found = pycountry.countries.get(alpha_2=text.upper())
    elif re.fullmatch(r"[A-Za-z]{3}", text):
        found = pycountry.countries.get(alpha_3=text.upper())
    else:
        try:
            found = pycountry.countries.lookup(text)
        except LookupError:
            found = None
    if found is None:
        raise BadValue(COUNTRY)
    return found.alpha_2


def localised_country(value: str) -> str:
    """As `country`, and a country's name in an EU language too ("Deutschland", "Allemagne"): for exports whose
    interface language names the countries (Search Console, Microsoft's localised locations file), not for a
    firm's own records."""
    try:
        return country(value)
    except BadValue:
        for names in geography().country_names.values():
            if value.strip().casefold() in names:
                return names[value.strip().casefold()]
        raise BadValue(COUNTRY_LOCALISED) from None


def locale(value: str) -> str:
    """A locale tag as `lang` or `lang-REGION` (de_de, de-DE -> de-DE), known to CLDR."""
    try:
        parsed = Locale.parse(value.strip().replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise BadValue("a locale tag such as de-DE or fr") from None
    return f"{parsed.language}-{parsed.territory}" if parsed.territory else parsed.language


def channel(value: str) -> str:
    """"Inbound E-Mail" -> "inbound_e_mail": lower case, any run of other characters one underscore."""
    return re.sub(r"[^a-z0-9]+", "_", value.strip().casefold()).strip("_")


def initiator(value: str) -> str:
    text = value.strip().casefold() or "unknown"
    if text not in INITIATORS:
        raise BadValue(f"one of {', '.join(INITIATORS)}")
    return text


def landing(value: str) -> tuple[str, dict[str, str]]:
    """A landing URL as its host and path, and the attribution fields its query carries (click ids, UTM,
    referral and affiliate parameters); every other parameter is dropped (it may carry anything)."""
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        raise BadValue("an absolute http(s) URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadValue("an absolute http(s) URL")
    words = vocabulary()
    fields = {}
    for name, param in parse_qsl(parts.query, keep_blank_values=False):
        key = name.casefold()
        target = key if key in words.click_ids else words.url_parameters.get(key)
        if target and param.strip():
            fields.setdefault(target, param.strip())
    return f"{parts.hostname}{parts.path or '/'}", fields
