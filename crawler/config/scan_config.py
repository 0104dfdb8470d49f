"""A run's options and each firm's resolved, immutable scan configuration.

Precedence, lowest first: the declared defaults (defaults.py) < a firms file's shared `scan:` < the firm's own
`scan:` < the command line. `ScanConfig.recorded()` is what goes into the capture archive and the report
(`scan.config`), and `footprint analyze` reads it back from there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from crawler.config.defaults import DEFAULT_EU_VISITOR, FIRM_SETTINGS, FORMATS, OUT, SETTINGS
from crawler.config.profiles import FirmTarget


@dataclass(frozen=True)
class RunOptions:
    """What the command line says for a whole run. `settings` holds the firm settings given on the command line
    (max_pages, render...), which override every profile's."""

    out: Path = Path(OUT)
    proxy: str = ""
    formats: tuple[str, ...] = FORMATS
    fail_on: str = ""
    fail_on_new: str = ""  # exit 5 when new findings sit on a channel at this level or above
    since_last: bool = False  # mark what is new since the firm's previous complete scan in the store
    validate: bool = False  # --validate: each report checked against its schema before it is written
    parallel: int = SETTINGS["parallel"].default
    user_agent: str = ""
    progress: bool = True
    exports: tuple[str, ...] = ()  # posts exports (JSON lines) the firm supplies
    mails: tuple[str, ...] = ()  # mbox files of e-mail campaigns
    same_type_window: int = SETTINGS["same_type_window"].default
    visitors: tuple[str, ...] = ()
    visitor_proxies: dict[str, str] = field(default_factory=dict)
    jurisdiction: str = ""  # --jurisdiction: overrides every profile's
    settings: dict[str, object] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)  # recorded in the configuration as is ({"demo": true})
    host_slots: str = ""  # a fleet worker's store URL: turns at hosts claimed there (crawler/crawl/host_slots.py)


@dataclass(frozen=True)
class ScanConfig:
    """One firm's scan settings, resolved."""

    max_pages: int
    max_depth: int
    render: str
    delay: float
    obey_robots: bool
    screenshots: bool
    allow_private: bool
    visitors: tuple[str, ...]
    visitor_proxies: dict[str, str]
    formats: tuple[str, ...]
    same_type_window_days: int
    via_proxy: bool
    jurisdiction: str = ""
    # The EU visitor added because none was asked for (`default_visitor`, below); "" when `visitors` were given.
    default_visitor: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    def recorded(self) -> dict:
        """The configuration as the archive and the report keep it (proxies left out: they may carry secrets)."""
        return {**{name: getattr(self, name) for name in FIRM_SETTINGS}, "via_proxy": self.via_proxy,
                "formats": list(self.formats), "same_type_window_days": self.same_type_window_days,
                **({"jurisdiction": self.jurisdiction} if self.jurisdiction else {}), **self.extra}


def resolve(firm: FirmTarget, options: RunOptions) -> ScanConfig:
    """The firm's configuration: its profile's settings (defaults and shared `scan:` already applied when the
    profile was read), overridden by what the command line gave."""
    chosen = {name: options.settings.get(name, getattr(firm.scan, name)) for name in FIRM_SETTINGS}
    jurisdiction = options.jurisdiction or firm.scan.jurisdiction
    asked = tuple(options.visitors or firm.scan.visitors)
    default = "" if asked else default_visitor(jurisdiction)
    return ScanConfig(
        **chosen,
        visitors=asked or (default,),
        visitor_proxies={**dict(firm.scan.visitor_proxies), **options.visitor_proxies},
        formats=tuple(options.formats),
        same_type_window_days=options.same_type_window,
        via_proxy=bool(options.proxy or os.environ.get("HTTPS_PROXY") or os.environ.get("HTTP_PROXY")),
        jurisdiction=jurisdiction,
        default_visitor=default,
        extra=dict(options.extra),
    )


def default_visitor(jurisdiction: str) -> str:
    """The EU visitor of a scan that names none (`--visitor`, the firm's `visitors:`): the state whose view the
    report takes (`--jurisdiction`, a supervisor's own), else DEFAULT_EU_VISITOR. `--visitor US` (the baseline
    alone) names one, and keeps a scan to the baseline visitor."""
    return jurisdiction or DEFAULT_EU_VISITOR
