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
from detectors.evidence import ChannelEvidence, FirmEvidence
from detectors.listings.apple import AppleLookupError, parse_lookup
from detectors.listings.google_play import is_empty, parse_details
from detectors.listings.storefronts import storefront_results
from detectors.listings.text import document_for
from detectors.model import ChannelResult, ChannelStatus, Scope, sort_key


def storefront_of(url: str, store: str) -> str:
    """The storefront a lookup URL asked about: Apple's `country=`, Google Play's `gl=`."""
    query = parse_qs(urlsplit(url).query)
    return ((query.get("country") if store == "apple" else query.get("gl")) or [""])[0].upper()


def judge_app(channel: ChannelEvidence, ctx: Context, firm: FirmEvidence) -> ChannelResult:
    store = channel.id.split(":")[1]
    listings: dict = {}
    errors: list[dict] = []
    for capture in channel.captures:
        cc = storefront_of(capture.requested_url, store)
        if not cc:
            continue
        status, body = capture.status, capture.body
        if status is None or body is None:
            errors.append({"url": capture.url, "error": f"{cc}: {capture.error or 'not fetched'}"})
            continue
        if store == "apple":
            if status != 200:
                errors.append({"url": capture.url, "error": f"{cc}: HTTP {status}"})
                continue
            try:
                listings[cc] = parse_lookup(body, cc, url=capture.requested_url, fetched_at=capture.fetched_at,
                                            record_id=capture.record_id)
            except AppleLookupError as exc:  # unreadable is inconclusive, never "absent"
                errors.append({"url": capture.url, "error": f"{cc}: unreadable lookup answer ({exc})"})
        elif status == 404:
            listings[cc] = None  # Play's answer for an app not offered in that country
        elif status == 200:
            listing = parse_details(body, capture.url, fetched_at=capture.fetched_at, record_id=capture.record_id)
            if is_empty(listing):
                errors.append({"url": capture.url, "error": f"{cc}: the page parsed empty (layout change?)"})
            else:
                listings[cc] = listing
        else:
            errors.append({"url": capture.url, "error": f"{cc}: HTTP {status}"})

    results = storefront_results(ctx, listings, firm.baseline)
    asked = {storefront_of(c.requested_url, store) for c in channel.captures} - {""}
    eu_asked = sorted(cc for cc in asked if ctx.geo.is_member(cc))
    eu_known = [cc for cc in eu_asked if cc in results and results[cc].status != "inconclusive"]
    result = ChannelResult(id=channel.id, kind=channel.kind, target=channel.target, status=ChannelStatus.ASSESSED,
                           pages_fetched=len(listings), pages_failed=len(asked) - len(listings), errors=errors,
                           discovered=channel.discovered)
    for cc, res in results.items():
        if res.status == "inconclusive":
            errors.append({"url": "", "error": f"{cc}: {res.reason}"})
    if not eu_known:
        answered = any(c.status is not None for c in channel.captures)
        result.status = ChannelStatus.INCONCLUSIVE if answered else ChannelStatus.NOT_ASSESSED
        result.reason = "no EU storefront could be read" if answered else "nothing could be fetched"
        return result
    if len(eu_known) < len(eu_asked):
        result.status = ChannelStatus.PARTIAL
        result.reason = f"{len(eu_asked) - len(eu_known)} EU storefront(s) not readable"
    findings = detect_all(Scope.STOREFRONTS, Storefronts(channel.id, listings, firm.baseline), ctx, channel.kind)
    # The same listing text served in many storefronts is judged once, in the first storefront that has it.
    texts: dict[str, object] = {}
    for cc in sorted(listings):
        if listings[cc] is not None:
            doc = document_for(channel.id, listings[cc])
            texts.setdefault(doc.text, doc)
    findings += analyze_documents(texts.values(), ctx, channel.kind)
    result.findings = sorted(findings, key=sort_key)
    return result
