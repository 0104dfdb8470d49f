"""CURRENCY: the site's own offer in an EU/EEA currency: prices, fees, limits, bonus amounts, trading pairs, currency
pickers, and currencies offered by name ("Välj PLN som valuta", "deposit in euros", "veksling av norske kroner"; CLDR's
names in every EU/EEA language too, "couronnes danoises").

An amount counts in an offer context (detectors/offer_context.py), the site's own campaign (campaign_amounts.py) or
its help centre or contract: "Mindesteinzahlung: 25 €" does, "230 Millionen Euro" and a hedged example do not (but
in that help centre or contract, whose examples are of its own service). A
currency named without an amount counts right beside an offer word, not in a generic list with non-EEA currencies
("dollars, euros or reais"), or outside news or law on the firm's help centre or contract (a bare "euro" only there).
"kr" is the krone of the page's language; on a page written for a territory outside the EU/EEA a word its currency
shares is that currency ("lei" on a Moldovan page). EUR points at the euro area as a group (geography.UNION);
single-country currencies at their state (babel's territory data, or currency.yaml's `member_states`: the kuna).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, partial
from urllib.parse import urlsplit

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages
from babel.numbers import get_currency_name, get_territory_currencies, list_currencies

from detectors.amounts import UNIT_OF, alternation, beside_number, broken_tail, call_rate, converted, too_large
from detectors.article_page import is_article, page_title
from detectors.call_languages import candidate_languages
from detectors.campaign_amounts import campaign_amount
from detectors.context import Context
from detectors.data_files import distinct, load
from detectors.geography import babel_locale, geography
from detectors.headline_story import headline_story
from detectors.incentives import advert, hedged
from detectors.lexicon import _words as page_words  # the page's distinct lower-cased words, shared
from detectors.lexicon import lower_in_place
from detectors.model import Document, Finding
from detectors.offer_context import OfferContext, narrates, offer_context, scan
from detectors.page_locale import written_for
from detectors.service_names import bare_name_counts, service_page
from detectors.text import is_quoted, snippet
from detectors.worked_examples import worked_example

INDICATOR = "CURRENCY"
FILE = "lexicons/currency.yaml"
KRONA = "kr"  # the token every krone form resolves to before the page's language decides
_GAP = "[ \u00a0\u202f]?"
# What may not stand right before an amount's number: a digit, a decimal mark or a capital (a code, an ISIN:
# "DE0001234 EUR"). A lower-case letter may: a table's label run into its number once tags are gone ("Min50 EUR").
_NOT_A_SEAM = r"(?-i:[\d_.,A-Z])"
_NUMBER = r"\d{1,3}(?:[ \u00a0\u202f.,']\d{3})*(?:[.,](?:\d{1,2}|-{1,2}))?|\d+(?:[.,]\d+)?"
_SCANDINAVIAN_TLDS = {"se": "sv", "dk": "da", "no": "no", "is": "is"}
# Words only one of the four krone languages writes: enough to tell which krone an undeclared page means.
_FUNCTION_WORDS = {
    "sv": {"och", "är", "att", "inte", "från", "hur", "jag", "vad", "ska", "någon", "också", "kronor"},
    "no": {"deg", "meg", "av", "hva", "ikke", "også", "noen", "dere", "være", "norske", "norsk"},
    "da": {"dig", "mig", "af", "hvad", "ikke", "også", "nogen", "jer", "være", "danske", "dansk"},
    "is": {"að", "ekki", "þú", "frá", "ég", "hvað", "það", "eða", "krónur"},
}
_WORD = re.compile(r"\w+")
PLURAL_COUNTS = (1, 2, 5, 20)  # enough numbers to meet the plural forms of a currency's name


@dataclass(frozen=True)
class _Rules:
    amount: re.Pattern
    lead_start: re.Pattern  # where `amount` can start with a code or symbol: one of them, a gap, a digit
    number_start: re.Pattern  # where it can start with its number: a digit, and a unit's first character after it
    pair: re.Pattern
    pair_body: re.Pattern  # `pair` without its opening \b: begins with a ticker, which the engine skips to
    named: re.Pattern  # a currency's code without an amount
    names: re.Pattern  # a currency's name without an amount, in the lower-cased text
    names_by_first: dict[str, str]  # first word -> the pattern of `names` cut to the names it begins (_names_from)
    name_firsts: frozenset[str]  # the names' first words: a page without any has no name to find
    name_letters: frozenset[str]
    code_words: frozenset[str]  # the codes lower-cased (where `named` can match)
    code_letters: frozenset[str]
    foreign: re.Pattern  # a non-EEA currency's name
    strength: dict[str, str]
    states: dict[str, tuple[str, ...]]  # from the lexicon, where babel's territory data does not say
    by_token: dict[str, str]  # symbol, code, word or name (lower-cased) -> currency code, or KRONA
    krona_by_language: dict[str, str]
    acronyms: dict[str, frozenset[str]]  # code -> languages in which it is another word's acronym (Swedish "ISK")


# A line that lists three currency codes or more and nothing else ("GBP, USD, EUR, SEK, PLN."): the options a
# deposit page or a casino's terms offer, as a currency picker does.
_CODE_LIST = re.compile(r"^[ \t•·*-]*[A-Z]{3}(?:[ \t]*[,;/|·•][ \t]*[A-Z]{3}){2,}[ \t]*\.?[ \t]*$", re.M)
_THREE_CAPITALS = re.compile(r"[A-Z]{3}")
_RATE = re.compile(r"[ \t]*1[ \t]?[A-Z][A-Z0-9]{1,5}[ \t]?=")  # "1 BTC = ...": a line quoting a rate


@cache
def _rules() -> _Rules:
    data = load(FILE, "currency")
    by_token: dict[str, str] = {}
    strength: dict[str, str] = {}
    states: dict[str, tuple[str, ...]] = {}
    codes, symbols, words, names = [], [], [], []
    for code, spec in data["currencies"].items():
        for field in ("symbols", "words", "names"):
            distinct(FILE, f"currencies.{code}.{field}", spec.get(field, []))
        strength[code] = spec["strength"]
        if "member_states" in spec:
            states[code] = tuple(spec["member_states"])
        codes.append(code)
        by_token[code.lower()] = code
        symbols += spec["symbols"]
        words += spec["words"]
        names += spec.get("names", [])
        for token in spec["symbols"] + spec["words"] + spec.get("names", []):
            by_token[token.lower()] = code
        for name in _babel_names(code) - set(by_token):  # "couronnes danoises", "coronas suecas"
            names.append(name)
            by_token[name] = code
    krona = data["krona"]
    distinct(FILE, "krona.symbols", krona["symbols"])
    for token in krona["symbols"] + krona["words"]:
        by_token[token.lower()] = KRONA
    symbols += krona["symbols"]
    words += krona["words"]
    tickers = data["crypto_tickers"]
    # Codes and symbols as written ("Ft" is forint, "ft" is feet); only the spelled-out words ignore case.
    # A word unit after Romanian's "de" too ("50 de lei"), and after the dash of a German price's cents ("99,- Euro").
    # The unit's first character checked first: where none stands, the alternations are not tried (a number that
    # is no amount, "2025 Ethora", would try them again after each shorter reading of the number).
    unit_firsts = "".join(sorted({t[0] for t in codes + symbols + words} | {UNIT_OF[0]}))
    between = " .,'\u00a0\u202f-£$/"  # besides digits, what may stand between a number and its unit: "15 £/€"
    unit = (f"(?=[{re.escape(unit_firsts)}])(?:{UNIT_OF} (?=\\w))?(?P<unit>(?-i:{alternation(codes + symbols)})"
            f"|(?:(?<=[\\d-] )|(?<=\\d {UNIT_OF} ))(?:{alternation(words)})|(?<=\\d)(?:{alternation(words)}))")
    lead = f"(?P<lead>(?-i:{alternation(codes + symbols)}))"
    # A price and its currency sit on one line: the gap is a space, never the line break between two blocks.
    other = f"(?:[£$]{_GAP}/{_GAP})?"  # "15 £/€": the same amount in two currencies
    amount = re.compile(rf"(?<!{_NOT_A_SEAM})(?:{lead}{_GAP}(?:{_NUMBER})|(?:{_NUMBER}){_GAP}{other}{unit})(?![\w€$£])",
                        re.IGNORECASE)
    pair_body = rf"(?:{'|'.join(tickers)})\s?[/\-]?\s?(?P<code>{'|'.join(codes)})\b"
    pair, pair_body = re.compile(r"\b" + pair_body), re.compile(pair_body)
    # "EUR-Einzahlung" and "(RON/USD/EUR)" name a currency; "EUR-L" (a stablecoin) does not.
    named = re.compile(rf"(?<![\w\-])(?:{'|'.join(codes)})(?!\w|-\w\b)")
    # Names are matched in the lower-cased text: a case-insensitive alternation is several times slower.
    by_first: dict[str, list[str]] = {}
    for name in {n.lower() for n in names}:
        by_first.setdefault(_WORD.findall(name)[0], []).append(name)
    lowered = re.compile(_names_pattern(n.lower() for n in names))
    names_by_first = {first: _names_pattern(group) for first, group in by_first.items()}
    foreign = re.compile(rf"(?<!\w)(?:{alternation(data['foreign_names'] + data['scheme_names'])})(?!\w)", re.I)
    by_language = {str(k).lower() if k is not False else "no": v for k, v in krona["by_language"].items()}
    name_firsts = frozenset(by_first)
    code_words = frozenset(c.lower() for c in codes)
    if any(c.isdigit() for lead in codes + symbols for c in lead):  # _amounts: a lead is never a number's start
        raise ValueError(f"{FILE}: a currency code or symbol with a digit")
    if any(c in between for c in unit_firsts):
        raise ValueError(f"{FILE}: a unit that begins with a space or a sign")
    lead_start = re.compile(rf"(?:{alternation(codes + symbols)}){_GAP}\d")  # case-sensitive, as in `amount`
    # A digit not after a capital, digit, point or comma (`amount`'s opening lookbehind, checked after the digit so the
    # pattern begins with it), then what may stand between a number and its unit, then a character a unit can begin
    # with (ignoring case, as the unit's first check in `amount` does).
    ahead = rf"[\d{re.escape(between)}]*(?i:[{re.escape(unit_firsts)}])"
    number_start = re.compile(rf"\d(?<!{_NOT_A_SEAM}\d)(?={ahead})")
    return _Rules(amount, lead_start, number_start, pair, pair_body, named, lowered, names_by_first, name_firsts,
                  frozenset("".join(name_firsts)), code_words, frozenset("".join(code_words)), foreign, strength,
                  states, by_token, by_language,
                  {code: frozenset(spec.get("acronym_in", ())) for code, spec in data["currencies"].items()})


def _names_pattern(names) -> str:
    return rf"(?<![\w\-])(?:{alternation(names)})(?!\w|-\w\b)"


@cache
def _names_from(first: str) -> re.Pattern:
    """`names` where the word `first` stands: only the names it begins can match there (a name's first word ends
    where the page's word does), and an alternation of a few names fails much faster than one of all ~550."""
    return re.compile(_rules().names_by_first[first])


def _native(code: str, doc: Document, ctx: Context) -> bool:
    """Whether the page is written in a language of the states that use a single-country currency."""
    states = ctx.geo.states_by_currency.get(code) or _rules().states.get(code, ())
    if not states or "EU" in states:
        return True  # the euro's names are the same words across the area
    return any(s in states for lang in candidate_languages(doc) for s in ctx.geo.states_for_language(lang))


def _krona_language(doc: Document, rules: _Rules) -> str:
    """Which krone "kr" means on this page: its declared language, its country's domain, or its own words."""
    lang = doc.html_lang.split("-")[0].split("_")[0].lower()
    if lang in rules.krona_by_language:
        return lang
    tld = (urlsplit(doc.url).hostname or "").rsplit(".", 1)[-1]
    if tld in _SCANDINAVIAN_TLDS:
        return _SCANDINAVIAN_TLDS[tld]
    words = _WORD.findall(doc.text[:5000].lower())
    scores = {lang: sum(w in cues for w in words) for lang, cues in _FUNCTION_WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 3 else ""


def _amounts(rules: _Rules, text: str):
    """`rules.amount.finditer(text)`, with the regex tried only where an amount can start: a digit that begins a
    number, or a code or symbol before one. Both are found by patterns that begin with a character (which the regex
    engine skips to at C speed; `amount` begins with a lookbehind and is tried at every character), and the matches
    are taken leftmost first and never overlapping, as finditer takes them."""
    starts = [m.start() for m in rules.number_start.finditer(text)]
    at = 0
    while (lead := rules.lead_start.search(text, at)) is not None:
        starts.append(lead.start())
        at = lead.start() + 1
    last = 0
    for at in sorted(starts):
        if at >= last and (m := rules.amount.match(text, at)) is not None:
            yield m
            last = m.end()


def _pairs(rules: _Rules, text: str):
    """`rules.pair.finditer(text)`, tried only where its body matches (every place, overlapping ones included)."""
    at, last = 0, 0
    while (body := rules.pair_body.search(text, at)) is not None:
        at = body.start() + 1
        if body.start() >= last and (m := rules.pair.match(text, body.start())) is not None:
            yield m
            last = m.end()


def _babel_names(code: str) -> set[str]:
    """A currency's names in every EU/EEA language, singular and plural, lower-cased (CLDR, through babel); the euro's
    are the lexicon's (its words differ little and run into other words: "eur", "euro-")."""
    if code == "EUR":
        return set()
    found = set().union(*(_cldr_names(code, language) for language in sorted(geography().languages)))
    return {name for name in found if name != code.lower()}


@cache
def _cldr_names(code: str, language: str) -> frozenset[str]:
    """A currency's names in a language, singular and plural forms, lower-cased (none for a language babel lacks)."""
    try:
        locale = babel_locale(language)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset(get_currency_name(code, count=n, locale=locale).lower() for n in PLURAL_COUNTS)


@cache
def _shared_words() -> frozenset[str]:
    """The currency words of the lexicon that also name a currency of a territory outside the EU/EEA in one of its
    EU languages ("lei": Moldova's too): only these need the page's territory read."""
    geo, by_token = geography(), _rules().by_token
    words = set()
    for territory in Locale("en").territories:
        if len(territory) == 2 and territory.isalpha() and not geo.is_member(territory):
            for language in set(get_official_languages(territory, de_facto=True)) & geo.languages:
                words |= {w for w, code in _currency_words(territory, language).items()
                          if by_token.get(w, code) not in (code, "")}
    return frozenset(words)


@cache
def _currency_words(territory: str, language: str) -> dict[str, str]:
    """The words of the names of a territory's currencies in a language (lower-cased) -> the currency's code."""
    try:
        codes = get_territory_currencies(territory)
    except ValueError:
        return {}
    return {word: code for code in codes for name in _cldr_names(code, language) for word in _WORD.findall(name)}


def _titled_with_narrative(doc: Document) -> bool:
    """Whether the page's title speaks of money as news or law does: "Krypto Skat i Danmark", "Ghid ... impozitarea"."""
    title = page_title(doc)
    return bool(title) and any(narrates(title, language) for language in candidate_languages(doc))


class _Page:
    """The first accepted observation of each currency on one page."""

    def __init__(self, doc: Document, rules: _Rules, ctx: Context):
        self.doc, self.rules, self.ctx = doc, rules, ctx
        self.first: dict[str, tuple[str, str]] = {}  # code -> (snippet, locator)
        self._krona: str | None = None
        self._local: dict[str, str] | None = None

    def code(self, token: str) -> str:
        code = self.rules.by_token.get(token.lower(), "")
        if code and code != KRONA and token.lower() in _shared_words():
            return self.local_names().get(token.lower(), code)
        if code != KRONA:
            return code
        if self._krona is None:
            self._krona = self.rules.krona_by_language.get(_krona_language(self.doc, self.rules), "")
        return self._krona

    def local_names(self) -> dict[str, str]:
        """On a page written for a territory outside the EU/EEA, the words of its own currency's names (babel's, in
        the page's language): "lei" on a Moldovan page is the Moldovan leu, not the Romanian one."""
        if self._local is None:
            languages = candidate_languages(self.doc)
            territory = written_for(self.doc, languages[0], self.ctx.geo).territory if languages else ""
            self._local = _currency_words(territory, languages[0]) if territory else {}
        return self._local

    def add(self, code: str, snip: str, locator: str) -> None:
        if code and code not in self.first:
            self.first[code] = (snip, locator)


@cache
def _iso_codes() -> frozenset[str]:
    return frozenset(list_currencies())


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.kind != "html":
        return []
    rules = _rules()
    text = doc.text
    page = _Page(doc, rules, ctx)
    languages = candidate_languages(doc)  # read once: every amount asks for them
    offers: OfferContext | None = None
    # Each read when first needed. A story's or a tax guide's amounts are its own, unless offered; a help centre or a
    # contract explains its own service, by example too ("how to deposit EUR"): no story.
    article = cache(lambda: is_article(doc) or _titled_with_narrative(doc) or headline_story(doc, ctx))
    helping = cache(partial(service_page, doc))

    for m in _amounts(rules, text):
        code = page.code(m.group("lead") or m.group("unit") or "")
        if not code or code in page.first:
            continue
        offers = offers or offer_context(text, frozenset(languages))
        if too_large(m.group(0)) or offers.is_magnitude(m.end()) or converted(text, m.start(), m.end()) \
                or broken_tail(text, m.start()) or call_rate(text, m.end()):
            continue
        line, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        # A hedged amount is an example ("for example, 1000 kr ..."), but not in the firm's help centre or contract: its
        # examples are of its own service ("if you bought 100 EUR of BTC"). A line quoting a rate ("1 XBT = 61600.66
        # EUR") is a price ticker, and the help centre or contract states its own terms, offer word or not (not law).
        if ((not offers.editorial or helping()) and (_RATE.match(text, line) or offers.is_offer(m.start(), m.end())
                                                   or helping() and not offers.is_narrative(m.start(), m.end()))
                and (not hedged(text, m.start(), m.end(), languages)
                     and not worked_example(text, m.start(), m.end(), languages) or helping())
                and (not article() or offers.is_own_offer(m.start(), m.end()))) \
                or advert(text[line:line_end if line_end >= 0 else len(text)], languages) \
                or campaign_amount(doc, ctx, offers, m.start(), m.end(), languages):
            # An advert's headline ("Jusqu'à 160 € offerts") or an amount of the site's own campaign: on a story too.
            page.add(code, snippet(text, m.start(), m.end()), "text (amount)")
    for m in _pairs(rules, text):
        code = m.group("code")
        if code not in page.first:
            offers = offers or offer_context(text, frozenset(languages))
            # A pair given as an example ("np. BTC/PLN czy ETH/EUR") is not one the site lists.
            if not offers.is_narrative(m.start(), m.end()) and not offers.is_generic(m.start(), m.end()):
                page.add(code, snippet(text, m.start(), m.end()), "text (trading pair)")
    for option in doc.select_options:
        page.add(page.code(option.strip().split(" ")[0]), option, "select option")
    for m in _CODE_LIST.finditer(text):  # the text's currency picker: "EUR, USD, PLN, CZK" on a line of its own
        codes = _THREE_CAPITALS.findall(m.group(0))
        if _iso_codes().issuperset(codes) and not article():
            for code in codes:
                page.add(page.code(code), m.group(0).strip(), "text (currency list)")
    # Only codes not found yet are looked for (a price table's "EUR" stands hundreds of times, each passed over below)
    unseen = frozenset(word for word in rules.code_words if (code := page.code(word)) and code not in page.first)
    named = [*scan(rules.named, text, unseen, rules.code_letters)] if unseen else []
    index = page_words(text)
    if not rules.name_firsts.isdisjoint(index.words):  # a name's first word is one of the page's words
        # The page lower-cased, offsets kept (as the shared word index has it, unless that folded ş and ţ).
        lowered = index.folded
        if "ș" in lowered or "ț" in lowered:
            lowered = lower_in_place(text)
        names = scan(rules.names, text, rules.name_firsts, rules.name_letters, on=lowered, by_first=_names_from)
        named = sorted([*named, *names], key=lambda m: m.start())
    for m in named:
        code = page.code(m.group(0))
        if not code or code in page.first or beside_number(text, m.start(), m.end()):
            continue  # "CZK 200 million", "200 CZK": an amount, judged (and maybe vetoed) as one above
        if m.re is not rules.named and " " not in m.group(0) \
                and not (_native(code, doc, ctx) and bare_name_counts(m.group(0), helping)):
            continue  # "kuna" is Estonian for "since"; "euro" alone is money in general (detectors/service_names.py)
        if m.re is rules.named and not rules.acronyms.get(code, frozenset()).isdisjoint(languages):
            continue  # "ISK" in Swedish is the investment savings account, not the Icelandic krona
        offers = offers or offer_context(text, frozenset(languages))
        if offers.editorial and not helping():
            break
        left, right = offers.sentence(m.start(), m.end())
        # The firm's help centre or contract names its own currencies, by example ("fiat, e.g. EUR") or no offer word.
        if ((not offers.is_narrative(m.start(), m.end()) if helping()
             else offers.is_close_offer(m.start(), m.end()) and not offers.is_generic(m.start(), m.end()))
                and not rules.foreign.search(text, left, right) and not is_quoted(text, m.start(), m.end())
                and (not article() or offers.is_own_offer(m.start(), m.end()))):
            page.add(code, snippet(text, m.start(), m.end()), "text (currency offered)")
    found = []
    for code in sorted(page.first):
        states = rules.states.get(code) or ctx.geo.states_by_currency.get(code, ())
        if not states:
            continue
        snip, locator = page.first[code]
        found.append(ctx.finding(doc, INDICATOR, value=code, snippet=snip, locator=locator, member_states=states,
                                 confidence=0.9 if locator != "text (currency offered)" else 0.8,
                                 strength=rules.strength[code]))
    return found
