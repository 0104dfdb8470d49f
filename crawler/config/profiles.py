"""Scan targets: firm profiles (YAML, one firm or a `firms:` list) and plain URLs from the command line.

Everything is validated before any fetch: the shape against the published schema (schema/firm-profile.schema.json),
then what only code can check (country codes that exist, URLs with valid host names, unique firm names). Bad input
is refused with the file, the field and what was expected (exit code 2), never silently ignored.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import pycountry
from babel.core import get_global

from crawler.config.defaults import FIRM_SETTINGS, SETTINGS
from crawler.config.limits import bounded, cut, slugify
from detectors.domains import registrable_domain
from detectors.geography import geography
from detectors.inputs import InputError, load_yaml, schema, shown

_HOST = re.compile(r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*$")
PROFILE = "a firm profile file"
INVALID_NAME_CHARS = 80  # of an invalid firm's name, shown in the index


@dataclass(frozen=True)
class ScanSettings:
    """A profile's `scan:` settings: the declared defaults unless the file says otherwise."""

    visitors: tuple[str, ...] = ()
    visitor_proxies: tuple[tuple[str, str], ...] = ()  # (country, proxy URL)
    max_pages: int = SETTINGS["max_pages"].default
    max_depth: int = SETTINGS["max_depth"].default
    render: str = SETTINGS["render"].default
    delay: float = SETTINGS["delay"].default
    obey_robots: bool = SETTINGS["obey_robots"].default
    screenshots: bool = SETTINGS["screenshots"].default
    allow_private: bool = SETTINGS["allow_private"].default
    jurisdiction: str = ""  # the member state whose view the report puts first (detectors/data/jurisdictions/)


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
    invalid: InputError | None = None  # in a firms file, why this firm is not scanned (the others are)

    @property
    def slug(self) -> str:
        return slugify(self.name)


# ---------------------------------------------------------------------------------------------- field checkers

def check_url(source: str, where: str, value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(source, where, f"an http(s) URL, got {shown(value)}")
    url = bounded(source, where, value.strip(), "url", "an http(s) URL")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError on a port that is not a number
    except ValueError as exc:
        raise InputError(source, where, f"a valid URL, got {shown(url)} ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise InputError(source, where, f"an http:// or https:// URL, got {shown(url)}")
    host = (parts.hostname or "").rstrip(".")
    if not host or not (_HOST.match(host) or _is_ip(host)):
        raise InputError(source, where, f"a URL with a valid host name, got {shown(url)}")
    return url if parts.path else url + "/"


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def check_country(source: str, where: str, value) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise InputError(source, where, f"an ISO 3166-1 alpha-2 country code such as DE, got {shown(value)}")
    code = value.strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        # CLDR's territory aliases (via babel) know the codes people write instead: UK for GB, FX for FR.
        meant = get_global("territory_aliases").get(code, [])
        hint = f"; did you mean {meant[0]}?" if len(meant) == 1 else ""
        raise InputError(source, where, f"an ISO 3166-1 alpha-2 country code such as DE, {code!r} is not one{hint}")
    return code


def check_member(source: str, where: str, value) -> str:
    """A country code that is an EU/EEA member state (each has a jurisdiction profile)."""
    code = check_country(source, where, value)
    if not geography().is_member(code):
        raise InputError(source, where, f"an EU/EEA member state (one with a jurisdiction profile), {code!r} is not "
                                        "one")
    return code


def check_setting(source: str, where: str, name: str, value):
    """A scan setting from the command line, checked against the same limits as in a profile."""
    setting = SETTINGS[name]
    if setting.choices and value not in setting.choices:
        raise InputError(source, where, f"one of {', '.join(setting.choices)}, got {shown(value)}")
    if setting.low is not None and not setting.low <= value <= setting.high:
        unit = "a whole number" if isinstance(setting.default, int) else "a number"
        raise InputError(source, where, f"{unit} from {setting.low:g} to {setting.high:g}, got {shown(value)}")
    return value


def _strings(value) -> list[str]:
    return [str(v).strip() for v in ([value] if isinstance(value, str | int) else value or [])]


def _handles(source: str, where: str, value) -> list[str]:
    """Social handles or app ids: they become URLs and channel ids, so they are bounded like them."""
    return [bounded(source, f"{where}[{i}]", h, "handle", "a handle or app id") for i, h in enumerate(_strings(value))]


# ---------------------------------------------------------------------------------------------- profiles

def _scan(source: str, where: str, raw: dict | None, base: ScanSettings) -> ScanSettings:
    raw = raw or {}
    settings = replace(base, **{k: raw[k] for k in FIRM_SETTINGS if k in raw})
    if "delay" in raw:
        settings = replace(settings, delay=float(raw["delay"]))
    if "visitors" in raw:
        settings = replace(settings, visitors=tuple(check_country(source, f"{where}.visitors[{i}]", v)
                                                    for i, v in enumerate(_strings(raw["visitors"]))))
    if raw.get("jurisdiction") is not None:
        settings = replace(settings, jurisdiction=check_member(source, f"{where}.jurisdiction", raw["jurisdiction"]))
    if "visitor_proxies" in raw:
        proxies = raw["visitor_proxies"] or {}
        settings = replace(settings, visitor_proxies=tuple(
            (check_country(source, f"{where}.visitor_proxies", str(cc)),
             check_url(source, f"{where}.visitor_proxies.{cc}", url)) for cc, url in proxies.items()))
    return settings


def _firm(source: str, prefix: str, raw: dict, defaults: ScanSettings) -> FirmTarget:
    target = FirmTarget(name=raw["firm"]["name"].strip(), source=source)
    if not target.name:
        raise InputError(source, f"{prefix}firm.name", "a non-empty firm name")
    bounded(source, f"{prefix}firm.name", target.name, "firm_name", "a firm name")
    if raw["firm"].get("home_country") is not None:
        target.home_country = check_country(source, f"{prefix}firm.home_country", raw["firm"]["home_country"])
    channels = raw["channels"]
    for kind in ("websites", "affiliates"):
        urls = [check_url(source, f"{prefix}channels.{kind}[{i}]", u)
                for i, u in enumerate(_strings(channels.get(kind)))]
        setattr(target, kind, urls)
    target.apps = {k: _handles(source, f"{prefix}channels.apps.{k}", v)
                   for k, v in (channels.get("apps") or {}).items()}
    target.social = {k: _handles(source, f"{prefix}channels.social.{k}", v)
                     for k, v in (channels.get("social") or {}).items()}
    if not (target.websites or target.affiliates or target.apps or target.social):
        raise InputError(source, f"{prefix}channels", "at least one channel (websites, apps, social, affiliates)")
    target.scan = _scan(source, f"{prefix}scan", raw.get("scan"), defaults)
    return target


def load_profile(path: str | Path) -> list[FirmTarget]:
    """Read a firm profile file: one firm (`firm:`, `channels:`, `scan:`) or several (`firms: [...]`)."""
    source = str(path)
    data = load_yaml(path, schema("crawler.config", "firm-profile"), PROFILE)
    if "firms" not in data:
        return [_firm(source, "", data, ScanSettings())]
    defaults = _scan(source, "scan", data.get("scan"), ScanSettings())
    firms = [_batch_firm(source, i, raw, defaults) for i, raw in enumerate(data["firms"])]
    if all(f.invalid for f in firms):
        raise firms[0].invalid
    slugs = [f.slug for f in firms]
    for i, slug in enumerate(slugs):
        if slugs.index(slug) != i:
            raise InputError(source, f"firms[{i}].firm.name", f"a name unique in the file ({slug!r} repeats)")
    return firms


def _batch_firm(source: str, i: int, raw: dict, defaults: ScanSettings) -> FirmTarget:
    """A firm of a firms file; one whose own entry is bad input comes back marked `invalid`, so that one bad
    entry does not stop a scheduled batch: it is listed in the run's index with the reason (exit 2 at the end)."""
    try:
        return _firm(source, f"firms[{i}].", raw, defaults)
    except InputError as exc:
        # Named by its place in the file (unique, so is its slug) and the start of its name.
        name = f"firms[{i}] {cut(raw['firm']['name'].strip(), INVALID_NAME_CHARS)}".strip()
        return FirmTarget(name=name, source=source, invalid=exc)


def firm_from_urls(urls: list[str]) -> FirmTarget:
    """A firm made from URLs given on the command line, named after the first site's registrable domain."""
    checked = [check_url("command line", f"URL #{i + 1}", u) for i, u in enumerate(urls)]
    name = registrable_domain(urlsplit(checked[0]).hostname or "")
    return FirmTarget(name=name, websites=checked, source="command line")
