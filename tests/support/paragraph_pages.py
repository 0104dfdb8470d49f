"""Fixture pages of a few paragraphs, the shape most detector tests write their cases in, and the PROMO calls
found on one."""

from __future__ import annotations

from detectors.promo import INCENTIVE


def page_of(lang: str, *paragraphs: str, title: str = "Example") -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>{body}</body></html>'


def promo_calls(detect, lang: str, *paragraphs: str) -> set[tuple[tuple[str, ...], str, str]]:
    """(member states, value, language of the locator) of each PROMO call or offer; the incentives PROMO restates as
    the site's offers are tests/detectors/test_promo_incentives.py's."""
    return {(states, value, locator.rsplit("(", 1)[-1].rstrip(")"))
            for (_, states, value, locator) in detect("promo", page_of(lang, *paragraphs))
            if not locator.startswith(INCENTIVE)}
