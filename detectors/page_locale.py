"""The territory a page is written for, read from its text and address: Brazil or Portugal for Portuguese, Québec
or France for French, Mexico or Spain for Spanish, Switzerland or Germany for German.

A language official in the EU is also official elsewhere; without a declared region (`lang="pt-BR"`), a page still
gives its audience away: its currency (R$, CHF, pesos), payment rails and ID numbers (Pix, CPF, Interac, TWINT,
CURP), dialling codes, country-code domain, places, and the spelling and words of the local standard (Strasse for
Straße, econômico for económico, vosotros). Each territory gets points for the distinct markers seen
(data/lexicons/locale_markers.yaml, plus what babel and phonenumbers know; a currency marks the territory that
issues it, CHF Switzerland and not Liechtenstein); a page is written for a territory outside the Union when that
territory has a clear score and clearly more than all EU/EEA territories together, a member state's domain
counting double (the site's identity, not its topic). One mention of a country in a news story, or a currency in a
list of twenty, does not decide. `written_for(doc, language)` is a pure function of the Document (LANG uses it like
a declared non-EU region).
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

import phonenumbers
from babel import Locale
from babel.languages import get_official_languages
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies, list_currencies

from detectors.address_locale import locale_folders, region_folder
from detectors.data_files import DataFileError, distinct, load
from detectors.domains import split_host
from detectors.geography import Geography, babel_locale, geography, has_locale, issued_elsewhere
from detectors.model import Document
from detectors.page_memo import PageMemo
from detectors.page_words import regex_words, whole_word_matches

FILE = "lexicons/locale_markers.yaml"
WEIGHTS = {"domain": 3, "address": 3, "phone": 2, "currency": 2, "strong": 2, "folder": 2, "country": 1, "places": 1,
           "usage": 1, "price": 1}
# Names of places, words of usage and a currency's names add up to this many points per territory at most: an article
# about Brazil names many Brazilian cities without being written for Brazilians; CHF and "francs suisses" are one
# currency.
CAPS = {"places": 2, "usage": 3, "currency": 2, "price": 1}
MIN_SCORE = 3  # points a territory needs: two independent markers at least, or its own domain
KINDS = 2  # ... or, on a page with no sign of the Union at all, markers of this many kinds ("Argentina", "podés")
DOMINANCE = 2  # ... and at least this many times the points of all EU/EEA territories together
# Or the text is written in the territory's own standard: this many distinct marks of its usage or grammar
# ("usuários" and "está cobrindo"), none of the EU standard's: that is the language variant itself, whatever the page
# is about (three let a Brazilian fee page with two pass as European).
VARIANT_USAGE = 2
CURRENCY_LIST = 4  # distinct currency codes from which a page lists currencies rather than quoting its own
SCAN = 30_000  # characters of text read: the first screens of a long page say who it is for
MAX_PHONES = 10
UNION = "EU"  # the euro and the Union as a whole: evidence for the EU side, no single state
# Both begin with a character and check what precedes it after it (a lookbehind first is tried at every character).
_CODE = re.compile(r"[A-Z](?<![A-Za-z][A-Z])[A-Z]{2}(?![A-Za-z])")  # three capitals standing alone
_WORD = re.compile(r"\w+")
STEM = 4  # letters a `stem*` marker is indexed by
_PHONE = re.compile(r"\+(?<![\w+]\+)\s?\d[\d\s().-]{6,18}\d")  # "+" not after a word or "+"
# A price: an amount in dollar-sign notation ("$3.000", "5 $"), not "US$ 30" nor "R$ 5" (a currency of its own).
_DOLLAR_AMOUNT = re.compile(r"(?<![\w$])\$\s?\d|\d\s?\$(?![\w$])(?!\s?US(?!\w))")


@dataclass(frozen=True)
class TerritoryScore:
    territory: str  # ISO 3166 code, or "EU" for the euro / the Union
    in_union: bool
    score: int
    seen: tuple[str, ...]  # "kind: marker", what gave the points


@dataclass(frozen=True)
class PageLocale:
    language: str
    territory: str  # the territory outside the EU/EEA the page is written for; "" when the evidence does not say
    scores: tuple[TerritoryScore, ...]  # every territory with evidence, best first

    @property
    def evidence(self) -> str:
        best = next((s for s in self.scores if s.territory == self.territory), None)
        return f"written for {self.territory}: " + ", ".join(best.seen) if best else ""


@dataclass(frozen=True)
class _Matcher:
    """Markers indexed for a scan that costs one split of the text into words (an alternation of ~600 markers: 5 ms a
    page): one-word markers looked up in the page's words, stems by their first letters, and only the phrases and
    symbols whose first word (or text) is on the page tried with their own pattern."""

    words: dict[str, tuple[tuple[str, str], ...]]  # one-word marker (folded, or as written for capitals) -> owners
    names: dict[str, str]  # one-word marker's key -> the marker as the lexicon writes it
    stems: dict[str, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]]  # first STEM letters -> (stem, owners)
    phrases: tuple[tuple[str, re.Pattern, tuple[tuple[str, str], ...]], ...]  # (first word or symbol, pattern, owners)
    grammar: tuple[tuple[re.Pattern, frozenset[str], tuple[str, ...]], ...]  # pattern, first words, owners
    spelling: tuple[tuple[re.Pattern, str, tuple[str, ...]], ...]  # pattern, the letters it needs, owners
    dollar: tuple[str, ...]  # territories whose own currency is written with a bare "$" in this language (es-AR, fr-CA)
    territories: frozenset[str]  # every territory where the language is official or has markers


@cache
def _data() -> dict:
    data = load(FILE, "locale-markers")
    known = set(Locale("en").territories)
    for territory, languages in data["regions"].items():
        if territory not in known:
            raise DataFileError(FILE, f"regions.{territory}", "a territory code babel knows")
        for lang, kinds in languages.items():
            distinct(FILE, f"regions.{territory}.{lang}", [m for markers in kinds.values() for m in markers])
    return data


def _exact(marker: str) -> bool:
    return not any(c.islower() for c in marker)


def _pattern(marker: str) -> re.Pattern:
    return re.compile(_led(marker) + _tail(marker), 0 if _exact(marker) else re.IGNORECASE)


def _tail(marker: str) -> str:
    """What may not follow a marker: a word character after a word; a letter after a dollar notation, which may run
    into its number ("u$s2.200", "US$5")."""
    if not marker[-1].isalnum():
        return ""
    return "(?![^\\W\\d])" if "$" in marker else "(?!\\w)"


def _led(marker: str) -> str:
    """The marker as a regex body (spaces any run of spaces), not after a word character if it begins with one, checked
    after its first character ("M(?<!\\w.)ercado": a lookbehind first is tried at every position, 2-3x the time)."""
    body = re.escape(marker).replace(r"\ ", r"\s+")
    return f"{body[0]}(?<!\\w.){body[1:]}" if marker[0].isalnum() else body


def _territories(language: str, geo: Geography) -> list[str]:
    curated = [t for t, langs in _data()["regions"].items() if language in langs]
    official = [t for t in sorted(Locale("en").territories) if len(t) == 2 and t.isalpha()
                and language in get_official_languages(t, de_facto=True)]
    return sorted(set(curated) | set(official))


@cache
def _matcher(language: str, geo: Geography) -> _Matcher:
    data = _data()
    world = set(data["world_currencies"])
    names = babel_locale(language).territories
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    grammar: list[tuple[re.Pattern, str]] = []
    spelling: dict[str, list[str]] = defaultdict(list)  # pattern -> territories
    dollar: list[str] = []
    today = datetime.date.today()
    territories = _territories(language, geo)
    for territory in territories:
        if territory in names:
            owners[names[territory]].add((territory, "country"))
        for code in set(get_territory_currencies(territory, today)) - world - issued_elsewhere(territory, today):
            owners[code].add((territory, "currency"))
            symbol = get_currency_symbol(code, f"{language}_{territory}") if has_locale(language, territory) else ""
            if len(symbol) >= 2 and any(c.isalpha() for c in symbol) and symbol != code:
                owners[symbol].add((territory, "currency"))
            for count in (1, 2):
                owners[get_currency_name(code, count, language)].add((territory, "currency"))
        for kind, markers in data["regions"].get(territory, {}).get(language, {}).items():
            if kind == "grammar":
                grammar.extend((re.compile(pattern, re.IGNORECASE), territory) for pattern in markers)
                continue
            if kind == "spelling":
                for pattern in markers:
                    spelling[pattern].append(territory)
                continue
            for marker in markers:
                owners[marker].add((territory, kind))
        if not _in_union(territory, geo) and has_locale(language, territory):
            local = f"{language}_{territory}"
            if any(get_currency_symbol(code, local) == "$" != get_currency_symbol("USD", local)
                   for code in get_territory_currencies(territory, today)):
                dollar.append(territory)
    for marker in ("€", "EUR", "euro", "euros"):
        owners[marker].add((UNION, "currency"))
    words: dict[str, set[tuple[str, str]]] = defaultdict(set)
    stems: dict[str, list[tuple[str, tuple[tuple[str, str], ...]]]] = defaultdict(list)
    phrases = []
    for marker, owned in owners.items():
        key = marker if _exact(marker) else marker.lower()
        if key.endswith("*"):
            stems[key[:STEM]].append((key[:-1], tuple(sorted(owned))))
        elif _WORD.fullmatch(key):
            words[key] |= owned
        else:
            first = _WORD.match(key)  # "são" of "São Paulo", "R" of "R$"; a symbol ("€", "$ CA") is its own probe
            phrases.append((first.group(0) if first else key.split()[0], _pattern(marker), tuple(sorted(owned))))
    names = {m if _exact(m) else m.lower(): m for m in owners}
    by_pattern: dict[re.Pattern, list[str]] = defaultdict(list)
    for pattern, territory in grammar:
        by_pattern[pattern].append(territory)
    return _Matcher({k: tuple(sorted(v)) for k, v in words.items()}, {k: names[k] for k in words},
                    {k: tuple(v) for k, v in stems.items()}, tuple(phrases),
                    tuple((p, _probes(p), tuple(t)) for p, t in by_pattern.items()),
                    tuple((re.compile(p, re.IGNORECASE), _letters(p), tuple(t)) for p, t in spelling.items()),
                    tuple(dollar), frozenset(territories))


def _probes(pattern: re.Pattern) -> frozenset[str]:
    """The words a construction starts with (its first group of alternatives): it is tried only on pages that have
    one of them."""
    first = re.search(r"\(\?:([\w|]+)\)", pattern.pattern)
    if not first:
        raise DataFileError(FILE, "grammar", "a pattern that starts with a group of alternative words (?:a|b)")
    return frozenset(first.group(1).lower().split("|"))


def _letters(pattern: str) -> str:
    """The letters a spelling rule needs (its first class, after at most "\\w*"): it is tried only on pages with one."""
    first = re.match(r"(?:\\w\*)?\[([^\]\\]+)\]", pattern)
    if not first:
        raise DataFileError(FILE, "spelling", "a pattern that starts with a class of letters [...] after at most \\w*")
    return first.group(1)


def _in_union(territory: str, geo: Geography) -> bool:
    return territory == UNION or geo.is_member(territory) or territory in _data()["union_territories"]


def territory_scores(doc: Document, language: str, geo: Geography | None = None) -> list[TerritoryScore]:
    """Every territory the page's text and address point at for `language`, with its points, best first."""
    geo = geo or geography()
    matcher = _matcher(language, geo)
    text = f"{doc.title}\n{doc.text[:SCAN]}"
    scan = _scan(text)
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for word in scan.words & matcher.words.keys():
        for territory, kind in matcher.words[word]:
            seen[territory].add((kind, matcher.names[word]))
    for word in scan.folded if matcher.stems else ():
        for stem, owned in matcher.stems.get(word[:STEM], ()):
            if word.startswith(stem):
                for territory, kind in owned:
                    seen[territory].add((kind, word))
    for probe, pattern, owned in matcher.phrases:
        if probe in scan.words or (not probe[0].isalnum() and probe in text):
            m = pattern.search(text)
            if m:
                for territory, kind in owned:
                    seen[territory].add((kind, " ".join(m.group(0).split())))
    for pattern, probes, territories in matcher.grammar:
        if not probes & scan.folded:
            continue
        for m in dict.fromkeys(" ".join(found.lower().split()) for found in pattern.findall(text)):
            for territory in territories:
                seen[territory].add(("usage", m))
    for pattern, letters, territories in matcher.spelling:
        for word in whole_word_matches(pattern, letters, scan.as_written):
            for territory in territories:
                seen[territory].add(("usage", word))
    if scan.currency_list:
        seen = defaultdict(set, {t: {s for s in v if s[0] != "currency"} for t, v in seen.items()})
    else:
        _prices(text, seen, matcher.dollar)
    host = (urlsplit(doc.url).hostname or "").rstrip(".")
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    # A generic country code (.co, .io) still names its country under the registry's own zones: "lafm.com.co".
    if len(tld) == 2 and (tld not in _data()["generic_tlds"] or "." in split_host(host)[2]):
        seen["GB" if tld == "uk" else tld.upper()].add(("domain", f".{tld}"))
    for kind, territory, part in locale_folders(doc.url, language, matcher.territories, geo):
        seen[territory].add((kind, part))
    for region, number in scan.phones:
        seen[region].add(("phone", number))
    scores = [TerritoryScore(t, _in_union(t, geo), _points(s), tuple(f"{k}: {v}" for k, v in sorted(s)))
              for t, s in seen.items() if s]
    return sorted(scores, key=lambda s: (-s.score, s.territory))


def _prices(text: str, seen: dict[str, set[tuple[str, str]]], dollar: tuple[str, ...]) -> None:
    """A currency quoted with an amount is a price: the page's own money, more than a currency named in passing. An
    amount in "$" notation is a price in the local dollar or peso where the language writes that currency "$" (and
    the US dollar otherwise): Argentina, Chile, Colombia, Mexico for Spanish, Canada for French."""
    for marks in list(seen.values()):
        for kind, marker in list(marks):
            if kind == "currency" and any(amount.search(text) for amount in _amount(marker)):
                marks.add(("price", marker))
    if dollar and "$" in text and _DOLLAR_AMOUNT.search(text):
        for territory in dollar:
            seen[territory].add(("price", "$"))


@lru_cache(maxsize=256)
def _amount(marker: str) -> tuple[re.Pattern, re.Pattern]:
    """An amount before the currency ("5 CHF", "5 $ CHF"), or after it ("CHF 5"): two regexes, as the first begins
    with a digit the engine skips to, and the second with the currency's first character (see _led)."""
    body = re.escape(marker).replace(r"\ ", r"\s+")
    flags = 0 if _exact(marker) else re.IGNORECASE
    return re.compile(rf"\d\s?(?:[$€£]\s?)?{body}{_tail(marker)}", flags), re.compile(rf"{_led(marker)}\s?\d", flags)


@dataclass(frozen=True)
class _Scan:
    """What territory_scores reads of a page's text whatever the language asked about (LANG and the calls to action
    of PROMO and BONUS ask of the same page)."""
    words: frozenset[str]  # its words as written and lower-cased
    folded: frozenset[str]  # its words lower-cased
    as_written: str  # its distinct words as written, one a line
    currency_list: bool  # it lists currencies (so currency markers say nothing)
    phones: tuple[tuple[str, str], ...]  # (region, number) of its first international numbers


@lru_cache(maxsize=16)
def _scan(text: str) -> _Scan:
    as_written = regex_words(text)
    folded = frozenset(map(str.lower, as_written))  # as lower-casing them joined: no word's case reads past its end
    phones = []
    for number in _PHONE.findall(text)[:MAX_PHONES]:
        region = _phone_region(number)
        if region:
            phones.append((region, " ".join(number.split())))
    return _Scan(frozenset(as_written.union(folded)), folded, "\n".join(as_written),
                 len({c for c in _CODE.findall(text) if c in _currency_codes()}) >= CURRENCY_LIST, tuple(phones))


def _points(seen: set[tuple[str, str]]) -> int:
    per_kind: dict[str, int] = defaultdict(int)
    for kind, _ in seen:
        per_kind[kind] += WEIGHTS[kind]
    return sum(min(points, CAPS.get(kind, points)) for kind, points in per_kind.items())


@cache
def _currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


@lru_cache(maxsize=1024)  # a site's footer repeats its numbers on every page
def _phone_region(number: str) -> str:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.region_code_for_number(parsed) or ""


@cache
def _outside(language: str, geo: Geography) -> frozenset[str]:
    """The territories outside the Union where `language` is official or has markers of its own."""
    return frozenset(t for t in _territories(language, geo) if not _in_union(t, geo))


def _kinds(score: TerritoryScore) -> list[str]:
    """The kind of each marker ("usage: podés" -> usage); a country and its places are one kind, a story's subject."""
    return [kind if kind != "places" else "country" for kind, _, _ in (seen.partition(": ") for seen in score.seen)]


READ = 64  # pages x languages kept: LANG, SEO and every phrase of PROMO, BONUS and AFFILIATE ask of the same page
_READ: PageMemo[PageLocale] = PageMemo(READ)


def written_for(doc: Document, language: str, geo: Geography | None = None) -> PageLocale:
    """The territory outside the EU/EEA a page in `language` is evidently written for ("" when none is clear)."""
    geo = geo or geography()
    return _READ.get((doc, geo), language, lambda: _written_for(doc, language, geo))


def _written_for(doc: Document, language: str, geo: Geography) -> PageLocale:
    own = _outside(language, geo)  # where else the language is the local one: a Polish page on .ch is not Swiss
    if not own:
        return PageLocale(language, "", ())
    region = region_folder(doc.url, language)
    if region:  # "/es-419/": declared for Latin America, as a territory of its own would be
        return PageLocale(language, region, ())
    scores = territory_scores(doc, language, geo)
    # The page's own address in a member state's domain is the site's identity, not a topic: it weighs double.
    union = sum(s.score + WEIGHTS["domain"] * ("domain" in _kinds(s)) for s in scores if s.in_union)
    best = next((s for s in scores if not s.in_union and s.territory in own), None)
    kinds = set(_kinds(best)) if best else set()
    # A country and its places alone are a story's subject beside any sign of the Union ("La Suisse compte 26 cantons
    # ..." in a French paper); on a page with none, a country named with its places (three points) is its audience.
    # A domain outside the Union beside other markers weighs double too: a Swiss paper's story about Florence and
    # Genoa is still Swiss (a .ch host alone, an Italian paper's, is not).
    weight = best.score + WEIGHTS["domain"] * ("domain" in kinds and len(kinds) > 1) if best else 0
    decided = best is not None and weight >= DOMINANCE * union and not (union and kinds == {"country"}) and (
        best.score >= MIN_SCORE or not union and len(kinds) >= KINDS)
    # Liechtenstein writes "ss" as the Swiss do: no variant decides on its own site (domain, address). A member state
    # with a standard of its own (Germany's ß) is no such home: a .de page in Swiss spelling is Swiss text syndicated.
    regions = _data()["regions"]
    at_home = any(s.score >= MIN_SCORE and {"domain", "address"} & set(_kinds(s))
                  and not regions.get(s.territory, {}).get(language, {}).get("usage") for s in scores if s.in_union)
    if not decided and not at_home and not any("usage" in _kinds(s) for s in scores if s.in_union):
        best = next((s for s in scores if s.territory in own and _kinds(s).count("usage") >= VARIANT_USAGE), best)
        decided = best is not None and _kinds(best).count("usage") >= VARIANT_USAGE
    return PageLocale(language, best.territory if decided else "", tuple(scores))


def written_in_states(doc: Document, language: str, states: tuple[str, ...], geo: Geography | None = None) -> bool:
    """Whether the page's text and address clearly point at `states` (those of one EU/EEA language): enough points
    of their own, more than twice those of territories outside the Union. Shared signs (the euro) do not count."""
    geo = geo or geography()
    scores = territory_scores(doc, language, geo)
    own = sum(s.score for s in scores if s.territory in states)
    outside = sum(s.score for s in scores if not s.in_union)
    return own >= MIN_SCORE and own > DOMINANCE * outside
