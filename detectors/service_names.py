"""CURRENCY: the currency names of one bare word ("euro", "euros", "forint", "lei"), which news and guides use for
money in general ("15 millones de euros", "the official legal tender is the euro"), name a currency offered only on
the firm's own service pages: its help centre ("Wählen Sie Ihr Euro-Guthaben", "not enough euros in your account") or
its contract ("hereinafter ...": "schimbul între LEI, USD sau EURO și criptomonedă"). Names of several words ("in
euros", "deposit euros") stay offers anywhere, beside an offer word. The bare names are currency.yaml's
`service_names`."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from urllib.parse import urlsplit

from detectors.article_page import help_section
from detectors.data_files import load
from detectors.lexicon import phrase_lexicon
from detectors.model import Document

TERMS_PAGES = "terms_pages"  # the addresses of a firm's terms (terms_pages.yaml)
OWN_TERMS = "own_terms"  # a contract's defining phrases (own_terms.yaml): the page is its publisher's own terms


@cache
def service_names() -> frozenset[str]:
    data = load("lexicons/currency.yaml", "currency")
    return frozenset(n.lower() for spec in data["currencies"].values() for n in spec.get("service_names", ()))


def service_page(doc: Document) -> bool:
    """Whether the page is the firm's own help centre or contract (its defining phrases, or an address that files it
    as the firm's terms: terms_pages.yaml)."""
    return help_section(doc.url) or terms_page(doc.url) or bool(phrase_lexicon(OWN_TERMS).find(doc.text))


@cache
def _terms_names() -> frozenset[str]:
    return frozenset(t.lower() for terms in phrase_lexicon(TERMS_PAGES).terms.values() for t in terms)


def terms_page(url: str) -> bool:
    """Whether a whole segment of the address's path, its file extension dropped, names the firm's terms ("/agb",
    "/tos/", "/terms-of-use"); not a story's slug that begins with the word ("/crypto-terms-explained")."""
    return not _terms_names().isdisjoint(s.rsplit(".", 1)[0] for s in urlsplit(url).path.lower().split("/"))


def bare_name_counts(name: str, on_service_page: Callable[[], bool]) -> bool:
    """Whether a name of one word found on a page (`on_service_page`: whether it is the firm's own, service_page,
    asked only of a bare name) may name a currency offered there."""
    return name.lower() not in service_names() or on_service_page()
