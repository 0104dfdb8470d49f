"""LANG: content in an EU/EEA language other than English.

Looks at what the page declares (<html lang>, og:locale, a locale path segment, a language switcher) and at the
language of its visible text. A declared non-EU locale (pt-BR, fr-CA, de-CH, es-MX) explains text in that language,
and so does a non-EU territory the page's own text and address show it is written for (page_locale.py: R$, Pix and
Brazilian spelling under no lang or a bare lang="pt"). Platform pages are skipped: their language is the platform's;
on a publishing platform (a Medium post) only the text's language counts, the text being the publisher's.

Text language comes from py3langid over every language it knows (a language left out is forced into a neighbour),
near-identical languages resolved as groups (language_groups.py: Croatian against Bosnian and Serbian), from 20
characters on (posts, banners). Measured on lingua-py's real web sentences (benchmarks/languages.py): 99.1 % of
5-sentence EU/EEA pages identified and no non-EU page taken for an EU language; lingua-language-detector, made for
short texts, was no better than py3langid on single sentences (top-1 0.983 against 0.984) at 30x the time and 1.2 GB
of models, so it is not used.
"""

from __future__ import annotations

from functools import cache, lru_cache
from operator import itemgetter
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from babel.languages import get_official_languages

from detectors.context import Context
from detectors.geography import babel_locale
from detectors.language_groups import groups, resolve
from detectors.locales import locale_targets, parse_locale
from detectors.model import Document, Finding
from detectors.page_locale import written_for, written_in_states
from detectors.platforms import PUBLISHING, platform_kind

if TYPE_CHECKING:
    from detectors.langid import FastIdentifier

INDICATOR = "LANG"
MIN_TEXT = 20  # characters: below this (a button, a word) no identifier is reliable
MAX_TEXT = 800  # characters of prose: several sentences (docs/stack-notes.md: 99.9 % on single sentences), bounded cost
PROSE_LINE = 40  # characters: lines at least this long are prose, not menu items
PLACEHOLDER = "lorem ipsum"  # how a template's filler text opens
MIN_PROBABILITY = 0.9
CACHED_TEXTS = 32  # distinct texts whose identification is kept: the page being judged and a few of its snippets
_NORWEGIAN = ("no", "nn", "nb")  # Nynorsk and Bokmål point at the same state: one score


@cache
def _identifier() -> FastIdentifier:
    # Imported on first use: the model and numpy take 0.1 s to load, and only processes that identify a language
    # (judging) need them, not the crawl child, the command line's other commands, nor a scan before its crawl.
    from py3langid.langid import MODEL_FILE

    from detectors.langid import FastIdentifier

    # Every language the model knows (about 140): a text in a language left out would be forced into the closest
    # one kept (Maori read as Latvian, Somali as Estonian, Esperanto as Spanish: benchmarks/languages.py).
    # FastIdentifier: the library's scores, bit for bit, with its byte walk vectorised (detectors/langid.py).
    return FastIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_scores(text: str) -> dict[str, float]:
    """The identifier's normalised probability for every language it knows, Norwegian forms folded."""
    return dict(_ranked(text))


@lru_cache(maxsize=CACHED_TEXTS)
def _ranked(text: str) -> tuple[tuple[str, float], ...]:
    """The identifier's ranking, best first, its Norwegian forms summed (in rank order) at the first one's place.
    Only those few entries are touched: a Python loop over all ~140 languages cost 0.08 ms a page."""
    ranked = _identifier().rank(text)  # [(language, probability)], one entry per language
    order = list(map(itemgetter(0), ranked))
    places = sorted(order.index(lang) for lang in _NORWEGIAN if lang in order)
    if not places:
        return tuple(ranked)
    total = 0.0
    for place in places:
        total += ranked[place][1]
    for place in reversed(places[1:]):
        del ranked[place]
    ranked[places[0]] = ("no", total)
    return tuple(ranked)


def text_language(text: str, ctx: Context | None = None) -> tuple[str, float] | None:
    """(language, probability) of a text, near-identical languages resolved as groups (language_groups.py)."""
    if len(text) < MIN_TEXT:
        return None
    return _text_language(text)


@lru_cache(maxsize=CACHED_TEXTS)
def _text_language(text: str) -> tuple[str, float] | None:
    # A pure function of the text, asked for by several detectors per page (LANG, PHONE, the calls to action of
    # PROMO and BONUS): identified once. Bounded to the last few texts, so a batch never holds a corpus.
    return resolve(language_scores(_sample(text)), text)


def _sample(text: str) -> str:
    # Prose says more about a page's language than its menus and brand names: sample the longer lines first. A
    # template's placeholder ("Lorem ipsum dolor sit amet ...", left in a hidden pop-up) is Latin of no page.
    prose = "\n".join([line for line in text.split("\n")
                        if len(line) >= PROSE_LINE and line.lstrip()[:len(PLACEHOLDER)].lower() != PLACEHOLDER])
    return (prose if len(prose) >= MIN_TEXT else text)[:MAX_TEXT]


def _member_by_territory(doc: Document, lang: str, ctx: Context) -> str:
    """The EU/EEA member of a language group the text surely belongs to but its words did not decide (Croatian or
    Bosnian), when the page's own territory decides: a .hr domain, a +385 number, HANFA, Zagreb."""
    group = groups().get(lang)
    if group is None:
        return ""
    scores = language_scores(_sample(doc.text))
    if sum(scores.get(member, 0.0) for member in group.members) < MIN_PROBABILITY:
        return ""
    for member in group.members:
        if ctx.geo.strength_for_language(member) != "none" and written_in_states(
                doc, member, ctx.geo.states_for_language(member), ctx.geo):
            return member
    return ""


@cache
def _endonyms(languages: frozenset[str]) -> dict[str, str]:
    """'deutsch' -> 'de', 'polski' -> 'pl'...: how a language switcher names each EU language."""
    names = {}
    for lang in sorted(languages):
        locale = babel_locale(lang)
        names[locale.get_display_name(locale).casefold()] = lang
    return names


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html" or doc.platform and not _publication(doc):
        return []
    found: list[Finding] = []
    # On a publishing platform (a Medium or Substack post) the text is the publisher's; its html lang, address and
    # menus stay the platform's.
    declared = [] if doc.platform else [
        (parsed, *rest) for tag, *rest in _declared_locales(doc) if (parsed := parse_locale(tag))]

    def add(tag: str, locator: str, snippet: str, confidence: float) -> None:
        target = locale_targets(tag, ctx.geo)
        if target:
            states, strength = target
            found.append(ctx.finding(doc, INDICATOR, value=tag, snippet=snippet, locator=locator,
                                     member_states=states, confidence=confidence, strength=strength))

    identified = text_language(doc.text, ctx)
    if identified and identified[1] < MIN_PROBABILITY and (member := _member_by_territory(doc, identified[0], ctx)):
        identified = (member, MIN_PROBABILITY)
    text_lang = identified[0] if identified and identified[1] >= MIN_PROBABILITY else ""
    # A declared non-EU region (pt-BR) explains text in its language; so does a non-EU territory the text itself
    # shows it is written for (R$, Pix and Brazilian spelling under no lang or a bare lang="pt").
    explained = {lang for (lang, region), *_ in declared if ctx.geo.outside(region)}
    page_lang = text_lang or next((lang for (lang, region), *_ in declared if not region), "")
    if page_lang in ctx.geo.languages and page_lang not in explained:
        explained |= non_eu_languages(doc, page_lang, ctx)

    for (lang, region), locator, snippet, confidence in declared:
        if locator == "url path" and (text_lang and text_lang != lang or lang in explained):
            continue  # a locale folder whose page is not translated ("/fr/support/..." in English), or whose text is
            # evidently another territory's ("/pt-PT/" over Brazilian copy): the text decides
        if region or lang not in explained:
            add(f"{lang}-{region}" if region else lang, locator, snippet, confidence)
    endonyms = _endonyms(frozenset(ctx.geo.languages))  # once per page, not per link
    switched = set(explained)  # a language the switcher names twice (header and footer) is reported once: the first
    for link in () if doc.platform else doc.links:
        lang = endonyms.get(link.text.casefold())
        if lang and lang not in switched:
            switched.add(lang)
            add(lang, "a[href] (language switcher)", f'<a href="{link.url}">{link.text}</a>', 0.85)
    if text_lang and text_lang not in explained:
        add(text_lang, "text (detected language)", doc.text[:160], 0.9 * identified[1])
    return _unique(found)


def _publication(doc: Document) -> bool:
    """Whether the page is a post on a publishing platform (medium.com, substack.com): its text the publisher's."""
    return platform_kind(urlsplit(doc.url).hostname or "") == PUBLISHING


def non_eu_languages(doc: Document, language: str, ctx: Context) -> set[str]:
    """The languages the page's own non-EU territory explains (its official languages), when its text and address
    show it is written for one (page_locale.py); else nothing."""
    territory = written_for(doc, language, ctx.geo).territory
    if not territory:
        return set()
    return {language, *get_official_languages(territory, de_facto=True)}


def _declared_locales(doc: Document):
    if doc.html_lang:
        yield doc.html_lang, "html[lang]", f'<html lang="{doc.html_lang}">', 0.95
    og = doc.meta_value("og:locale")
    if og:
        yield og, 'meta[property="og:locale"]', f'<meta property="og:locale" content="{og}">', 0.9
    segment = urlsplit(doc.url).path.strip("/").split("/")[0]
    if parse_locale(segment) and len(segment) in (2, 5):
        yield segment, "url path", doc.url, 0.8


def _unique(findings: list[Finding]) -> list[Finding]:
    seen, out = set(), []
    for f in findings:
        key = (f.evidence.value.lower(), f.evidence.locator)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
