"""The firm profile's JSON Schema, built from the declared settings (crawler/config/defaults.py) and published as
crawler/config/schema/firm-profile.schema.json for users and their editors. A test keeps the file equal to what
this module builds; `python -m crawler.config.profile_schema` rewrites it.

The schema says the shape (keys, types, ranges, choices); what only code can check (that a country code exists,
that a URL's host is a valid name, that a firms file's names are unique) is checked in crawler/config/profiles.py.
"""

from __future__ import annotations

import json
from pathlib import Path

from crawler.config.defaults import DEFAULT_EU_VISITOR, FIRM_SETTINGS, SETTINGS

FILE = Path(__file__).parent / "schema" / "firm-profile.schema.json"
COUNTRY = {"type": "string", "pattern": "^[A-Za-z]{2}$",
           "x-expected": "an ISO 3166-1 alpha-2 country code such as DE"}
URL = {"type": "string", "x-expected": "an http(s) URL"}
STRINGS = {"x-expected": "a list of strings",
           "anyOf": [{"type": ["string", "integer"]}, {"type": "array", "items": {"type": ["string", "integer"]}}]}
URLS = {"x-expected": "a list of http(s) URLs", "anyOf": [URL, {"type": "array", "items": URL}]}
SOCIAL_PLATFORMS = ("telegram", "youtube", "x", "instagram", "facebook", "tiktok", "linkedin")
APP_STORES = ("apple", "google")


def _setting(name: str) -> dict:
    setting = SETTINGS[name]
    out: dict = {"description": setting.help, "default": setting.default}
    if setting.choices:
        out["enum"] = list(setting.choices)
    elif isinstance(setting.default, bool):
        out["type"] = "boolean"
    elif isinstance(setting.default, int):
        out.update(type="integer", minimum=setting.low, maximum=setting.high,
                   **{"x-expected": f"a whole number from {setting.low} to {setting.high}"})
    else:
        out.update(type="number", minimum=setting.low, maximum=setting.high,
                   **{"x-expected": f"seconds between {setting.low} and {setting.high}"})
    return out


def _mapping(properties: dict, required: tuple[str, ...] = (), **extra) -> dict:
    return {"type": "object", "properties": properties, "additionalProperties": False,
            **({"required": list(required)} if required else {}), **extra}


def build() -> dict:
    scan = _mapping({
        "visitors": {"description": "EU visitor profiles, each fetching every page; a neutral US visitor is always "
                                    "the baseline; none given: one default EU visitor (the jurisdiction state, else "
                                    f"{DEFAULT_EU_VISITOR}) fetches the start pages",
                     "anyOf": [COUNTRY, {"type": "array", "items": COUNTRY}],
                     "x-expected": "a list of ISO 3166-1 alpha-2 country codes"},
        "visitor_proxies": {"description": "a proxy exiting in that country, per visitor (IP-based geo)",
                            "type": ["object", "null"], "additionalProperties": URL,
                            "x-expected": "a mapping of country code to proxy URL, e.g. {DE: http://...}"},
        "jurisdiction": {"description": "an EU/EEA member state whose view the report puts first: its verdict, its "
                                        "findings, its list hits, its profile's citations",
                         **COUNTRY},
        **{name: _setting(name) for name in FIRM_SETTINGS},
    }, description="scan settings; in a firms file, a top-level `scan:` is shared and each firm's own overrides it")
    scan = {"anyOf": [scan, {"type": "null"}], "x-expected": "a mapping of scan settings"}
    channels = _mapping({
        "websites": URLS,
        "affiliates": URLS,
        "apps": {"anyOf": [_mapping({s: STRINGS for s in APP_STORES}), {"type": "null"}]},
        "social": {"anyOf": [_mapping({p: STRINGS for p in SOCIAL_PLATFORMS}), {"type": "null"}]},
    })
    firm = _mapping({
        "firm": _mapping({"name": {"type": "string", "minLength": 1, "x-expected": "a non-empty firm name"},
                          "home_country": {"anyOf": [COUNTRY, {"type": "null"}]}}, ("name",)),
        "channels": channels,
        "scan": {"$ref": "#/$defs/scan"},
    }, ("firm", "channels"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "footprint firm profile",
        "description": "One firm (`firm`, `channels`, `scan`) or several (`firms: [...]` with a shared `scan`). "
                       "Unknown keys are errors.",
        "type": "object",
        "x-expected": "a mapping with `firm:` and `channels:`, or a `firms:` list",
        "if": {"required": ["firms"]},
        "then": _mapping({"firms": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/firm"},
                                    "x-expected": "a non-empty list of firms"},
                          "scan": {"$ref": "#/$defs/scan"}}),
        "else": {"$ref": "#/$defs/firm"},
        "$defs": {"firm": firm, "scan": scan},
    }


def render() -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    FILE.write_text(render(), encoding="utf-8")
    print(f"wrote {FILE}")
