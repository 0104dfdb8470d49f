"""Platforms (app stores, social networks, video and publishing sites) and their hosts, from data/platforms.yaml.

On a platform's hosts a page's localisation is the platform's, not the firm's (`platform_kind`). The same file
is the one declaration of every platform host in detectors/: detectors/social derives from `platform_entries`
its account hosts and profile URLs (`social.handles`), the redirect wrappers around outgoing links, the URLs
that are walls (`social.walls`) and the platforms' chrome domains. URL path shapes stay in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from detectors.data_files import DataFileError, check_keys, load, string_list

FILE = "platforms.yaml"
VERSION = 2
KINDS = ("app_store", "social", "video", "publishing")
WALL_VERDICTS = ("login wall", "bot wall", "not found")  # detectors/social/walls.py: LOGIN_WALL, BOT_WALL, NOT_FOUND
_HOST = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
_HOST_FIELDS = ("accounts", "hosts", "chrome")


@dataclass(frozen=True)
class PlatformEntry:
    name: str
    kind: str  # one of KINDS
    accounts: tuple[str, ...] = ()  # hosts whose URLs name accounts detectors/social reads
    hosts: tuple[str, ...] = ()  # the platform's other hosts (its own site, short links)
    chrome: tuple[str, ...] = ()  # registrable domains of its CDNs, help, sign-in, parent company
    profile_url: str = ""  # the page to fetch for an account, "{handle}" in it ("" without accounts)
    redirects: tuple[tuple[str, str, str], ...] = ()  # (host, path prefix, query parameter holding the target)
    walls: tuple[tuple[str, str, str], ...] = ()  # (host, path prefix, verdict), in file order

    @property
    def all_hosts(self) -> tuple[str, ...]:
        """The hosts that are the platform's pages (accounts first); chrome left out."""
        return self.accounts + self.hosts


def on_hosts(host: str, hosts: Iterable[str]) -> bool:
    """Whether `host` is one of `hosts` or a subdomain of one (www.youtube.com is on youtube.com)."""
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith(f".{h}") for h in hosts)


@cache
def platform_entries() -> dict[str, PlatformEntry]:
    """platform name -> its entry, in file order."""
    return entries_from_data(load(FILE))


def entries_from_data(data: Any) -> dict[str, PlatformEntry]:
    """Check the parsed platforms file and build its entries; DataFileError names the entry and what was expected."""
    check_keys(FILE, "(top)", data, {"version", "platforms"})
    if data["version"] != VERSION:
        raise DataFileError(FILE, "version", f"{VERSION} (the format this loader reads), got {data['version']!r}")
    platforms = data["platforms"]
    if not isinstance(platforms, dict) or not platforms:
        raise DataFileError(FILE, "platforms", "a non-empty mapping of platform name to its entry")
    declared: dict[str, str] = {}  # host -> where it was declared first
    entries = {}
    for name, raw in platforms.items():
        entry = _entry(str(name), raw)
        for field in _HOST_FIELDS:
            for host in getattr(entry, field):
                if host in declared:
                    raise DataFileError(FILE, f"platforms.{name}.{field}",
                                        f"a host of one platform only, {host!r} is already in {declared[host]}")
                declared[host] = f"platforms.{name}.{field}"
        entries[entry.name] = entry
    return entries


def _entry(name: str, raw: Any) -> PlatformEntry:
    where = f"platforms.{name}"
    check_keys(FILE, where, raw, {"kind"}, {*_HOST_FIELDS, "profile", "redirects", "walls"})
    if raw["kind"] not in KINDS:
        raise DataFileError(FILE, f"{where}.kind", f"one of {list(KINDS)}, got {raw['kind']!r}")
    hosts = {field: _hosts(f"{where}.{field}", raw[field]) if field in raw else () for field in _HOST_FIELDS}
    if not hosts["accounts"] and not hosts["hosts"]:
        raise DataFileError(FILE, where, "accounts or hosts: a platform has at least one host of its own")
    own = hosts["accounts"] + hosts["hosts"] + hosts["chrome"]
    profile = ""
    if hosts["accounts"] or "profile" in raw:
        profile = _profile(f"{where}.profile", raw.get("profile"), hosts["accounts"])
    redirects = []
    for url, param in _mapping(raw, where, "redirects").items():
        if not isinstance(param, str) or not param.strip():
            raise DataFileError(FILE, f"{where}.redirects.{url}", f"the name of a query parameter, got {param!r}")
        redirects.append((*_url_prefix(f"{where}.redirects", url, own), param.strip()))
    walls = []
    for verdict, urls in _mapping(raw, where, "walls").items():
        if verdict not in WALL_VERDICTS:
            raise DataFileError(FILE, f"{where}.walls", f"verdicts among {list(WALL_VERDICTS)}, got {verdict!r}")
        for url in string_list(FILE, f"{where}.walls.{verdict}", urls):
            walls.append((*_url_prefix(f"{where}.walls.{verdict}", url, own), verdict))
    return PlatformEntry(name=name, kind=raw["kind"], **hosts, profile_url=profile, redirects=tuple(redirects),
                         walls=tuple(walls))


def _hosts(entry: str, value: Any) -> tuple[str, ...]:
    names = string_list(FILE, entry, value)
    for name in names:
        if not _HOST.match(name):
            raise DataFileError(FILE, entry, f"host names only (lower case, no scheme, path or port), got {name!r}")
    return tuple(names)


def _mapping(raw: dict, where: str, field: str) -> dict:
    """An optional field that is a mapping: {} when absent, never empty when present."""
    value = raw.get(field, {})
    if not isinstance(value, dict) or (field in raw and not value):
        raise DataFileError(FILE, f"{where}.{field}", "a non-empty mapping")
    return value


def _url_prefix(entry: str, url: Any, own: tuple[str, ...]) -> tuple[str, str]:
    """("consent.youtube.com", "/") from "consent.youtube.com/", checked to lie on the platform's own hosts."""
    host, slash, path = str(url).partition("/")
    if not slash or not _HOST.match(host):
        raise DataFileError(FILE, entry, f"a host and a path prefix such as youtube.com/redirect, got {url!r}")
    if not on_hosts(host, own):
        raise DataFileError(FILE, entry, f"a URL on the platform's accounts, hosts or chrome, got {url!r}")
    return host, f"/{path}"


def _profile(entry: str, value: Any, accounts: tuple[str, ...]) -> str:
    if not accounts:
        raise DataFileError(FILE, entry, "only with accounts (the hosts whose account URLs footprint reads)")
    if not isinstance(value, str) or "{handle}" not in value or not value.startswith("https://"):
        raise DataFileError(FILE, entry, f"an https:// URL with {{handle}} in it, got {value!r}")
    if not on_hosts(urlsplit(value).hostname or "", accounts):
        raise DataFileError(FILE, entry, f"a URL on one of the accounts hosts {list(accounts)}, got {value!r}")
    return value


@cache
def platform_hosts() -> dict[str, str]:
    """host -> platform kind, for every host that is a platform's page (accounts and hosts; not chrome)."""
    return {host: entry.kind for entry in platform_entries().values() for host in entry.all_hosts}


def platform_kind(host: str) -> str:
    """The platform kind of a host or of any parent domain of it ("" when the host is not a platform)."""
    host = host.lower().rstrip(".")
    hosts = platform_hosts()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        kind = hosts.get(".".join(parts[i:]))
        if kind:
            return kind
    return ""


@cache
def chrome_domains() -> frozenset[str]:
    """Registrable domains of the platforms' own chrome (CDNs, help, sign-in, parent companies)."""
    return frozenset(host for entry in platform_entries().values() for host in entry.chrome)


@cache
def redirects() -> tuple[tuple[str, str, str], ...]:
    """Every platform's redirect wrappers: (host, path prefix, query parameter holding the target)."""
    return tuple(r for entry in platform_entries().values() for r in entry.redirects)
