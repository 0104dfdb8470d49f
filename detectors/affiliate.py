"""AFFILIATE: referral and invite codes in links and in text, affiliate-network tracking, partner programmes.

A link carries a code when a referral parameter holds one (ref=, invite_code=, vipCode=), a short generic
parameter (c=, r=, a=, i=) holds something generated, a path names an invite keyword followed by a code
(/join/<code>, /r/<code>), a referral host names one (ref.brand.com/1090961), or a one- or two-segment path is
itself a generated token (s.brand.com/UzkyODgy). A section slug (/presse, /de/kontakt), a dictionary word after
an invite keyword (/invite/friends) and a share button (t.me/share/url, facebook.com/sharer.php?u=...) are not.
Codes and referral links written in the page's text: detectors/referral_text.py; a site's own disclosure that it
is paid per client its links send: detectors/affiliate_disclosure.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import parse_qsl, urlsplit

from detectors.affiliate_disclosure import disclosure_findings
from detectors.affiliate_programme import FRIENDS, reward_rule_findings
from detectors.affiliate_voice import reports_on_programme
from detectors.context import Context
from detectors.data_files import distinct, load
from detectors.domains import registrable_domain
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import phrase_findings
from detectors.platforms import platform_kind
from detectors.referral_text import text_findings
from detectors.restricted_countries import discusses_the_rule
from detectors.urls import URLS_KEPT

INDICATOR = "AFFILIATE"
FILE = "lexicons/affiliate.yaml"
_VOWELS = set("aeiouy")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_CAMEL_WORDS = re.compile(r"(?:[A-Z][a-z]+)+")  # YouTube, McDonalds: words, not a code
_WORD_NUMBER = re.compile(r"[a-z]+[-_]?\d{1,4}")  # step2, web3, bitcoin2024: a word and a number
_SLUG_NUMBER = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")  # the number in an article's slug: 3, 2026, 3rd
# A plain link: no port, user, query or fragment, a path of letters, digits and hyphens (/pt/price/bnb, /trade/BTC-EUR).
_PLAIN_URL = re.compile(r"https?://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)((?:/[A-Za-z0-9-]*)*)")


@dataclass(frozen=True)
class _Rules:
    referral_params: frozenset[str]
    source_tags: frozenset[str]
    generic_params: frozenset[str]
    digit_params: frozenset[str]
    share_params: frozenset[str]
    share_segments: frozenset[str]
    network_params: dict[str, str]
    network_hosts: dict[str, str]
    path_keywords: frozenset[str]
    signup_keywords: frozenset[str]
    host_labels: frozenset[str]
    path_words: frozenset[str]
    path_patterns: tuple[re.Pattern, ...]
    shorteners: frozenset[str]


_LISTS = ("referral_params", "source_tags", "generic_params", "digit_params", "share_params", "share_segments",
          "path_keywords", "signup_keywords", "host_labels", "path_words", "path_patterns", "shorteners")


@cache
def _rules() -> _Rules:
    data = load(FILE, "affiliate")
    for key in _LISTS:
        distinct(FILE, key, data[key])
    lower = {key: frozenset(s.lower() for s in data[key]) for key in _LISTS if key != "path_patterns"}
    return _Rules(
        **lower,
        network_params={k.lower(): v for k, v in data["network_params"].items()},
        network_hosts={k.lower(): v for k, v in data["network_hosts"].items()},
        path_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["path_patterns"]),
    )


def looks_like_code(token: str) -> bool:
    """Whether a string looks generated rather than written: letters with digits, inner capitals, or a long run
    of letters with almost no vowels ("UzkyODgy", "CCXT2023", "kdacthrnxt"; not "trade", "bitcoin-kaufen", nor an
    article's slug, "why-is-my-3rd-reward-late")."""
    if not 5 <= len(token) <= 64 or not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", token):
        return False
    if _phrase_slug(token):
        return False
    letters = [c for c in token if c.isalpha()]
    if not letters:
        return False
    if any(c.isdigit() for c in token):
        return not _WORD_NUMBER.fullmatch(token)
    if token.isupper() and "-" not in token:
        return True  # UBFZJRPJ, EZWETQE: capitals written as a code
    if any(c.isupper() for c in token[1:]) and any(c.islower() for c in token):
        return not _CAMEL_WORDS.fullmatch(token)
    vowels = sum(1 for c in letters if c.lower() in _VOWELS)
    return len(letters) >= 8 and vowels / len(letters) < 0.25


def _phrase_slug(token: str) -> bool:
    """An article's slug: three words or more in small letters, with short numbers, joined by hyphens."""
    parts = token.split("-")
    words = sum(1 for part in parts if part.isalpha() and part.islower())
    return words >= 3 and all(part.isalpha() and part.islower() or _SLUG_NUMBER.fullmatch(part) for part in parts)


def _generated(token: str) -> bool:
    """Stricter, for a bare path with no referral keyword: capitals and small letters mixed as no word is
    (bfQiSL, UzkyODgy, N3JuT1R3bWxKTE0), never a slug, a word, a word with a number or a camel-case name."""
    if not 5 <= len(token) <= 40 or not token.isalnum() or not token.isascii():
        return False
    if not (any(c.isupper() for c in token) and any(c.islower() for c in token)):
        return False
    pairs = zip(token, token[1:], strict=False)
    switches = sum(1 for a, b in pairs if a.isalpha() and b.isalpha() and a.isupper() != b.isupper())
    digit = any(c.isdigit() for c in token)
    return switches >= (2 if digit else 3) and not _CAMEL_WORDS.fullmatch(token)


def _path_code(token: str, rules: _Rules, keyword: str = "") -> bool:
    """A code after an invite keyword: anything generated, a number, or a made-up lowercase name (ccxt)."""
    if not _TOKEN.fullmatch(token) or len(token) > 64 or token.lower() in rules.path_words:
        return False
    if looks_like_code(token) or (token.isdigit() and len(token) >= 5):
        return True
    if re.fullmatch(r"[A-Za-z0-9]{3,}", token) and any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
        return True  # ccxt24, 44893A, 3VB0B
    if re.fullmatch(r"[A-Z0-9]{4,}", token):
        return True
    if keyword in ("ref", "referral") and token.isalpha() and token.isascii() and len(token) >= 4:
        return True  # a chosen referral name: indodax.com/ref/testbitcoincoid/1
    letters = token.lower()
    return letters.isalpha() and 4 <= len(letters) <= 12 and sum(c in _VOWELS for c in letters) / len(letters) < 0.25


def _params(parts) -> list[tuple[str, str]]:
    """Query parameters of the query and of a fragment router (#/register?key=..., #a=...)."""
    pairs = parse_qsl(parts.query, keep_blank_values=False)
    fragment = parts.fragment
    if "=" in fragment:
        pairs += parse_qsl(fragment.split("?", 1)[1] if "?" in fragment else fragment, keep_blank_values=False)
    return pairs


def _source_tag(value: str, rules: _Rules) -> bool:
    """?ref=footer, ?ref=news-topnav, ?ref=websitebluefooter, ?ref=lof: where a click came from, in small letters
    (a code has capitals or digits, or is a made-up name of four letters or more: ccxt, itej)."""
    if value != value.lower() or any(c.isdigit() for c in value):
        return False
    return len(value) < 4 or value in rules.source_tags or any(
        tag in value for tag in rules.source_tags if len(tag) >= 4)


def _param_evidence(pairs: list[tuple[str, str]], rules: _Rules, signup: bool,
                    path: str = "") -> tuple[str, str] | None:
    for name, value in pairs:
        key, value = name.lower(), value.strip()
        if key in rules.network_params:
            return f"{rules.network_params[key]} click id ({name})", value
        if key in rules.referral_params and value and "://" not in value and not _source_tag(value, rules):
            return f"referral parameter {name}", value
        # A bare number (?i=159096, a stock id; ?s=143443, a store front) is a code only on a home or sign-up page;
        # an id that spells a word of the page's path (?c=A160513_101504_viteze_kho on /viteze.aspx) is the
        # page's own content id, no code.
        if key in rules.generic_params and not _spells_path(value, path) and (looks_like_code(value) or (
                key in rules.digit_params and (
                (signup and value.isdigit() and len(value) >= 5) or _consonant_name(value)))):
            return f"code-like parameter {name}", value
    return None


def _is_share_button(pairs: list[tuple[str, str]], segments: list[str], rules: _Rules) -> bool:
    if any(s.lower() in rules.share_segments for s in segments):
        return True
    return any(k.lower() in rules.share_params and ("://" in v or v.startswith("www.")) for k, v in pairs)


def _path_evidence(host: str, segments: list[str], rules: _Rules) -> tuple[str, str] | None:
    for i, segment in enumerate(segments[:-1]):
        keyword = segment.lower()
        if keyword in rules.path_keywords:
            for token in segments[i + 1:i + 3]:  # /r/0/up105393824/: the code may follow a fixed segment
                if _path_code(token, rules, keyword):
                    return f"invite path /{segment}/", token
        elif keyword in rules.signup_keywords and (
                _generated(segments[i + 1]) or (segments[i + 1].isdigit() and len(segments[i + 1]) >= 5)):
            return f"sign-up path /{segment}/", segments[i + 1]
    for segment in segments:
        if any(p.match(segment) for p in rules.path_patterns):
            return "referral path", segment
    labels = host.split(".")
    if segments and len(labels) > 2 and labels[0] in rules.host_labels:
        # partner.bybit.com/b/49XYZ123: after a one- or two-letter segment on a referral host
        code = segments[1] if len(segments) > 1 and len(segments[0]) <= 2 else segments[0]
        if _path_code(code, rules):
            return f"referral host {host}", code
    if len(segments) == 1 and _generated(segments[0]):
        return "code-like short link", segments[0]
    if len(segments) == 2 and _generated(segments[1]) and (len(segments[0]) <= 5 or _strongly_generated(segments[1])):
        return "code-like short link", segments[1]
    return None


def _spells_path(value: str, path: str) -> bool:
    """Whether a value joins parts with "_" or "-" and one of them, a word of four letters or more, is in the page's
    path: a content id built from the page's slug ("A160513_101504_viteze_kho" on /viteze.aspx), not a code."""
    parts = re.split(r"[_-]", value.lower())
    return len(parts) > 1 and any(p.isalpha() and len(p) >= 4 and p in path for p in parts)


def _consonant_name(token: str) -> bool:
    """A made-up lowercase name without vowels (ccxt), as a one-letter parameter's value (#a=ccxt)."""
    return token.isalpha() and token.isascii() and 4 <= len(token) <= 12 and not set(token.lower()) & _VOWELS


def _strongly_generated(token: str) -> bool:
    return len(token) >= 8 and any(c.isdigit() for c in token) and any(c.isupper() for c in token) and any(
        c.islower() for c in token)


@lru_cache(maxsize=URLS_KEPT)  # a site's header and footer links repeat on every page: judge each URL once
def referral_evidence(url: str) -> tuple[str, str] | None:
    """(what was recognised, the code or id) when a link carries a referral code or affiliate tracking."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain and _plain_without_evidence(plain.group(1).lower(), plain.group(2)):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    rules = _rules()
    host = (parts.hostname or "").lower()
    segments = [s for s in parts.path.split("/") if s]
    pairs = _params(parts)
    if _is_share_button(pairs, segments, rules):
        return None
    signup = not segments or any(s.lower() in rules.signup_keywords or s.lower() in rules.path_keywords
                                 for s in segments + [p for p in parts.fragment.split("?")[0].split("/") if p])
    evidence = _param_evidence(pairs, rules, signup, parts.path.lower())
    if evidence:
        return evidence
    network = rules.network_hosts.get(registrable_domain(host)) if host else None
    if network:
        return f"{network} affiliate network link", host
    # On a platform (x.com/ExampleFirm, reddit.com/r/bitcoin, t.me/share/url) a path names a page or a handle.
    if platform_kind(host) or host in rules.shorteners:
        return None
    return _path_evidence(host, segments, rules)


def _plain_without_evidence(host: str, path: str) -> bool:
    """Whether a plain link (most of a page's own links) surely carries nothing, decided without urlsplit: no
    parameters, a host that is no network's and starts with no referral label, no segment that is a keyword or
    matches a referral pattern, and no short path that may be a generated short-link code."""
    if path != path.lower():  # capitals (a path of small letters is never a generated code): as _path_evidence reads
        segments = [s for s in path.split("/") if s]
        if 1 <= len(segments) <= 2 and _generated(segments[-1]):
            return False
    return _plain_host(host) and all(map(_plain_segment, filter(None, path.split("/"))))


@lru_cache(maxsize=URLS_KEPT)  # the segments of a site's paths recur on its links ("en", "markets", "fees")
def _plain_segment(segment: str) -> bool:
    rules, keyword = _rules(), segment.lower()
    return not (keyword in rules.path_keywords or keyword in rules.signup_keywords
                or any(p.match(segment) for p in rules.path_patterns))


@lru_cache(maxsize=1024)  # a page's links share a few hosts
def _plain_host(host: str) -> bool:
    rules = _rules()
    labels = host.split(".")
    return labels[0] not in rules.host_labels and not any(
        ".".join(labels[i:]) in rules.network_hosts for i in range(len(labels)))


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
    links = [found[k] for k in sorted(found)]
    if discusses_the_rule(doc.text):  # a law firm's article naming "referral programmes" as a risk
        return links
    programme = phrase_findings(doc, ctx, INDICATOR, phrase_lexicon("partner_programme"),
                                localised_strength="strong", english_strength="medium", names=True)
    # A name in single quotes is mentioned, not offered: "'refer a friend' bonuses are restricted".
    if programme:
        folded = doc.text.lower()
        programme = [f for f in programme
                     if not any(f"{a}{f.evidence.value}{b}" in folded for a, b in (("'", "'"), ("‘", "’")))]
    codes = {value.rsplit(": ", 1)[-1] for value in found}  # a code shown both as a link and in text: once
    written = [f for f in text_findings(doc, ctx, referral_evidence)
               if f.evidence.value not in found and f.evidence.value.rsplit(": ", 1)[-1] not in codes]
    if programme and not written and not links:
        # News or an explainer about another firm's programme names it without offering it (affiliate_voice.py); its
        # sentences on links and commissions are that programme's rules, not a disclosure of the site's own.
        # A link's paid label ("Annonselenke", "(lien commercial)") is still the site's own: it marks its own link; so
        # is a disclosure in the first person ("I may get compensated ... because of referral links").
        # A rule of the reader's own reward that reads as the site's ("you both get 10 €") still offers it.
        if reports_on_programme(doc, phrase_lexicon("partner_programme").find(doc.text)):
            return disclosure_findings(doc, ctx, voiced=True) or _own_rule(doc, ctx)
        return programme
    if not programme and not written and not links:
        # A refer-a-friend rule in the page's own words, else the site's statement that it is paid per client its
        # links send (affiliate_disclosure.py).
        written = _own_rule(doc, ctx) or disclosure_findings(doc, ctx)
    return links + programme + written


def _own_rule(doc: Document, ctx: Context) -> list[Finding]:
    """The page's refer-a-friend rule, unless the page reports it: a scheme's rule in a warning or a news story
    ("participants are rewarded for each person they bring in") is reported, as a programme's name is."""
    rules = reward_rule_findings(doc, ctx)
    if rules and reports_on_programme(doc, lambda: phrase_lexicon(FRIENDS).find(doc.text)):
        return []
    return rules
