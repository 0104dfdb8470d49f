"""Platforms (app stores, social networks, video and publishing sites) and their hosts, from data/platforms.yaml.

On a platform's hosts a page's localisation is the platform's, not the firm's (`platform_kind`). The same file
is the one declaration of every platform host in detectors/: detectors/social derives from `platform_entries`
its account hosts and profile URLs (`social.handles`), the redirect wrappers around outgoing links, the URLs
that are walls (`social.walls`) and the platforms' chrome domains. URL path shapes stay in code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from detectors.data_files import DataFileError, distinct, load

FILE = "platforms.yaml"
WALL_VERDICTS = ("login wall", "bot wall", "not found")  # detectors/social/walls.py: LOGIN_WALL, BOT_WALL, NOT_FOUND
_HOST_FIELDS = ("accounts", "hosts", "chrome")
PUBLISHING = "publishing"  # the kind whose pages carry a publisher's own text (a Medium post): LANG reads it


@dataclass(frozen=True)
class PlatformEntry:
    name: str
    kind: str  # app_store, social, video or publishing (schema/platforms.schema.json)
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
    return entries_from_data(load(FILE, "platforms"))


def entries_from_data(data: Any) -> dict[str, PlatformEntry]:
    """The entries of the platforms file as `load` returns it (checked against schema/platforms.schema.json), after
    the checks a schema cannot make; DataFileError names the entry and what was expected."""
    declared: dict[str, str] = {}  # host -> where it was declared first
    entries = {}
    for name, raw in data["platforms"].items():
        entry = _entry(str(name), raw)
        for field in _HOST_FIELDS:
            for host in getattr(entry, field):
                if host in declared:
                    raise DataFileError(FILE, f"platforms.{name}.{field}",
                                        f"a host of one platform only, {host!r} is already in {declared[host]}")
                declared[host] = f"platforms.{name}.{field}"
        entries[entry.name] = entry
    return entries


def _entry(name: str, raw: dict) -> PlatformEntry:
    where = f"platforms.{name}"
    hosts = {field: tuple(raw.get(field, ())) for field in _HOST_FIELDS}
    own = hosts["accounts"] + hosts["hosts"] + hosts["chrome"]
    profile = raw.get("profile", "")
    if profile and not on_hosts(urlsplit(profile).hostname or "", hosts["accounts"]):
        raise DataFileError(FILE, f"{where}.profile",
                            f"a URL on one of the accounts hosts {list(hosts['accounts'])}, got {profile!r}")
    redirects = [(*_url_prefix(f"{where}.redirects", url, own), param)
                 for url, param in raw.get("redirects", {}).items()]
    walls = []
    for verdict, urls in raw.get("walls", {}).items():
        if verdict not in WALL_VERDICTS:
            raise DataFileError(FILE, f"{where}.walls.{verdict}", f"a verdict among {list(WALL_VERDICTS)}")
        distinct(FILE, f"{where}.walls.{verdict}", urls)
        walls += [(*_url_prefix(f"{where}.walls.{verdict}", url, own), verdict) for url in urls]
    return PlatformEntry(name=name, kind=raw["kind"], **hosts, profile_url=profile, redirects=tuple(redirects),
                         walls=tuple(walls))


def _url_prefix(entry: str, url: str, own: tuple[str, ...]) -> tuple[str, str]:
    """("consent.youtube.com", "/") from "consent.youtube.com/", checked to lie on the platform's own hosts."""
    host, _, path = url.partition("/")
    if not on_hosts(host, own):
        raise DataFileError(FILE, entry, f"a URL on the platform's accounts, hosts or chrome, got {url!r}")
    return host, f"/{path}"


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
