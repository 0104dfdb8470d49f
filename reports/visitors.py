"""Who the scan visited the sites as, in words: each visitor profile with why it is there and what it was.

Without a proxy exiting in a country, an EU visitor is a browser profile (language, locale, time zone) on the
scan's own route, not an address in that country: the label says so (the provenance table gives each route).
Reports written before profiles said why they were chosen name the countries alone.
"""

from __future__ import annotations


def visitor_labels(report: dict) -> list[str]:
    """One label per visitor, the baseline first: "DE (default EU visitor, none was asked for, start pages only;
    de-DE, Europe/Berlin; a browser profile, no proxy in DE)"."""
    profiles = (report.get("provenance") or {}).get("visitors") or []
    if not profiles or not all(p.get("chosen") for p in profiles):
        return list(report["scan"].get("visitors") or [])
    return [_label(p) for p in profiles]


def _label(profile: dict) -> str:
    country = profile["country"]
    facts = [profile["chosen"], f"{profile['locale']}, {profile['timezone']}"]
    if not profile.get("baseline") and not profile.get("proxy"):
        facts.append(f"a browser profile, no proxy in {country}")
    return f"{country} ({'; '.join(facts)})"
