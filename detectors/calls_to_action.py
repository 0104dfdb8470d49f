"""Calls to action on a page: the buttons, links and short imperative lines by which a site asks its reader to act
("Jetzt Depot eröffnen", "Liity nyt", "Załóż konto", "Start trading today", "Zum Angebot").

By structure, not by a list of slogans: a conversion verb (sign up, open, buy, start, download...; by lemma, every
inflection) first, after at most a hook word ("jetzt", "now"), in a button, a link, a line of its own, or a sentence
that also carries a hook (now, today, free, your) or ends in "!". A verb-final label ("Jetzt Depot eröffnen") needs
a hook or a button. Editorial text is none: questions, numbered steps and how-to sentences ("Klicken Sie auf
Registrieren", "4. Compra bitcoin"), quoted and negated phrases, a brand that opens with a verb and recurs inside the
page's sentences ("Trade Republic"); on a page of steps only buttons, links and hooked lines count."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from detectors.call_languages import borrowed_vocabulary, candidate_languages
from detectors.call_lines import (
    CALL_SENTENCE,
    CLOSING,
    TABLE_ROW,
    UI_PATH,
    WORKED,
    a_name,
    a_step,
    addressing,
    after_login,
    bare_start,
    call_clause,
    connected_clauses,
    imperative_at,
    item_label,
    led_to_call,
    lines_to_read,
    owner,
    pointed_labels,
    repeated_labels,
    segments,
    starts_something,
    warns,
)
from detectors.call_links import link_kind
from detectors.call_offers import SENTENCE as _OFFER_SENTENCE
from detectors.call_offers import (
    asks_to_read_more,
    candidate_lines,
    claims_advantage,
    is_offer,
    joined_reward,
    labelled_advert,
    main_clauses,
    rewarded,
    takes_incentive,
    works_out,
)
from detectors.call_steps import STEP_LIST, among_steps, first_step, in_contents, in_menu_path, instruction
from detectors.context import Context
from detectors.cta_vocabulary import Vocabulary, as_written, tokens_of, vocabularies
from detectors.model import Document, Finding
from detectors.page_locale import written_for
from detectors.page_memo import PageMemo
from detectors.page_words import line_starts
from detectors.phrases import explained_by_non_eu_locale
from detectors.text import snippet

_POINTERS = ("👉", "➔", "➜", "➡", "→", "↗", "⇒", "▶", "►", "»", ">>")  # marks that style a line as a link
_POINTER_MARKS = "".join(_POINTERS) + " "
_SEPARATORS = ("|", "·", "•", "/", "›", "»", ">")
SHORT_LINE = 6  # words: a line this short standing alone reads as a button, a menu item or a slogan
MAX_SPAN = 200  # characters of a button or link text worth reading
STORES = ("app store", "google play", "appgallery")  # an imperative sending the reader there installs an app
DOCUMENT_REACH = 3  # words after a verb in which a document makes it a download to read ("Scarica il modulo")


@dataclass(frozen=True)
class CallToAction:
    text: str  # as shown (normalised spaces)
    language: str  # the language whose words make it a call to action
    locator: str  # button, a[href="..."], text
    snippet: str


def _reading_path(tokens: list[str], voc: Vocabulary, at: int) -> bool:
    """"Start here", "Commencez ici": an open-ended verb with nothing but a place word leads to reading, not to act;
    so does a verb of discovery before "more" ("Scoprite di più ...", "Discover more"), and any verb before a
    document ("Pobierz PDF", "Scarica il modulo per i reclami")."""
    rest = tokens[:at] + tokens[at + 1:]
    more = at >= 0 and tokens[at] in voc.discovery and asks_to_read_more(tokens[at + 1:], voc.language)
    document = at >= 0 and voc.names_document(tokens[at + 1:at + 1 + DOCUMENT_REACH])
    return more or document or at >= 0 and tokens[at] in voc.open_ended and bool(rest) and \
        all(t in voc.places for t in rest)


def is_label(tokens: list[str], voc: Vocabulary, *, button: bool, stated: bool = False) -> bool:
    """A short stand-alone text (button, link, line of its own; not `stated`, ending in a full stop) asking to act."""
    if not tokens or len(tokens) > SHORT_LINE or tokens[0] in voc.connectors and tokens[0] not in voc.openers:
        return False  # a label does not open with "and", "then" ("siis helistasid arstid"); it may with "just"
    spoken, tokens = tokens, voc.in_readers_voice(tokens)  # "J'ouvre mon compte": a button speaking for the reader
    button = button or tokens is not spoken
    # A comparison's label that praises what it finds is its slogan, as a button's is ("palygink ir gauk pigiausią").
    praised = not (voc.compare.isdisjoint(tokens) and voc.compare_finds.isdisjoint(tokens)) and \
        claims_advantage(" ".join(tokens), voc.language)  # read rarely
    if voc.has(tokens, frozenset(), voc.phrases) or voc.compare_button(tokens, button or praised) or \
            not stated and voc.finds_label(tokens, praised):
        return True  # a fixed label (also with a how-to's verb: "Przejdź do oferty"), a comparison's button
    if instruction(tokens, voc):
        return False
    at = imperative_at(tokens, voc)
    if _reading_path(tokens, voc, at) or at >= 0 and tokens[at] in voc.discovery and not (button or voc.hooked(tokens)):
        return False  # "Start here", "Prozkoumejte také náš slovník": a reading path, a teaser
    # A sign-up verb alone in the dictionary form ("Registrieren", "S'abonner") is a menu item or a button; with
    # more words ("Registrarse en Bitso") it heads a step.
    alone = len(tokens) == 1 and tokens[0] in voc.alone
    if at >= 0 and (button or alone or not voc.infinitive(tokens[at]) or voc.hooked(tokens)):
        return True
    # Verb-final labels ("Jetzt Depot eröffnen", "Bitcoin kaufen"): a heading unless hooked or a button; not one
    # that fetches a document ("PDF herunterladen").
    return len(tokens) > 1 and voc.verb_at(tokens, len(tokens) - 1) > 0 and (button or voc.hooked(tokens[:-1])) \
        and not voc.names_document(tokens[:-1])


def is_pitch_sentence(sentence: str, tokens: list[str], voc: Vocabulary, *, steps: bool = False) -> bool:
    """A sentence in running text that opens with a conversion verb and carries a hook, a reward, an exclamation or a
    superlative claim, or that sends the reader to act ("Klicka här för att skapa ett konto", "N'oubliez pas de vous
    abonner"). On a page of `steps` a polite imperative, or one that only addresses the reader ("Abre tu navegador
    ..."), is one more step ("Téléchargez et ouvrez l'application")."""
    tokens = as_written(sentence, tokens, voc)
    if (led := led_to_call(tokens, voc)) is not None:
        return led
    at = imperative_at(tokens, voc)
    if at < 0 or _reading_path(tokens, voc, at):
        return False
    # "Download the app now ...!", "Simply download ..." pitch; "Open your app and tap Buy" explains, "Tutustu ...!"
    discovering = tokens[at] in voc.discovery  # advises: an exclamation does not make a verb of discovery pitch
    opened = not voc.openers.isdisjoint(tokens[:at]) and not voc.infinitive(tokens[at])  # not "Einfach erklärt"
    urged = sentence.rstrip().endswith("!") and not discovering or opened
    if urged or voc.has(tokens[1:], voc.hooks, voc.hook_phrases):
        return True
    if not (steps or discovering) and any(s in sentence.lower() for s in STORES) and not instruction(tokens, voc):
        return True  # "Download the app from the App Store (iPhone), or Google Play": the site's own app
    if not discovering and not voc.infinitive(tokens[at]) and claims_advantage(sentence, voc.language):
        return True  # "Trade crypto with the lowest fees", "Használd ki ... a legjobb bankszámlát": praise pitches
    if rewarded(tokens[at + 1:], voc.language) and not voc.infinitive(tokens[at]):
        return not instruction(tokens, voc)  # "Zdobądź nagrody za polecenie"; not a list's "Acquistare un Buono"
    # A verb that speaks to the reader by its form pitches in prose ("Prozkoumejte ... burzami."), not in a title.
    spoken_to = not steps and addressing(tokens, voc) and sentence.rstrip().endswith(".")
    if spoken_to and discovering:  # "Découvrez aussi ...": a teaser
        spoken_to = claims_advantage(sentence, voc.language)  # unless it praises ("... s nejlepšími burzami")
    # An opening infinitive is the subject ("Iniziare il tuo viaggio ... richiede"), unless "Sie" follows it.
    subject = voc.infinitive(tokens[at]) and at + 1 < len(tokens) and tokens[at + 1] not in voc.address
    spoken_to = spoken_to or not steps and voc.has(tokens[1:], voc.address, voc.address_phrases) > 0 and not subject
    return spoken_to and not instruction(tokens, voc)


def untargeted(doc: Document, language: str, ctx: Context) -> bool:
    """Copy in English, in a language of no member state (Serbian), or in a language the page writes for a
    territory outside the Union (pt-BR, fr-CA, de-CH, es-AR: declared, or evident from its text): marketing, but
    aimed at no member state."""
    return language == "en" or not ctx.geo.states_for_language(language) or \
        explained_by_non_eu_locale(doc, language, ctx) or bool(_territory(doc, language))


TERRITORIES = 64  # pages x languages kept
_TERRITORIES: PageMemo[str] = PageMemo(TERRITORIES)


def _territory(doc: Document, language: str) -> str:
    # Read once per page and language (PROMO and BONUS both ask, once per finding); it scans the whole text.
    return _TERRITORIES.get((doc,), language, lambda: written_for(doc, language).territory)


def without_non_eu_states(doc: Document, findings: list[Finding], ctx: Context, weak: str) -> list[Finding]:
    """Phrase findings of a page written for a non-EU territory, with their member states taken off."""
    out = []
    for f in findings:
        language = f.evidence.locator.rsplit("(", 1)[-1].rstrip(")")
        if f.member_states and untargeted(doc, language, ctx):
            f = replace(f, member_states=(), strength=weak)
        out.append(f)
    return out


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """tokens_of a button's or a link's text, kept: the same few labels come back on every page of a site."""
    return tuple(tokens_of(text))


@lru_cache(maxsize=4096)
def _first_label(text: str, languages: tuple[str, ...], *, button: bool) -> str:
    tokens = list(_tokens(text))
    if len(tokens) > SHORT_LINE or not any(starts_something(t, languages) for t in tokens):
        return ""
    for language in languages:
        if is_label(tokens, vocabularies()[language], button=button):
            return language
    return ""


def calls_to_action(doc: Document, limit: int | None = None) -> list[CallToAction]:
    """Every call to action of an HTML page, one per distinct text, buttons and links first; the first `limit` only
    where the caller shows no more (the text, read last, is then read only until they are found)."""
    if doc.kind != "html":
        return []
    neighbour, own = borrowed_vocabulary(doc)
    languages = tuple(dict.fromkeys(filter(None, (neighbour, *candidate_languages(doc)))))
    if not languages:
        return []
    found: dict[str, CallToAction] = {}

    def add(text: str, language: str, locator: str, snip: str) -> bool:
        key = " ".join(text.lower().split())
        if key and key not in found and not (locator == "text" and a_name(doc.text, text)):
            found[key] = CallToAction(key, own if language == neighbour else language, locator, snip)
        return True

    def enough() -> bool:
        return limit is not None and len(found) >= limit

    for text in doc.buttons:
        if len(text) <= MAX_SPAN and not text.rstrip().endswith("?"):
            language = _first_label(text, languages, button=True)
            if language:
                add(text, language, "button", text)
    for link in doc.links:
        text = link.text
        if not text or len(text) > MAX_SPAN or text.rstrip().endswith("?"):
            continue
        login, target = link_kind(link.url)
        if login:
            continue
        # A link to a sign-up, download or provider target is a call whatever its wording ("App herunterladen").
        language = _first_label(text, languages, button=bool(target))
        if not language and target and len(_tokens(text)) <= SHORT_LINE:
            language = languages[0]
        if language:
            add(text, language, f'a[href="{link.url}"]', text)
    if not enough():
        _text_calls(doc.text, languages, add, enough)
    return list(found.values())[:limit]


def _text_calls(text: str, languages: tuple[str, ...], add, enough) -> None:
    # English words in another language's running text are loanwords ("order plaatsen"), not an English call.
    languages = tuple(lang for lang in languages if lang != "en") if languages[0] != "en" else languages
    wanted = lines_to_read(text, languages)
    lines = text.split("\n")
    first = first_step(lines, languages, wanted) if wanted else -1
    repeated = repeated_labels(lines, wanted)
    for n, start, line in segments(lines, wanted, line_starts(text)):
        if enough():
            return  # the calls asked for are found: the rest of the text can only come after them
        if among_steps(lines, n, languages) or in_contents(lines, n):
            continue  # "- Regístrate con tu correo" after "- Haz clic en Sign Up": one more step; a contents' item
        short, sentences = _line_calls(line, languages, 0 <= first <= n, line.strip() in repeated)
        # What a line says is read once (menus and footers repeat on every page); whether it is the site's own
        # call (not quoted, not negated) depends on the text around it and is read here.
        own = owner(text, lines, n, start)
        if any(own(start, start + len(line), language) and
               add(label, language, "text", snippet(text, start, start + len(line))) for language, label in short):
            continue
        for begin, end, languages_, clause in sentences or ():
            language = next((lang for lang in languages_ if own(start + begin, start + end, lang)), "")
            if language:
                add(clause, language, "text", snippet(text, start + begin, start + end))
    if not enough():  # after the calls: a page's few findings show those first
        _offer_calls(text, lines, languages, add, wanted)


def _offer_calls(text: str, lines: list[str], languages: tuple[str, ...], add, acting: set[int]) -> None:
    """Offers stated to the reader (detectors/call_offers.py), sentence by sentence, and paid-partner labels."""
    starts = None
    for n in sorted(candidate_lines(text, languages, acting)):
        line = lines[n]
        if a_step(line) or among_steps(lines, n, languages, STEP_LIST):  # a step's outcome, not an offer
            continue
        starts = line_starts(text) if starts is None else starts
        own = owner(text, lines, n, starts[n])
        label = next(((lang, advert) for lang in languages if (advert := labelled_advert(line, lang))), None)
        if label and own(starts[n], starts[n] + len(line), label[0]):
            add(call_clause(label[1]), label[0], "text", snippet(text, starts[n], starts[n] + len(line)))
            continue
        for m in _OFFER_SENTENCE.finditer(line):
            sentence = m.group(0).strip()
            if sentence.endswith(("?", ":")) or works_out(sentence, languages):
                continue
            tokens = tokens_of(sentence)
            for language in languages:
                if is_offer(sentence, tokens, language) and own(starts[n] + m.start(), starts[n] + m.end(), language):
                    told = " ".join(sentence.split()[:8]).rstrip(".!;:…,")  # "Oui, vous pouvez ...": no comma cut
                    add(told, language, "text", snippet(text, starts[n] + m.start(), starts[n] + m.end()))
                    break


@lru_cache(maxsize=4096)
def _line_calls(line: str, languages: tuple[str, ...], instructional: bool, repeated: bool):
    """The calls a line of text may hold, before the context is read: (language, label) for a short line, then
    (start, end, languages, clause) of each sentence; None where the line holds none."""
    stripped = line.strip()
    if not stripped or stripped.endswith(("?", ":")) or a_step(line):
        return (), None
    tokens = tokens_of(stripped)
    instructional = instructional and not stripped.endswith(_POINTERS)  # a link's text ("Konto eröffnen >>"), no step
    if any(vocabularies()[lang].names_comments(tokens) for lang in languages):
        return (), None  # a comment box's "hier registrieren!": signing up to comment, not the site's pitch
    if WORKED.search(stripped):
        return (), None  # a calculation ("5000(dobit) * 10% + ... = 590$"): its words are a formula's, not a call
    if TABLE_ROW.match(stripped) and not any(vocabularies()[lang].hooked(tokens) for lang in languages):
        return (), None  # a table's row, a label before its number ("Buy Bank: 0.75%"); not "Jetzt sichern: 50 €"
    short = tuple(_short_line(line, tokens, languages, instructional, repeated)) if len(tokens) <= SHORT_LINE else \
        _pointed(stripped, languages)
    return short, tuple(_sentences(line, languages, instructional))


def _pointed(line: str, languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(language, label) of a button's text run into a long line's end before its pointer ("... Open Account ↗")."""
    for label in pointed_labels(line, _POINTERS):
        language = next((g for g in languages if is_label(tokens_of(label), vocabularies()[g], button=True)), "")
        if language:  # in lower case: its capitals follow a word of the line by construction, as a brand's would
            return ((language, call_clause(label).lower()),)
    return ()


def _short_line(line: str, tokens: list[str], languages: tuple[str, ...], instructional: bool, repeated: bool):
    stripped = line.strip()
    if not any(starts_something(t, languages) for t in tokens):
        return
    stated = stripped.endswith(".")
    for language in languages:
        voc = vocabularies()[language]
        own = after_login(tokens, voc)
        hooked = bool(voc.has(own, voc.hooks, voc.hook_phrases))
        # A line in capitals is styled as a button ("ΑΝΟΙΓΜΑ LIVE ΛΟΓΑΡΙΑΣΜΟΥ", "JETZT REGISTRIEREN"), and one a
        # pointer leads or ends is a link ("👉 Comparar exchanges em Portugal", "Depot eröffnen →").
        button = stripped.isupper() and len(own) > 1 or stripped.startswith(_POINTERS) or \
            stripped.endswith(_POINTERS) or repeated
        # A call after a log-in label is the header's pair of buttons ("Zaloguj się Załóż konto"), not a step; a find
        # label that ends in a full stop is a sentence ("Finden Sie jetzt Ihren Anwalt.").
        if not bare_start(own, voc, button=button) and is_label(own, voc, button=button, stated=stated) and \
                (hooked or not instructional or own is not tokens) and not warns(own, voc):  # not "Invierte sólo ..."
            at = voc.has(own, frozenset(), voc.phrases)
            label = next((" ".join(p) for p in voc.phrases if at and tuple(own[at - 1:at - 1 + len(p)]) == p), "")
            shown = stripped.strip(_POINTER_MARKS) if own is tokens else " ".join(own)
            yield language, label or call_clause(shown)


def _sentences(line: str, languages: tuple[str, ...], instructional: bool):
    for m in CALL_SENTENCE.finditer(line):
        sentence = m.group(0).strip()
        words = tokens_of(sentence)
        # Words in lower case after a full stop go on after an abbreviation ("anmelden bzw. registrieren.", "(USD,
        # EUR, etc.) gekauft hat, ..."): a call opens its sentence with a capital.
        continued = sentence.lstrip(CLOSING)[:1].islower() and line[:m.start()].rstrip().endswith(".")
        # An item's label before its colon ("- Apply Annual Exemption: ...", unless hooked) names a step or a term,
        named = item_label(line, m.start(), m.end(), [vocabularies()[lang] for lang in languages]) or \
            in_menu_path(line, m.start(), languages)  # as a menu path's end ("Go to A – Open account")
        if not words or sentence.endswith("?") or UI_PATH.search(sentence) or continued or named:
            continue
        # A few words closing a paragraph without a stop: a button's text run into it ("... Küsi pakkumist").
        # After a separator it is a breadcrumb's or a byline's category ("4 Minimale leestijd | Investeren").
        tail = (m.start() > 0 and m.end() == len(line.rstrip()) and len(words) <= 3 and sentence[-1:].isalnum()
                and not line[:m.start()].rstrip().endswith(_SEPARATORS))
        # A pitch opens with its verb (after a hook word or two), or a clause does after a connector ("..., alors
        # commencez dès maintenant"): most sentences can be skipped here.
        if len(words) <= 4 or any(starts_something(w, languages) for w in words[:3]):
            found = _pitching(sentence, words, languages, instructional, tail)
            if found:
                yield m.start(), m.end(), found, call_clause(sentence)
                continue
        begin = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        for at in connected_clauses(sentence, languages) + main_clauses(sentence, languages):
            clause = sentence[at:]
            found = _pitching(clause, tokens_of(clause), languages, instructional, False)
            if found:
                yield begin + at, m.end(), found, call_clause(clause)
                break
        else:
            at, found = joined_reward(sentence, languages, instructional)
            if found:
                yield begin + at, m.end(), found, call_clause(sentence[at:])


def _pitching(sentence: str, words: list[str], languages: tuple[str, ...], instructional: bool, tail: bool):
    found = []
    for language in languages if "=" not in sentence else ():  # "Câștig = Preț de vânzare - ...": a formula
        voc = vocabularies()[language]
        if instructional and not sentence.endswith("!") and instruction(words, voc):
            continue  # on a page of steps, "Starten Sie ..., indem Sie hier klicken" is one more step
        if warns(words, voc):
            continue  # "Investeer nooit meer dan je kunt verliezen!", "Investieren Sie nie mehr, als ...": a warning
        # A short clause of a headline ("Jetzt Bitcoin kaufen – in zwei Minuten") reads as a label.
        label = len(words) <= 4 and is_label(words, voc, button=tail, stated=sentence.endswith(".")) and \
            not bare_start(words, voc, button=tail)
        if label or is_pitch_sentence(sentence, words, voc, steps=instructional) or \
                takes_incentive(sentence, words, language):
            found.append(language)  # the first of them whose call is the site's own counts
    return tuple(found)
