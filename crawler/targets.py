"""Scan targets: firm profiles (YAML, one firm or a `firms:` list) and plain URLs from the command line.

Everything is validated before any fetch: unknown keys, bad URLs, unknown country codes and wrong types are
refused with the file, the field and what was expected (exit code 2), never silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pycountry
import yaml

from detectors.context import registrable_domain

RENDER_MODES = ("auto", "always", "never")
_HOST = re.compile(r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*$")


class TargetError(ValueError):
    """Bad input: names the source (file or command line), the field and what was expected."""

    def __init__(self, source: str, where: str, expected: str):
        self.source, self.where, self.expected = source, where, expected
        super().__init__(f"{source}: {where}: {expected}")


@dataclass
class ScanSettings:
    visitors: list[str] = field(default_factory=list)
    visitor_proxies: dict[str, str] = field(default_factory=dict)
    max_pages: int = 200
    max_depth: int = 5
    render: str = "auto"
    delay: float = 1.0
    obey_robots: bool = True
    screenshots: bool = True

    def to_dict(self) -> dict:
        return {k: (dict(v) if isinstance(v, dict) else list(v) if isinstance(v, list) else v)
                for k, v in self.__dict__.items()}


@dataclass
class FirmTarget:
    name: str
    home_country: str = ""
    websites: list[str] = field(default_factory=list)
    apps: dict[str, list[str]] = field(default_factory=dict)
    social: dict[str, list[str]] = field(default_factory=dict)
    affiliates: list[str] = field(default_factory=list)
    scan: ScanSettings = field(default_factory=ScanSettings)
    source: str = ""

    @property
    def slug(self) -> str:
        return slugify(self.name)


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "firm"


# ---------------------------------------------------------------------------------------------- field checkers

def check_url(source: str, where: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TargetError(source, where, f"an http(s) URL, got {value!r}")
    url = value.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise TargetError(source, where, f"a valid URL, got {url!r} ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise TargetError(source, where, f"an http:// or https:// URL, got {url!r}")
    host = (parts.hostname or "").rstrip(".")
    if not host or not (_HOST.match(host) or _is_ip(host)):
        raise TargetError(source, where, f"a URL with a valid host name, got {url!r}")
    del port
    return url if parts.path else url + "/"


def _is_ip(host: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def check_country(source: str, where: str, value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise TargetError(source, where, f"an ISO 3166-1 alpha-2 country code such as DE, got {value!r}")
    code = value.strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        raise TargetError(source, where, f"an ISO 3166-1 alpha-2 country code such as DE, {code!r} is not one")
    return code


def _keys(source: str, where: str, mapping, allowed: set[str], required: set[str] = frozenset()) -> dict:
    if not isinstance(mapping, dict):
        got = type(mapping).__name__
        raise TargetError(source, where or "(top)", f"a mapping with keys {sorted(allowed)}, got {got}")
    for key in mapping:
        if key not in allowed:
            path = f"{where}.{key}" if where else str(key)
            raise TargetError(source, path, f"a known key ({', '.join(sorted(allowed))}); unknown keys are errors")
    for key in required:
        if key not in mapping:
            raise TargetError(source, f"{where}.{key}" if where else key, "this key is required")
    return mapping


def _str_list(source: str, where: str, value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise TargetError(source, where, f"a list of strings, got {value!r}")
    return [str(v).strip() for v in value]


def _int(source: str, where: str, value, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise TargetError(source, where, f"a whole number from {low} to {high}, got {value!r}")
    return value


# ---------------------------------------------------------------------------------------------- profiles

def parse_scan(source: str, where: str, raw, base: ScanSettings | None = None) -> ScanSettings:
    raw = _keys(source, where, raw or {}, {"visitors", "visitor_proxies", "max_pages", "max_depth", "render",
                                           "delay", "obey_robots", "screenshots"})
    settings = ScanSettings(**(base.to_dict() if base else {}))
    if "visitor_proxies" in raw:
        field_name = f"{where}.visitor_proxies"
        proxies = raw["visitor_proxies"] or {}
        if not isinstance(proxies, dict):
            raise TargetError(source, field_name, "a mapping of country code to proxy URL, e.g. {DE: http://...}")
        settings.visitor_proxies = {
            check_country(source, field_name, str(cc)): check_url(source, f"{field_name}.{cc}", url)
            for cc, url in proxies.items()}
    if "visitors" in raw:
        settings.visitors = [check_country(source, f"{where}.visitors[{i}]", v)
                             for i, v in enumerate(_str_list(source, f"{where}.visitors", raw["visitors"]))]
    if "max_pages" in raw:
        settings.max_pages = _int(source, f"{where}.max_pages", raw["max_pages"], 1, 100_000)
    if "max_depth" in raw:
        settings.max_depth = _int(source, f"{where}.max_depth", raw["max_depth"], 0, 50)
    if "render" in raw:
        if raw["render"] not in RENDER_MODES:
            raise TargetError(source, f"{where}.render", f"one of {', '.join(RENDER_MODES)}, got {raw['render']!r}")
        settings.render = raw["render"]
    if "delay" in raw:
        delay = raw["delay"]
        if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay <= 600:
            raise TargetError(source, f"{where}.delay", f"seconds between 0 and 600, got {delay!r}")
        settings.delay = float(delay)
    for flag in ("obey_robots", "screenshots"):
        if flag in raw:
            if not isinstance(raw[flag], bool):
                raise TargetError(source, f"{where}.{flag}", f"true or false, got {raw[flag]!r}")
            setattr(settings, flag, raw[flag])
    return settings


def parse_firm(source: str, where: str, raw, defaults: ScanSettings | None = None) -> FirmTarget:
    prefix = f"{where}." if where else ""
    raw = _keys(source, where, raw, {"firm", "channels", "scan"}, {"firm", "channels"})
    firm = _keys(source, f"{prefix}firm", raw["firm"], {"name", "home_country"}, {"name"})
    if not isinstance(firm["name"], str) or not firm["name"].strip():
        raise TargetError(source, f"{prefix}firm.name", "a non-empty firm name")
    target = FirmTarget(name=firm["name"].strip(), source=source)
    if firm.get("home_country") is not None:
        target.home_country = check_country(source, f"{prefix}firm.home_country", firm["home_country"])
    channels = _keys(source, f"{prefix}channels", raw["channels"], {"websites", "apps", "social", "affiliates"})
    target.websites = [check_url(source, f"{prefix}channels.websites[{i}]", u)
                       for i, u in enumerate(_str_list(source, f"{prefix}channels.websites",
                                                       channels.get("websites") or []))]
    target.affiliates = [check_url(source, f"{prefix}channels.affiliates[{i}]", u)
                         for i, u in enumerate(_str_list(source, f"{prefix}channels.affiliates",
                                                         channels.get("affiliates") or []))]
    apps = _keys(source, f"{prefix}channels.apps", channels.get("apps") or {}, {"apple", "google"})
    target.apps = {k: _str_list(source, f"{prefix}channels.apps.{k}", v) for k, v in apps.items()}
    social = _keys(source, f"{prefix}channels.social", channels.get("social") or {},
                   {"telegram", "youtube", "x", "instagram", "facebook", "tiktok", "linkedin"})
    target.social = {k: _str_list(source, f"{prefix}channels.social.{k}", v) for k, v in social.items()}
    if not (target.websites or target.affiliates or target.apps or target.social):
        raise TargetError(source, f"{prefix}channels", "at least one channel (websites, apps, social, affiliates)")
    target.scan = parse_scan(source, f"{prefix}scan", raw.get("scan"), defaults)
    return target


def load_profile(path: str | Path) -> list[FirmTarget]:
    """Read a firm profile file: one firm (`firm:`, `channels:`, `scan:`) or several (`firms: [...]`)."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TargetError(source, "(file)", "an existing firm profile file; it does not exist") from None
    except IsADirectoryError:
        raise TargetError(source, "(file)", "a YAML file, not a directory") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TargetError(source, "(file)", f"a readable UTF-8 YAML file ({exc})") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        problem = getattr(exc, "problem", None) or str(exc)
        raise TargetError(source, where, f"valid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise TargetError(source, "(top)", "a mapping with `firm:` and `channels:`, or a `firms:` list")
    if "firms" in data:
        _keys(source, "", data, {"firms", "scan"})
        defaults = parse_scan(source, "scan", data.get("scan"))
        if not isinstance(data["firms"], list) or not data["firms"]:
            raise TargetError(source, "firms", "a non-empty list of firms")
        firms = [parse_firm(source, f"firms[{i}]", raw, defaults) for i, raw in enumerate(data["firms"])]
        slugs = [f.slug for f in firms]
        for i, slug in enumerate(slugs):
            if slugs.index(slug) != i:
                raise TargetError(source, f"firms[{i}].firm.name", f"a name unique in the file ({slug!r} repeats)")
        return firms
    return [parse_firm(source, "", data)]


def firm_from_urls(urls: list[str]) -> FirmTarget:
    """A firm made from URLs given on the command line, named after the first site's registrable domain."""
    checked = [check_url("command line", f"URL #{i + 1}", u) for i, u in enumerate(urls)]
    name = registrable_domain(urlsplit(checked[0]).hostname or "")
    return FirmTarget(name=name, websites=checked, source="command line")
