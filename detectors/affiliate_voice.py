"""AFFILIATE: whether a page that names a referral, affiliate or partner programme pitches its own or reports on
someone else's.

A programme is the site's own when one of its mentions is in the site's own voice (detectors/own_voice.py: "we",
"unser", "notre programme", "Earn with us"; a quoted CEO's "we" in a news story is reported speech) or names the
site within a few lines (the first label of its domain or a clear part of it: "Coinbase-Empfehlungsprogramm" on
help.coinbase.com, "CoinEx" on coinexblog.com). Otherwise the page reports when it shows what reporting and
explaining look like (programme_reporting.yaml: a firm "startet", "lança", "launches" a programme, "nach eigenen
Angaben", "what is a referral code", "the users they bring in are called referrals"), when it reads as an
article (detectors/offer_context.py: a dateline, a reading time, a press agency, quoted people; or its address files
it under a date, a news section or a headline: detectors/article_page.py), or when it names
the programme as another firm's ("Binance-Empfehlungsprogramm" on an encyclopedia). A bare programme name with
none of these (a menu item "Referral Program", the terms of a programme that never name the firm) stays a pitch, and
so does a contract (own_terms.yaml: "hereinafter", "doravante denominada"): its publisher states its own rules.
BONUS asks the same of its incentives (detectors/bonus.py), passing them as mentions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from urllib.parse import urlsplit

from babel import Locale

from detectors.article_page import headline_address, help_section, is_article, page_title
from detectors.call_languages import candidate_languages
from detectors.domains import registrable_domain
from detectors.lexicon import PhraseMatch, phrase_lexicon, words_of
from detectors.model import Document
from detectors.offer_context import offer_context
from detectors.own_voice import offers_own_link, own_voice
from detectors.phrases import page_language
from detectors.text import sentence_bounds

REPORTING = "programme_reporting"
OWN_TERMS = "own_terms"  # a contract's defining phrases: the page is its publisher's own terms
NEAR = 300  # characters on each side of a mention in which the site's name makes the programme its own
_WORD = re.compile(r"\w{3,}")
_OWNER_COMPOUND = re.compile(r"(?<![\w-])([A-Z][\w.]{2,})-$")  # "Binance-" right before "Empfehlungsprogramm"
_OWNER_POSSESSIVE = re.compile(r"(?<![\w-])([A-Z][\w.]{2,})['’]s\s+$")  # "DEGIRO's referral programme"
# "programa de referidos de DEGIRO", "programme de parrainage de Kraken", "programma di affiliazione di eToro":
# the owner named right after the programme, by a preposition and a capital (not "de nuestra plataforma"; not after
# German or Dutch "von", "van", where every noun has a capital: "von Anfang an").
_OWNER_AFTER = re.compile(r"\s+(?:of|de|del|di|da|do|du|des)\s+"
                          r"([A-Z][\w.]{2,}(?:[ \t]+[A-Z][\w.]*){0,2})(?![\w-])")  # up to three words of a name


def _name_parts(url: str) -> tuple[str, tuple[str, ...]]:
    """The first label of the site's registrable domain without hyphens, and its parts of four letters or more."""
    domain = registrable_domain((urlsplit(url).hostname or "").lower())
    label = domain.split(".")[0] if domain else ""
    return label.replace("-", ""), tuple(p for p in label.split("-") if len(p) >= 4)


def _names_site(word: str, label: str, parts: tuple[str, ...]) -> bool:
    """"coinex" on coinexblog.com, "bitstack" on bitstack-app.com, "coinbase" on coinbase.com; not "coin"."""
    word = word.lower()
    if word in parts or word == label:
        return True
    return len(label) >= 4 and len(word) * 2 >= len(label) and (label.startswith(word) or word.startswith(label))


def _own(text: str, match: PhraseMatch, language: str, label: str, parts: tuple[str, ...]) -> bool:
    left, right = sentence_bounds(text, match.start, match.end)
    if own_voice(text[left:right], (language, *match.languages, "en")):
        return True
    window = text[max(0, match.start - NEAR):match.end + NEAR]
    return any(_names_site(w, label, parts) for w in _WORD.findall(window))


def _another_firms(text: str, match: PhraseMatch, label: str, parts: tuple[str, ...], host: str) -> bool:
    """The programme named as a firm's that is not the site: "Binance-Empfehlungsprogramms" on kdj.com, "el programa
    de referidos de DEGIRO" on a blog."""
    owner = _OWNER_COMPOUND.search(text, max(0, match.start - 40), match.start) or \
        _OWNER_POSSESSIVE.search(text, max(0, match.start - 40), match.start) or _OWNER_AFTER.match(text, match.end)
    if not owner:
        return False
    name = owner.group(1)  # "Trade Republic" on traderepublic.com is the site, and "Beispielbank" on beispielbank.xy.de
    if name.split()[0].lower() in _not_names():
        return False  # "referral program of The Year", "programme of March"
    joined = "".join(name.split())
    return not (_names_site(joined, label, parts) or any(_names_site(word, label, parts) for word in name.split())
                or len(joined) >= 4 and joined.lower() in host)


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words after "of" that name no firm: English months and weekdays (babel), articles."""
    return frozenset({"the", "this", "that", "our", "your", *(name.lower() for kind in ("months", "days") for name in
                      getattr(Locale("en"), kind)["format"]["wide"].values())})


def _may_name_owner(text: str) -> bool:
    """Whether a programme may be named as a firm's at all: the dash of "Binance-Empfehlungsprogramm", the "'s" of
    "Solario's referral program", a capital after "de", "of" ("el programa de referidos de DEGIRO")."""
    return "-" in text or "'s " in text or "’s " in text or _OWNER_AFTER.search(text) is not None


def reads_as_article(doc: Document, headline: bool = True) -> bool:
    """Whether the page reads as an article by its text (a dateline, a reading time, a press agency, quoted people:
    detectors/offer_context.py) or is filed as one by its address or markup (detectors/article_page.py), also
    under a headline (`headline`: a campaign's rules are often filed under their own title, "/terms-of-the-spring-
    trading-cup-for-new-users")."""
    return (offer_context(doc.text, frozenset(candidate_languages(doc))).editorial or is_article(doc)
            or headline and headline_address(doc.url))


def reports_on_programme(doc: Document, mentions: Sequence[PhraseMatch] | Callable[[], Sequence[PhraseMatch]],
                         headline: bool = True) -> bool:
    """Whether the page's programme mentions report on or explain a programme rather than pitch the site's own.
    `mentions` may be given as a function that finds them, called only on a page that shows signs of reporting;
    `headline`: whether a page filed under a headline reads as an article (see reads_as_article)."""
    text = doc.text
    if not text:
        return False
    label, parts = _name_parts(doc.url or doc.requested_url)
    # The signs of reporting first (one scan each, the article test shared with other detectors), then the
    # dearer test of the site's own voice around every mention.
    # Reporting words report nowhere in a help centre's FAQ ("What is an order id?" of its own service), nor on a page
    # titled with a programme's name, whatever it defines ("Referral program - a program to reward existing users").
    reported = (bool(phrase_lexicon(REPORTING).find(text)) and not help_section(doc.url) and not programme_page(doc)) \
        or reads_as_article(doc, headline)
    if callable(mentions) and (reported or _may_name_owner(text)):
        mentions = mentions()
    if not mentions or callable(mentions):
        return False
    host = (urlsplit(doc.url or doc.requested_url).hostname or "").replace("-", "")
    if not (reported or any(_another_firms(text, m, label, parts, host) for m in mentions)):
        return False
    language = page_language(doc)
    return not (phrase_lexicon(OWN_TERMS).find(text) or offers_own_link(text, candidate_languages(doc))
                or any(_own(text, m, language, label, parts) for m in mentions))


PROGRAMME_TITLE_WORDS = 5  # a title this short that names a programme is its name: the programme's own page


def programme_page(doc: Document) -> bool:
    """Whether the page's title is a programme's name ("Crypto Affiliate Program", "Ambassador Program"), not a
    headline about programmes ("How Crypto Exchange Referral Programs Work")."""
    title = page_title(doc)
    # The title's own words indexed: the lexicon keeps the page's matches, which AFFILIATE asks for next.
    return len(title.split()) <= PROGRAMME_TITLE_WORDS and \
        bool(phrase_lexicon("partner_programme").find(title, words_of(title)))
