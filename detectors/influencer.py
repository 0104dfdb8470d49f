"""INFLUENCER: disclosure tags of paid promotion in EU languages (#werbung, #anzeige, #pub, #publicidad...),
"paid partnership" labels, on posts and other material the firm or its creators publish.

Disclosure tags come from data/lexicons/influencer.yaml: plain phrases ("bezahlte Partnerschaft") go through the
shared phrase matcher, hashtags ("#werbung") through a whole-tag regex built from the same file, since the
word-indexed matcher does not see a leading '#'. A tag in an EU language points to the member states of that
language (#werbung: DE AT BE LU LI); a tag several languages share (#reklama) to the post's own language when it
is one of them, else to all of theirs; an English tag (#ad, "paid partnership") points nowhere in particular and is
weaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from detectors.context import Context
from detectors.data_files import PHRASE_LEXICON, DataFileError, load
from detectors.lang import text_language
from detectors.lexicon import PhraseLexicon, lexicon_from_data
from detectors.model import Document, Finding
from detectors.phrases import page_language, phrase_findings
from detectors.text import snippet

INDICATOR = "INFLUENCER"
FILE = "lexicons/influencer.yaml"
_HASHTAG = re.compile(r"#\w+")
MIN_LANGUAGE_PROBABILITY = 0.9


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


def detect(doc: Document, ctx: Context) -> list[Finding]:
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
        found.extend(phrase_findings(doc, ctx, INDICATOR, tags.phrases, localised_strength="strong",
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
                own_language = post_language(doc, ctx)
            if own_language in languages:
                languages = (own_language,)
        untargeted = "en" in languages
        states = () if untargeted else sorted({s for lang in languages for s in ctx.geo.states_for_language(lang)})
        shown = ("en",) if untargeted else languages
        found.append(ctx.finding(
            doc, INDICATOR, value=tag, snippet=snippet(doc.text, match.start(), match.end()),
            locator=f"text ({', '.join(shown)})", member_states=states, confidence=0.9,
            strength="medium" if untargeted else "strong"))
    return found


def post_language(doc: Document, ctx: Context) -> str:
    """The document's declared language, else the language of its text when identified with confidence."""
    declared = page_language(doc)
    if declared:
        return declared
    identified = text_language(doc.text, ctx)
    return identified[0] if identified and identified[1] >= MIN_LANGUAGE_PROBABILITY else ""
