"""DISCLAIMER's exclusions that name the EU/EEA: restricted-country lists and investor restrictions.

A list counts when a phrase that opens one ("restricted jurisdictions", "does not provide services to residents
of the following", "nicht verfügbar in", "tidak menerima klien") is followed, within a few paragraphs, by the name
of an EU/EEA member state in English, in an EU/EEA language, in the phrase's language or in one of the extra
languages of data/lexicons/restricted_countries.yaml (babel's names), up to a heading of countries served ("List of
supported countries for card delivery"). An investor restriction counts when the same sentence or line names the
EU/EEA or a member state ("EU/EEA: only to qualified investors"), or where it is exclusive ("for professional
investors only", "only offers its services to professional clients"). An exclusion that names a member state's
residents ("pas valable pour les résidents belges") counts for that state. A list of sanctioned countries only, or
"the service is not available in the US", is no exclusion of EU clients.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError

from detectors.data_files import load
from detectors.geography import geography
from detectors.lexicon import PhraseLexicon
from detectors.text import negation_cues, sentence_bounds

FILE = "lexicons/restricted_countries.yaml"
ONLY_REACH = 80  # characters from an "only" word to the investor term it restricts ("only offers ... to")
READER_REACH = 200  # characters back in its line from an eligibility phrase to the readers it is told to
UNION_REACH = 80  # characters from an exclusion ("not directed at") to the union it names ("residents of the EEA")


@dataclass(frozen=True)
class _Rules:
    window: int
    triggers: PhraseLexicon
    ends: PhraseLexicon  # a heading of countries served, where a triggered list's window ends
    opener_reach: int
    openers: PhraseLexicon
    refused: PhraseLexicon  # "the following countries", counted where its sentence refuses
    investor: PhraseLexicon
    only_residents: PhraseLexicon  # eligibility limited to named countries
    readers: PhraseLexicon  # a publication's readers, told of another firm's eligibility
    residents: PhraseLexicon  # "residents", "Einwohner": whom an exclusion of a member state names
    demonyms: tuple[tuple[re.Pattern, str], ...]  # "belges", "Belgian" -> BE (local_ref.yaml's)
    abbreviations: tuple[tuple[re.Pattern, str], ...]  # "UK", "USA" as written -> the country they name
    exclusive_investor: PhraseLexicon  # "for professional investors only"
    only: PhraseLexicon  # "only", "ausschließlich": before an investor term, they make it exclusive
    union: re.Pattern
    union_long: PhraseLexicon
    exclusion: PhraseLexicon
    states: re.Pattern
    names: dict[str, str]  # lower-cased country name -> member state
    countries: frozenset[str]  # the last word of every country's name, lower-cased, in English and the name languages
    context: PhraseLexicon
    discussion: PhraseLexicon  # keyed by kind of marker (the rule's article, the regulation's name, ...)


@dataclass(frozen=True)
class Exclusion:
    start: int
    end: int
    what: str  # "restricted-country list", "exclusion of the EU/EEA", "eligibility outside the EU/EEA" or
    # "investor restriction"
    states: tuple[str, ...]  # the member states named (the union itself: none)


@cache
def _rules() -> _Rules:
    data = load(FILE, "restricted-countries")
    geo = geography()
    names: dict[str, str] = {}
    for table in geo.country_names.values():
        names.update(table)
    for language in data["name_languages"]:
        try:
            territories = Locale.parse(language).territories
        except (UnknownLocaleError, ValueError):
            continue
        names.update({territories[s].lower(): s for s in geo.member_states if s in territories})
    names = {n: s for n, s in names.items() if len(n) >= 4}  # "EU"-like stubs and two-letter names read wrongly
    bounded = r"(?<!\w)(?:{})(?!\w)"
    # PhraseLexicon's word index finds these phrases fast; any language code (the schema checked the keys).
    keyed = lambda raw: {"no" if lang is False else str(lang): phrases for lang, phrases in raw.items()}  # noqa: E731
    states = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return _Rules(
        window=data["list_window"],
        triggers=PhraseLexicon("DISCLAIMER", keyed(data["list_triggers"])),
        ends=PhraseLexicon("DISCLAIMER", keyed(data["list_ends"])),
        opener_reach=data["opener_reach"],
        openers=PhraseLexicon("DISCLAIMER", keyed(data["list_openers"])),
        refused=PhraseLexicon("DISCLAIMER", keyed(data["refused_lists"])),
        investor=PhraseLexicon("DISCLAIMER", keyed(data["investor_terms"])),
        only_residents=PhraseLexicon("DISCLAIMER", keyed(data["only_residents"])),
        readers=PhraseLexicon("DISCLAIMER", keyed(data["reader_words"])),
        residents=PhraseLexicon("DISCLAIMER", keyed(data["resident_words"])),
        demonyms=_demonyms(),
        abbreviations=tuple((re.compile(bounded.format("|".join(map(re.escape, written)))), code)
                            for code, written in data["country_abbreviations"].items()),
        exclusive_investor=PhraseLexicon("DISCLAIMER", keyed(data["exclusive_investor_terms"])),
        only=PhraseLexicon("DISCLAIMER", keyed(data["only_words"])),
        union=re.compile(bounded.format("|".join(re.escape(n) for n in data["eu_names"]))),
        union_long=PhraseLexicon("DISCLAIMER", {"en": data["eu_long_names"]}),
        exclusion=PhraseLexicon("DISCLAIMER", keyed(data["exclusion_terms"])),
        states=re.compile(bounded.format(states), re.IGNORECASE),
        names=names,
        countries=frozenset(name.split()[-1] for language in ("en", *data["name_languages"])
                            for name in _country_names(language)[0]),
        context=PhraseLexicon("DISCLAIMER", {"en": data["context_terms"]}),
        discussion=PhraseLexicon("DISCLAIMER", data["discussion_markers"]),
    )


def exclusions(text: str) -> list[Exclusion]:
    """Every restricted-country list naming a member state and every EU/EEA investor restriction in text."""
    rules = _rules()
    found: list[Exclusion] = []
    covered = -1
    openers = [(m, _opened_list_end(text, m.end, rules.opener_reach)) for m in rules.openers.find(text)]
    openers += [(m, _opened_list_end(text, at, rules.opener_reach)) for m in rules.refused.find(text)
                if (at := _refused_from(text, m, rules)) >= 0]
    served = [m.start for m in rules.ends.find(text)]
    triggers = [(m, min([len(text), m.end + rules.window, *(at for at in served if at > m.end)]))
                for m in rules.triggers.find(text)]
    for m, end in sorted(triggers + openers, key=lambda found_: found_[0].start):
        if m.start < covered:
            continue
        named = {rules.names[s.group(0).lower()]: None for s in rules.states.finditer(text, m.end, end)
                 if _listed(text, s.start(), s.end()) and not _territory(text, s.start(), s.end(), rules.countries)}
        if named:
            found.append(Exclusion(m.start, m.end, "restricted-country list", tuple(sorted(named))))
            covered = end
    for m in rules.exclusion.find(text):
        left, right = sentence_bounds(text, m.start, m.end)
        right = min(right, m.end + UNION_REACH)
        clause = _clause_start(text, left, m.start)
        if _names_union(text, m.end, right, rules) or _names_union(text, clause, m.start, rules):
            found.append(Exclusion(m.start, m.end, "exclusion of the EU/EEA", ()))
        elif states := _residents_of(text, m.end, right, rules) or _residents_of(text, clause, m.start, rules):
            found.append(Exclusion(m.start, m.end, "exclusion of a member state's residents", states))
    for m in rules.only_residents.find(text):
        if _only_outside(text, m, rules):
            found.append(Exclusion(m.start, m.end, "eligibility outside the EU/EEA", ()))
    found += [Exclusion(m.start, m.end, "investor restriction", ()) for m in rules.exclusive_investor.find(text)]
    for m in rules.investor.find(text):
        left, right = _line(text, m.start, m.end)
        named = [rules.names[s.group(0).lower()] for s in rules.states.finditer(text, left, right)]
        if named or _names_union(text, left, right, rules) or _only(text, m, rules):
            found.append(Exclusion(m.start, m.end, "investor restriction", tuple(sorted(set(named)))))
    return found


def _only(text: str, m, rules: _Rules) -> bool:
    """Whether an "only" word of the term's language stands before it in its clause, not negated ("not only")."""
    left = max(sentence_bounds(text, m.start, m.end)[0], m.start - ONLY_REACH)
    clause = text[left:m.start]
    cut = max(clause.rfind(","), clause.rfind(";"))
    clause = clause[cut + 1:]
    for o in rules.only.find(clause):
        before = clause[:o.start].lower().split()[-1:]  # "not only", "nicht nur": more than these clients
        counted = any(c.isdigit() for c in clause[o.end:])  # "only 5 % of professional investors": a statistic
        if not counted and any(lang in m.languages and negation_cues(lang).isdisjoint(before) for lang in o.languages):
            return True
    return False


def _only_outside(text: str, m, rules: _Rules) -> bool:
    """Whether the countries an eligibility phrase names (its sentence, or after its colon its paragraph) are all
    outside the EU/EEA, at least one of them, and it names no union ("residents of the EEA and Switzerland")."""
    right = sentence_bounds(text, m.start, m.end)[1]  # a sentence here ends at a colon too
    line_start = max(text.rfind("\n", 0, m.start) + 1, m.start - READER_REACH)
    if rules.readers.find(text[line_start:right]):  # "Important for German readers: ... only for residents of the USA"
        return False
    if text.startswith(":", right):
        right = _opened_list_end(text, right, rules.opener_reach)
    named = {code for lang in (*m.languages, "en") for code in _countries_named(text[m.end:right], lang)}
    # CLDR names have four letters or more; "customers based in the UK" names the country by its abbreviation.
    named |= {code for pattern, code in rules.abbreviations if pattern.search(text, m.end, right)}
    member = geography().member_states
    return bool(named) and named.isdisjoint(member) and not _names_union(text, m.end, right, rules)


def _countries_named(text: str, language: str) -> set[str]:
    names, pattern = _country_names(language)
    return {names[n.group(0).lower()] for n in pattern.finditer(text)} if pattern else set()


@lru_cache(maxsize=32)
def _country_names(language: str) -> tuple[dict[str, str], re.Pattern | None]:
    """Every country's name in `language` (CLDR), lower-cased, to its code; names of four letters or more."""
    try:
        territories = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError):
        return {}, None
    names = {name.lower(): code for code, name in territories.items() if code.isalpha() and len(name) >= 4}
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    return names, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


_OPENED_LIST_END = re.compile(r"[.!?]\s|\n\s*\n")  # a list after a colon runs to its paragraph's end
_SENTENCE_ON = re.compile(r"[.!?;\n]")
_COLON = re.compile(r":\s*")


_WORDS = re.compile(r"\w+(?:['’]\w+)?")


def _refused_from(text: str, m, rules: _Rules) -> int:
    """Where the list of "the following countries" begins (its sentence's colon, or the phrase's end: "... can't be
    used with bank accounts in the following countries because of KYC rules: ..."), when its sentence up to there
    holds a negation cue of the phrase's language ("... are not accepted: ...", "... nem tudjuk elfogadni: ..."); else
    -1."""
    left, right = sentence_bounds(text, m.start, m.end)
    colon = text.find(":", m.end, right + 1)
    words = _WORDS.findall(text[left:colon if colon >= 0 else right].lower())
    if not any(not negation_cues(lang).isdisjoint(words) for lang in m.languages):
        return -1
    return colon if colon >= 0 else m.end


def _opened_list_end(text: str, start: int, reach: int) -> int:
    """Where the list an opener ("not available in") begins at `start` ends: its sentence, or after a colon the
    paragraph (bullet lines included), `reach` characters at most."""
    limit = min(len(text), start + reach)
    colon = text[start:start + 3].lstrip().startswith(":")
    # After a colon, the blank line before its first item does not end the list.
    begin = _COLON.match(text, text.index(":", start)).end() if colon else start
    stop = (_OPENED_LIST_END if colon else _SENTENCE_ON).search(text, begin, limit)
    return stop.start() if stop else limit


_CLAUSE_BREAK = re.compile(r"[,;:()–—]")


def _clause_start(text: str, left: int, at: int) -> int:
    """Where the clause that ends at `at` starts: after its sentence's last comma, colon or dash before `at`, at
    most UNION_REACH characters back. "EU residents are not eligible" names whom it excludes; "available across the
    EU, but not in the US" does not."""
    start = max(left, at - UNION_REACH)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, start, at)]
    return breaks[-1] if breaks else start


def _residents_of(text: str, start: int, end: int, rules: _Rules) -> tuple[str, ...]:
    """The member states whose residents text[start:end] names ("les résidents belges", "residents of Belgium"): a
    word for residents and a state's name or demonym. Without the residents, "not available in Germany yet" is a
    rollout, no exclusion of clients."""
    if not rules.residents.find(text[start:end]):
        return ()
    named = {rules.names[s.group(0).lower()] for s in rules.states.finditer(text, start, end)}
    named |= {code for pattern, code in rules.demonyms if pattern.search(text, start, end)}
    return tuple(sorted(named))


def _demonyms() -> tuple[tuple[re.Pattern, str], ...]:
    """local_ref.yaml's demonyms as one pattern per member state: capitalised ones (English) as written, the others
    in any case; a trailing * for any ending."""
    patterns = []
    for code, entries in load("lexicons/local_ref.yaml", "local-ref")["demonyms"].items():
        cased = [_demonym_form(e) for e in entries if e[0].isupper()]
        other = [_demonym_form(e) for e in entries if not e[0].isupper()]
        alternatives = cased + ([f"(?i:{'|'.join(other)})"] if other else [])
        patterns.append((re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"),
                         "NO" if code is False else str(code)))
    return tuple(patterns)


def _demonym_form(entry: str) -> str:
    """A demonym as a regex: literal, its trailing * any word ending."""
    return re.escape(entry.rstrip("*")) + (r"\w*" if entry.endswith("*") else "")


def _names_union(text: str, start: int, end: int, rules: _Rules) -> bool:
    return bool(rules.union.search(text, start, end) or rules.union_long.find(text[start:end]))


_LIST_SEPARATOR = re.compile(r"[,;:\n•·*()\[\]/|–-]")
_CONJUNCTIONS = "and|or|und|oder|et|ou|y|o|e|en|of|i|a|ja|tai|og|eller|és|dan|atau|और"
_CONJUNCTION_AFTER = re.compile(rf"\s*(?:{_CONJUNCTIONS})\s")
# The last item of a list after its conjunction ("Österreich, der Schweiz und Liechtenstein"), with a separator before.
_CONJUNCTION_BEFORE = re.compile(rf"\s(?:{_CONJUNCTIONS})\s+(?:(?:the|der|die|la|le|les|el)\s+)?$")


def _listed(text: str, start: int, end: int) -> bool:
    """Whether a country name stands as an item of a list (a line of its own, between commas, after a colon),
    not inside prose ("the feature is not available in Germany yet")."""
    before = text[max(0, start - 4):start]
    after = text[end:end + 3]
    return bool(_LIST_SEPARATOR.search(before) or _LIST_SEPARATOR.search(after) or end == len(text)
                or _CONJUNCTION_AFTER.match(text, end, end + 12)
                or _CONJUNCTION_BEFORE.search(text, max(0, start - 12), start)
                and _LIST_SEPARATOR.search(text, max(0, start - 60), start))


_TERRITORY_BEFORE = re.compile(r"(?:northern|caribbean|dutch|french|danish)\s+$", re.IGNORECASE)
_TERRITORY_AFTER = re.compile(r"\s*(?:antilles|caribbean|karibia|overseas)", re.IGNORECASE)


# A capitalised word and one space before a name: the name ends a longer one ("Heard Island", Island being
# Iceland in German and Norse; "Christmas Island").
_NAME_BEFORE = re.compile(r"(?<!\w)([A-Z][\w'-]+) $")


def _territory(text: str, start: int, end: int, countries: frozenset[str]) -> bool:
    """A territory outside the EU named after a member state: Northern Ireland, the Netherlands Antilles,
    Caribbean Netherlands ("Belanda Karibia"); or a place whose name ends in one ("Heard Island"), unless the word
    before ends a country's name itself (a list set off by spaces alone: "Iran Denmark")."""
    before = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return bool(_TERRITORY_BEFORE.search(text[max(0, start - 12):start]) or _TERRITORY_AFTER.match(text, end)
                or before and before.group(1).lower() not in countries)


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The line around a match, no longer than 300 characters each side (a list item or a table row)."""
    left = max(text.rfind("\n", 0, start) + 1, start - 300)
    right = text.find("\n", end)
    return left, min(right if right >= 0 else len(text), end + 300)


def names_the_union_or_services(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names the EU/EEA, a member state, or the service, its clients or solicitation."""
    rules = _rules()
    return bool(_names_union(text, start, end, rules) or rules.states.search(text, start, end)
                or rules.context.find(text[start:end]))


@lru_cache(maxsize=16)  # asked by DISCLAIMER and AFFILIATE of the same page
def discusses_the_rule(text: str) -> bool:
    """Whether text is about reverse solicitation (discussion markers of two kinds: "Article 61" and "ESMA
    guidelines") rather than a firm's notice (which may name the regulation, "MiCA Regulation", "MiCAR")."""
    return len({kind for m in _rules().discussion.find(text) for kind in m.languages}) >= 2
