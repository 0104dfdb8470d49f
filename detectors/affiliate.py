"""AFFILIATE: referral and invite codes in links, affiliate-network tracking, partner-programme pages.

A link carries a code when a referral parameter has a value (ref=, invite_code=, vipCode=), a short generic
parameter (c=, r=, code=) holds something code-like, a path names an invite keyword followed by a code
(/join/<code>, /r/<code>), or a short path is itself a code (a tracking short link such as s.brand.com/UzkyODgy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import parse_qsl, urlsplit

from detectors.context import Context, registrable_domain
from detectors.data_files import distinct, load
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import phrase_findings
from detectors.platforms import platform_kind

INDICATOR = "AFFILIATE"
FILE = "lexicons/affiliate.yaml"
_VOWELS = set("aeiouy")


@dataclass(frozen=True)
class _Rules:
    referral_params: frozenset[str]
    generic_params: frozenset[str]
    network_params: dict[str, str]
    network_hosts: dict[str, str]
    path_keywords: frozenset[str]
    path_patterns: tuple[re.Pattern, ...]


@cache
def _rules() -> _Rules:
    data = load(FILE, "affiliate")
    for key in ("referral_params", "generic_params", "path_keywords", "path_patterns"):
        distinct(FILE, key, data[key])
    lower = lambda key: frozenset(s.lower() for s in data[key])  # noqa: E731
    return _Rules(
        referral_params=lower("referral_params"),
        generic_params=lower("generic_params"),
        network_params={k.lower(): v for k, v in data["network_params"].items()},
        network_hosts={k.lower(): v for k, v in data["network_hosts"].items()},
        path_keywords=lower("path_keywords"),
        path_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["path_patterns"]),
    )


def looks_like_code(token: str) -> bool:
    """Whether a string looks generated rather than written: letters with digits, inner capitals, or a long run
    of letters with almost no vowels ("UzkyODgy", "CCXT2023", "kdacthrnxt"; not "trade", "bitcoin-kaufen")."""
    if not 5 <= len(token) <= 64 or not re.fullmatch(r"[A-Za-z0-9]+", token):
        return False
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    if any(c.isdigit() for c in token):
        return True
    if any(c.isupper() for c in token[1:]) and any(c.islower() for c in token):
        return True
    vowels = sum(1 for c in letters if c.lower() in _VOWELS)
    return len(letters) >= 8 and vowels / len(letters) < 0.25


@lru_cache(maxsize=16384)  # a site's header and footer links repeat on every page: judge each URL once
def referral_evidence(url: str) -> tuple[str, str] | None:
    """(what was recognised, the code or id) when a link carries a referral code or affiliate tracking."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    rules = _rules()
    host = (parts.hostname or "").lower()
    network = rules.network_hosts.get(registrable_domain(host)) if host else None
    for name, value in parse_qsl(parts.query, keep_blank_values=False):
        key = name.lower()
        if key in rules.network_params:
            return f"{rules.network_params[key]} click id ({name})", value
        if key in rules.referral_params and value.strip():
            return f"referral parameter {name}", value
        if key in rules.generic_params and looks_like_code(value):
            return f"code-like parameter {name}", value
    if network:
        return f"{network} affiliate network link", host
    segments = [s for s in parts.path.split("/") if s]
    for i, segment in enumerate(segments[:-1]):
        if segment.lower() in rules.path_keywords:
            return f"invite path /{segment}/", segments[i + 1]
    for segment in segments:
        if any(p.match(segment) for p in rules.path_patterns):
            return "referral path", segment
    # On a platform (x.com/ExampleFirm, linkedin.com/company/ExampleFirm) a short path is a handle, not a code.
    if 1 <= len(segments) <= 2 and not platform_kind(host) and looks_like_code(segments[-1]):
        return "code-like short link", segments[-1]
    return None


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    found: dict[str, Finding] = {}
    for link in doc.links:
        evidence = referral_evidence(link.url)
        if evidence:
            what, code = evidence
            value = f"{what}: {code}"
            found.setdefault(value, ctx.finding(
                doc, INDICATOR, value=value, snippet=f'<a href="{link.url}">{link.text}</a>', locator="a[href]",
                confidence=0.9, strength="strong"))
    evidence = referral_evidence(doc.requested_url)
    if evidence:
        value = f"{evidence[0]}: {evidence[1]}"
        found.setdefault(value, ctx.finding(doc, INDICATOR, value=value, snippet=doc.requested_url,
                                            locator="requested url", confidence=0.9, strength="strong"))
    programme = phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("partner_programme"),
                                localised_strength="strong", english_strength="medium")
    return [found[k] for k in sorted(found)] + programme
