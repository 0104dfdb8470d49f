"""Offers the site states to its reader in running text, for PROMO (detectors/calls_to_action.py): promotional copy
that tells rather than commands (data/lexicons/offers.yaml).

A sentence is an offer when it speaks to the reader (a second-person word) and urges with an exclamation ("Finden
Sie jetzt Ihren Anwalt!"), or either
- states a gain: a verb of getting (data/lexicons/incentives.yaml, every inflected form) with an amount, a free/now
  hook, an exclamation, or "the more ... the more" ("vil du samtidig motta 55 kr i bitcoin", "permite que você e um
  amigo ganhem bitcoins grátis", "Plus vous invitez d'amis, plus vous gagnez"), or
- claims an advantage of the offer: a superlative of price, speed, safety, ease or choice ("får du tillgång till
  den snabbaste ... servicen", "con las comisiones más bajas del mercado").
A sentence opened by a verb of getting whose object is an amount speaks to the reader by that verb alone ("Få 20%
rabatt med min länk", "Saa 20 % alennus").
A line that is a paid-partner label ("Kaupallinen yhteistyökumppani: ...", "Annonselenke") marks the site's own
advertising. An imperative whose object is a reward ("Zdobądź nagrody", "Claim your bonus") pitches as a hooked one.

The reader is the one who gains: "users can earn commissions" (third person) and a T&C's "the bonus is paid after
..." are explanations, not offers; how-to sentences (click, tap) and questions are left out by the caller too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from detectors.affiliate_disclosure import paid_link_labels
from detectors.call_lines import BULLETS, imperative_at, joined_clauses
from detectors.call_steps import instruction
from detectors.cta_vocabulary import GREEK, Vocabulary, tokens_of, vocabularies, without_accents
from detectors.data_files import language_key, load
from detectors.incentives import AMOUNT, Incentive, explains, gets_amount, hedged, page_offers  # amounts, hedges
from detectors.lemmas import forms_of
from detectors.lexicon import phrase_lexicon
from detectors.offer_context import narrates, refers_to_article
from detectors.offer_words import Offers, offers
from detectors.page_words import line_starts, lines_with, lowered
from detectors.page_words import words as words_of

_GREEK_PLAIN = str.maketrans("άέήίόύώϊϋΐΰ", "αεηιουωιυιυ")
_QUOTES = '"“”„«»'
_LEADING = " \t" + BULLETS + _QUOTES  # what may stand before a sentence's first word: a list's bullet, a closing quote
_TRAILING = " \t<>»«*"  # what may close an advert's line after its label: "(lien commercial) <<"
SENTENCE = re.compile(r"(?:[^.!?;\n]|\.(?=\w))+[.!?;]*")  # "Crypto.com" and "1.000" do not end a sentence


def candidate_lines(text: str, languages: tuple[str, ...], acting: set[int]) -> set[int]:
    """Indices of the lines that may state an offer: a verb of getting, an advantage claimed on one of the `acting`
    lines (those with a conversion verb), or a label's first word. Set look-ups on the page's distinct words and
    one scan per language: most lines of a page hold none of them (the reader is looked for on these lines only)."""
    known = [offers()[lang] for lang in languages if lang in offers()]
    distinct = words_of(text)
    getting = distinct & frozenset().union(*(o.gains for o in known))
    firsts = distinct & _label_firsts(languages)
    low = lowered(text).replace("’", "'")
    if "el" in languages or any(GREEK.search(w) for w in getting | firsts):  # folded Greek: fold the text alike
        low = low.translate(_GREEK_PLAIN)
    found = lines_with(low, getting | firsts) if getting or firsts else set()
    if "!" in low:  # the lines exclaiming an urging word ("... jetzt ...!") or a product ("Financie a sua conta ...!")
        rows, urgent = low.split("\n"), distinct & _urging(languages)
        found |= {n for n in lines_with(low, urgent) if "!" in rows[n]} if urgent else set()
        found |= {n for n, row in enumerate(text.split("\n")) if "!" in row and
                  any(o.names_product(tokens_of(row)) for o in known)}
    sold = distinct & frozenset().union(*(o.selling_keys for o in known))  # a selling point's word, wherever
    found |= lines_with(low, sold) if sold else set()  # (the reader's verb of a selling point may describe)
    if acting:
        claimed, starts = set(), None
        for o in known:
            for m in o.advantages.finditer(low) if o.advantages else ():
                starts = starts or line_starts(low)
                claimed.add(bisect_right(starts, m.start()) - 1)
        found |= claimed & acting
    return found


@cache
def _urging(languages: tuple[str, ...]) -> frozenset[str]:
    """The hook words that urge ("jetzt", "now", "gratis"), not the place words ("hier", "here")."""
    return frozenset().union(*(vocabularies()[lang].hooks - vocabularies()[lang].places for lang in languages
                               if lang in vocabularies()))


@cache
def _label_firsts(languages: tuple[str, ...]) -> frozenset[str]:
    data = load("lexicons/offers.yaml", "offers")["languages"]
    paid = phrase_lexicon("paid_link_labels").terms
    return frozenset(without_accents(label.split()[0].rstrip("*").lower()) for raw, entry in data.items()
                     if language_key(raw) in languages for label in entry["labels"] + paid.get(language_key(raw), []))


def is_offer(sentence: str, tokens: list[str], language: str) -> bool:
    """Whether a sentence (not a question, not a how-to step) states the site's offer to the reader, and does not
    speak of a loss, a tax or a fine ("Pagare ... con la carta di credito ti espone subito a una perdita"), nor
    give an example ("For example, if you're eligible for a 30% bonus ...": incentives.hedged), work one out
    ("Ricevi 250 euro di bonus = il 50% di 500 euro": a formula) or preview an article ("In this article we ...")."""
    if (vocabulary := offers().get(language)) is None:
        return False
    text = without_accents(sentence.lower())
    plain = _without_selling(text, vocabulary)  # "in a few clicks", "néhány kattintással": no step, no hedge
    if "=" in sentence or instruction(tokens if plain is text else tokens_of(plain), vocabularies()[language]) or \
            not _states_offer(sentence, text, tokens, language, sold=plain is not text) or \
            narrates(sentence, language) or refers_to_article(sentence, language):
        return False
    return not hedged(plain, 0, len(plain), (language,))


def _states_offer(sentence: str, text: str, tokens: list[str], language: str, *, sold: bool) -> bool:
    # text: the sentence lower-cased, without Greek accents; sold: whether it claims a selling point
    vocabulary = offers()[language]
    if tokens and tokens[0] in vocabulary.gains and vocabulary.gains.isdisjoint(tokens[1:GAIN_REACH]) and \
            gets_amount(" ".join(text.split()[:GAIN_REACH]), language):
        return True  # opened by the gain, its amount the object: "Få 20% rabatt" (not "Få kunder får 20%": few)
    if sold and _sells(sentence, tokens, vocabulary, language):
        return True  # "Hos oss köper du bitcoin ... utan dolda avgifter", "Con nuestra app compras ... en segundos"
    if not (vocabulary.reader.intersection(tokens) or vocabulary.reader_phrases and
            vocabulary.reader_phrases.search(text)):
        return False
    opening = text.lstrip(_LEADING)
    if vocabulary.conditions and vocabulary.conditions.match(opening) and not text.endswith("!"):
        return False  # "Sobald Ihr Freund ... abschließt, erhalten Sie beide 10 USD": a rule, or advice ("If you ...")
    if vocabulary.consequences and vocabulary.consequences.match(opening):
        return False  # "Questo significa che potrai guadagnare fino a ...": the rule worked out for the reader
    if text.rstrip().endswith("!") and not any(q in text for q in _QUOTES) and \
            (_urging((language,)).intersection(tokens) or _product_urged(tokens, vocabulary)):  # not a quoted slogan
        return True  # "Finden Sie jetzt Ihren Anwalt ...!", "Financie a sua conta ...!": the reader urged to act
    gains = bool(vocabulary.gains.intersection(tokens))
    if (gains or _acts(tokens, language)) and vocabulary.advantages:
        claims = len(vocabulary.advantages.findall(text))
        if claims > 1 or claims and vocabulary.own.intersection(tokens):
            return True  # "hos oss får du ... den snabbaste ... servicen", "puedes comprar ... más bajas del mercado"
    if not gains:
        return False  # the reader gets something: money, a reward, access to the service
    if vocabulary.more and _correlative(vocabulary.opening or vocabulary.more, vocabulary.more, text):
        return True  # "cuanto más consigues más ganas"
    if not any(t.startswith(vocabulary.rewards) for t in tokens):
        return False  # "Du modtager nu en betalingsanmodning" is a step, not an offer
    voc = vocabularies()[language]  # "já", "ya" here mean "already": "de quem já usa" urges nothing
    return bool(_exclaims(sentence) or AMOUNT.search(sentence) or not (voc.hooks - voc.already).isdisjoint(tokens))


EXCLAIMED_WORDS = 12  # words of an exclamation that urges a product on the reader: a slogan, not a paragraph


def _product_urged(tokens: list[str], vocabulary: Offers) -> bool:
    """Whether a short exclamation to the reader names a product, opened by its verb ("Financie a sua conta ...!",
    "Open je rekening vandaag nog!"), not by the reader or the site ("Ihr Konto wurde gesperrt!", "Je rekening is
    geblokkeerd!": a notice)."""
    return 0 < len(tokens) <= EXCLAIMED_WORDS and tokens[0] not in vocabulary.reader and \
        tokens[0] not in vocabulary.own and vocabulary.names_product(tokens)


def _exclaims(sentence: str) -> bool:
    """Whether the sentence is the site's exclamation, not one it quotes ("... te ha dicho “¡no te preocupes!")."""
    return sentence.rstrip().endswith("!") and not any(q in sentence for q in _QUOTES)


def works_out(sentence: str, languages: tuple[str, ...]) -> bool:
    """Whether a sentence opens as a rule worked out in any of the page's languages ("Det betyr at du ..."): no
    offer in a neighbour language either, whose reader words it shares ("du")."""
    opening = without_accents(sentence.lower()).lstrip(_LEADING)
    return any((v := offers().get(lang)) is not None and v.consequences is not None and
               v.consequences.match(opening) is not None for lang in languages)


GAIN_REACH = 4  # words from an opening verb of getting to its amount ("Få 20% rabatt", "Get up to $50")


def _correlative(opening: re.Pattern[str], more: re.Pattern[str], text: str) -> bool:
    """"The more you invite, the more you earn": a comparative twice, the first opening its clause (at most one word
    before it: "Je mehr", "y además, cuanto más", "Plus vous"); "Justo cuando más o menos ..., más complicado"
    compares in passing."""
    found = opening.search(text)
    if not found:
        return False
    clause = max(text.rfind(mark, 0, found.start()) for mark in _CLAUSE_MARKS) + 1
    return len(text[clause:found.start()].lstrip(_LEADING).split()) <= 1 and \
        more.search(text, found.end()) is not None


def _sells(sentence: str, tokens: list[str], vocabulary: Offers, language: str) -> bool:
    """Whether the site's "we" opens a sentence (one with a selling point) whose verb, the reader's, sells its service
    ("Bei uns handelst du ... ohne versteckte Gebühren"); not a guide's "Wir zeigen dir, wie du ... kaufst", not a
    client told of ("Er eröffnete ... bei uns in wenigen Minuten"), not a chief executive quoted."""
    if any(q in sentence for q in _QUOTES):
        return False
    serving = _serving(language)
    at = next((n for n, t in enumerate(tokens[:SERVING_REACH]) if t in serving), -1)
    if at <= 0 or vocabulary.own.isdisjoint(tokens[:at]):
        return False
    near = tokens[max(0, at - 2):at + 3]  # "vous achetez", "handelst du", "you buy"; not "Nous avons testé"
    return not vocabulary.reader.isdisjoint(near) or bool(vocabulary.reader_phrases and
                                                          vocabulary.reader_phrases.search(" ".join(near))) or \
        bool(vocabulary.second_person) and tokens[at].endswith(vocabulary.second_person)  # "compras", "kupisz"


def _without_selling(text: str, vocabulary: Offers) -> str:
    """`text`, its selling points blanked ("in a few clicks" is no step, "néhány" no hedge); itself if it has none."""
    if not (vocabulary.selling and vocabulary.selling.search(text)):
        return text
    return vocabulary.selling.sub(lambda m: " " * len(m.group(0)), text)


SERVING_REACH = 6  # words: a selling sentence's verb comes right after its "bei uns", "con la nostra app puoi"
_CLAUSE_MARKS = (",", ";", ":", "–", "—")


def _acts(tokens: list[str], language: str) -> bool:
    """Whether the reader is the one who buys, trades or opens an account (a conversion verb of the sentence)."""
    verbs = vocabularies()[language].verbs
    return any(t in verbs for t in tokens)


@cache
def _serving(language: str) -> frozenset[str]:
    """Every form of the conversion verbs, the present tense too, that a call's leave out ("bei uns handelst du")."""
    voc = vocabularies()[language]
    return voc.verbs | frozenset(map(without_accents, forms_of(voc.listed, language)))


def main_clauses(sentence: str, languages: tuple[str, ...]) -> list[int]:
    """Offsets in `sentence` of the clauses after its commas that urge ("now", "today") where it opens with a
    condition ("If you're looking for ..., open a ... Account now", "Si buscas ..., abre tu cuenta hoy"): the main
    clause is the call, read as a sentence of its own. Without the hook it states a rule ("Sobald ..., erhalten Sie
    beide 10 USD", "Una volta ..., riceverai un'email")."""
    if "," not in sentence:
        return []
    text = without_accents(sentence.lower()).lstrip(_LEADING)
    if not any((o := offers().get(lang)) and o.conditions and o.conditions.match(text) for lang in languages):
        return []
    urging = _urging(languages)
    return [m.end() for m in re.finditer(r",\s+", sentence) if not urging.isdisjoint(tokens_of(sentence[m.end():]))]


def labelled_advert(line: str, language: str) -> str:
    """What a paid-partner label marks on a line as the site's advertising, "" if none: the label itself, alone or
    before a colon ("Kaupallinen yhteistyökumppani: x.com"), or the advert that a paid link's label in brackets
    closes ("Gardez vos cryptos ... faites confiance à Ledger (lien commercial) <<"), up to a colon."""
    vocabulary = offers().get(language)
    if vocabulary is None:
        return ""
    text = without_accents(line.strip().lower())
    m = vocabulary.labels.match(text) if vocabulary.labels else None
    if m and (m.end() == len(text) or text[m.end():].lstrip().startswith(":")):
        return line.split(":")[0]
    closing = line.rstrip(_TRAILING)
    label = next((label for label in paid_link_labels(closing) if label.end == len(closing) - 1
                  and language in label.languages), None)  # in brackets, the line's last words
    advert = closing[:label.start - 1].rstrip() if label else ""
    return advert.split(":")[0] if advert.strip() else ""


def asks_to_read_more(tokens: list[str], language: str) -> bool:
    """Whether the words right after a verb of discovery ask for more of the same text ("scoprite di più",
    "descubre más", "découvrez-en plus", "discover more") or open the question the text answers ("Descubre cómo
    ...", "Découvrez comment ...", "Entdecken Sie, ob ..."): a read-more teaser, whatever follows."""
    vocabulary = offers().get(language)
    if vocabulary is None:
        return False
    more, how = vocabulary.more, vocabulary.how
    return bool(more) and any(more.fullmatch(without_accents(t)) for t in tokens[:2]) or \
        bool(how) and any(how.match(without_accents(" ".join(tokens[at:at + 2]))) for at in range(min(2, len(tokens))))


def claims_advantage(sentence: str, language: str) -> bool:
    """Whether a sentence claims a superlative advantage ("s nejlepšími burzami", "the lowest fees")."""
    vocabulary = offers().get(language)
    advantages = vocabulary.advantages if vocabulary else None
    return bool(advantages and advantages.search(without_accents(sentence.lower())))


def joined_reward(sentence: str, languages: tuple[str, ...], instructional: bool) -> tuple[int, tuple[str, ...]]:
    """(where in `sentence`, languages) of the first clause joined by "and" that asks to take a reward; (0, ())."""
    for at in joined_clauses(sentence, languages):
        found = rewarded_call(sentence, at, languages, instructional)
        if found:
            return at, found
    return 0, ()


def rewarded_call(sentence: str, at: int, languages: tuple[str, ...], instructional: bool) -> tuple[str, ...]:
    """The languages in which the clause at `at`, joined to its sentence by "and", asks the reader to take a reward:
    an imperative (a listed form, not the dictionary form) with a reward word or an amount after it ("... und
    erhalte 20 € Bonus", "... y solicite la oferta ... en bonos"), or a hook ("... and start trading today!"), in a
    sentence that is no how-to step ("Kliknij Zaproś i zdobądź 25 USD"). On a page of steps (an affiliate page's
    "how it works") an amount alone is not enough ("... y recibe tus fondos en 1 día"): the clause names a reward."""
    clause = sentence[at:]
    if sum(map(sentence[:at].count, _QUOTES)) % 2:
        return ()  # inside a quotation: a programme's name ("o programa “Convide e Ganhe”")
    tokens, before = tokens_of(clause), tokens_of(sentence[:at])
    found = []
    for language in languages:
        voc = vocabularies()[language]
        verb = imperative_at(tokens, voc)
        if verb < 0 or not voc.listed_verb(tokens, verb) or voc.infinitive(tokens[verb]) or \
                voc.has(before + tokens, voc.instructions, voc.instruction_phrases):
            continue
        if language == "en" and _bare_infinitive(before):
            continue  # "... allows you to refer a friend and earn rewards", "Participants can ... and receive a
            # prize": the verb an infinitive, not a call
        after = tokens[verb + 1:]
        if rewarded(after, language) or not instructional and (
                AMOUNT.search(clause) or _called(before, voc) or voc.has(after, voc.hooks, voc.hook_phrases)):
            found.append(language)
    return tuple(found)


def takes_incentive(sentence: str, tokens: list[str], language: str) -> bool:
    """A sentence opened by a conversion imperative with an amount received right after a verb of getting ("Buy $20
    of crypto to earn $20 in Bitcoin", "Kaufe für 50 € ein und erhalte 10 € zurück"): the reader asked to take
    it, also among a page's steps."""
    return _called(tokens, vocabularies()[language]) and gets_amount(sentence.lower(), language)


def _called(before: list[str], voc: Vocabulary) -> bool:
    """Whether the sentence opens with a call of its own: two calls joined ("Descarga la app y opera desde
    cualquier lugar", "Download the app and trade anywhere") pitch, outside a page of steps."""
    return bool(before) and imperative_at(before, voc) == 0 and voc.listed_verb(before, 0) \
        and not voc.infinitive(before[0])


_NOT_VERBS = frozenset({"us", "you", "your", "our", "the", "a", "an", "them", "me", "it", "this", "that", "my"})
_MODALS = frozenset({"can", "could", "may", "might", "must", "shall", "should", "will", "would"})


def _bare_infinitive(tokens: list[str]) -> bool:
    """Whether the clause before "and" holds "to" before a verb or a modal verb: the joined verb is infinitive too."""
    return not _MODALS.isdisjoint(tokens) or any(t == "to" and n + 1 < len(tokens) and tokens[n + 1] not in _NOT_VERBS
                                                 for n, t in enumerate(tokens))


def rewarded(tokens: list[str], language: str) -> bool:
    """Whether the words name a reward ("nagrody", "bonus", "free") or the offer itself ("Aprovecha esta oferta"): the
    object that makes an imperative a pitch."""
    vocabulary = offers().get(language)
    return bool(vocabulary) and any(t.startswith(vocabulary.rewards) or t.startswith(vocabulary.deals)
                                    for t in tokens)


def advertised(text: str, languages: tuple[str, ...]) -> list[Incentive]:
    """The incentives of `text` (questions blanked) that a short line advertises with a capped amount ("Bis zu
    2.500 € Bonus für deinen Wechsel", "150% Bonus jopa 600€ asti", "Jusqu'à 230€ offerts"): an advert's
    headline, promotional copy. One that ends with a full stop is a sentence stating a programme's rule ("Een
    affiliate kan tot 20% van deze kosten verdienen."); a page that mostly hedges its incentives explains them."""
    found, hedges = page_offers(text, languages)
    if explains(found, hedges):
        return []
    return [s for s in found if s.headline and not _full_stop(text, s.start, s.end)]


def _full_stop(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends a sentence with a full stop (not "finanzen." of "finanzen.net")."""
    return text[start:end].rstrip().endswith(".") and text[end:end + 1] in ("", " ", "\n")
