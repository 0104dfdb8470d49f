"""Host names to registrable domains (public suffix list), in a module of their own: the crawl child needs them for
every link, and nothing else of the detectors' context (catalogue, geography, their data files and schemas)."""

from __future__ import annotations

from functools import cache, lru_cache

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    # The public suffix list snapshot bundled with tldextract: never fetched at run time (no network in the core).
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def split_host(host: str) -> tuple[str, str, str]:
    """(subdomain, registrable domain, public suffix) of a host name."""
    parts = _extractor()(host.lower().rstrip("."))
    registrable = parts.top_domain_under_public_suffix or host.lower()
    return parts.subdomain, registrable, parts.suffix


def registrable_domain(host: str) -> str:
    return split_host(host)[1]
