"""Targets -> channel plans: what to fetch for each of a firm's channels, one planner per channel kind.

Websites are grouped by registrable domain (one channel per site, its start URLs followed within it); affiliate
pages by host (the listed pages only); an app is one lookup per EU/EEA storefront plus the non-EU control; a social
account is its profile page (Telegram: the preview and older pages); a supplied file is kept in the archive and
read from there, nothing is fetched. Channels linked from the firm's own pages are planned the same way, marked
discovered.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler.config.defaults import BASELINE_VISITOR, TELEGRAM_PAGES
from crawler.config.profiles import FirmTarget
from crawler.config.scan_config import ScanConfig
from crawler.plan.visitors import profile_for
from detectors.domains import registrable_domain
from detectors.geography import geography
from detectors.listings.apple import lookup_url
from detectors.listings.google_play import details_url
from detectors.model import ChannelKind
from detectors.social.profiles import channel_id, profile_url


@dataclass
class ChannelPlan:
    id: str
    kind: ChannelKind
    target: str
    start_urls: list[str] = field(default_factory=list)
    max_pages: int = 1
    max_depth: int = 0
    spider: str = "pages"  # website: follow links; pages: the start URLs only; none: nothing to fetch
    follow: str = ""  # pages spider: "telegram" follows a preview's older-posts link
    source: str = ""  # supplied material: "posts" (JSON-lines export) or "mail" (mbox)

    def to_dict(self) -> dict:
        return {**asdict(self), "kind": str(self.kind)}

    @classmethod
    def from_dict(cls, data: dict) -> ChannelPlan:
        return cls(**{**data, "kind": ChannelKind(data["kind"])})


def storefronts() -> list[str]:
    """Every EU/EEA storefront, plus the non-EU control."""
    return sorted(geography().member_states) + [BASELINE_VISITOR]


def app_plan(store: str, app_id: str) -> ChannelPlan:
    if store == "apple":
        urls = [lookup_url(app_id, cc) for cc in storefronts()]
    else:
        urls = [details_url(app_id, cc, profile_for(cc).language) for cc in storefronts()]
    return ChannelPlan(f"app:{store}:{app_id}", ChannelKind.APP, app_id, urls, max_pages=len(urls))


def social_plan(platform: str, handle: str) -> ChannelPlan:
    telegram = platform == "telegram"
    url = profile_url(platform, handle)
    return ChannelPlan(channel_id(platform, handle), ChannelKind.SOCIAL, url, [url],
                       max_pages=TELEGRAM_PAGES if telegram else 1, max_depth=TELEGRAM_PAGES,
                       follow="telegram" if telegram else "")


def supplied_plan(source: str, path: str) -> ChannelPlan:
    return ChannelPlan(f"export:{Path(path).name}", ChannelKind.EXPORT, str(path), max_pages=0, spider="none",
                       source=source)


def linked_plan(kind: ChannelKind, where: str, ident: str) -> ChannelPlan:
    """The plan of a channel found linked from the firm's pages: an app listing or a social account."""
    return app_plan(where, ident) if kind == ChannelKind.APP else social_plan(where, ident)


def plan_channels(firm: FirmTarget, config: ScanConfig, exports=(), mails=()) -> list[ChannelPlan]:
    plans: dict[str, ChannelPlan] = {}
    for url in firm.websites:
        site = registrable_domain(urlsplit(url).hostname or "")
        plan = plans.setdefault(f"website:{site}", ChannelPlan(f"website:{site}", ChannelKind.WEBSITE, url,
                                                               max_pages=config.max_pages,
                                                               max_depth=config.max_depth, spider="website"))
        if url not in plan.start_urls:
            plan.start_urls.append(url)
    for url in firm.affiliates:
        host = (urlsplit(url).hostname or "").lower()
        plan = plans.setdefault(f"affiliate:{host}", ChannelPlan(f"affiliate:{host}", ChannelKind.AFFILIATE, url,
                                                                 spider="website"))
        if url not in plan.start_urls:
            plan.start_urls.append(url)
            plan.max_pages = len(plan.start_urls)
    for store, ids in sorted(firm.apps.items()):
        for app_id in ids:
            plan = app_plan(store, app_id)
            plans.setdefault(plan.id, plan)
    for platform, handles in sorted(firm.social.items()):
        for handle in handles:
            plan = social_plan(platform, handle)
            plans.setdefault(plan.id, plan)
    for source, paths in (("posts", exports), ("mail", mails)):
        for path in paths:
            plan = supplied_plan(source, path)
            plans.setdefault(plan.id, plan)
    return list(plans.values())
