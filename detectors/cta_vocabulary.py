"""The call-to-action vocabulary of each language (data/lexicons/calls_to_action.yaml): conversion verbs with all
their inflected forms (detectors/lemmas.py), hooks, second-person address, how-to words and fixed labels; and the
tokenisation every reader of it shares (lower case, Greek without accents, typographic apostrophes)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from detectors.data_files import load
from detectors.geography import by_language
from detectors.lemmas import forms_of

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


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
    # Words joining a clause to what came before ("..., alors commencez", "so start today"): skipped before a verb.
    connectors: frozenset[str] = frozenset()
    # Listed verb forms that address the reader by themselves (a polite or plural imperative: "prozkoumejte",
    # "inscrivez-vous"): such a verb opening a sentence needs no "your" to pitch.
    addressing: frozenset[str] = frozenset()
    alone: frozenset[str] = frozenset()  # dictionary forms that are a call standing alone ("Registrieren")
    open_ended: frozenset[str] = frozenset()  # "start", "begin": a call only with an object or a time hook
    places: frozenset[str] = frozenset()  # "here": a place hook, which alone does not make "Start here" a call
    discovery: frozenset[str] = frozenset()  # "explore", "découvrez" and their forms: a teaser without a hook
    listed: frozenset[str] = frozenset()  # the one-word verbs as the lexicon lists them, without generated forms
    imperatives: frozenset[str] = frozenset()  # listed imperatives that end like a dictionary form ("avaa")
    reminders: tuple[tuple[str, ...], ...] = ()  # "don't forget", "n'oubliez pas": a call when a verb follows
    logins: tuple[tuple[str, ...], ...] = ()  # "log in", "zaloguj się": a header's label before its sign-up button
    first_person: frozenset[str] = frozenset()  # "je", "j'": a button in the reader's voice ("J'en profite")
    openers: frozenset[str] = frozenset()  # "just", "simply": may open a call before its verb ("Just sign up")
    documents: frozenset[str] = frozenset()  # "pdf", "form": what a download hands over to read, not a conversion
    only: frozenset[str] = frozenset()  # "only", "nur": after an imperative, a risk warning ("Invest only what ...")
    compare: frozenset[str] = frozenset()  # "vergleichen", "je compare": a comparison site's button, as a label only
    comments: tuple[str, ...] = ()  # word beginnings naming a reader's comments ("kommentar"): a comment box's sign-up
    imperative_endings: tuple[str, ...] = ()  # a polite or plural imperative's ending ("-iet", "-kaa"): never a
    # dictionary form, however it ends
    # Address words that address the reader only when capitalised (German "Sie", "Ihre"; "sie" is "they", "ihre"
    # "their"): written in lower case, they are read as no address.
    capitalised: frozenset[str] = frozenset()
    # Verb forms that call only with the reader as object right after them ("Sichere dir", "Sichern Sie sich") or as
    # a label's last word ("Jetzt 3 Prozent sichern"): "Sichern Sie Ihr Konto" advises, "sichere Verwahrung" describes.
    reflexive: frozenset[str] = frozenset()
    reader_objects: frozenset[str] = frozenset()  # the reader as such a verb's object ("dir", "euch", "sich")
    visit: frozenset[str] = frozenset()  # "besuchen", "visit": a comparison site's button to a provider, as a label
    wants: frozenset[str] = frozenset()  # "want", "bereit": a question asking the reader's wish to act
    again: frozenset[str] = frozenset()  # "again", "erneut": a retry ("Try again"), no conversion
    compare_finds: frozenset[str] = frozenset()  # "finden", "trouvez": after "compare ... and", a comparison's pitch
    compare_chooses: frozenset[str] = frozenset()  # "scegli", "elige": after "compare ... and" only, never a label
    reminded_that: frozenset[str] = frozenset()  # "que" after "Recuerda": a statement to keep in mind, no call
    already: frozenset[str] = frozenset()  # "ya", "já": a hook that also means "already", no urging in a statement

    def verb_at(self, tokens: list[str], i: int) -> int:
        """How many tokens from `i` make a conversion verb (0: none)."""
        for phrase in self.verb_phrases:
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                return len(phrase)
        if self.reflexive and tokens[i] in self.reflexive and i + 1 < len(tokens) and \
                not self._reader_after(tokens, i + 1):
            return 0
        return int(any(form in self.verbs for form in self._candidates(tokens[i])))

    def _reader_after(self, tokens: list[str], at: int) -> bool:
        """Whether the reader is the object at `at`, after a polite pronoun ("dir", "euch", "Sie sich")."""
        at += at < len(tokens) - 1 and tokens[at] in self.capitalised
        return tokens[at] in self.reader_objects

    def compare_button(self, tokens: list[str], button: bool) -> bool:
        """A comparison site's button: a verb of comparing, or of visiting the provider it ranks, in a short label
        with a hook or styled as a button ("Jetzt vergleichen", "Direct vergelijken »", "Broker besuchen »")."""
        return (button or self.hooked(tokens)) and not (self.compare.isdisjoint(tokens) and
                                                        self.visit.isdisjoint(tokens))

    def finds_label(self, tokens: list[str], praised: bool) -> bool:
        """A comparison site's label that finds the reader what it ranks: a verb of finding with a hook of time or
        price ("Jetzt Broker finden", "Encuentra tu broker en 2 minutos") or praise ("Löydä paras lainatarjous");
        not with a place ("Hier finden Sie ...": reading) nor as styling alone ("Filiale finden": a locator)."""
        return not self.compare_finds.isdisjoint(tokens) and \
            (praised or any(t in self.hooks and t not in self.places for t in tokens))

    def names_document(self, tokens: list[str]) -> bool:
        """Whether a document is among the tokens, also heading a compound ("PDF-bestand", "PDF-Datei"), or a retry's
        "again" ("Try again"): what a verb then hands over or repeats is no conversion."""
        return not (self.documents.isdisjoint(part for token in tokens for part in token.split("-")) and
                    self.again.isdisjoint(tokens))

    def names_comments(self, tokens: list[str]) -> bool:
        """Whether a reader's comments are named ("Kommentare von registrierten Usern ...", "para comentar")."""
        return bool(self.comments) and any(t.startswith(self.comments) for t in tokens)

    def listed_verb(self, tokens: list[str], i: int) -> bool:
        """Whether the verb at `i` is a form listed in the lexicon (an imperative or a dictionary form, or a phrase:
        "használd ki"), not only a form generated from one ("verdient", the third person, beside the listed
        "verdiene")."""
        return any(form in self.listed for form in self._candidates(tokens[i])) or \
            any(len(p) > 1 and tuple(tokens[i:i + len(p)]) == p for p in self.verb_phrases)

    def infinitive(self, token: str) -> bool:
        """Whether the verb is in its dictionary form, which reads as an imperative only in English (and on buttons)."""
        if token in self.imperatives or self.imperative_endings and token.endswith(self.imperative_endings):
            return False
        return any(form in self.verbs and form.endswith(self.infinitive_endings) for form in self._candidates(token))

    def _candidates(self, token: str) -> tuple[str, ...]:
        if self.language == "en":
            return (token,)
        # "inscrivez-vous", "junte-se": the verb before its clitic; "s'abonner": the verb after the elision.
        return (token, token.split("-")[0], token.rsplit("'", 1)[-1])

    def in_readers_voice(self, tokens: list[str]) -> list[str]:
        """A label in the reader's first person ("J'ouvre mon compte", "Je m'inscris", "J'en profite") as the
        imperative it sounds like ("ouvre mon compte"); else the tokens as they are."""
        if not self.first_person or not tokens:
            return tokens
        rest = list(tokens)
        while len(rest) > 1 and rest[0] in self.first_person:
            rest = rest[1:]
        elided = next((p for p in self.first_person if p.endswith("'") and rest[0].startswith(p)), "")
        if elided and len(rest[0]) > len(elided):
            rest = [rest[0][len(elided):], *rest[1:]]
        return rest if len(rest) < len(tokens) or elided else tokens

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
    words = {tokens_of(i)[0] for i in items if len(tokens_of(i)) == 1}  # Greek without accents, like a page's words
    phrases = tuple(tuple(tokens_of(i)) for i in items if len(tokens_of(i)) > 1)
    return frozenset(words), phrases


@cache
def vocabularies() -> dict[str, Vocabulary]:
    file = "lexicons/calls_to_action.yaml"
    data = load(file, "calls-to-action")
    result = {}
    for language, entry in by_language(file, "languages", data["languages"]).items():
        verbs, verb_phrases = _split(entry["verbs"])
        hooks, hook_phrases = _split(entry["hooks"])
        address, address_phrases = _split(entry["address"])
        instructions, instruction_phrases = _split(entry["instructions"])
        words, phrases = _split(entry["phrases"])
        result[language] = Vocabulary(
            language, frozenset(_fold(v, language) for v in _conversion_forms(verbs, language, entry)),
            tuple(entry["infinitive_endings"]), verb_phrases, hooks, hook_phrases,
            address, address_phrases, instructions, instruction_phrases, phrases + tuple((w,) for w in words),
            _split(entry.get("connectors", []))[0], _addressing(verbs, language, entry),
            _split(entry.get("alone", []))[0],
            frozenset(_fold(v, language) for v in forms_of(_split(entry.get("open_ended", []))[0], language)),
            _split(entry.get("places", []))[0],
            frozenset(_fold(v, language) for v in forms_of(_split(entry.get("discovery", []))[0], language)),
            frozenset(_fold(v, language) for v in verbs), _split(entry.get("imperatives", []))[0],
            tuple(tuple(tokens_of(r)) for r in entry.get("reminders", [])),
            tuple(tuple(tokens_of(r)) for r in entry.get("logins", [])),
            frozenset(p.lower().replace("’", "'") for p in entry.get("first_person", [])),
            _split(entry.get("openers", []))[0], _split(entry.get("documents", []))[0],
            _split(entry.get("only", []))[0], _split(entry.get("compare", []))[0],
            tuple(_fold(c.lower(), language) for c in entry.get("comments", [])),
            tuple(entry.get("imperative_endings", ())), frozenset(entry.get("capitalised", ())),
            frozenset(entry.get("reflexive", ())), frozenset(entry.get("reader_objects", ())),
            visit=_split(entry.get("visit", []))[0], wants=_split(entry.get("wants", []))[0],
            again=_split(entry.get("again", []))[0],
            compare_finds=_split(entry.get("compare_finds", []))[0],
            compare_chooses=_split(entry.get("compare_chooses", []))[0],
            reminded_that=_split(entry.get("reminded_that", []))[0], already=_split(entry.get("already", []))[0])
    return result


def _addressing(verbs: frozenset[str], language: str, entry: dict) -> frozenset[str]:
    endings = tuple(entry.get("imperative_endings", ()))
    return frozenset(_fold(v, language) for v in verbs if endings and v.split("-")[0].endswith(endings))


def _conversion_forms(verbs: frozenset[str], language: str, entry: dict) -> frozenset[str]:
    """The listed verbs and their generated forms, without the "let's" forms of an editorial "we" and, where the
    imperative is the bare stem, the present tense ("Öppnar menyn och ser Swish": a description, not a call), and
    participles that serve as nouns (Hungarian "Kereskedő", the trader, from "kereskedik"), and a log-in label the
    lemmatiser maps to a listed verb (Slovenian "Prijava", log-in, from "prijaviti"): never a call itself."""
    dropped = (*entry["first_plural_endings"], *entry.get("present_endings", ()), *entry.get("participle_endings", ()))
    logins = {label.lower() for label in entry.get("logins", ())}
    return verbs | _with_enclitics(verbs, entry) | {f for f in forms_of(verbs, language)
                                                   if not (dropped and f.endswith(dropped)) and f not in logins}


def _with_enclitics(verbs: frozenset[str], entry: dict) -> set[str]:
    """A listed infinitive with each of the language's interchangeable pronouns at its end ("registrarse" ->
    "registrarte", as in "para registrarte"): the lemmatiser's dictionary lists the reflexive form only."""
    pronouns, endings = entry.get("enclitics", ()), tuple(entry["infinitive_endings"])
    reflexive = {own: tuple(e for e in endings if e.endswith(own) and e != own) for own in pronouns}  # "arse"
    return {verb[:-len(own)] + other for verb in verbs for own in pronouns
            if reflexive[own] and verb.endswith(reflexive[own]) for other in pronouns}


def as_written(sentence: str, tokens: list[str], voc: Vocabulary) -> list[str]:
    """`tokens` of `sentence` with the address words that address only when capitalised blanked where the sentence
    writes them in lower case ("Heute werden sie immer häufiger ...": they, not you)."""
    if not voc.capitalised or voc.capitalised.isdisjoint(tokens):
        return tokens
    written = _TOKEN.findall(sentence.replace("’", "'"))
    if len(written) != len(tokens):
        return tokens
    return ["" if t in voc.capitalised and w[:1].islower() else t for t, w in zip(tokens, written, strict=True)]


def tokens_of(text: str) -> list[str]:
    text = text.lower()
    if "’" in text:
        text = text.replace("’", "'")
    tokens = _TOKEN.findall(text)
    if GREEK.search(text):  # per token only where there is Greek to fold: this runs on every line of a page
        search = GREEK.search
        return [_fold(t, "el") if not t.isascii() and search(t) else t for t in tokens]
    return tokens


GREEK = re.compile("[\u0370-\u03ff]")


def without_accents(text: str) -> str:
    """Greek text without its accents (capitals drop them: "ΑΝΟΙΓΜΑ" is "άνοιγμα"); other text as it is."""
    return _stripped(text) if GREEK.search(text) else text


@lru_cache(maxsize=4096)  # a Greek page repeats its words
def _fold(word: str, language: str) -> str:
    """A word as the vocabularies keep it: without accents on a Greek page or in Greek letters."""
    return _stripped(word) if language == "el" or GREEK.search(word) else word


def _stripped(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


_STARTERS: dict[str, frozenset[str]] = {}


def starters(voc: Vocabulary) -> frozenset[str]:
    """Every word that can begin something this module reads: a verb, a fixed label, an instruction, a reminder."""
    if voc.language not in _STARTERS:
        firsts = {p[0] for group in (voc.verb_phrases, voc.phrases, voc.instruction_phrases, voc.reminders)
                  for p in group}
        _STARTERS[voc.language] = voc.verbs | voc.instructions | voc.compare | voc.visit | voc.compare_finds | firsts
    return _STARTERS[voc.language]
