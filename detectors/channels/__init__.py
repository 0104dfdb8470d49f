"""Judging a firm's channels: its captures (and supplied material) in, one ChannelResult per channel out, each
with a status that says what could be judged and the findings of every indicator at its own scope.

One judge per channel kind; supplied files are judged together, since cross-selling is read across all of them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from detectors.channels.app import judge_app
from detectors.channels.pages import after_crawl_failure
from detectors.channels.social import judge_social
from detectors.channels.supplied import judge_supplied
from detectors.channels.website import judge_website
from detectors.context import Context
from detectors.domains import registrable_domain
from detectors.evidence import FirmEvidence
from detectors.model import ChannelKind, ChannelResult

JUDGES = {ChannelKind.WEBSITE: judge_website, ChannelKind.AFFILIATE: judge_website, ChannelKind.APP: judge_app,
          ChannelKind.SOCIAL: judge_social}


def judge_firm(firm: FirmEvidence) -> list[ChannelResult]:
    """Every channel's result, supplied channels first, then the others in the order given."""
    first_party = frozenset(registrable_domain(urlsplit(u).hostname or "") for u in firm.websites)
    ctx = Context(first_party=first_party, home_country=firm.home_country)
    supplied = [c for c in firm.channels if c.kind == ChannelKind.EXPORT]
    results = judge_supplied(supplied, ctx, firm)
    for channel in firm.channels:
        if channel.kind != ChannelKind.EXPORT:
            results.append(after_crawl_failure(JUDGES[channel.kind](channel, ctx, firm), firm.crawl_failure))
    return results
