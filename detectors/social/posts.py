"""Social posts and profiles as Documents, and influencer disclosure tags as INFLUENCER findings.

A post's text is the firm's own words (or those of someone posting for it), so its Document is not a platform
page (`platform=False`): LANG, PROMO, BONUS, AFFILIATE (referral links), CURRENCY and DISCLAIMER run on it
unchanged. The platform's own chrome (its UI language, og:locale, hreflang alternates) never gets into these
Documents.

Disclosure tags come from data/lexicons/influencer.yaml: plain phrases ("bezahlte Partnerschaft") go through
the shared phrase matcher, hashtags ("#werbung") through a whole-tag regex built from the same file, since the
word-indexed matcher does not see a leading '#'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from detectors.context import Context
from detectors.data_files import PHRASE_LEXICON, DataFileError, load
from detectors.lang import text_language
from detectors.lexicon import PhraseLexicon, lexicon_from_data
from detectors.model import Document, Finding, Link
from detectors.phrases import page_language, phrase_findings
from detectors.social.profiles import SocialProfile
from detectors.text import snippet

INFLUENCER = "INFLUENCER"  # the catalogue id of the findings made here (not a detector module: no `detect`)
FILE = "lexicons/influencer.yaml"
_HASHTAG = re.compile(r"#\w+")
MIN_LANGUAGE_PROBABILITY = 0.9


class Post(Protocol):
    url: str
    text: str
    links: tuple[Link, ...]


def post_documents(channel: str, page_url: str, fetched_at: str, body_sha256: str, posts: Iterable[Post], *,
                   record_id: str = "", visitor: str = "") -> list[Document]:
    """One Document per post (kind html, url = the post's permalink, requested_url = the page it was read on).

    `channel` is footprint's channel id (social:telegram:nordwind_de); `fetched_at`, `body_sha256` and
    `record_id` are those of the captured page the posts were parsed from. Posts with neither text nor links
    are left out; a post's date, when known, is kept as meta article:published_time.
    """
    docs = []
    for post in posts:
        links = tuple(post.links)
        if not post.text.strip() and not links:
            continue
        date = getattr(post, "date", "")
        docs.append(Document(
            channel=channel, url=post.url, requested_url=page_url, status=200, fetched_at=fetched_at,
            body_sha256=body_sha256, content_type="text/html", kind="html", text=post.text, links=links,
            meta=(("article:published_time", date),) if date else (), platform=False, visitor=visitor,
            record_id=record_id,
        ))
    return docs


def profile_document(channel: str, profile: SocialProfile, fetched_at: str, body_sha256: str, *,
                     record_id: str = "", visitor: str = "") -> Document | None:
    """The account's own words on its profile (bio, about text) and the links it publishes, as a Document.
    The page's meta tags stay out: og:locale and the like are the platform's. None for an empty profile."""
    if profile.empty:
        return None
    return Document(
        channel=channel, url=profile.url, requested_url=profile.url, status=200, fetched_at=fetched_at,
        body_sha256=body_sha256, content_type="text/html", kind="html", title=profile.name,
        text=profile.description, links=profile.links, platform=False, visitor=visitor, record_id=record_id,
    )


@dataclass(frozen=True)
class _Tags:
    phrases: PhraseLexicon | None
    hashtags: re.Pattern | None
    languages_of: dict[str, tuple[str, ...]]  # lower-cased hashtag -> languages that list it


@cache
def _tags() -> _Tags:
    validated = lexicon_from_data(FILE, load(FILE, PHRASE_LEXICON))  # checked as every phrase lexicon is
    phrases: dict[str, list[str]] = {}
    languages_of: dict[str, list[str]] = {}
    for lang, terms in sorted(validated.terms.items()):
        for term in terms:
            if term.startswith("#"):
                if not _HASHTAG.fullmatch(term):
                    raise DataFileError(FILE, f"terms.{lang}", f"a hashtag is '#' and one word, got {term!r}")
                languages_of.setdefault(term.lower(), []).append(lang)
            else:
                phrases.setdefault(lang, []).append(term)
    regex = None
    if languages_of:
        alternatives = "|".join(re.escape(t[1:]) for t in sorted(languages_of, key=lambda t: (-len(t), t)))
        regex = re.compile(rf"(?<![\w#])#(?:{alternatives})(?!\w)", re.IGNORECASE)
    return _Tags(
        phrases=PhraseLexicon(validated.family, phrases) if phrases else None,
        hashtags=regex,
        languages_of={tag: tuple(langs) for tag, langs in languages_of.items()},
    )


def influencer_findings(ctx: Context, doc: Document) -> list[Finding]:
    """INFLUENCER findings for disclosure labels and hashtags in a document's text, one per distinct tag.

    A tag in an EU language points to the member states of that language (#werbung: DE AT BE LU LI); a tag
    several languages share (#reklama) to the post's own language when it is one of them, else to all of
    theirs; an English tag (#ad, "paid partnership") points nowhere in particular and is weaker.
    """
    if doc.kind != "html":
        return []
    tags = _tags()
    found = []
    if tags.phrases is not None:
        # Hashtags blanked out first: "#sponsored post" is the tag #sponsored, not also the label "sponsored post".
        text = tags.hashtags.sub(lambda m: " " * len(m.group(0)), doc.text) if tags.hashtags else doc.text
        found.extend(phrase_findings(doc, ctx, INFLUENCER, tags.phrases, localised_strength="strong",
                                     english_strength="medium", text=text))
    if tags.hashtags is None:
        return found
    seen: set[str] = set()
    own_language: str | None = None
    for match in tags.hashtags.finditer(doc.text):
        tag = match.group(0).lower()
        if tag in seen:
            continue
        seen.add(tag)
        languages = tags.languages_of[tag]
        if len(languages) > 1 and "en" not in languages:
            if own_language is None:
                own_language = _language(doc, ctx)
            if own_language in languages:
                languages = (own_language,)
        untargeted = "en" in languages
        states = () if untargeted else sorted({s for lang in languages for s in ctx.geo.states_for_language(lang)})
        shown = ("en",) if untargeted else languages
        found.append(ctx.finding(
            doc, INFLUENCER, value=tag, snippet=snippet(doc.text, match.start(), match.end()),
            locator=f"text ({', '.join(shown)})", member_states=states, confidence=0.9,
            strength="medium" if untargeted else "strong"))
    return found


def _language(doc: Document, ctx: Context) -> str:
    """The document's declared language, else the language of its text when identified with confidence."""
    declared = page_language(doc)
    if declared:
        return declared
    identified = text_language(doc.text, ctx)
    return identified[0] if identified and identified[1] >= MIN_LANGUAGE_PROBABILITY else ""
