"""What a firm's scan decided before crawling (the firm, its channel plans, visitor profiles, configuration),
kept in the archive's warcinfo records, so that `footprint analyze` can rebuild the report from the archive alone."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.plan.channels import ChannelPlan
from detectors.domains import registrable_domain
from detectors.model import ChannelKind


@dataclass
class ScanRecord:
    firm: dict  # name, home_country, slug
    plans: list[ChannelPlan]
    visitors: list[dict]  # visitor profiles, proxies redacted
    config: dict  # ScanConfig.recorded()
    discovered: list[str] = field(default_factory=list)  # ids of channels found linked from the firm's pages
    started_at: str = ""
    nonce: str = ""  # makes the scan id unique; kept in the archive so `analyze` gives the same id
    crawl_limits: list[dict] = field(default_factory=list)  # limits that left URLs unvisited (crawl_limits_of)
    # Vantage point, browser profile, machine (crawler/captures/provenance.py), and what later records add to it
    # (the screenshots' browser); {} in archives written before footprint recorded it.
    provenance: dict = field(default_factory=dict)
    # The warning lists checked when the scan began and their entries that could concern the firm
    # (crawler/store/lists.py `check_for`): kept in the archive, so `analyze` finds the same list hits later.
    warning_lists: dict = field(default_factory=dict)

    def to_dict(self, tool_version: str) -> dict:
        return {"footprint": tool_version, "firm": self.firm, "plans": [p.to_dict() for p in self.plans],
                "visitors": self.visitors, "config": self.config, "scan_nonce": self.nonce,
                "started_at": self.started_at, **({"provenance": self.provenance} if self.provenance else {}),
                **({"warning_lists": self.warning_lists} if self.warning_lists else {})}

    @classmethod
    def planned(cls, data: dict) -> ScanRecord:
        """The record as the scan's first warcinfo record holds it, before anything was crawled; later records
        add to it (`take`)."""
        return cls(firm=data["firm"], plans=[ChannelPlan.from_dict(p) for p in data["plans"]],
                   visitors=data.get("visitors", []), config=data.get("config", {}),
                   started_at=data.get("started_at", ""), nonce=data.get("scan_nonce", ""),
                   provenance=dict(data.get("provenance") or {}), warning_lists=data.get("warning_lists", {}))

    def take(self, info: dict) -> list[ChannelPlan]:
        """What a later warcinfo record adds: channels discovered (returned), crawl limits reached, provenance."""
        found = [ChannelPlan.from_dict(plan) for plan in info.get("discovered_plans", [])]
        self.plans += found
        self.discovered += [plan.id for plan in found]
        self.crawl_limits += crawl_limits_of([info])
        self.provenance.update(info.get("provenance") or {})
        return found

    @property
    def baseline(self) -> str:
        return next((v["country"] for v in self.visitors if v.get("baseline")), "")

    @property
    def visitor_countries(self) -> list[str]:
        return [v["country"] for v in self.visitors]

    @property
    def domains(self) -> list[str]:
        """The registrable domains of the firm's website and affiliate channels (their channel ids name them)."""
        kinds = (ChannelKind.WEBSITE, ChannelKind.AFFILIATE)
        return sorted({registrable_domain(p.id.split(":", 1)[1]) for p in self.plans if p.kind in kinds})

    @property
    def websites(self) -> tuple[str, ...]:
        return tuple(u for p in self.plans if p.kind == ChannelKind.WEBSITE for u in p.start_urls)


def crawl_limits_of(infos: list[dict]) -> list[dict]:
    """Where the page budget or the depth limit stopped a crawl, as its spiders recorded it in the archive:
    {channel, limit (max_pages or max_depth), value, unvisited (URLs found, not fetched), unvisited_exact}."""
    return [limit for info in infos for limit in info.get("crawl_limits", [])]
