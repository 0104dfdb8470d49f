"""Channels other than websites: app-store listings (one lookup per storefront) and social pages.

Planning says what to fetch for each; judging turns the captures into a ChannelResult with the same statuses and
evidence rules as websites. Never a clean result for want of evidence: a storefront that could not be read, a
login or bot wall, a missing account or a page that parses empty is `inconclusive` or `not-assessed`, with the
reason.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from crawler.captures import ChannelCaptures
from crawler.visitors import BASELINE, profile_for
from detectors.analyze import analyze_documents, sort_key
from detectors.context import Context
from detectors.document import sha256
from detectors.listings.apple import AppleLookupError, lookup_url, parse_lookup
from detectors.listings.google_play import details_url, is_empty, parse_details
from detectors.listings.storefronts import appstore_findings, storefront_results
from detectors.listings.text import document_for
from detectors.model import ChannelResult
from detectors.social.posts import influencer_findings, post_documents, profile_document
from detectors.social.profiles import channel_id, parse_profile, profile_url
from detectors.social.telegram import parse_preview
from detectors.social.walls import NOT_FOUND, wall

TELEGRAM_PAGES = 3  # preview pages per Telegram channel: the newest posts and two pages of older ones


def storefronts(ctx: Context) -> list[str]:
    """Every EU/EEA storefront, plus the non-EU control."""
    return sorted(ctx.geo.member_states) + [BASELINE]


def app_plan(store: str, app_id: str, ctx: Context) -> dict:
    if store == "apple":
        urls = [lookup_url(app_id, cc) for cc in storefronts(ctx)]
    else:
        urls = [details_url(app_id, cc, profile_for(cc).language) for cc in storefronts(ctx)]
    return {"id": f"app:{store}:{app_id}", "kind": "app", "target": app_id, "start_urls": urls,
            "max_pages": len(urls), "max_depth": 0, "spider": "pages", "follow": ""}


def social_plan(platform: str, handle: str) -> dict:
    telegram = platform == "telegram"
    return {"id": channel_id(platform, handle), "kind": "social", "target": profile_url(platform, handle),
            "start_urls": [profile_url(platform, handle)], "max_pages": TELEGRAM_PAGES if telegram else 1,
            "max_depth": TELEGRAM_PAGES, "spider": "pages", "follow": "telegram" if telegram else ""}


def _storefront(url: str, store: str) -> str:
    query = parse_qs(urlsplit(url).query)
    return ((query.get("country") if store == "apple" else query.get("gl")) or [""])[0].upper()


def assess_app(channel: str, target: str, captures: ChannelCaptures, ctx: Context) -> ChannelResult:
    store = channel.split(":")[1]
    listings: dict = {}
    errors: list[dict] = []
    for record in captures.records:
        cc = _storefront(record["requested_url"], store)
        if not cc:
            continue
        status, body = record.get("status"), record.get("body")
        if status is None or body is None:
            errors.append({"url": record["url"], "error": f"{cc}: {record.get('error', 'not fetched')}"})
            continue
        if store == "apple":
            if status != 200:
                errors.append({"url": record["url"], "error": f"{cc}: HTTP {status}"})
                continue
            try:
                listings[cc] = parse_lookup(body, cc, url=record["requested_url"], fetched_at=record["fetched_at"],
                                            record_id=record.get("record_id", ""))
            except AppleLookupError as exc:  # unreadable is inconclusive, never "absent"
                errors.append({"url": record["url"], "error": f"{cc}: unreadable lookup answer ({exc})"})
        elif status == 404:
            listings[cc] = None  # Play's answer for an app not offered in that country
        elif status == 200:
            listing = parse_details(body, record["url"], fetched_at=record["fetched_at"],
                                    record_id=record.get("record_id", ""))
            if is_empty(listing):
                errors.append({"url": record["url"], "error": f"{cc}: the page parsed empty (layout change?)"})
            else:
                listings[cc] = listing
        else:
            errors.append({"url": record["url"], "error": f"{cc}: HTTP {status}"})

    results = storefront_results(ctx, listings)
    asked = {_storefront(r["requested_url"], store) for r in captures.records} - {""}
    eu_asked = sorted(cc for cc in asked if ctx.geo.is_member(cc))
    eu_known = [cc for cc in eu_asked if cc in results and results[cc].status != "inconclusive"]
    result = ChannelResult(id=channel, kind="app", target=target, status="assessed",
                           pages_fetched=len(listings), pages_failed=len(asked) - len(listings), errors=errors)
    for cc, res in results.items():
        if res.status == "inconclusive":
            errors.append({"url": "", "error": f"{cc}: {res.reason}"})
    if not eu_known:
        answered = any(r.get("status") is not None for r in captures.records)
        result.status = "inconclusive" if answered else "not-assessed"
        result.reason = "no EU storefront could be read" if answered else "nothing could be fetched"
        return result
    if len(eu_known) < len(eu_asked):
        result.status, result.reason = "partial", f"{len(eu_asked) - len(eu_known)} EU storefront(s) not readable"
    findings = appstore_findings(ctx, channel, listings)
    # The same listing text served in many storefronts is judged once, in the first storefront that has it.
    texts: dict[str, object] = {}
    for cc in sorted(listings):
        if listings[cc] is not None:
            doc = document_for(channel, listings[cc])
            texts.setdefault(doc.text, doc)
    findings += analyze_documents(texts.values(), ctx, "app")
    result.findings = sorted(findings, key=sort_key)
    return result


def assess_social(channel: str, target: str, captures: ChannelCaptures, ctx: Context) -> ChannelResult:
    platform = channel.split(":")[1]
    result = ChannelResult(id=channel, kind="social", target=target, status="assessed")
    docs = []
    walls = []
    for record in captures.records:
        status, body = record.get("status"), record.get("body")
        if status is None or body is None:
            result.errors.append({"url": record["url"], "error": record.get("error", "not fetched")})
            result.pages_failed += 1
            continue
        blocked = wall(platform, status, body, record["url"])
        if blocked:
            walls.append(blocked)
            result.errors.append({"url": record["url"], "error": blocked})
            continue
        common = dict(fetched_at=record["fetched_at"], record_id=record.get("record_id", ""))
        sha = sha256(body)
        if platform == "telegram":
            page = parse_preview(body, record["url"])
            if page.empty:
                walls.append("empty parse")
                continue
            docs += post_documents(channel, record["url"], body_sha256=sha, posts=page.posts, **common)
        else:
            profile = parse_profile(platform, body, record["url"])
            doc = profile_document(channel, profile, body_sha256=sha, **common)
            if doc is None:
                walls.append("empty parse")
                continue
            docs.append(doc)
        result.pages_fetched += 1
    if not docs:
        answered = any(r.get("status") is not None for r in captures.records)
        reason = walls[0] if walls else "nothing could be fetched"
        result.status = "not-assessed" if (not answered or reason == NOT_FOUND) else "inconclusive"
        result.reason = reason if reason != "empty parse" else "the page parsed empty (layout change?)"
        return result
    if walls or result.pages_failed:
        result.status, result.reason = "partial", "; ".join(sorted(set(walls))) or "some pages failed"
    findings = analyze_documents(docs, ctx, "social")
    for doc in docs:
        findings += influencer_findings(ctx, doc)
    unique = {f.id: f for f in findings}
    result.findings = sorted(unique.values(), key=sort_key)
    return result




def supplied_plan(source: str, path: str) -> dict:
    """Material the firm supplies (a posts export, an mbox of campaigns): kept in the archive, judged like pages."""
    from pathlib import Path

    name = Path(path).name
    return {"id": f"export:{name}", "kind": "export", "target": str(path), "start_urls": [], "max_pages": 0,
            "max_depth": 0, "spider": "none", "follow": "", "source": source}


def assess_supplied(plans: list, archive, ctx: Context, window_days: int) -> list[ChannelResult]:
    """Every supplied file of a firm: its items judged by the usual detectors, problems listed with their line or
    message number, and cross-selling (Art. 61(2)) judged over all of them together, as one audience history."""
    import tempfile
    from pathlib import Path

    from crawler.inputs import export_items, mail_items, read_mbox, read_posts_export
    from detectors.cross_sell import cross_sell_findings

    results, all_items = [], []
    for plan in plans:
        result = ChannelResult(id=plan.id, kind="export", target=plan.target, status="assessed")
        stored = next((r for r in archive.captures if r["channel"] == plan.id and r.get("supplied")), None)
        if stored is None:
            result.status, result.reason = "not-assessed", "the supplied file is not in the archive"
            results.append(result)
            continue
        name = Path(plan.target).name
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / name
            copy.write_bytes(stored["body"])
            read = read_posts_export(copy) if plan.source == "posts" else read_mbox(copy)
        items = export_items(read, name) if plan.source == "posts" else mail_items(read, name)
        where = "line" if plan.source == "posts" else "message"
        prefix = "export" if plan.source == "posts" else "mbox"
        for problem in read.problems:
            result.errors.append({"url": f"{prefix}:{name}/{where}-{problem[where]}",
                                  "error": f"{where} {problem[where]}: {problem['field']}: {problem['error']}"})
        result.pages_fetched, result.pages_failed = len(items), len(read.problems)
        if not items:
            result.status = "inconclusive"
            result.reason = f"no readable {'post' if plan.source == 'posts' else 'message'} in the file"
        elif read.problems:
            result.status, result.reason = "partial", f"{len(read.problems)} {where}(s) could not be read"
        result.findings = analyze_documents([doc for doc, _ in items], ctx, "export") if items else []
        all_items += items
        results.append(result)
    sells = cross_sell_findings(ctx, sorted(all_items, key=lambda item: item[0].fetched_at),
                                window_days=window_days)
    for result in results:
        result.findings = sorted(result.findings + [f for f in sells if f.channel == result.id], key=sort_key)
    return results


_APPLE_ID = re.compile(r"/id(\d{6,12})(?:$|[/?])")


def linked_channels(documents) -> list[tuple[str, str, str]]:
    """(kind, platform or store, id) of the app listings and social accounts a firm's own pages link to: app
    badges and "follow us" links. They become channels of their own, marked as discovered, not listed."""
    from detectors.social.profiles import handle_from_url

    found: set[tuple[str, str, str]] = set()
    for doc in documents:
        for link in doc.links:
            parts = urlsplit(link.url)
            host = (parts.hostname or "").lower()
            if host == "apps.apple.com" or host == "itunes.apple.com" and "/app/" in parts.path:
                match = _APPLE_ID.search(parts.path)
                if match:
                    found.add(("app", "apple", match.group(1)))
            elif host == "play.google.com" and parts.path.startswith("/store/apps/details"):
                package = (parse_qs(parts.query).get("id") or [""])[0]
                if re.fullmatch(r"[A-Za-z][\w]*(\.[A-Za-z][\w]*)+", package):
                    found.add(("app", "google", package))
            else:
                account = handle_from_url(link.url)
                if account:
                    found.add(("social", account[0], account[1]))
    return sorted(found)
