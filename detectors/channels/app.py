"""Judging an app channel: one listing per storefront (Apple lookup answers, Google Play details pages).

A storefront that could not be read is inconclusive, never "absent"; with no EU storefront readable the channel
is inconclusive (or not assessed when nothing answered). The listing text is judged once, in the first storefront
that has it, by the same document detectors as web pages.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from detectors.analyze import analyze_documents, detect_all
from detectors.appstore import Storefronts
from detectors.context import Context
from detectors.evidence import Capture, ChannelEvidence, FirmEvidence
from detectors.listings.apple import AppleLookupError, parse_lookup
from detectors.listings.google_play import is_empty, parse_details
from detectors.listings.storefronts import storefront_results
from detectors.listings.text import document_for
from detectors.model import ChannelResult, ChannelStatus, Scope, sort_key


def storefront_of(url: str, store: str) -> str:
    """The storefront a lookup URL asked about: Apple's `country=`, Google Play's `gl=`."""
    query = parse_qs(urlsplit(url).query)
    return ((query.get("country") if store == "apple" else query.get("gl")) or [""])[0].upper()


class AppJudge:
    """One app channel: each storefront's listing parsed as its capture arrives (the body is not kept), judged
    across storefronts at the end."""

    def __init__(self, channel: ChannelEvidence, ctx: Context, firm: FirmEvidence) -> None:
        self.channel, self.ctx, self.baseline = channel, ctx, firm.baseline
        self.store = channel.id.split(":")[1]
        # (requested URL, fetch time, record id) -> (storefront, URL, listing or None, error): replayed in that order
        # at the end, so that a storefront asked twice keeps the same answer whatever the arrival order.
        self.answers: dict[tuple[str, str, str], tuple[str, str, object, str]] = {}
        self.asked: set[str] = set()
        self.answered = False

    def add(self, capture: Capture) -> None:
        self.answered |= capture.status is not None
        cc = storefront_of(capture.requested_url, self.store)
        if cc:
            self.asked.add(cc)
            key = (capture.requested_url, capture.fetched_at, capture.record_id)
            self.answers[key] = (cc, capture.url, *self._read(cc, capture))

    def _read(self, cc: str, capture: Capture) -> tuple[object, str]:
        """The storefront's listing (None: not offered there) and "", or None and why it could not be read."""
        status, body = capture.status, capture.body
        if status is None or body is None:
            return None, f"{cc}: {capture.error or 'not fetched'}"
        if self.store == "apple":
            if status != 200:
                return None, f"{cc}: HTTP {status}"
            try:
                return parse_lookup(body, cc, url=capture.requested_url, fetched_at=capture.fetched_at,
                                    record_id=capture.record_id), ""
            except AppleLookupError as exc:  # unreadable is inconclusive, never "absent"
                return None, f"{cc}: unreadable lookup answer ({exc})"
        if status == 404:
            return None, ""  # Play's answer for an app not offered in that country
        if status == 200:
            listing = parse_details(body, capture.url, fetched_at=capture.fetched_at, record_id=capture.record_id)
            if is_empty(listing):
                return None, f"{cc}: the page parsed empty (layout change?)"
            return listing, ""
        return None, f"{cc}: HTTP {status}"

    def finish(self) -> ChannelResult:
        channel, ctx = self.channel, self.ctx
        listings: dict = {}
        errors: list[dict] = []
        for _, (cc, url, listing, error) in sorted(self.answers.items()):
            if error:
                errors.append({"url": url, "error": error})
            else:
                listings[cc] = listing
        results = storefront_results(ctx, listings, self.baseline)
        eu_asked = sorted(cc for cc in self.asked if ctx.geo.is_member(cc))
        eu_known = [cc for cc in eu_asked if cc in results and results[cc].status != "inconclusive"]
        result = ChannelResult(id=channel.id, kind=channel.kind, target=channel.target,
                               status=ChannelStatus.ASSESSED, pages_fetched=len(listings),
                               pages_failed=len(self.asked) - len(listings), errors=errors,
                               discovered=channel.discovered,
                               checked=sorted({url for cc, url, _, error in self.answers.values() if not error}))
        for cc, res in results.items():
            if res.status == "inconclusive":
                errors.append({"url": "", "error": f"{cc}: {res.reason}"})
        if not eu_known:
            result.status = ChannelStatus.INCONCLUSIVE if self.answered else ChannelStatus.NOT_ASSESSED
            result.reason = "no EU storefront could be read" if self.answered else "nothing could be fetched"
            return result
        if len(eu_known) < len(eu_asked):
            result.status = ChannelStatus.PARTIAL
            result.reason = f"{len(eu_asked) - len(eu_known)} EU storefront(s) not readable"
        findings = detect_all(Scope.STOREFRONTS, Storefronts(channel.id, listings, self.baseline), ctx, channel.kind)
        # The same listing text served in many storefronts is judged once, in the first storefront that has it.
        texts: dict[str, object] = {}
        for cc in sorted(listings):
            if listings[cc] is not None:
                doc = document_for(channel.id, listings[cc])
                texts.setdefault(doc.text, doc)
        findings += analyze_documents(texts.values(), ctx, channel.kind)
        result.findings = sorted(findings, key=sort_key)
        return result
