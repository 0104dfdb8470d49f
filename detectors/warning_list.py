"""WARNING_LIST: the firm's domains or name on a warning list imported with `footprint lists import` (ESMA's interim
MiCA register of non-compliant entities, or a national list).

Pure: the entries come in (a scan records, in its archive, the entries of the newest list versions that could
concern the firm: crawler/store/lists.py), the findings go out. A website or affiliate channel whose registrable
domain (public suffix list bundled with tldextract, never fetched) is one of an entry's websites gets the finding on
that channel; the firm's name equal to an entry's name or commercial name (case, punctuation and spacing left out)
gets it on the firm's first channel. A marker: it tells the reviewer what a regulator has said, with the list, its
version, the entry's line, date and authority, and changes no score. It names no member state (a listing says who
listed the firm, not whom the firm targets): report.json's `warning_lists` keeps the entry's state and authority.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from detectors.context import Context
from detectors.model import Evidence, Finding, Scope

INDICATOR = "WARNING_LIST"
SCOPE = Scope.FIRM
CONFIDENCE = 1.0  # an exact domain or name match; whether it is the same entity is the reviewer's call
_NOT_WORD = re.compile(r"[\W_]+")
_LOCATOR = re.compile(r"^warning list (?P<list>\S+), line (?P<line>\d+)$")
_HOW = re.compile(r" \((?P<how>domain \S+|name)\)$")


@dataclass(frozen=True)
class ListCheck:
    """The subject of one check: the firm's name, its channels with their registrable domains ("" for channels
    without one: apps, social accounts, supplied files), and the candidate entries."""

    firm_name: str
    channels: tuple[tuple[str, str], ...]  # (channel id, registrable domain or "")
    entries: tuple[dict, ...]  # as crawler/store/lists.py records them (see `matches`)


def name_key(name: str) -> str:
    """A name as names are compared: accents, case, punctuation and spacing left out."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return _NOT_WORD.sub(" ", folded).strip()


def matches(entry: dict, domain: str = "", firm_name: str = "") -> str:
    """How an entry matches: "domain <d>", "name", or "" (no match)."""
    if domain and domain in entry["websites"]:
        return f"domain {domain}"
    key = name_key(firm_name)
    if key and key in {name_key(n) for n in (entry["name"], entry.get("commercial_name", "")) if n}:
        return "name"
    return ""


def hit_of(locator: str, value: str) -> tuple[str, int, str]:
    """(list version id, line, how it matched) of a WARNING_LIST finding, from its evidence locator and value as
    `_finding` writes them (report.json keeps no other link from a finding to its entry)."""
    where, how = _LOCATOR.match(locator), _HOW.search(value)
    if where is None or how is None:
        raise ValueError(f"not a WARNING_LIST finding's evidence: {locator!r}, {value!r}")
    return where["list"], int(where["line"]), how["how"]


def detect(check: ListCheck, ctx: Context) -> list[Finding]:
    found = []
    for entry in check.entries:
        for channel, domain in check.channels:
            how = matches(entry, domain=domain)
            if how:
                found.append(_finding(entry, channel, f"https://{domain}/", how, ctx))
        if check.channels and matches(entry, firm_name=check.firm_name):
            channel = check.channels[0][0]
            found.append(_finding(entry, channel, entry.get("reference") or f"list:{entry['list']}", "name", ctx))
    return found


def _finding(entry: dict, channel: str, url: str, how: str, ctx: Context) -> Finding:
    label = f"{entry['list']} line {entry['line']}"
    snippet = " | ".join(x for x in (entry["name"], entry.get("commercial_name", ""), " ".join(entry["websites"]),
                                     entry.get("authority", ""), entry.get("date", ""), entry.get("reason", "")) if x)
    return Finding(
        indicator=INDICATOR, channel=channel, url=url, fetched_at=entry["imported_at"],
        body_sha256=entry["sha256"], confidence=CONFIDENCE,
        # No member state: a listing says who listed the firm, not whom it targets (the jurisdiction view
        # attributes the hit to the listing state through the entry).
        member_states=(),
        evidence=Evidence(value=f"{label}: {entry['name']} ({how})", snippet=snippet[:300],
                          locator=f"warning list {entry['list']}, line {entry['line']}"),
        legal_ref=ctx.catalogue[INDICATOR].legal_ref, strength="marker")
