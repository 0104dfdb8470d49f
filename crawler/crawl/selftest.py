"""`footprint selftest --live`: fetch one known public page per platform and check that footprint's parsers
still read it, so a user with internet notices when Apple, Google Play or Telegram change their pages.

Opt-in and never part of the tests' network use (the tests run it against the sandbox web). Exit codes: 0 every
parser read its page; 1 a page was fetched but parsed empty (the platform changed: update the parser's table);
3 a page could not be fetched (offline, blocked).
"""

from __future__ import annotations

import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass

from crawler.crawl.egress.addresses import url_refusal
from detectors.listings.apple import AppleLookupError, lookup_url, parse_lookup
from detectors.listings.google_play import details_url, is_empty, parse_details
from detectors.social.telegram import parse_preview

TIMEOUT = 20


@dataclass(frozen=True)
class Check:
    name: str
    url: str
    parse: object  # (body, url) -> a short description of what was read, "" when nothing was


def _apple(body: bytes, url: str) -> str:
    try:
        listing = parse_lookup(body, "US", url=url)
    except AppleLookupError:
        return ""
    return f"{listing.name} by {listing.seller}" if listing and listing.name else ""


def _play(body: bytes, url: str) -> str:
    listing = parse_details(body, url)
    return "" if is_empty(listing) or not listing.title else f"{listing.title} by {listing.developer}"


def _telegram(body: bytes, url: str) -> str:
    page = parse_preview(body, url)
    return f"{page.title}: {len(page.posts)} posts" if page.posts else ""


# Long-lived public listings and channels of the platforms themselves.
CHECKS = (
    Check("Apple lookup", lookup_url("414706506", "us"), _apple),  # Google Translate for iOS
    Check("Google Play details", details_url("com.google.android.apps.translate", "US", "en"), _play),
    Check("Telegram preview", "https://t.me/s/telegram", _telegram),
)


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to hosts the egress policy allows (crawler/crawl/egress/addresses.py)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        reason = url_refusal(newurl)
        if reason:
            raise urllib.error.URLError(f"refused: redirect to {reason}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def run(proxy: str = "", user_agent: str = "", out=print) -> int:
    handlers: list = [urllib.request.ProxyHandler({"http": proxy, "https": proxy})] if proxy else []
    context = ssl.create_default_context()
    if proxy:  # a local proxy such as the sandbox web presents its own certificates
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    handlers += [urllib.request.HTTPSHandler(context=context), _PublicRedirects()]
    opener = urllib.request.build_opener(*handlers)
    if user_agent:
        opener.addheaders = [("User-Agent", user_agent)]
    worst = 0
    for check in CHECKS:
        try:
            with opener.open(check.url, timeout=TIMEOUT) as response:
                body = response.read()
        except OSError as exc:
            out(f"UNREACHABLE  {check.name}: {check.url} ({exc})")
            worst = max(worst, 3)
            continue
        read = check.parse(body, check.url)
        if read:
            out(f"ok           {check.name}: {read}")
        else:
            out(f"CHANGED      {check.name}: {check.url} parsed empty: the platform's page changed")
            worst = 1 if worst == 0 else worst
    return worst
