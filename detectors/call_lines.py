"""Which lines of a page may hold a call to action (the hot path: a set lookup per distinct word), and where a call
opens inside a line, for detectors/calls_to_action.py: after hook words ("jetzt registrieren") or a connector ("so
start today", "..., alors commencez dès maintenant"), and whether its verb addresses the reader by its own form (a
polite or plural imperative: "Prozkoumejte ...", "Ouvrez ..."), and whether a call there is the site's own (not
quoted, not negated, not a warning)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from detectors.cta_vocabulary import GREEK, Vocabulary, starters, tokens_of, vocabularies
from detectors.page_words import LINES
from detectors.text import LIMIT_DOT, is_negated, is_quoted, negation_cues

# "1. Konto eröffnen", "(2) ...", "- 4. Compra", "Steg 1 - skapa konto", "**4️⃣ Recibir ...**", "a. Install ...": a
# how-to's step or a rule's lettered item; not a date ("29. 11. 2024. 15:01" under an article's title).
NUMBERED_STEP = re.compile(r"^\s*[-•*–]{0,2}\s*(?:[^\W\d_]+\s+)?"
                           r"(?:\d{1,2}\s*[.):\-–—]|\(\d{1,2}\)|[a-h][.)]|\d\ufe0f?\u20e3)\s(?!\d{1,2}\.\s*\d{2,4}\b)")
# "3.1. Cadastre-se ...", "3.3 Deposite ...": a sub-clause of terms or of a price list, no call whatever its verb; not
# a how-to's step either (a fee schedule's "5.1.1. Pieslēgšana" makes no page of steps).
SUB_CLAUSE = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s(?![%€$£]|[A-Z]{3}\b)")  # not "1.5 BTC Bonus sichern"
UI_PATH = re.compile(r"\s[>→»]\s")  # "Open the app > Buy > Crypto": a path through menus, an instruction
# "Buy with card inside the EU/EEA: 3.5%", "Withdrawal: €0.90": a label before its number, a percentage or a sum (not a
# phone number: "Appelez notre équipe support : +33 1 84 ...", a call)
TABLE_ROW = re.compile(r"[^:]{1,60}:\s*(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:%|€|\$|£|[A-Z]{3}\b))")
WORKED = re.compile(r"[\d)%]\s*=\s*[-\d$€£(]")  # a number or a bracket, "=", a number: a worked example
CLOSING = ")]}\"'”’» "  # what may stand between an abbreviation's full stop and the words after it
BULLETS = "-•*–·"  # what opens an item of a list
ITEM_START = 3  # characters before an item's label: its bullet and a space
REPEATED_LABEL = 6  # words of a button's text, and of the lines around it, where a label comes back


# A sentence a call may open: it also ends at " – ", " | "; a dot inside a word ("Crypto.com", "1.000", "Admiral.Prime
# account") does not end it, unless a few words in title case close the line after it: a button's text run into the
# sentence before it ("... for everything Web3.Register Now"); nor does the dot of a limit's "min." or "max."
_RUN_IN_BUTTON = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:\s[A-ZÀ-ÖØ-Þ]\w*){0,3}$"
CALL_SENTENCE = re.compile(rf"(?:[^.!?;:…|\s]|\.(?=\w)(?!{_RUN_IN_BUTTON})|{LIMIT_DOT}|\s(?![-–—|]\s))+[.!?;:…]*")


def a_step(line: str) -> bool:
    """A numbered or lettered step, a numbered sub-clause, or a path through menus: no call, whatever its verb."""
    return bool(NUMBERED_STEP.match(line) or SUB_CLAUSE.match(line) or UI_PATH.search(line))


RUN_IN = 4  # words of a label with no bullet that runs into its explanation ("Crie sua conta: o cadastro ...")


_TRAILING_NOTE = re.compile(r"\s*\([^()]{1,20}\)\s*$")  # "(affiliate)", "(Anzeige)" after a button
LABEL_WORDS = 4  # words of a button's text run into the end of a line


def pointed_labels(line: str, pointers: tuple[str, ...]) -> list[str]:
    """The texts a button run into the end of a line may have, shortest first, where a pointer ends the line ("...
    for most users Open Account ↗ (affiliate)"): the last few words before the pointer, from a capital on (a
    button's label; "... how to buy →" is a sentence's end; German nouns make "Einsteiger Depot eröffnen" one
    too, after "Depot eröffnen"). None where no pointer ends the line."""
    text = _TRAILING_NOTE.sub("", line).rstrip()
    if not text.endswith(pointers):
        return []
    words = text.rstrip("".join(pointers) + " ").split()
    return [" ".join(words[-k:]) for k in range(1, min(LABEL_WORDS, len(words) - 1) + 1) if words[-k][:1].isupper()]


def item_label(line: str, start: int, end: int, vocabularies: list[Vocabulary]) -> bool:
    """Whether line[start:end] is an item's label before its colon, text following: the item's name in a list of
    steps or terms, not a call. Bulleted ("- Apply Annual Exemption: Deduct your ..."), it calls only when hooked
    ("- Jetzt registrieren: ..."). With no bullet, a short label runs into an explanation in lower case ("Crie sua
    conta: o cadastro exige documentos ..."), a how-to's run-in heading that calls only with a hook in the whole
    line ("Abra sua conta: é grátis"): an address word ("sua") does not make it one."""
    label = line[start:end]
    if start > ITEM_START or not label.rstrip().endswith(":") or end >= len(line.rstrip()):
        return False
    words = tokens_of(label)
    if line.lstrip()[:1] in BULLETS:
        return not any(voc.hooked(words) for voc in vocabularies)
    if not line[end:].lstrip()[:1].islower() or len(words) > RUN_IN:
        return False
    return not any(voc.has(tokens_of(line), voc.hooks, voc.hook_phrases) for voc in vocabularies)


def imperative_at(tokens: list[str], voc: Vocabulary) -> int:
    """Where the conversion verb is when it comes first, after a connector and any hook words ("Just sign up now",
    "Einfach jetzt registrieren"); else -1."""
    i = 1 if len(tokens) > 1 and tokens[0] in voc.connectors else 0
    while i < len(tokens) - 1 and (tokens[i] in voc.hooks or tokens[i] in voc.openers):
        i += 1
    return i if tokens and voc.verb_at(tokens, i) > 0 else -1


def _opening(tokens: list[str], at: int, words: frozenset[str], phrases: tuple[tuple[str, ...], ...]) -> int:
    """How many tokens from `at` are one of `words` or `phrases` ("haz clic": 2), else 0."""
    if at < len(tokens) and tokens[at] in words:
        return 1
    return next((len(p) for p in phrases if tuple(tokens[at:at + len(p)]) == p), 0)


REMINDED_WITHIN = 4  # tokens from "don't forget" to its verb: "n'oubliez pas | de vous abonner", "om je te registreren"


def led_to_call(tokens: list[str], voc: Vocabulary) -> bool | None:
    """Whether an opening "click here" or "don't forget" leads to a conversion verb ("Klicken Sie hier, um sich zu
    registrieren", "..., et n'oubliez pas de vous abonner"), or a verb of comparing to one, or to one of finding,
    after "and"; None where the clause opens with neither (or compares and goes on to no such verb)."""
    if len(tokens) > 1 and tokens[0] in voc.connectors:
        tokens = tokens[1:]
    after = sent_here(tokens, voc)
    if after:
        return any(voc.verb_at(tokens, i) for i in range(after, len(tokens)))
    if tokens and tokens[0] in voc.compare and any(  # "Comparez ... et trouvez ...": a comparison site's pitch
            tokens[i] in voc.connectors and (tokens[i + 1] in voc.compare_finds or tokens[i + 1] in voc.compare_chooses
                                             or voc.verb_at(tokens, i + 1))
            for i in range(1, len(tokens) - 1)):
        return True
    after = _opening(tokens, 0, frozenset(), voc.reminders)
    if after:  # "Recuerda que comprar ... acarrea un riesgo": a statement to keep in mind
        return voc.reminded_that.isdisjoint(tokens[after:after + 2]) and \
            any(voc.verb_at(tokens, i) for i in range(after, min(after + REMINDED_WITHIN, len(tokens))))
    return None


def after_login(tokens: list[str], voc: Vocabulary) -> list[str]:
    """A short line without its opening log-in label, where more follows ("Zaloguj się | Załóż konto", a header's
    two buttons run together); else the line as it is."""
    login = _opening(tokens, 0, frozenset(), voc.logins)
    return tokens[login:] if 0 < login < len(tokens) else tokens


def sent_here(tokens: list[str], voc: Vocabulary) -> int:
    """Where the words after an opening "click here" are ("Klicken Sie hier, um ...", "Hier klicken und ...", "Haz
    clic aquí para ..."): an instruction and a hook word in either order, a polite pronoun between; else 0."""
    hooked = _opening(tokens, 0, voc.hooks, voc.hook_phrases)
    clicks = _opening(tokens, hooked, voc.instructions, voc.instruction_phrases)
    if not clicks:
        return 0
    at = hooked + clicks
    at += _opening(tokens, at, voc.address, voc.address_phrases)  # "Sie", the polite address
    if not hooked:
        hooked = _opening(tokens, at, voc.hooks, voc.hook_phrases)
        at += hooked
    return at if hooked else 0


def addressing(tokens: list[str], voc: Vocabulary) -> bool:
    """Whether the opening verb is a form that speaks to the reader ("prozkoumejte", "inscrivez-vous")."""
    at = imperative_at(tokens, voc)
    return at >= 0 and (tokens[at] in voc.addressing or tokens[at].split("-")[0] in voc.addressing)


_AFTER_PUNCTUATION = r"[,–—]\s+"  # "..., so start today"
_AFTER_WORD = r"(?<=[^\s,–—])\s+"  # "... and receive": no comma before the connector


@lru_cache(maxsize=128)
def _before_connector(languages: tuple[str, ...], lead: str) -> re.Pattern[str] | None:
    """The gap before a one-word connector of `languages` ("so", "und", "y"), `lead` saying what the gap follows."""
    words = sorted({c for lang in languages for c in vocabularies()[lang].connectors if " " not in c}, key=len)
    if not words:
        return None
    alternatives = "|".join(map(re.escape, reversed(words)))
    return re.compile(rf"{lead}(?=(?:{alternatives})\s)", re.IGNORECASE)


def connected_clauses(sentence: str, languages: tuple[str, ...]) -> list[int]:
    """Offsets in `sentence` of the clauses a connector opens after a comma or a dash ("..., so start today")."""
    if "," not in sentence and "–" not in sentence and "—" not in sentence:
        return []
    pattern = _before_connector(languages, _AFTER_PUNCTUATION)
    return [m.end() for m in pattern.finditer(sentence)] if pattern else []


def joined_clauses(sentence: str, languages: tuple[str, ...]) -> list[int]:
    """Offsets in `sentence` of the clauses a connector opens with no comma before it ("Deposit 100 € and receive
    ...", "Realice un depósito y solicite la oferta"): read only for a reward (call_offers.rewarded_call)."""
    pattern = _before_connector(languages, _AFTER_WORD)
    return [m.end() for m in pattern.finditer(sentence)] if pattern else []


def repeated_labels(lines: list[str], wanted: set[int]) -> set[str]:
    """The short lines among `wanted` that come back as lines of their own, each time among short lines: a button's
    text (a comparison's "Konto eröffnen" by each provider, a header's and a footer's "Démarrer"). A heading comes
    back too, in a table of contents, but a paragraph follows it in the text."""
    times: Counter[str] = Counter()
    headings: set[str] = set()
    for n in wanted:
        label = lines[n].strip()
        nearby = next((line for line in lines[n + 1:n + 4] if line.strip()), "")
        if len(label.split()) > REPEATED_LABEL or len(nearby.split()) > REPEATED_LABEL:
            headings.add(label)  # once a heading, never a button
        else:
            times[label] += 1
    return {label for label, seen in times.items() if seen > 1} - headings


def lines_to_read(text: str, languages: tuple[str, ...]) -> set[int]:
    """Indices of the lines holding a word that can start a call. The hot path: most lines of a page hold none,
    and most were read on an earlier page of the site."""
    # A word standing alone in a line counts where it can start a call and is one of the page's words ("up" of
    # "sign-up" only where the page has "up" as a word of its own): each line read once per languages (menus and
    # footers repeat on every page), the page's words gathered only for a line whose own words do not settle it.
    lines = text.split("\n")
    known = _marks.setdefault(languages, {})
    if len(known) > LINES:
        known.clear()
    marks = list(map(known.get, lines))  # in C: most lines of a page were read before
    for n, mark in enumerate(marks):
        if mark is None:
            marks[n] = known[lines[n]] = _line_mark(lines[n], languages)
    wanted = {n for n, mark in enumerate(marks) if mark is True}
    if any(mark and mark is not True for mark in marks):
        distinct = frozenset().union(*map(_line_tokens, lines))
        wanted.update(n for n, mark in enumerate(marks) if mark and mark is not True and not distinct.isdisjoint(mark))
    if "el" in languages and GREEK.search(text):  # Greek words start a call only in Greek (a menu's "Ελληνικά")
        # Folded Greek tokens do not match the raw text: lines with Greek are tokenised one by one (as they are
        # and with glued words apart), the rest of the page is scanned like any other.
        words = _starter_words(languages)
        for n, line in enumerate(lines):
            if GREEK.search(line) and any(_can_start(w, words) for w in (*_greek_tokens(line), *_line_tokens(line))):
                wanted.add(n)
    return wanted


def _unglued(line: str) -> str:
    return GLUED.sub(" ", line)


# A word standing alone in a lower-cased line, as page_words.lines_with finds one: no letter, digit or underscore
# before it, none (nor an apostrophe or a hyphen) after it. A word of letters joined by hyphens or apostrophes can
# stand alone at one place only where it starts: to its whole length ("sign-up", and "up" from the hyphen).
_ALONE = re.compile(r"(?<!\w)(?=([^\W\d_]+(?:[-'][^\W\d_]+)*)(?![\w'-]))")


# Each line's mark, by the page's languages: a plain dict per set, so a site's lines are not crowded out by other
# languages' and a look-up is a C-speed map (an lru_cache keyed by line and languages cost as much as the reading).
_marks: dict[tuple[str, ...], dict[str, bool | tuple[str, ...]]] = {}


def _line_mark(line: str, languages: tuple[str, ...]) -> bool | tuple[str, ...]:
    """True where a word standing alone in the line (lower case, "'" for "’", glued words apart; lower case changes
    no line break) can start a call and is one of the line's own tokens, so one of the page's; else the words
    standing alone that can start one, which count only where the page has them. Tokenised only then: most lines
    hold no such word."""
    words = _starter_words(languages)
    starting = tuple(w for w in _ALONE.findall(_unglued(line).lower().replace("’", "'")) if _can_start(w, words))
    return starting and (True if not set(_line_tokens(line)).isdisjoint(starting) else starting)


@lru_cache(maxsize=LINES)
def _line_tokens(line: str) -> tuple[str, ...]:
    """The tokens of a line with its glued words apart. A tuple of strings: the collector stops tracking it
    (page_words.py)."""
    return tuple(tokens_of(_unglued(line)))


@lru_cache(maxsize=LINES)  # a Greek site's lines recur on its pages as any site's
def _greek_tokens(line: str) -> tuple[str, ...]:
    """The tokens of a line with Greek, as written (its glued words apart are its reading's)."""
    return tuple(tokens_of(line))


@lru_cache(maxsize=64)
def _starter_words(languages: tuple[str, ...]) -> frozenset[str]:
    return frozenset().union(*(starters(vocabularies()[lang]) for lang in languages))


def _can_start(word: str, words: frozenset[str]) -> bool:
    return word in words or word.split("-")[0] in words or word.rsplit("'", 1)[-1] in words


# Table cells and buttons whose text runs together once tags are gone: "gute NutzerfreundlichkeitZum AnbieterKrypto".
# Four lower-case letters before the capital: a brand's prefix ("eToro", "iPhone", "ProBit", "CoinMarketCap") is no
# seam; a word run into the next one ("GebührenZum Anbieter") is.
_LOWER = "a-zäöüßàéèìòùáíóúâêôç"
# The capital is looked for first: it fails at almost every position, where the four letters behind would be read.
GLUED = re.compile(rf"(?=[A-ZÄÖÜÀÉÈÁÍÓÚ][a-zäöüßàéèáíóú])(?<=[{_LOWER}]{{4}})")


def segments(lines: list[str], wanted: set[int], starts: tuple[int, ...]):
    """(line number, offset, text) of each wanted line, lines split where a lower-case letter runs into a capital;
    `starts`: where each line starts (page_words.line_starts)."""
    for n in sorted(wanted):
        line, start = lines[n], starts[n]
        cut = 0
        for m in GLUED.finditer(line):
            yield n, start + cut, line[cut:m.start()]
            cut = m.start()
        yield n, start + cut, line[cut:]


def starts_something(word: str, languages: tuple[str, ...]) -> bool:
    return _can_start(word, _starter_words(languages))


def owner(text: str, lines: list[str], n: int, start: int):
    """Whether a call in a span of line `n` (`start` in it) is the site's own (_own), read in the line alone, which
    is all it looks at (a sentence ends at a line break), and kept -- unless the next line opens with a quote that
    may close one in this line."""
    at = text.rfind("\n", 0, start) + 1  # where the line begins
    line = lines[n]
    following = lines[n + 1][:1] if n + 1 < len(lines) else ""
    if following and following in _CLOSERS:
        return lambda begin, end, language: _own(text, begin, end, language)
    return lambda begin, end, language: _own_in(line, begin - at, end - at, language)


_CLOSERS = frozenset("\"”“»«’‘」")
_SPAN_TRAIL = " \t.!?…" + "".join(sorted(_CLOSERS))


@lru_cache(maxsize=8192)
def _own_in(line: str, start: int, end: int, language: str) -> bool:
    return _own(line, start, end, language)


def _own(text: str, start: int, end: int, language: str) -> bool:
    """Not quoted and not negated: the site's own call, not a cited slogan or a warning against it."""
    first = re.search(r"\w", text[start:end])
    at = start + (first.start() if first else 0)
    while end > at and text[end - 1] in _SPAN_TRAIL:  # a line all in quotes ends with its closing quote
        end -= 1
    return not is_quoted(text, at, end) and not is_negated(text, at, language)


def bare_start(tokens: list[str], voc: Vocabulary, *, button: bool) -> bool:
    """"Start" alone in the text, not styled as a button: a menu's link home or a plan's name in a price table ("Start",
    "Mini", "Premium"); with no object and no hook it names no conversion (a button or a link saying it still calls)."""
    return not button and len(tokens) == 1 and tokens[0] in voc.open_ended


def warns(words: list[str], voc: Vocabulary) -> bool:
    """Whether a negation or an "only" follows the opening verb (after a polite pronoun): a warning, not a call
    ("Investieren Sie nie mehr, als ...", "Invest only what you can afford to lose")."""
    at = imperative_at(words, voc)
    if at < 0:
        return False
    after = words[at + 1:at + 3]
    if after and after[0] in voc.address:
        after = words[at + 2:at + 3]
    return not negation_cues(voc.language).isdisjoint(after) or not voc.only.isdisjoint(after[:1])


def a_name(text: str, call: str) -> bool:
    """Whether a call's first two words, both capitalised, are a name the page also uses inside its sentences ("...
    bei Trade Republic für ...", "Sollte Trade Republic ..."): a brand that opens with a verb, not an imperative."""
    words = call.split()[:2]
    if len(words) < 2 or not (words[0][:1].isupper() and words[1][:1].isupper()):
        return False
    return re.search(rf"[a-zäöüß,] {re.escape(' '.join(words))}\b", text) is not None


def call_clause(sentence: str) -> str:
    """The call itself: up to the first comma, at most a few words ("Sign up now, fund ..." -> "sign up now")."""
    return " ".join(sentence.split(",")[0].split()[:8]).strip("()[]{} ").rstrip(".!;:…> ")  # "( Apply now )", ">>"
