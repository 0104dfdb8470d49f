"""Social pages (detectors/social), one test module per module there: handles, telegram, profiles, walls, posts
(posts as Documents for the existing detectors, influencer disclosure tags), and the package as a whole.

Fixtures in tests/pages/social/ are recorded-shape pages of the fictional firm Nordwind Exchange (markup and
class names as the platforms serve them); the rest are small pages written inline. What the modules share is here.
"""

from __future__ import annotations

from pathlib import Path

from detectors.model import Document

PAGES = Path(__file__).resolve().parents[2] / "pages" / "social"
CHANNEL = "social:telegram:nordwind_de"
FETCHED_AT = "2026-01-01T00:00:00Z"
SHA = "0" * 64
NEWEST = "https://t.me/s/nordwind_de"
OLDER = "https://t.me/s/nordwind_de?before=1041"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def observed(findings) -> set[tuple]:
    return {(f.indicator, f.url, tuple(f.member_states), f.evidence.value) for f in findings}


def post_doc(text: str, links=(), html_lang: str = "") -> Document:
    return Document(channel=CHANNEL, url="https://t.me/nordwind_de/1", requested_url=NEWEST, status=200,
                    fetched_at=FETCHED_AT, body_sha256=SHA, text=text, links=tuple(links), html_lang=html_lang)
