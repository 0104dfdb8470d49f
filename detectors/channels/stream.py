"""Judging a firm while its pages arrive: captures in, in any order, one at a time; channel results out at the end.

Each capture is judged when it is added (its document built, or taken as the crawl parsed it, and every document
detector run on it); what the end needs is kept in compact form per channel: the merged findings (one per fact,
detectors/merge.py), what the fetches say about the channel's status, and the views that visitors are compared
on (detectors/geo.py). Neither the body nor the document is kept once add() returns, so memory grows with the
distinct facts and a small summary per page, never with the pages' size. judge_firm (detectors/channels) is this,
fed every capture of the evidence.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from detectors.channels.app import AppJudge
from detectors.channels.pages import after_crawl_failure
from detectors.channels.social import SocialJudge
from detectors.channels.supplied import judge_supplied
from detectors.channels.website import PageRole, WebsiteJudge
from detectors.context import Context
from detectors.domains import registrable_domain
from detectors.evidence import Capture, ChannelEvidence, FirmEvidence
from detectors.geo import PageView
from detectors.model import ChannelKind, ChannelResult, Document, Finding


class FirmJudgement:
    """A firm's channels being judged. `header`: its FirmEvidence without captures (the channels' plans, the firm's
    facts; supplied channels with their material)."""

    def __init__(self, header: FirmEvidence) -> None:
        self.header = header
        first_party = frozenset(registrable_domain(urlsplit(u).hostname or "") for u in header.websites)
        self.ctx = Context(first_party=first_party, home_country=header.home_country)
        self.supplied = [c for c in header.channels if c.kind == ChannelKind.EXPORT]
        self.judges: dict[str, WebsiteJudge | AppJudge | SocialJudge] = {}
        self.channels: dict[str, ChannelEvidence] = {}
        self.finished = False
        for channel in header.channels:
            if channel.kind != ChannelKind.EXPORT:
                self.add_channel(channel)

    def add_channel(self, channel: ChannelEvidence) -> None:
        """A fetched channel to judge too (one planned after the crawl began: discovered from the firm's pages)."""
        if channel.kind == ChannelKind.EXPORT:
            raise ValueError(f"supplied channel {channel.id} belongs in the header")
        if channel.id in self.judges:
            raise ValueError(f"channel {channel.id} is already judged")
        self.channels[channel.id] = channel
        if channel.kind in (ChannelKind.WEBSITE, ChannelKind.AFFILIATE):
            self.judges[channel.id] = WebsiteJudge(channel, self.ctx, self.header)
        elif channel.kind == ChannelKind.APP:
            self.judges[channel.id] = AppJudge(channel, self.ctx, self.header)
        else:
            self.judges[channel.id] = SocialJudge(channel, self.ctx)

    def add(self, capture: Capture, document: Document | None = None, found: list[Finding] | None = None,
            view: PageView | None = None) -> None:
        """Judge one capture of a channel. `document`: the capture's Document when already built (website and
        affiliate channels), else it is built here; `found`: that Document's own findings (`judge_page`) when
        already judged, and `view` its view for the visitor comparison (`judge_in_role`). Nothing of either is kept
        beyond what the end needs."""
        if self.finished:
            raise ValueError("the judgement is finished")
        judge = self.judges.get(capture.channel)
        if judge is None:
            raise ValueError(f"capture of an unknown channel: {capture.channel}")
        if isinstance(judge, WebsiteJudge):
            judge.add(capture, document, found, view)
        else:
            judge.add(capture)

    def page_roles(self) -> dict[str, PageRole]:
        """Channel id -> what judging a page of it takes, for the channels judged page by page (websites,
        affiliates)."""
        return {cid: judge.role for cid, judge in self.judges.items() if isinstance(judge, WebsiteJudge)}

    def linked_accounts(self) -> list[tuple[ChannelKind, str, str]]:
        """(kind, platform or store, id) of the app listings and social accounts linked from the website
        channels' pages added so far, sorted."""
        found = set()
        for judge in self.judges.values():
            if isinstance(judge, WebsiteJudge):
                found |= judge.linked
        return sorted(found)

    def finish(self, crawl_failure: str = "", torn: str = "") -> list[ChannelResult]:
        """Every channel's result: supplied channels first, then the fetched ones in the order they were given.
        `crawl_failure`, `torn`: why the crawl failed and how its archive ends, when they did (else the
        header's and the channels' own)."""
        self.finished = True
        failure = crawl_failure or self.header.crawl_failure
        results = judge_supplied(self.supplied, self.ctx, self.header)
        for channel_id, judge in self.judges.items():
            if isinstance(judge, WebsiteJudge):
                result = judge.finish(torn or self.channels[channel_id].torn)
            else:
                result = judge.finish()
            results.append(after_crawl_failure(result, failure))
        return results
