"""AFFILIATE in a page's text: referral and promo codes written next to an offer ("use code WELCOME25 and get
20 €", "met de code KRYPTO10", "koden BONUS50"), and referral links written out as text ("sign up via
exchange.example/r/ccxt24"). Links in the markup are read in detectors/affiliate.py.

A code counts when it looks generated (letters with digits, or a run of capitals of five or more that is not a
currency, a ticker or a known acronym; four capitals in quotes right after a code's name) and either its word names
a referral or promo code ("promo code", "Empfehlungscode") or its sentence offers something
(referral_incentives.yaml): "error code E1234", "QR code" and "SWIFT code ABCDEFGH" do not count. A code in an EU
language points to that language's member states, as the other phrase families do; English points nowhere in
particular.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from detectors.context import Context
from detectors.lang import language_scores
from detectors.lexicon import phrase_lexicon
from detectors.model import Document, Finding
from detectors.phrases import explained_by_non_eu_locale, own_language
from detectors.text import is_negated, sentence_bounds, snippet

INDICATOR = "AFFILIATE"
NAMED_CODES = "referral_codes"  # promo code, Empfehlungscode: no offer needed
CODE_WORDS = "code_words"  # code, use code, met de code: an offer in the sentence needed
INCENTIVES = "referral_incentives"
NAMED_REACH = 40  # characters before a bare "use code" in which a named referral code makes it one
# After the code word: optional "is" (or "like": "a referral code like PGVORW"), a colon, quotes or a dash, then the
# token.
_AFTER = re.compile(r"""\s*(?:is\s+|ist\s+|est\s+|es\s+|è\s+|je\s+|on\s+|er\s+|är\s+|like\s+|such as\s+)?"""
                    r"""[:=\-–—]?\s*["'„“”«»‘’]?([A-Za-z0-9][A-Za-z0-9_-]{3,24})(?![A-Za-z0-9_-])""")
APART = 40  # characters between a code word and a code of letters and digits standing apart from it
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n")
_TOKEN = re.compile(r"(?<![\w/.@#-])([A-Za-z0-9]{4,25})(?![\w/.@-])")  # a code by itself, not part of an address
_TEXT_URL = re.compile(r"""(?:https?://|www\.)[^\s<>"'()\[\]]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/[^\s<>"'()\[\]]+""")
_NOT_CODES = {"EUR", "USD", "USDT", "USDC", "BTC", "ETH", "SEPA", "IBAN", "SWIFT", "BIC", "HTTPS", "HTTP", "HTML",
              "API", "FAQ", "KYC", "AML", "GDPR", "MICA", "PDF", "ISO", "UTC", "NFT", "DEFI", "CASP", "ESMA", "CFD",
              "CFDS", "ETF", "ETFS", "APP", "IOS", "OTP", "PIN", "SMS", "TOTP", "FIAT", "CRYPTO", "BONUS", "FREE",
              "CODE", "PROMO", "NEW", "VIP", "USER", "HODL", "TRADE", "ANDROID", "GOOGLE", "APPLE", "QR"}


def _code_like(token: str) -> bool:
    letters = sum(c.isalpha() for c in token)
    digits = sum(c.isdigit() for c in token)
    if token.upper() in _NOT_CODES or not letters:
        return False
    if digits:
        return len(token) >= 4 and (token.isupper() or any(c.isupper() for c in token) or letters >= 2)
    return token.isupper() and len(token) >= 5


def _quoted_capitals(after: re.Match) -> bool:
    """A code of four capitals written in quotes right after its name: "XMAS", not a quoted acronym ("SEPA")."""
    token = after.group(1)
    return len(token) == 4 and token.isupper() and token.isalpha() and token not in _NOT_CODES and \
        any(q in after.group(0) for q in "\"'„“”«»‘’")


def _offer_nearby(text: str, left: int, right: int, language: str) -> bool:
    window = text[left:right]
    return any(language in m.languages or "en" in m.languages for m in phrase_lexicon(INCENTIVES).find(window))


def text_findings(doc: Document, ctx: Context,
                  link_evidence: Callable[[str], tuple[str, str] | None]) -> list[Finding]:
    """Codes and referral links written in doc.text (not those already in the page's links)."""
    if doc.kind != "html" or not doc.text:
        return []
    return _code_findings(doc, ctx) + _url_findings(doc, ctx, link_evidence)


def _code_findings(doc: Document, ctx: Context) -> list[Finding]:
    text = doc.text
    own = own_language(doc)
    found: dict[str, Finding] = {}
    named = phrase_lexicon(NAMED_CODES).find(text)
    spans = [(m.start, m.end) for m in named]
    bare = [m for m in phrase_lexicon(CODE_WORDS).find(text) if not any(a <= m.start < b for a, b in spans)]
    for match in named + bare:
        after = _AFTER.match(text, match.end)
        # A named referral code may be a bare number (a Binance-style referral ID: "Referral ID: 35005074"), or a
        # short word of capitals set in quotes ('promo code "XMAS"', 'Akční kód „LITR"').
        if not after or not (_code_like(after.group(1)) or match not in bare and (
                after.group(1).isdigit() and 5 <= len(after.group(1)) <= 12 or _quoted_capitals(after))):
            after = _apart(text, match)
            if after is None:
                continue
        language = _language(match, own, text)
        if is_negated(text, match.start, language):
            continue
        left, right = sentence_bounds(text, match.start, after.end())
        # A bare "use code" counts beside an offer, or right after a named referral code ("enter a referral code -
        # Use code 100KRIPTO").
        named_before = any(min(left, match.start - NAMED_REACH) <= a < right for a, _ in spans)
        if match in bare and not named_before and not _offer_nearby(
                text, max(left, match.start - 160), min(right, after.end() + 160), language):
            continue
        code = after.group(1)
        value = f"code in text: {code}"
        untargeted = language == "en" or explained_by_non_eu_locale(doc, language, ctx)
        states = () if untargeted else ctx.geo.states_for_language(language)
        found.setdefault(value, ctx.finding(
            doc, INDICATOR, value=value, snippet=snippet(text, match.start, after.end()),
            locator=f"text ({language})", member_states=states, confidence=0.85,
            strength="medium" if untargeted else "strong"))
    return list(found.values())


def _apart(text: str, match) -> re.Match | None:
    """A code a few words from its code word in the same clause ("use the code offered by Anna: « mKsa5a9Yt »",
    "Enter US0EBW in the code field"): only a token of letters and digits both, which no word or name is."""
    for m in _TOKEN.finditer(text, max(0, match.start - APART), match.end + APART):
        gap = text[m.end():match.start] if m.start() < match.start else text[match.end:m.start()]
        if _mixed(m.group(1)) and not _SENTENCE_BREAK.search(gap):  # a colon may stand between: "code: « X »"
            return m
    return None


def _mixed(token: str) -> bool:
    """Letters and digits both, and not a word with a footnote's number after it ("Account1", "fees2")."""
    word = token.rstrip("0123456789")
    if word != token and word.isalpha() and (word.islower() or word.istitle()):
        return False
    return _code_like(token) and any(c.isdigit() for c in token) and sum(c.isalpha() for c in token) >= 2


def _language(match, own: str, text: str) -> str:
    """The code word's language; a word shared by several ("koden": da, no, sv) on a page declaring none is read
    in the one its sentence is most likely written in."""
    if own in match.languages or len(match.languages) == 1:
        return match.language_for(own)
    left, right = sentence_bounds(text, max(0, match.start - 200), match.end + 200)
    scores = language_scores(text[left:right])
    return max(match.languages, key=lambda lang: scores.get(lang, 0.0))


def _text_urls(text: str):
    """_TEXT_URL's matches, read only on the lines that can hold one (a "/" or "www."): a URL never spans a line,
    and most of a page's lines have neither, so the regex is not tried at every word of the page."""
    pos, n = 0, len(text)
    while pos < n:
        slash, www = text.find("/", pos), text.find("www.", pos)
        at = min(slash, www) if slash >= 0 and www >= 0 else max(slash, www)
        if at < 0:
            return
        right = text.find("\n", at)
        right = n if right < 0 else right
        yield from _TEXT_URL.finditer(text, text.rfind("\n", 0, at) + 1, right)
        pos = right + 1


def _url_findings(doc: Document, ctx: Context, link_evidence) -> list[Finding]:
    linked = {link.url for link in doc.links}
    found: dict[str, Finding] = {}
    for m in _text_urls(doc.text):
        raw = m.group(0).rstrip(".,;:!?")
        url = raw if raw.startswith("http") else "https://" + raw
        if url in linked:
            continue
        evidence = link_evidence(url)
        if evidence:
            value = f"{evidence[0]}: {evidence[1]}"
            found.setdefault(value, ctx.finding(
                doc, INDICATOR, value=value, snippet=snippet(doc.text, m.start(), m.end()),
                locator="text (url)", confidence=0.85, strength="strong"))
    return list(found.values())
