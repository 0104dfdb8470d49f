"""Fixture pages of a few paragraphs, the shape most detector tests write their cases in, the evidence one detector
finds on such a page at a given address (or on a page of a given HTML body), and the PROMO calls found on one."""

from __future__ import annotations

from types import ModuleType

from detectors.context import Context
from detectors.document import build_document
from detectors.model import Document
from detectors.promo import INCENTIVE

EXAMPLE_URL = "https://www.example-firm.com/"


def page_of(lang: str, *paragraphs: str, title: str = "Example") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>{body}</body></html>'


def paragraph_document(lang: str, *paragraphs: str, url: str = EXAMPLE_URL) -> Document:
    """`page_of` as the crawler would build it from a 200 response at `url` (the address some rules read)."""
    return build_document(channel="website:test", requested_url=url, url=url, status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                          body=page_of(lang, *paragraphs).encode())


def found_values(detector: ModuleType, lang: str, *paragraphs: str, url: str = EXAMPLE_URL) -> set[str]:
    """The evidence values a detector module (detectors.currency, detectors.payment ...) finds on such a page."""
    return {f.evidence.value for f in detector.detect(paragraph_document(lang, *paragraphs, url=url), Context())}


def body_document(lang: str, body: str) -> Document:
    """A page of `body` (HTML) as the crawler would build it from a 200 response at EXAMPLE_URL."""
    html = f"<!doctype html><html lang='{lang}'><body>{body}</body></html>"
    return build_document(channel="website:test", requested_url=EXAMPLE_URL, url=EXAMPLE_URL, status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html; charset=utf-8",
                          body=html.encode())


def body_values(detector: ModuleType, lang: str, body: str) -> list[str]:
    """The evidence values, in the detector's order, that a detector module finds on a page of `body` (HTML)."""
    return [f.evidence.value for f in detector.detect(body_document(lang, body), Context())]


def text_codes(body: str, lang: str = "en") -> set[str]:
    """The referral and promo codes AFFILIATE reads in the text of a one-paragraph page (detectors/referral_text.py)."""
    from detectors.affiliate import referral_evidence
    from detectors.referral_text import text_findings

    doc = body_document(lang, f"<p>{body}</p>")
    return {f.evidence.value for f in text_findings(doc, Context(), referral_evidence)}


def promo_calls(detect, lang: str, *paragraphs: str) -> set[tuple[tuple[str, ...], str, str]]:
    """(member states, value, language of the locator) of each PROMO call or offer; the incentives PROMO restates as
    the site's offers are tests/detectors/test_promo_incentives.py's."""
    return {(states, value, locator.rsplit("(", 1)[-1].rstrip(")"))
            for (_, states, value, locator) in detect("promo", page_of(lang, *paragraphs))
            if not locator.startswith(INCENTIVE)}
