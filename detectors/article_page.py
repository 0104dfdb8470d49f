"""Whether a page is a published article (a news story, a blog post) by what its address and markup say of it.

A page filed under its publication date ("/2017/05/cysec-verbietet-...", "/tecnologia/2014/06/12/...",
"/gazdasag/20210919/..."), in a news site's news section ("/actualite/...", "/vijesti/hrvatska/...") or marked up as
news (JSON-LD NewsArticle, BlogPosting) reports:
the amounts and payment rails in its running text are the story's, not the site's offer, unless the site says they
are its own ("we support SEPA"). So does a page filed under a headline of six words or more outside a help centre
("/quels-sont-les-frais-caches-des-plateformes-crypto.html"): a blog post's worked examples ("on 10,000 euros of
trades, that is 5 euros less") are not the site's prices (CURRENCY, PAYMENT: unless the page offers or earns from
them, detectors/headline_story.py), and the referral bonus it describes is another firm's (AFFILIATE, BONUS and
PROMO, through detectors/affiliate_voice.reads_as_article). Read from the page's address and head only: the text's
own marks of an article (reading time, press agencies, people quoted) are in detectors/offer_context.py. A
publication time alone (`article:published_time`) is not read: every social post has one, and a firm's own posts
speak for it.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from urllib.parse import unquote, urlsplit

from detectors.lexicon import phrase_lexicon
from detectors.model import Document

NEWS_SECTIONS = "news_sections"
HELP_SECTIONS = "help_sections"
SECTION_DEPTH = 3  # leading folders of an address read for a news section ("/economia/noticias/...")
HEADLINE_WORDS = 6  # words of a page's own name in its address that make it a story's headline

_YEAR = r"(?:199\d|20[0-3]\d)"
_MONTH = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
# Year and month as folders ("/2017/05/"), a compact date folder ("/20210919/"), an ISO date folder
# ("/2014-06-21/") or day/month/year ("/06/08/2018/"). A year alone ("/reports/2024/") is not enough: firms file
# their own documents by year.
_DATED_PATH = re.compile(rf"/(?:{_YEAR}/{_MONTH}/|{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/|"
                         rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])/|{_DAY}/{_MONTH}/{_YEAR}/)")
_NAME_WORDS = re.compile(r"[-_+~\s]+")
# schema.org types of a published story (an exchange's help-centre "Article" is not one of them).
NEWS_TYPES = frozenset({"NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                        "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting"})


def is_article(doc: Document) -> bool:
    """Whether the page is a published story, as its address or its markup says."""
    return (dated_address(doc.url) or dated_address(doc.requested_url) or news_section(doc.url)
            or any(map(_news_markup, doc.json_ld)))


def dated_address(url: str) -> bool:
    """Whether the address files the page under a publication date."""
    return bool(url) and bool(_DATED_PATH.search(urlsplit(url).path + "/"))


def news_section(url: str) -> bool:
    """Whether the address files the page in a news section: a folder among its first few, not the page itself."""
    folders = _folders(url)
    return bool(folders) and not _sections(NEWS_SECTIONS).isdisjoint(folders)


def headline_address(url: str) -> bool:
    """Whether the page is filed under a headline outside a help centre: its own name in its address has
    HEADLINE_WORDS words or more ("/quels-sont-frais-caches-surveiller-plateformes-crypto.html"), as blogs and news
    sites file a story under its title; a firm names its product pages in a word or two ("/fees", "/karte"), and its
    help answers after their question. Numbers and ids are no words."""
    name = unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2]).partition(".")[0] if url else ""
    return sum(word.isalpha() for word in _NAME_WORDS.split(name)) >= HEADLINE_WORDS and not help_section(url)


def help_section(url: str) -> bool:
    """Whether the address files the page in the firm's help centre: its host's first label ("help.example.com")
    or a folder among the first few ("/support/...", "/hilfe/...")."""
    if not url:
        return False
    labels = (urlsplit(url).hostname or "").split(".")
    # "help" of help.example.com or of exchange-support.example.com, not "example" of example.com
    subdomain = [labels[0], *labels[0].split("-")] if len(labels) > 2 else []
    folders = _folders(url)  # and the words of a folder's name ("/en-articles-help/")
    return not _sections(HELP_SECTIONS).isdisjoint([*folders, *(w for f in folders if "-" in f for w in f.split("-"))]
                                                   + subdomain)


def _folders(url: str) -> list[str]:
    """The first few folders of an address, lower-cased: not the page itself."""
    return [s for s in urlsplit(url).path.lower().split("/") if s][:-1][:SECTION_DEPTH] if url else []


@cache
def _sections(lexicon: str) -> frozenset[str]:
    return frozenset(term.lower() for terms in phrase_lexicon(lexicon).terms.values() for term in terms)


@lru_cache(maxsize=512)  # a site repeats its JSON-LD blocks on every page
def _news_markup(block: str) -> bool:
    try:
        return any(t in NEWS_TYPES for t in _types(json.loads(block)))
    except (ValueError, RecursionError):
        return False


def _types(node):
    if isinstance(node, dict):
        kind = node.get("@type")
        yield from (k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str))
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            yield from _types(node.get(key))
    elif isinstance(node, list):
        for item in node:
            yield from _types(item)


TITLE_WORDS = 14  # a first line this short stands for the title of a page that has none
TITLE_LINES = 8  # lines of the text read for that first line


def page_title(doc: Document) -> str:
    """The page's title: its <title>, else its first heading, else a short first line of two words or more."""
    if doc.title or doc.headings:
        return doc.title or doc.headings[0]
    first = next((line for line in first_lines(doc) if len(line.split()) >= 2), "")
    return first if titles(first) else ""


def first_lines(doc: Document) -> list[str]:
    """The text's first few non-blank lines, stripped."""
    return [line.strip() for line in doc.text.split("\n", TITLE_LINES)[:TITLE_LINES] if line.strip()]


def titles(line: str) -> bool:
    """Whether a line can stand for a title: short, ending no sentence."""
    return len(line.split()) <= TITLE_WORDS and not line.endswith((".", "!", ";", ":"))
