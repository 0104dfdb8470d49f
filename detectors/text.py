"""Reading matches in context: the sentence around a match, and whether it is negated or quoted.

"No bonus is offered" and a quoted competitor's slogan must not count as the firm's own promotion, so promo and
bonus rules ask these helpers before raising a finding.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from detectors.lexicon import phrase_lexicon

_SENTENCE_END = re.compile(r"[.!?…;:\n]|\s[-–—]\s")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_COMPOUND_HEAD = re.compile(r"(?<![\w-])[^\W\d_]+-(?=[^\W\d_])")
# Opening quote -> closing quotes it may pair with (German „…“, French «…», English “…” and straight quotes).
_QUOTES = {'"': '"', "“": "”", "„": "“”", "«": "»", "»": "«", "‘": "’", "‚": "‘’", "「": "」"}
QUOTE_REACH = 400  # characters of its line around a sentence in which a quotation of several sentences opens and closes
NEGATION_WINDOW = 4  # words before a match in which a negation cue cancels it
# A quotation may end its own sentence: „Jetzt kaufen!“, « Achetez ! » -- the closing quote right after the stop still
# belongs to the quoted sentence.
_STOP_THEN_CLOSE = re.compile(r"[.!?…]+\s?[\"”“»«’‘」]")


# The dot of "min." and "max." that abbreviate a limit ("Min. Order Amount", "min. 10,00 EUR"), not the minutes of
# "in 2 min.": it ends no sentence (offer_context.py, call_lines.py).
LIMIT_DOT = r"(?:(?<=\b[Mm]in)(?<!\d\s[Mm]in)(?<!\d[Mm]in)|(?<=\b[Mm]ax))\."


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
    right_match = _SENTENCE_END.search(text, end, end + 400)
    right = right_match.start() if right_match else min(len(text), end + 400)
    return left, right


def snippet(text: str, start: int, end: int, width: int = 90) -> str:
    """The match with some context, on one line, trimmed at word boundaries."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    piece = " ".join(text[left:right].split())
    return ("…" if left > 0 else "") + piece + ("…" if right < len(text) else "")


@cache
def negation_cues(language: str) -> frozenset[str]:
    """A language's own cues; English's only where it lists none: English "no" is Latvian "from", Slovak "well"."""
    lexicon = phrase_lexicon("negation")
    return frozenset(c.lower() for c in lexicon.terms.get(language) or lexicon.terms.get("en", []))


def without_compound_heads(lowered: str) -> str:
    """The text without the first word of each hyphenated compound ("no-" of "a no-deposit bonus", "no-fee
    account"): part of an adjective, never a negation of the sentence."""
    return _COMPOUND_HEAD.sub(" ", lowered) if "-" in lowered else lowered


def is_negated(text: str, start: int, language: str) -> bool:
    left, _ = sentence_bounds(text, start, start)
    return _cued(_WORD.findall(without_compound_heads(text[left:start].lower()))[-NEGATION_WINDOW:], language)


def denies(sentence: str, language: str) -> bool:
    """Whether a negation cue stands anywhere in `sentence` ("my referral code didn't work")."""
    return _cued(_WORD.findall(without_compound_heads(sentence.lower())), language)


def _cued(words: list[str], language: str) -> bool:
    cues = negation_cues(language)
    if any(w in cues for w in words):
        return True
    window = " ".join(words)
    return any(" " in cue and cue in window for cue in cues)


def is_quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is inside a quotation: one of its own sentence, or one of several sentences that
    opens and closes on its line („Zarabiaj na wzrostach. Dźwignia 1:30. Zacznij już dziś!”)."""
    left, right = sentence_bounds(text, start, end)
    closing = _STOP_THEN_CLOSE.match(text, right)
    if closing:
        right = closing.end()
    if _inside(text[left:start], text[end:right]):
        return True
    line_start = max(text.rfind("\n", 0, left) + 1, left - QUOTE_REACH)
    line_end = text.find("\n", right)
    line_end = min(line_end if line_end >= 0 else len(text), right + QUOTE_REACH)
    return (line_start < left or line_end > right) and _inside(text[line_start:start], text[end:line_end])


def _inside(before: str, after: str) -> bool:
    for opener, closers in _QUOTES.items():
        pos = before.rfind(opener)
        if pos < 0:
            continue
        if opener in closers:  # symmetric quote: odd count before means we are inside
            if before.count(opener) % 2 == 1 and opener in after:
                return True
            continue
        if opener == "»" and not before[pos + 1:pos + 2].isalnum() or opener == "«" and before[pos - 1:pos].isalnum():
            continue  # guillemets open either way («French», »Slovene«): "Εταιρεία»," and "Slovene«" close
        if not any(c in before[pos + 1:] for c in closers) and any(c in after for c in closers):
            return True
    return False


@lru_cache(maxsize=8)  # PROMO and BONUS both ask, of the same page
def without_questions(text: str) -> str:
    """`text` with its questions blanked, offsets kept: "Was bringt ein Willkommensbonus?" offers nothing."""
    # A question: the run of text after the last boundary (".", "!", "?", a line break) up to its "?". Found from
    # each "?" backwards: a regex tried at every character rescans each sentence (0.44 ms/page).
    ask = text.find("?")
    if ask < 0:
        return text
    parts, done = [], 0
    while ask >= 0:
        if text.startswith("!", ask + 1):  # "?!" exclaims: "... und erhalten Sie 4 €?!" offers
            ask = text.find("?", ask + 1)
            continue
        left = max(text.rfind(".", done, ask), text.rfind("!", done, ask), text.rfind("\n", done, ask), done - 1) + 1
        parts += (text[done:left], " " * (ask + 1 - left))
        done = ask + 1
        ask = text.find("?", done)
    parts.append(text[done:])
    return "".join(parts)
