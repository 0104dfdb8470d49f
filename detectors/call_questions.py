"""Rhetorical questions a site answers with its pitch, for detectors/promo.py: a short question that asks whether
the reader wants, or is ready, to act ("Vrei să cumperi criptomonede?", "Ready to start trading?", a conversion verb
after a word of wish or readiness: calls_to_action.yaml `wants`), answered by an exclamation ("Alege Abarai!",
"Ste na správnom mieste!") or by a short sentence to the reader ("Dann sind Sie hier genau richtig."), after one
more question at most. The question is then the site's call. Answered by a longer statement or a condition ("Ready to
start trading? Once your deposit has arrived, ..."), it explains; answered by a negated exclamation, it warns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from detectors.call_languages import candidate_languages
from detectors.cta_vocabulary import Vocabulary, as_written, tokens_of, vocabularies
from detectors.model import Document
from detectors.text import is_negated, is_quoted, negation_cues, snippet

MAX_WORDS = 16  # a longer question is an FAQ's entry, not a pitch's opening
WANT_REACH = 4  # tokens from a question's start within which it asks for the reader's wish ("do you want to")
ANSWER_SPAN = 400  # characters after a question read for its answer
ANSWER_SENTENCES = 2  # the answer is the next sentence, or the one after one more question
SHORT_ANSWER = 6  # words of a sentence to the reader that answers as a punchline ("Dann sind Sie hier genau richtig.")
_ENDS = ".!?\n"
_ANSWER = re.compile(r"[^.!?]*[.!?]+")


@dataclass(frozen=True)
class AnsweredQuestion:
    text: str  # the question, in lower case
    language: str
    snippet: str


def answered_questions(doc: Document) -> list[AnsweredQuestion]:
    """The page's rhetorical questions answered by the site's pitch, in order, one per distinct text."""
    text = doc.text
    if doc.kind != "html" or "?" not in text:
        return []
    languages = candidate_languages(doc)
    if languages and languages[0] != "en":  # English in another language's text is a loanword's, not a pitch
        languages = tuple(lang for lang in languages if lang != "en")
    found: dict[str, AnsweredQuestion] = {}
    end = text.find("?")
    while end >= 0:
        start = max(text.rfind(mark, 0, end) for mark in _ENDS) + 1
        question = text[start:end + 1].strip(" \t¿")
        language = _asking(question, languages)
        if language and question.lower() not in found and _answered(text, end + 1, vocabularies()[language]):
            at = text.index(question, start)
            if not is_quoted(text, at, at + len(question)) and not is_negated(text, at, language):
                found[question.lower()] = AnsweredQuestion(question.lower().rstrip("?"), language,
                                                           snippet(text, at, at + len(question)))
        end = text.find("?", end + 1)
    return list(found.values())


def _asking(question: str, languages: tuple[str, ...]) -> str:
    """The language in which `question` asks the reader's wish to act: a `wants` word among its first tokens, a
    conversion verb after it ("Vill du köpa bitcoin?", "Schon bereit, Krypto zu handeln?"); "" where none does."""
    tokens = tokens_of(question)
    if not 2 <= len(tokens) <= MAX_WORDS:
        return ""
    return next((lang for lang in languages if _wish_to_act(tokens, vocabularies()[lang])), "")


def _wish_to_act(tokens: list[str], voc: Vocabulary) -> bool:
    wish = next((i for i, token in enumerate(tokens[:WANT_REACH]) if token in voc.wants), -1)
    return wish >= 0 and any(voc.verb_at(tokens, i) for i in range(wish + 1, len(tokens)))


def _answered(text: str, at: int, voc: Vocabulary) -> bool:
    """Whether the question ending at `at` is answered by an exclamation or a short sentence to the reader, with no
    negation, in the next sentence or after one more question."""
    for n, m in enumerate(_ANSWER.finditer(text[at:at + ANSWER_SPAN])):
        sentence = m.group(0).strip()
        if n >= ANSWER_SENTENCES:
            return False
        if sentence.endswith("?"):
            continue
        tokens = as_written(sentence, tokens_of(sentence), voc)  # German "sie" is "they": no address
        short = len(tokens) <= SHORT_ANSWER and voc.has(tokens, voc.address, voc.address_phrases) > 0
        return (sentence.endswith("!") or short) and negation_cues(voc.language).isdisjoint(tokens)
    return False
