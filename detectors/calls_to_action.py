"""Calls to action on a page: the buttons, links and short imperative lines by which a site asks its reader to act
("Jetzt Depot eröffnen", "Liity nyt", "Załóż konto", "Start trading today", "Zum Angebot").

A call to action is recognised by its structure, not by a list of slogans: a conversion verb (sign up, open, buy,
start, download...; matched by lemma, so every inflection counts) in imperative position -- first, after at most a
hook word ("jetzt", "now") -- in a button, a link, a line of its own, or a sentence that also carries a hook (now,
today, free, your) or ends in "!". A German-style verb-final label ("Jetzt Depot eröffnen") needs a hook or a button.

Editorial text is not a call to action: questions ("Wie kauft man Bitcoin?"), numbered steps and how-to sentences
("Klicken Sie auf Registrieren", "4. Compra bitcoin"), quoted and negated phrases. On a page that mostly explains
steps, only buttons, links and hooked lines count.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from urllib.parse import urlsplit

from detectors.context import Context
from detectors.data_files import DataFileError, language_key, load
from detectors.geography import geography
from detectors.lang import text_language
from detectors.language_groups import groups
from detectors.lemmas import forms_of
from detectors.model import Document, Finding
from detectors.page_locale import written_for
from detectors.phrases import explained_by_non_eu_locale, page_language
from detectors.text import is_negated, is_quoted, snippet

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_SENTENCE = re.compile(r"(?:[^.!?;:…|\s]|\s(?![-–—|]\s))+[.!?;:…]*")  # also ends at " – ", " | "
# "1. Konto eröffnen", "(2) ...", "- 4. Compra", "Steg 1 - skapa konto", "Schritt 3: ...": a step of a how-to.
_NUMBERED_STEP = re.compile(r"^\s*[-•*–]?\s*(?:[^\W\d_]+\s+)?(?:\d{1,2}\s*[.):\-–—]|\(\d{1,2}\)|[a-h]\))\s")
_UI_PATH = re.compile(r"\s[>→»]\s")  # "Open the app > Buy > Crypto": a path through menus, an instruction
SHORT_LINE = 6  # words: a line this short standing alone reads as a button, a menu item or a slogan
INSTRUCTIONAL_PAGE = 3  # how-to sentences from which a page counts as instructions (text lines then need a hook)
MAX_SPAN = 200  # characters of a button or link text worth reading
# Link targets that are calls to action whatever their text: sign-up, account opening, download, the stores, and
# the redirect paths comparison sites send readers to a provider through.
_TARGET = re.compile(
    r"sign-?up|register|registr|join|open-?account|create-?account|onboarding|/download|get-?app|/go/|/out/|/goto/|"
    r"/visit/|/recommends/|/apps?\b|apps\.apple\.com|play\.google\.com", re.IGNORECASE)
_LOGIN = re.compile(r"log-?in|sign-?in|signin|anmelden|/auth\b", re.IGNORECASE)


@dataclass(frozen=True)
class CallToAction:
    text: str  # as shown (normalised spaces)
    language: str  # the language whose words make it a call to action
    locator: str  # button, a[href="..."], text
    snippet: str


@dataclass(frozen=True)
class Vocabulary:
    language: str
    verbs: frozenset[str]  # one-word verbs: listed forms and every inflected form of them
    infinitive_endings: tuple[str, ...]  # a heading's "Bitcoin kaufen" as much as a button's; not "Kauf jetzt"
    verb_phrases: tuple[tuple[str, ...], ...]
    hooks: frozenset[str]
    hook_phrases: tuple[tuple[str, ...], ...]
    address: frozenset[str]
    address_phrases: tuple[tuple[str, ...], ...]
    instructions: frozenset[str]
    instruction_phrases: tuple[tuple[str, ...], ...]
    phrases: tuple[tuple[str, ...], ...]

    def verb_at(self, tokens: list[str], i: int) -> int:
        """How many tokens from `i` make a conversion verb (0: none)."""
        for phrase in self.verb_phrases:
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                return len(phrase)
        return int(any(form in self.verbs for form in self._candidates(tokens[i])))

    def infinitive(self, token: str) -> bool:
        """Whether the verb is in its dictionary form, which reads as an imperative only in English (and on buttons)."""
        return any(form in self.verbs and form.endswith(self.infinitive_endings) for form in self._candidates(token))

    def _candidates(self, token: str) -> tuple[str, ...]:
        if self.language == "en":
            return (token,)
        # "inscrivez-vous", "junte-se": the verb before its clitic; "s'abonner": the verb after the elision.
        return (token, token.split("-")[0], token.rsplit("'", 1)[-1])

    def hooked(self, tokens: list[str]) -> bool:
        return bool(self.has(tokens, self.hooks, self.hook_phrases) or self.has(tokens, self.address,
                                                                                 self.address_phrases))

    def has(self, tokens: list[str], words: frozenset[str], phrases: tuple[tuple[str, ...], ...]) -> int:
        """Index + 1 of the first token that is one of `words` or starts one of `phrases` (0: none)."""
        firsts = _firsts(phrases)
        for i, token in enumerate(tokens):
            if token in words or token in firsts and any(tuple(tokens[i:i + len(p)]) == p for p in phrases):
                return i + 1
        return 0


_FIRSTS: dict[int, frozenset[str]] = {}  # id of a vocabulary's phrase list (kept for the process) -> first words


def _firsts(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    firsts = _FIRSTS.get(id(phrases))
    if firsts is None:
        firsts = _FIRSTS[id(phrases)] = frozenset(p[0] for p in phrases)
    return firsts


def _split(items: list[str]) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    words = {i.lower() for i in items if len(tokens_of(i)) == 1}
    phrases = tuple(tuple(tokens_of(i)) for i in items if len(tokens_of(i)) > 1)
    return frozenset(words), phrases


@cache
def vocabularies() -> dict[str, Vocabulary]:
    file = "lexicons/calls_to_action.yaml"
    data = load(file, "calls-to-action")
    known = geography().languages
    result = {}
    for raw, entry in data["languages"].items():
        language = language_key(raw)
        if language not in known:
            raise DataFileError(file, f"languages.{language}", f"an EU/EEA language code ({', '.join(sorted(known))})")
        verbs, verb_phrases = _split(entry["verbs"])
        hooks, hook_phrases = _split(entry["hooks"])
        address, address_phrases = _split(entry["address"])
        instructions, instruction_phrases = _split(entry["instructions"])
        words, phrases = _split(entry["phrases"])
        result[language] = Vocabulary(
            language, frozenset(_fold(v, language) for v in _conversion_forms(verbs, language, entry)),
            tuple(entry["infinitive_endings"]), verb_phrases, hooks, hook_phrases,
            address, address_phrases, instructions, instruction_phrases, phrases + tuple((w,) for w in words))
    return result


def _conversion_forms(verbs: frozenset[str], language: str, entry: dict) -> frozenset[str]:
    """The listed verbs and their generated forms, without the "let's" forms of an editorial "we"."""
    plural = tuple(entry["first_plural_endings"])
    return verbs | {f for f in forms_of(verbs, language) if not (plural and f.endswith(plural))}


def tokens_of(text: str) -> list[str]:
    return [_fold(t.replace("’", "'"), "el") if _GREEK.search(t) else t.replace("’", "'")
            for t in _TOKEN.findall(text.lower())]


_GREEK = re.compile("[\u0370-\u03ff]")


def _fold(word: str, language: str) -> str:
    """Greek without its accents: capitals drop them ("ΑΝΟΙΓΜΑ" is "άνοιγμα")."""
    if language != "el" and not _GREEK.search(word):
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _imperative_at(tokens: list[str], voc: Vocabulary) -> int:
    """Where the conversion verb is when it comes first, after any hook words ("jetzt registrieren"); else -1."""
    i = 0
    while i < len(tokens) - 1 and (tokens[i] in voc.hooks):
        i += 1
    return i if tokens and voc.verb_at(tokens, i) > 0 else -1


def _imperative(tokens: list[str], voc: Vocabulary) -> bool:
    return _imperative_at(tokens, voc) >= 0


def _instruction(tokens: list[str], voc: Vocabulary) -> bool:
    """A how-to step ("click Register", "wählen Sie"), unless it points at the site's own pitch ("klicka här")."""
    at = voc.has(tokens, voc.instructions, voc.instruction_phrases)
    return bool(at) and not (at < len(tokens) and tokens[at] in voc.hooks)


def is_label(tokens: list[str], voc: Vocabulary, *, button: bool) -> bool:
    """A short stand-alone text (button, link, line of its own) that asks the reader to act."""
    if not tokens or len(tokens) > SHORT_LINE or _instruction(tokens, voc):
        return False
    if voc.has(tokens, frozenset(), voc.phrases):
        return True
    at = _imperative_at(tokens, voc)
    if at >= 0 and (button or not voc.infinitive(tokens[at]) or voc.hooked(tokens)):
        return True
    # Verb-final labels ("Jetzt Depot eröffnen", "Bitcoin kaufen"): a heading unless hooked or a button.
    return len(tokens) > 1 and voc.verb_at(tokens, len(tokens) - 1) > 0 and (button or voc.hooked(tokens[:-1]))


def is_pitch_sentence(sentence: str, tokens: list[str], voc: Vocabulary) -> bool:
    """A sentence in running text that opens with a conversion verb and carries a hook or an exclamation, or that
    sends the reader to act ("Klicka här för att skapa ett konto")."""
    at = voc.has(tokens[:1], voc.instructions, voc.instruction_phrases)
    if at and at < len(tokens) and tokens[at] in voc.hooks:
        return any(voc.verb_at(tokens, i) for i in range(at + 1, len(tokens)))
    if not _imperative(tokens, voc):
        return False
    # "Download the app now and enter your code!" pitches; "Open your app and tap Buy" explains.
    if sentence.rstrip().endswith("!") or voc.has(tokens[1:], voc.hooks, voc.hook_phrases):
        return True
    return voc.has(tokens[1:], voc.address, voc.address_phrases) > 0 and not _instruction(tokens, voc)


@lru_cache(maxsize=8)
def _detected_language(text: str) -> str:
    found = text_language(text, Context())
    return found[0] if found else ""


def candidate_languages(doc: Document) -> tuple[str, ...]:
    """The page's language (declared, else identified from its text) and English, as far as we have their words."""
    own = page_language(doc) or _detected_language(doc.text)
    # Near-identical languages (Danish / Norwegian, Czech / Slovak) are told apart unreliably: try the neighbour's
    # words after the page's own, so a Norwegian call on a page taken for Danish still counts (as Norwegian).
    # A page in a non-EU member of a group (Bosnian) borrows nothing: its calls are not Croatian ones.
    group = groups()[own].members if own in groups() and own in vocabularies() else ()
    return tuple(dict.fromkeys(lang for lang in (own, *group, "en") if lang in vocabularies()))


def untargeted(doc: Document, language: str, ctx: Context) -> bool:
    """Copy in English, or in a language the page writes for a territory outside the Union (pt-BR, fr-CA, de-CH,
    es-AR: declared, or evident from its text): marketing, but aimed at no member state."""
    return language == "en" or explained_by_non_eu_locale(doc, language, ctx) or bool(_territory(doc, language))


@lru_cache(maxsize=64)
def _territory(doc: Document, language: str) -> str:
    # Read once per page and language (PROMO and BONUS both ask, once per finding); it scans the whole text.
    return written_for(doc, language).territory


def without_non_eu_states(doc: Document, findings: list[Finding], ctx: Context, weak: str) -> list[Finding]:
    """Phrase findings of a page written for a non-EU territory, with their member states taken off."""
    out = []
    for f in findings:
        language = f.evidence.locator.rsplit("(", 1)[-1].rstrip(")")
        if f.member_states and untargeted(doc, language, ctx):
            f = replace(f, member_states=(), strength=weak)
        out.append(f)
    return out


def _first_label(text: str, languages: tuple[str, ...], *, button: bool) -> str:
    tokens = tokens_of(text)
    for language in languages:
        if is_label(tokens, vocabularies()[language], button=button):
            return language
    return ""


def _instructional(lines: list[str], languages: tuple[str, ...]) -> bool:
    count = 0
    for line in lines:
        tokens = tokens_of(line)
        if _NUMBERED_STEP.match(line) or any(_instruction(tokens, vocabularies()[lang]) for lang in languages):
            count += 1
            if count >= INSTRUCTIONAL_PAGE:
                return True
    return False


def calls_to_action(doc: Document) -> list[CallToAction]:
    """Every call to action of an HTML page, one per distinct text, buttons and links first."""
    if doc.kind != "html":
        return []
    languages = candidate_languages(doc)
    if not languages:
        return []
    found: dict[str, CallToAction] = {}

    def add(text: str, language: str, locator: str, snip: str) -> None:
        key = " ".join(text.lower().split())
        if key and key not in found:
            found[key] = CallToAction(key, language, locator, snip)

    for text in doc.buttons:
        if len(text) <= MAX_SPAN and not text.rstrip().endswith("?"):
            language = _first_label(text, languages, button=True)
            if language:
                add(text, language, "button", text)
    for link in doc.links:
        text = link.text
        if not text or len(text) > MAX_SPAN or text.rstrip().endswith("?") or _LOGIN.search(link.url):
            continue
        target = _TARGET.search(urlsplit(link.url).path + " " + (urlsplit(link.url).hostname or ""))
        # A link to a sign-up, download or provider target is a call whatever its wording ("App herunterladen").
        language = _first_label(text, languages, button=bool(target))
        if not language and target and len(tokens_of(text)) <= SHORT_LINE:
            language = languages[0]
        if language:
            add(text, language, f'a[href="{link.url}"]', text)
    _text_calls(doc.text, languages, add)
    return list(found.values())


def _text_calls(text: str, languages: tuple[str, ...], add) -> None:
    # English words in another language's running text are loanwords ("order plaatsen"), not an English call.
    languages = tuple(lang for lang in languages if lang != "en") if languages[0] != "en" else languages
    lines = text.split("\n")
    instructional = _instructional(lines, languages)
    for start, line in _segments(text):
        stripped = line.strip()
        if not stripped or stripped.endswith(("?", ":")) or _NUMBERED_STEP.match(line) or _UI_PATH.search(line):
            continue
        tokens = tokens_of(stripped)
        if len(tokens) <= SHORT_LINE and _short_line(text, start, line, tokens, languages, instructional, add):
            continue
        _sentences(text, start, line, languages, add, instructional)


# Table cells and buttons whose text runs together once tags are gone: "gute NutzerfreundlichkeitZum AnbieterKrypto".
_GLUED = re.compile(r"(?<=[a-zäöüßàéèìòùáíóúâêôç])(?=[A-ZÄÖÜÀÉÈÁÍÓÚ][a-zäöüßàéèáíóú])")


def _segments(text: str):
    """(offset, text) of each line, lines split where a lower-case letter runs into a capital."""
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        cut = 0
        for m in _GLUED.finditer(line):
            yield start + cut, line[cut:m.start()]
            cut = m.start()
        yield start + cut, line[cut:]


def _short_line(text: str, start: int, line: str, tokens: list[str], languages: tuple[str, ...],
                instructional: bool, add) -> bool:
    stripped = line.strip()
    for language in languages:
        voc = vocabularies()[language]
        hooked = bool(voc.has(tokens, voc.hooks, voc.hook_phrases))
        # A line in capitals is styled as a button ("ΑΝΟΙΓΜΑ LIVE ΛΟΓΑΡΙΑΣΜΟΥ", "JETZT REGISTRIEREN").
        button = stripped.isupper() and len(tokens) > 1
        if is_label(tokens, voc, button=button) and (hooked or not instructional) and \
                _own(text, start, start + len(line), language):
            at = voc.has(tokens, frozenset(), voc.phrases)
            label = next((" ".join(p) for p in voc.phrases if at and tuple(tokens[at - 1:at - 1 + len(p)]) == p), "")
            add(label or _clause(stripped), language, "text", snippet(text, start, start + len(line)))
            return True
    return False


def _sentences(text: str, start: int, line: str, languages: tuple[str, ...], add, instructional: bool) -> None:
    for m in _SENTENCE.finditer(line):
        sentence = m.group(0).strip()
        words = tokens_of(sentence)
        if not words or sentence.endswith("?") or _UI_PATH.search(sentence):
            continue
        # A few words closing a paragraph without a stop: a button's text run into it ("... Küsi pakkumist").
        tail = m.start() > 0 and m.end() == len(line.rstrip()) and len(words) <= 3 and sentence[-1:].isalnum()
        for language in languages:
            voc = vocabularies()[language]
            if instructional and not sentence.endswith("!") and _instruction(words, voc):
                continue  # on a page of steps, "Starten Sie ..., indem Sie hier klicken" is one more step
            # A short clause of a headline ("Jetzt Bitcoin kaufen – in zwei Minuten") reads as a label.
            label = len(words) <= 4 and is_label(words, voc, button=tail)
            if (label or is_pitch_sentence(sentence, words, voc)) and \
                    _own(text, start + m.start(), start + m.end(), language):
                add(_clause(sentence), language, "text", snippet(text, start + m.start(), start + m.end()))
                break


def _clause(sentence: str) -> str:
    """The call itself: up to the first comma, at most a few words ("Sign up now, fund ..." -> "sign up now")."""
    return " ".join(sentence.split(",")[0].split()[:8]).rstrip(".!;:…")


def _own(text: str, start: int, end: int, language: str) -> bool:
    """Not quoted and not negated: the site's own call, not a cited slogan or a warning against it."""
    first = re.search(r"\w", text[start:end])
    at = start + (first.start() if first else 0)
    return not is_quoted(text, at, end) and not is_negated(text, at, language)
