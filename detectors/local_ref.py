"""LOCAL_REF: content tailored to one member state, whatever the page's language.

"The exchange for customers in Finland", "the best broker for Dutch investors", "für Anleger in Deutschland",
"Krypto-Steuer in Österreich", "per i clienti in Italia", "tout investisseur belge": a country (its name in any EU
language, from babel, or a demonym from the lexicon) next to a word for the people the page speaks to
(customers, investors, residents, "who live in", "available in") or to a national topic (its tax, law, market,
banks, whether crypto is legal there). A country merely mentioned is not a market: "Germany's regulator fined ..."
has neither. Licences are not a topic: "licensed in Cyprus" says where a firm is supervised, not whom it serves;
nor is a seat ("... OÜ with its registered office at ..., Tallinn"): where a firm is, not whom it serves.
Member state: that state.

- an audience next to the country, in one sentence: strong (the page says whom it is for);
- a national topic in the title, a top heading, a heading-like line or the URL slug: strong (a national guide);
- a national topic in the text: medium, and only when the page names that state at least twice (its main cities
  count).

Not counted: a sentence naming three or more states (a list: restricted countries, a coverage table), an
audience that is negated ("not available to residents of ...") or someone else's ("its customers in the
Netherlands"), a demonym or a language's own name used as a language name ("in French", "auf Deutsch",
"French-speaking", "Deutsch and Polski"). Platform pages are skipped (their localisation is the platform's).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import unquote, urlsplit

from babel import Locale

from detectors.context import Context
from detectors.data_files import DataFileError, language_key, load
from detectors.geography import Geography
from detectors.lexicon import STEM
from detectors.lexicon import _words as shared_words
from detectors.model import Document, Finding
from detectors.offer_context import read_words
from detectors.phrase_patterns import phrase_pattern
from detectors.phrases import own_language, page_language
from detectors.sponsorship import city_names
from detectors.text import is_negated, snippet

INDICATOR = "LOCAL_REF"
FILE = "lexicons/local_ref.yaml"
WINDOW = 5  # words either side of a country mention in which an audience or topic word ties it to the page
STEMMED_NAME = 5  # country names this long or longer, in inflecting languages, match with their endings
INFLECTING = frozenset({"bg", "cs", "el", "et", "fi", "hr", "hu", "is", "lt", "lv", "pl", "ro", "sk", "sl"})
COMPOUND_HEAD, COMPOUND_TAIL = 3, 5  # a compound's first part and a stem long enough to be its last part
SHORT_LINE = 8  # a line of the text this short (in words) is a heading: a national topic there is a guide's title
LIST_STATES = 3  # a sentence naming this many states is a list, not an audience
SENTENCE_ENDS = ".!?…;:\n"
SENTENCE_REACH = 200  # characters either side: more than WINDOW words
_STOP = re.compile(f"[{re.escape(SENTENCE_ENDS)}]")
_LAST_STOP = re.compile(f"(?s:.*)[{re.escape(SENTENCE_ENDS)}]")  # greedy: up to the last stop
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
KEY = STEM  # names and demonyms are indexed by their first letters, as the shared word index indexes words
_KEYS = re.compile(rf"(?<!\w)\w{{1,{KEY}}}")
_REFOLDED = "İşŞţŢ"  # letters the shared word index folds differently from str.lower
LONG_TEXT = 2000  # characters: a page's text (read through the shared word index); titles and slugs scanned here


@dataclass(frozen=True, eq=False)  # hashed as itself (one per geography): a key of the caches below
class _Lexicon:
    alternatives: dict[str, tuple[str, ...]]  # first letters of a name or demonym -> its regex alternatives
    exact: dict[str, tuple[str, bool]]  # lower-cased form -> (state, is a demonym)
    stems: dict[str, tuple[str, bool, bool]]  # lower-cased stem -> (state, capital required, demonym)
    # A country name's stem -> the inflecting languages it is theirs in: Estonian "Poola" (Poland) gives "pool", which
    # inflects "Poolas" on an Estonian page and is the English "pool" on any other.
    name_stems: dict[str, frozenset[str]]
    audience: _Words
    topics: _Words
    before: frozenset[str]
    after: _Words
    third_party: frozenset[str]
    seats: re.Pattern  # "registered office", "mit Sitz in": a country after one in its sentence is a firm's seat
    firm: re.Pattern  # a legal form right after a country ("BB Trade Estonia OÜ"): the country names a firm
    endonyms: frozenset[str]  # the EU languages' own names ("deutsch", "polski", "suomi"), lower-cased
    alphabet: frozenset[str]  # the letters of the keys of `alternatives`
    short_keys: frozenset[str]  # the keys of `alternatives` shorter than KEY (whole words, on a page)
    word_keys: frozenset[str]  # the keys of `alternatives` that are KEY word characters (a word's first letters)


@dataclass(frozen=True, eq=False)
class _Words:
    exact: frozenset[str]
    stems: tuple[str, ...]
    compound_tail: re.Pattern  # a long stem ending a compound word ("Kryptosteuer", "krüptolitsents")


def _split(entries) -> _Words:
    exact = frozenset(e.lower() for e in entries if not e.endswith("*"))
    stems = tuple(sorted({e[:-1].lower() for e in entries if e.endswith("*")}, key=len, reverse=True))
    tails = [re.escape(w) for w in sorted(exact | set(stems), key=len, reverse=True) if len(w) >= COMPOUND_TAIL]
    return _Words(exact, stems, re.compile("(?:" + "|".join(tails or ["(?!)"]) + r")\w{0,5}$"))


@lru_cache(maxsize=8192)
def _is(word: str, words: _Words) -> bool:
    """Whether `word` is one of `words`, one of their stems with an ending, or a compound ending in one (kept: the
    compound test tries every stem at every position, and the words around mentions recur page after page)."""
    if word in words.exact:
        return True
    if word.startswith(words.stems):
        return any(word.startswith(p) and len(word) <= len(p) + 5 for p in words.stems)
    return len(word) >= COMPOUND_HEAD + COMPOUND_TAIL and bool(words.compound_tail.search(word, COMPOUND_HEAD))


@cache
def _data() -> dict:
    return load(FILE, "local-ref")


@cache
def _lexicon(geo: Geography) -> _Lexicon:
    data = _data()
    exact: dict[str, tuple[str, bool]] = {}
    stems: dict[str, tuple[str, bool, bool]] = {}
    name_stems: dict[str, set[str]] = {}
    for language, by_name in geo.country_names.items():
        for name, state in by_name.items():
            if language in INFLECTING and len(name) >= STEMMED_NAME and " " not in name:
                stems[name[:-1]] = (state, True, False)  # a proper noun: "Poolas", not Estonian "poolt" ("by")
                name_stems.setdefault(name[:-1], set()).add(language)
            exact[name] = (state, False)
    for key, forms in data["name_forms"].items():
        for form in forms:
            exact[form.lower()] = (_member(geo, key, "name_forms"), False)
    for key, entries in data["demonyms"].items():
        state = _member(geo, key, "demonyms")
        for entry in entries:
            capital, stem = entry[0].isupper(), entry.rstrip("*").lower()
            if entry.endswith("*") or capital:  # a demonym's rule over a name's stem ("polsk*", lower case too)
                stems[stem] = stems[stem] if stems.get(stem, ("", False, False))[2] else (state, capital, True)
                name_stems.pop(stem, None)  # "norsk*" is Norwegian in any language's page
            else:
                exact.setdefault(entry.lower(), (state, True))
    by_length = sorted(stems, key=len, reverse=True)
    alternatives: dict[str, list[str]] = {}
    for form in sorted(exact, key=len, reverse=True):
        alternatives.setdefault(form[:KEY], []).append(re.escape(form))
    for stem in by_length:
        alternatives.setdefault(stem[:KEY], []).append(re.escape(stem) + r"\w{0,5}")
    words = [w for terms in data["audience"].values() for w in terms]
    topics = [w for terms in data["topics"].values() for w in terms]
    return _Lexicon({k: tuple(v) for k, v in alternatives.items()}, exact,
                    stems, {k: frozenset(v) for k, v in name_stems.items()}, _split(words), _split(topics),
                    frozenset(w.lower() for w in data["language_use"]["before"]),
                    _split(data["language_use"]["after"]), frozenset(w.lower() for w in data["third_party"]),
                    re.compile("|".join(phrase_pattern(p.lower()) for terms in data["seats"].values() for p in terms),
                               re.IGNORECASE),
                    re.compile(r"\s+(?:" + "|".join(map(re.escape, data["firm_forms"])) + r")(?![\w.])"),
                    frozenset(Locale.parse(lang).get_display_name(lang).lower() for lang in geo.country_names),
                    frozenset("".join(alternatives)), frozenset(k for k in alternatives if len(k) < KEY),
                    frozenset(k for k in alternatives if len(k) == KEY and re.fullmatch(r"\w+", k)))


def _member(geo: Geography, key, entry: str) -> str:
    state = language_key(key).upper()
    if not geo.is_member(state):
        raise DataFileError(FILE, f"{entry}.{key}", "an EU/EEA member state's ISO code")
    return state


def _state(lex: _Lexicon, matched: str, language: str) -> tuple[str, bool]:
    """(member state, is a demonym) of a matched name or demonym; "" for a capitalised demonym written
    lower-case ("polish"), or an inflected country name on a page in another language than the name's (known).
    The longest stem the match starts with decides."""
    lower = matched.lower()
    if lower in lex.exact:
        return lex.exact[lower]
    for length in range(len(lower), 0, -1):
        found = lex.stems.get(lower[:length])
        if found:
            state, capital, demonym = found
            foreign = language and lower[:length] in lex.name_stems and language not in lex.name_stems[lower[:length]]
            return ("" if capital and not matched[0].isupper() or foreign else state), demonym
    return "", False


@dataclass
class _Seen:
    mentions: int = 0
    best: tuple[int, str, str, str, str] | None = None  # (rank, strength, value, locator, snippet)


@lru_cache(maxsize=1024)
def _finder(keys: frozenset[str]) -> re.Pattern:
    """Finds where the words that can start a name or demonym of this page start."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + ")",
                      re.IGNORECASE)


@lru_cache(maxsize=1024)
def _cased_finder(keys: frozenset[str]) -> re.Pattern:
    """`_finder` for the page lower-cased, case-sensitive, each key's lookbehind after it: a pattern that begins with
    a letter, which the regex engine skips to (an ignore-case alternation after a lookbehind is tried everywhere)."""
    by_length: dict[int, list[str]] = {}
    for key in keys:
        by_length.setdefault(len(key), []).append(re.escape(key))
    return re.compile("|".join(f"(?:{'|'.join(by_length[n])})(?<!\\w(?s:.){{{n}}})"
                               for n in sorted(by_length, reverse=True)))


def _starts(lex: _Lexicon, keys: frozenset[str], text: str):
    """`_finder(keys).finditer(text)`. On a long text, tried only where `_cased_finder` finds a key in the page as
    offer_context.read_words lower-cases it (a letter read as the key's letter wherever ignoring case would match
    it, None where that cannot be promised): every match of the original starts at one of those places."""
    finder = _finder(keys)
    read = read_words(text, lex.alphabet) if len(text) >= LONG_TEXT else None
    if read is None:
        yield from finder.finditer(text)
        return
    last = 0
    for at in _key_places(lex, keys, text, read):
        if at >= last and (m := finder.match(text, at)) is not None:
            yield m
            last = m.end()


def _key_places(lex: _Lexicon, keys: frozenset[str], text: str, read: tuple[str, frozenset[str]]) -> list[int]:
    """Where `_cased_finder(keys)` matches in the page as read (`read`: its text and words, read_words). Keys of KEY
    word characters start exactly the words that begin with them, so those words' places are taken from the word
    index instead (the regex over the whole page took ~0.1 ms); others go through the regex."""
    folded, words = read
    if not keys <= lex.word_keys:
        return [m.start() for m in _cased_finder(keys).finditer(folded)]
    index = shared_words(text)
    places = [at for word in index.with_prefix(keys & index.prefixes) for at in index.places(word)]
    if words is not index.words:
        # Some letters are read otherwise ("ı" as "i"), one for one, never into a letter of a key: a word of the index
        # whose first letters are a key reads as one, and of the few words read otherwise (those the reading is not a
        # word of) the others whose first letters, as read, are. Looping over every word of the page took ~0.1 ms.
        places += [at for word in index.words - words if word[:KEY] not in keys
                   for at in index.places(word) if folded[at:at + KEY] in keys]
    places.sort()
    return places


@lru_cache(maxsize=4096)
def _forms(lex: _Lexicon, key: str) -> re.Pattern:
    """The names and demonyms starting with `key` (cached by the key: hashing its alternatives took longer)."""
    return re.compile("(?:" + "|".join(lex.alternatives[key]) + r")(?!\w)", re.IGNORECASE)


def _keys(lex: _Lexicon, text: str) -> frozenset[str]:
    """The keys of `alternatives` that are the first KEY letters of a word of `text` lower-cased. A page's text is
    split into words once for every detector (lexicon.py's shared index, which keeps its words' first KEY letters);
    its words are those of text.lower() unless İ, ş or ţ made it fold."""
    if len(text) < LONG_TEXT or any(c in text for c in _REFOLDED):
        return frozenset(set(_KEYS.findall(text.lower())) & lex.alternatives.keys())
    index = shared_words(text)
    return frozenset(index.prefixes & lex.alternatives.keys()) | (index.words & lex.short_keys)


def _mentions(lex: _Lexicon, text: str, language: str):
    """(state, start, end, is a demonym) for each country mention in `text`. One regex of every name in every
    language tried at every position is slow: the words that can start a name are found first (by their first
    letters, as in detectors/lexicon.py), and only the forms sharing those letters are tried there."""
    keys = _keys(lex, text)
    if not keys:
        return
    for start in _starts(lex, keys, text):
        m = _forms(lex, start.group(0).lower()).match(text, start.start())
        if not m:
            continue
        state, demonym = _state(lex, m.group(0), language)
        if state:
            yield state, m.start(), m.end(), demonym


def _as_language(lex: _Lexicon, text: str, start: int, end: int) -> bool:
    return _language_use(lex, text[max(0, start - 30):start], text[end:end + 30])


@lru_cache(maxsize=4096)
def _language_use(lex: _Lexicon, before: str, after: str) -> bool:
    """Whether the words around a demonym make it a language's name; kept by the text around it (a language menu's
    entries are the same on every page of a site)."""
    words = _WORDS.findall(before)
    next_word = _WORDS.findall(after[1:] if after.startswith("-") else after)
    return bool((words and words[-1].lower() in lex.before) or (next_word and _is(next_word[0].lower(), lex.after)))


def _frame(lex: _Lexicon, text: str, start: int, end: int, bounds: tuple[int, int],
           language: str) -> tuple[str, int] | None:
    """("audience" | "topic", position of that word) when a word of either sits within WINDOW words, same
    sentence; None otherwise."""
    left, right = bounds
    audience, topic = _frame_words(lex, text[left:right], start - left, end - left)
    for at in audience:
        if not is_negated(text, left + at, language or "en"):  # reads before the sentence: not kept
            return "audience", left + at
    return None if topic is None else ("topic", left + topic)


@lru_cache(maxsize=4096)
def _frame_words(lex: _Lexicon, sentence: str, start: int, end: int) -> tuple[tuple[int, ...], int | None]:
    """The places in `sentence` of its audience words within WINDOW words of the mention at start:end, nearest
    first (someone else's left out), and of the first other topic word in that order; kept by the sentence, as
    menus and footers repeat on every page of a site."""
    before = list(_WORDS.finditer(sentence, 0, start))[-WINDOW:]
    after = list(_WORDS.finditer(sentence, end))[:WINDOW]
    audience, topic = [], None
    for w in [*reversed(before), *after]:
        word = w.group(0).lower()
        if _is(word, lex.audience):
            previous = _WORDS.findall(sentence[max(0, w.start() - 20):w.start()])
            if (previous[-1].lower() if previous else "") not in lex.third_party:
                audience.append(w.start())
        elif topic is None and _is(word, lex.topics):
            topic = w.start()
    return tuple(audience), topic


@lru_cache(maxsize=16)
def _city_mentions(text: str) -> dict[str, int]:
    """How often each member state's main cities (the SPONSORSHIP city list) are named in `text`."""
    names = city_names()
    counts: dict[str, int] = {}
    for m in _city_regex(frozenset(names)).finditer(text):
        counts[names[m.group(0)]] = counts.get(names[m.group(0)], 0) + 1
    return counts


@cache
def _city_regex(names: frozenset[str]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)")


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around a mention, looked for only as far as the frame's window can reach (two
    regex calls, the last stop before it and the first after it: this runs for every mention on every page)."""
    low, high = max(0, start - SENTENCE_REACH), min(len(text), end + SENTENCE_REACH)
    before = _LAST_STOP.match(text, low, start)
    after = _STOP.search(text, end, high)
    return (before.end() if before else low), (after.start() if after else high)


def _short_line(text: str, start: int, end: int) -> bool:
    """Whether the mention stands in a heading-like line: a few words, not ending like a sentence."""
    right = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1:right if right >= 0 else len(text)].rstrip()
    return len(_WORDS.findall(line)) <= SHORT_LINE and not line.endswith((".", "!", ";", ":", ","))


def detect(doc: Document, ctx: Context) -> list[Finding]:
    if doc.platform or doc.kind != "html":
        return []
    lex = _lexicon(ctx.geo)
    language, written_in = page_language(doc), own_language(doc)
    seen: dict[str, _Seen] = {}
    slug = unquote(urlsplit(doc.url).path).replace("-", " ").replace("_", " ").replace("/", " ")
    fields = [("title", doc.title, True), ("h1", doc.headings[0] if doc.headings else "", True),
              ("url slug", slug, True), ("text", doc.text, False)]
    for locator, text, landing in fields:
        if not text:
            continue
        mentions = list(_mentions(lex, text, written_in))
        # Mentions come in text order: a sentence's are a slice, found by bisection (a page may name a state often).
        starts = [m[1] for m in mentions]
        is_endonym = [text[m[1]:m[2]].lower() in lex.endonyms for m in mentions]
        endonyms = [m[1] for m, endonym in zip(mentions, is_endonym, strict=True) if endonym]
        for (state, start, end, demonym), endonym in zip(mentions, is_endonym, strict=True):
            if not ctx.geo.is_member(state) or ((demonym or endonym) and _as_language(lex, text, start, end)):
                continue
            left, right = _sentence(text, start, end)
            if not _WORDS.search(text, left, start) and not _WORDS.search(text, end, right):
                # The sentence's only word (an entry of a language menu, most mentions): no list, seat or frame to read
                seen.setdefault(state, _Seen()).mentions += not landing
                continue
            if endonym and any(at != start for at in
                               endonyms[bisect_left(endonyms, left):bisect_left(endonyms, right)]):
                continue  # "Deutsch and Polski": a list of languages
            if lex.seats.search(text, left, start) or lex.firm.match(text, end):
                continue  # "... OÜ with its registered office at ..., Tallinn": where the firm is, not whom it serves
            entry = seen.setdefault(state, _Seen())
            if not landing:
                entry.mentions += 1
            frame = _frame(lex, text, start, end, (left, right), language)
            in_sentence = mentions[bisect_left(starts, left):bisect_left(starts, right)]
            if frame is None or len({m[0] for m in in_sentence}) >= LIST_STATES:
                continue
            kind, at = frame
            rank = 2 if kind == "audience" else (1 if landing or _short_line(text, start, end) else 0)
            if entry.best is None or rank > entry.best[0]:
                a, b = min(at, start), max(end, _WORDS.match(text, at).end())
                value = f"{state}: {' '.join(text[a:b].lower().split())[:80]}"
                entry.best = (rank, "strong" if rank else "medium", value, locator, snippet(text, a, b))
    found = []
    for state, entry in sorted(seen.items()):
        if entry.best is not None and entry.best[0] == 0 and entry.mentions < 2:
            entry.mentions += _city_mentions(doc.text).get(state, 0)  # "magyar bankok" ... "Budapest"
        if entry.best is None or (entry.best[0] == 0 and entry.mentions < 2):
            continue
        rank, strength, value, locator, snip = entry.best
        found.append(ctx.finding(doc, INDICATOR, value=value, snippet=snip, locator=locator,
                                 member_states=(state,), confidence=0.85 if rank else 0.7, strength=strength))
    return found
