"""Incentives by structure, for BONUS: a sentence that holds a reward (a reward word, an amount, or a referral that
implies one), a verb of getting and a trigger ("Invite a friend and you both get 15 €"), in the page's language or
English. Judged sentence by sentence: a negated sentence ("if your bonus was not paid ...") is left out, hiding no
offer made in another sentence of the page. A headline needs no verb when it names the reward, an amount and the
trigger ("Welcome bonus up to 100 USDT for new users", "Bonus za pozivanje prijatelja - do 40%"), and so does a
programme's rule of any length that names its reward, an amount and a referral ("The remuneration is 20 % of the
fees of the clients you refer"). Commissions and shares of fees are rewards, affiliates and partners triggers; an
affiliate disclosure ("we may receive a commission when you sign up") is the site's income. A fee holiday is an
incentive by itself: no fees for a number of days, weeks or months ("die ersten 6 Monate gebührenfrei"; the period
words are CLDR's, detectors/durations.py), not a deadline ("within 14 days free of charge"). A hedged sentence
("exchanges often offer bonuses", "for example ...", "CySEC bans bonuses", "Banks give ...": providers in general as
its subject) explains rather than offers; a page whose incentive sentences are at least half hedged offers nothing.
Staking pays a yield: a sentence naming it offers only with a bonus word or a sum ("stake CRO and both get $20").
The words are read from incentives.yaml by detectors/incentive_vocabulary.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from babel.dates import get_month_names

from detectors.amounts import amount_pattern
from detectors.call_lines import GLUED, NUMBERED_STEP
from detectors.durations import names_a_period
from detectors.incentive_vocabulary import Vocabulary, vocabularies
from detectors.offer_context import narrates
from detectors.phrase_patterns import bare
from detectors.text import without_compound_heads

_SENTENCE = re.compile(r"[^.!?;\n]+(?:\.(?=\d)[^.!?;\n]*)*[.!?;]*")  # "5.005 USDT" stays in one sentence
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
AMOUNT = amount_pattern()  # "15 €", "55 kr", "25%", "100 euron" (detectors/amounts.py)
MIN_TOKENS = 3  # a reward (word or amount), a verb and a trigger: words, an amount counting as one
HEADLINE_WORDS = 12  # a line this short may name an incentive without a verb ("Welcome bonus up to 100 USDT")


@dataclass(frozen=True)
class Incentive:
    text: str  # the sentence
    language: str
    start: int
    end: int
    headline: bool = False  # a short line that caps its amount ("Jusqu'à 160 € offerts"): an advert, not a report
    steps: bool = False  # the last of numbered steps to a reward ("3. Je krijgt meteen €15 extra!"): a call, anywhere


def _starts(words: list[str], lowered: str, stems: tuple[str, ...]) -> bool:
    for stem in stems:
        if " " in stem or "-" in stem:
            if re.search(r"(?<!\w)" + re.escape(stem), lowered):
                return True
        elif any(w.startswith(stem) for w in words):
            return True
    return False


def _with_elided(words: list[str]) -> list[str]:
    """The words, and each word after its elided article ("l'inscription", "all’iscrizione" -> "inscription")."""
    return words + [w[max(w.rfind("'"), w.rfind("’")) + 1:] for w in words if "'" in w or "’" in w]


def explains(found: list[Incentive], hedged: int) -> bool:
    """Whether a page explains incentives rather than offers one: as many hedged incentive sentences as offers."""
    return bool(hedged) and hedged >= len(found)


@lru_cache(maxsize=8)  # BONUS and PROMO's advert headlines both ask, of the same page
def page_offers(text: str, languages: tuple[str, ...]) -> tuple[tuple[Incentive, ...], int]:
    """`offers` of a page's whole text, kept for the next detector that asks."""
    return offers(text, languages)


def offers(text: str, languages: tuple[str, ...]) -> tuple[tuple[Incentive, ...], int]:
    """The incentive sentences of `text` that offer, and how many incentive-shaped sentences were hedged."""
    found, hedged = [], 0
    read = _read.setdefault(languages, {})
    if len(read) > READ_MAX:
        read.clear()
    spans = _spans(text)
    sentences = [text[start:end] for start, end in spans]
    answers = list(map(read.get, sentences))  # most sentences are known, and offer nothing: passed over in C
    for n in [n for n, answer in enumerate(answers) if answer is not _NOTHING]:
        sentence, (start, end), answer = sentences[n], spans[n], answers[n]
        if answer is None:
            answer = read[sentence] = _answer(sentence, languages)
            if answer is _NOTHING:
                continue
        language, hedge, headline, ends_steps = answer
        if headline and narrates(sentence, language):  # "Procentsatsen kan variere ... op til 53% ... din indkomst"
            language = ""  # a capped rate of a tax or an income, not an offer's headline
        if steps := not language and not hedge:
            language = _last_step(text, start, sentence, languages) if ends_steps else ""
        if hedge:
            hedged += 1
        elif language:
            found.append(Incentive(" ".join(sentence.split()), language, start, end, headline, steps))
    return tuple(found), hedged


_NOTHING = ("", False, False, False)  # the answer for most sentences: no offer, no hedge, ends no list of steps


def _answer(sentence: str, languages: tuple[str, ...]) -> tuple[str, bool, bool, bool]:
    """What a sentence says, whatever stands around it: `_offer_language`'s answer, and whether it hands the reader an
    amount (the last of a list of steps may: _last_step)."""
    language, hedge, headline = _offer_language(sentence, languages)
    hands = bool(AMOUNT.search(sentence)) and any(gets_amount(bare(sentence), lang) for lang in languages)
    return _NOTHING if not (language or hedge or headline or hands) else (language, hedge, headline, hands)


def rewarded(text: str, languages: tuple[str, ...]) -> list[Incentive]:
    """The first sentence naming a reward, neither negated nor hedged ("Rewards are sent within 10 working days", not
    "these terms are not a promise of reward"): on a promotion's rules taking part triggers it (promotion_rules.py)."""
    known = vocabularies()
    readers = [(language, known[language]) for language in languages if language in known]
    for start, end in _spans(text):
        lowered = bare(text[start:end])
        words = _WORD.findall(lowered)
        for language, voc in readers:
            if _starts(_with_elided(words), lowered, voc.rewards):
                if not any(w in voc.negations or w in voc.hedges for w in words):
                    return [Incentive(" ".join(text[start:end].split()), language, start, end)]
                break
    return []


STEPS_ABOVE = 3  # items of a numbered list read above its last one
ITEM_LEAD = 24  # characters before a numbered item's first sentence: its bullet, number and a word ("Schritt 3: ")


def _last_step(text: str, start: int, sentence: str, languages: tuple[str, ...]) -> str:
    """The language in which a numbered item that hands the reader an amount ("3. Je krijgt meteen €15 extra!")
    ends a list of steps whose items above it are the trigger ("1. Open een rekening", "2. Zet 20 euro over"): the
    list read as one sentence. Else "". (Whether the item hands an amount is read by `offers` with the sentence.)"""
    at = text.rfind("\n", 0, start) + 1
    if start - at > ITEM_LEAD:
        return ""  # a later sentence of its paragraph
    number = NUMBERED_STEP.match(text[at:start + 1])
    if not number or text[at + number.end():start].strip():  # the item's first sentence, after its number
        return ""
    items = [sentence]
    while at and len(items) <= STEPS_ABOVE:
        above = text.rfind("\n", 0, at - 1) + 1
        line = text[above:at - 1]
        at = above
        if not line.strip():
            continue  # the blank line between two paragraphs
        number = NUMBERED_STEP.match(line)
        if not number:
            break
        items.insert(0, line[number.end():])
    if len(items) < 2:
        return ""
    language, hedge, _ = _offer_language(" ".join(items), languages)
    return "" if hedge else language


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, cut where a word runs into the next cell's capital ("... à
    l'étrangerJusqu'à 230€ offerts", table cells whose text ran together once tags were gone)."""
    spans = _joined_across_dots([m.span() for m in _SENTENCE.finditer(text)], text)
    seams = [m.start() for m in GLUED.finditer(text)]  # once per text: a search per sentence cost as much as BONUS
    if not seams:
        return spans
    cut_spans = []
    for start, end in spans:
        for seam in seams[bisect_right(seams, start):bisect_left(seams, end)]:
            cut_spans.append((start, seam))
            start = seam
        cut_spans.append((start, end))
    return cut_spans


_ORDINAL_END = re.compile(r"(?<![\d.,])\d{1,2}\.$")  # "bis 31." before "Dezember": an ordinal's dot
_FIRST_WORD = re.compile(r"\w+")


@cache
def _months() -> frozenset[str]:
    """German month names (babel), which a date's ordinal comes before with a capital ("bis 31. Dezember"); the
    languages that write their months in lower case ("31. prosince", "31. joulukuuta") need no list."""
    return frozenset(name.lower() for locale in ("de", "de_AT")
                     for name in get_month_names("wide", locale=locale).values())


def _joined_across_dots(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The sentences with those cut at an abbreviation's or an ordinal's dot joined to the next on the same line:
    a new sentence opens with a capital, so a dot before a word in lower case or a comma ends none ("Du får 200 kr.,
    hvis du ...", "do 31. prosince"), nor does an ordinal's before a German month ("bis 31. Dezember")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        before = joined[-1] if joined else None
        if before and text[before[1] - 1] == "." and "\n" not in text[before[1]:start]:
            following = text[start:end].lstrip()
            word = _FIRST_WORD.match(following)  # "Dezember." ends the sentence after the date, not before it
            if following[:1] in (",", ";", ":") or word and (word[0][:1].islower() or word[0].lower() in _months()
                                                             and _ORDINAL_END.search(text, *before)):
                joined[-1] = (before[0], end)
                continue
        joined.append((start, end))
    return joined


# Menus, footers and banners repeat from page to page: a sentence is read once per set of page languages (a plain
# dict per set: an lru_cache keyed by sentence and languages costs as much as the sentence loop itself).
_read: dict[tuple[str, ...], dict[str, tuple[str, bool, bool, bool]]] = {}
READ_MAX = 8192
LIST_ITEMS = 12  # items of a list read up to its heading
_BULLETS = ("•", "-", "–", "*", "·")


def advert(line: str, languages: tuple[str, ...]) -> bool:
    """Whether a line is an advert's headline for an incentive: short, with its amount capped ("Jusqu'à 160 €
    offerts", "Bis zu 300 € Prämie"), neither negated nor hedged."""
    found, _ = offers(line, languages)
    return any(incentive.headline for incentive in found)


def hedged(text: str, start: int, end: int, languages: tuple[str, ...]) -> bool:
    """Whether the sentence of `text` around `start`:`end` is hedged in one of `languages` or English ("'refer a
    friend' schemes are banned", "exchanges often offer a welcome bonus"), or an item of a list whose heading line
    is ("Eksempel:" above "Du kjøpte 0,3 BTC for 10 000 kroner"). Negations are not read here: "if you have no
    account yet, get free crypto" still offers."""
    left = _end_before(text, start)
    if left >= 0 and text[left] == "?":  # "¿Un ejemplo rápido? Te compras ...": the question announces the example
        left = _end_before(text, left)
    while left > 0 and text[left] == "." and text[left + 1:left + 2].isdigit():
        left = _end_before(text, left)  # "am 20.01.2022", "1.000 Euro": a dot before a digit ends no sentence
    rights = [i for i in (text.find(c, end) for c in ".!?;\n") if i >= 0]
    opening = bare(text[left + 1:start + 1])  # the sentence up to the term: who its subject is
    left = _list_heading(text, left + 1)
    lowered = bare(text[left:min(rights, default=len(text))])
    words = set(_WORD.findall(lowered))
    known = vocabularies()
    for language in (*languages, "en"):
        voc = known.get(language)
        if voc and (words & voc.hedges or any(h in lowered for h in voc.hedge_phrases) or voc.general(opening)):
            return True
    return False


def _end_before(text: str, at: int) -> int:
    """Where the last sentence end (or line break) before `at` is; -1 for none."""
    return max(text.rfind(c, 0, at) for c in ".!?;\n")


def _list_heading(text: str, left: int) -> int:
    """Where the heading line of the list a line at `left` belongs to starts ("Eksempel:" above "• Du kjøpte ..."
    and "• Du selger ..."), else `left`: up through the list's items, at most LIST_ITEMS of them."""
    at = left
    item = text[left:left + 4].lstrip().startswith(_BULLETS)  # the line at `left` is an item of a list
    for _ in range(LIST_ITEMS):
        if not at or text[at - 1] != "\n":
            return left
        above = text.rfind("\n", 0, at - 1) + 1
        line = text[above:at - 1].strip()
        if line.endswith(":") or item and not line.startswith(_BULLETS):
            return above  # "Eksempel:", or the line items hang from ("Beispiel A: ein Ankauf" over "• Ankauf ...")
        if not line.startswith(_BULLETS):
            return left
        at = above
    return left


def _offer_language(sentence: str, languages: tuple[str, ...]) -> tuple[str, bool, bool]:
    """The first of `languages` in whose words `sentence` offers an incentive ("" for none), whether the sentence,
    incentive-shaped, is hedged (an explanation: "exchanges often offer ..."), and whether it is a headline that
    caps its amount (an advert's: "Jusqu'à 160 € offerts")."""
    known = vocabularies()
    lowered = bare(sentence)
    words = _WORD.findall(lowered)
    found = list(AMOUNT.finditer(sentence))
    amounts = [m.start() for m in found]
    amount = bool(amounts)
    if len(words) + amount < MIN_TOKENS:
        return "", False, False
    stems = _with_elided(words)
    for language in languages:
        voc = known.get(language)
        if voc is None:
            continue
        holiday = _holiday(sentence, lowered, language, voc)
        rewarding = amount and not _conditions(amounts, lowered, voc)
        if not holiday and not _incentive(words, stems, lowered, rewarding, voc):
            continue
        if _starts(stems, lowered, voc.yields) and not _starts(stems, lowered, voc.bonus_words) and \
                all(m.group(0).endswith("%") for m in found):
            continue  # staking's rewards or rate ("si ricevono delle ricompense"), not a bonus or a sum
        if _own_money(words, stems, lowered, voc):
            continue  # "das Guthaben wird deinem Konto gutgeschrieben": the reader's deposit credited, no reward
        # The holiday's own "no" ("no fees", "ohne Gebühren", "bez maksas"), and the first word of a compound ("a
        # no-deposit bonus"), negate no offer.
        told = voc.fee_free.sub(" ", lowered) if holiday and voc.fee_free else lowered
        said = _WORD.findall(without_compound_heads(told)) if "-" in told or told is not lowered else words
        if any(w in voc.negations for w in said):
            return "", False, False  # negated or hypothetical ("if your bonus was not paid"): it offers nothing
        if any(d in lowered for d in voc.disclosures):
            return "", False, False  # an affiliate disclosure: the site's income, not the reader's reward
        if any(w in voc.hedges for w in words) or any(h in lowered for h in voc.hedge_phrases) or voc.general(lowered):
            return "", True, False  # "platforms often offer a bonus to new users": an explanation
        return language, False, _capped(words, lowered, amount, voc)
    return "", False, False


def _own_money(words: list[str], stems: list[str], lowered: str, voc: Vocabulary) -> bool:
    """Whether the sentence's only verbs of getting credit an account and what it credits is the reader's own money
    ("your funds will be credited", "l'importo viene accreditato"), with no bonus word or referral beside it."""
    if not voc.own_funds or any(w in voc.verbs and w not in voc.credits for w in words):
        return False
    if any(v in lowered for v in voc.verb_phrases if v not in voc.credit_phrases):
        return False
    if not (any(w in voc.credits for w in words) or any(c in lowered for c in voc.credit_phrases)):
        return False  # no crediting verb: a verbless headline
    return _starts(stems, lowered, voc.own_funds) and not _starts(stems, lowered, voc.bonus_words) and \
        not _starts(stems, lowered, voc.referrals)


def _conditions(amounts: list[int], lowered: str, voc: Vocabulary) -> bool:
    """Whether every amount of the sentence (where each starts) follows a threshold ("wird gutgeschrieben, solange er
    über 25 EUR ist", "at least €10"): the reader's own money credited, a condition, not a reward."""
    return voc.thresholds is not None and bool(amounts) and \
        all(voc.thresholds.search(lowered, max(0, at - 30), at) for at in amounts)


def _incentive(words: list[str], stems: list[str], lowered: str, amount: bool, voc: Vocabulary) -> bool:
    """A reward (a reward word or an amount), a verb of getting and a trigger in the sentence's words."""
    referrals = sum(_starts(stems, lowered, (stem,)) for stem in voc.referrals)
    # "Sie erhalten 2 Prozent Zinsen" is a rate; "you receive a percentage of the referee's fees" a share, a reward
    reward = _starts(stems, lowered, voc.rewards) or bool(referrals) and _starts(stems, lowered, voc.rates)
    # A verb of paying gets the reader something only with a reward or a referral ("vi betalar ut 100 kr per vän");
    # else the reader pays ("Vid ditt första köp betalar du en avgift på 10 kr").
    verb = any(w in voc.verbs and (reward or referrals or not w.startswith(voc.pays)) for w in words) or \
        any(v in lowered for v in voc.verb_phrases)
    if not verb and not amount:
        return False
    # "Invite friends and earn": a referral (two of its words: invite + friend) promises the reward itself.
    rewarded = amount or reward or referrals >= 2
    # "Una comisión de 1.5%": a commission without a verb of getting is a fee, unless advertised ("up to 40%")
    if not (verb or referrals or _starts(stems, lowered, voc.gifts) or _capped(words, lowered, amount, voc)):
        return False
    # A bonus named with its amount needs neither ("A cash bonus of $25 is available ...", "10 € Bonus").
    named = amount and voc.bonuses is not None and voc.bonuses.search(lowered) is not None
    if not verb and not named and not (reward and (len(words) <= HEADLINE_WORDS or referrals
                                                   or amount and _starts(stems, lowered, voc.triggers))):
        return False  # a verbless headline names its reward ("Bonus ... - up to 40%", not just "40% ... friends"),
        # a verbless rule its reward and whom it pays for ("La rémunération est de 20 % ... clients référés")
    # A headline that caps its reward's amount advertises it ("150% Bonus jopa 600€ asti", "Bis zu 300 € Prämie",
    # "Jusqu'à 160 € offerts": a participle of the verb is no verb of a sentence there).
    capped = reward and _capped(words, lowered, amount, voc)
    # "Open an account and get a 50 € premium" offers; "open an account and pay 49 kr a month" does not.
    # "Otwórz konto i zyskaj 80 zł": the amount received right after the verb is the reward (not "erhalten Sie Ihre
    # Karte für 2 €", a price).
    opened = (reward or amount and _gets_amount(lowered, voc)) and _starts(stems, lowered, voc.openings)
    # A sentence opening with the getting verb hands the reader its reward ("Odbierz do 300 zł bonusu ...") or the
    # sum right after it ("Get €5 per direct debit"; not a yield, "Earn 5 % a year", nor a free service's limit).
    pitched = amount and words[0] in voc.verbs and (reward or _gets_amount(lowered, voc, money=True) and not (
        voc.fee_free and voc.fee_free.search(lowered)))
    return bool(rewarded and (capped or opened or pitched or named or _starts(stems, lowered, voc.triggers)))


def gets_amount(lowered: str, language: str) -> bool:
    """Whether a lower-cased sentence has an amount right after a verb of getting in `language` (_gets_amount)."""
    voc = vocabularies().get(language)
    return voc is not None and _gets_amount(lowered, voc)


def _gets_amount(lowered: str, voc: Vocabulary, money: bool = False) -> bool:
    """A verb of getting with an amount at most one word (or an "up to") after it: "zyskaj 80 zł", "receive up to
    50 €", "erhalte sofort 50 €"; not a verb of paying ("betala 49 kr i månaden"); with `money`, a sum, not a rate."""
    for m in _WORD.finditer(lowered):
        if m.group(0) in voc.verbs and not m.group(0).startswith(voc.pays):
            rest = lowered[m.end():].lstrip()
            cap = voc.caps.match(rest) if voc.caps else None
            rest = rest[cap.end():].lstrip() if cap else rest
            found = AMOUNT.match(rest) or (gap := _WORD.match(rest)) and AMOUNT.match(rest[gap.end():].lstrip())
            if found and not (money and found.group(0).endswith("%")):
                return True
    return False


def _capped(words: list[str], lowered: str, amount: bool, voc: Vocabulary) -> bool:
    """A short line with an amount right after its advertised maximum ("up to 40 %", "bis zu 300 €", "do 300 zł";
    not the Polish "do" of "do jednego ze sklepów"): an offer's headline."""
    if not amount or len(words) > HEADLINE_WORDS or voc.caps is None:
        return False
    return any(AMOUNT.match(lowered, m.end() + len(lowered[m.end():]) - len(lowered[m.end():].lstrip()))
               for m in voc.caps.finditer(lowered))


def _holiday(sentence: str, lowered: str, language: str, voc: Vocabulary) -> bool:
    """A fee holiday: no fees for a number of days, weeks or months ("die ersten 3 Monate gebührenfrei"), not a
    deadline ("innerhalb von 14 Tagen kostenfrei stornieren")."""
    free = voc.fee_free is not None and voc.fee_free.search(lowered) is not None
    return free and not (voc.deadlines and voc.deadlines.search(lowered)) and names_a_period(sentence, language)
