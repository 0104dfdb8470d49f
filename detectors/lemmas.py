"""Inflected forms of the verbs the call-to-action and incentive lexicons list, per language.

"Registriere dich", "Załóż konto", "Liity nyt" are matched by a set lookup in a table generated from simplemma's
dictionaries (scripts/word_forms.py -> data/lexicons/word_forms.yaml): the lexicons list a verb once, every form
counts, and no dictionary is loaded at run time (simplemma takes about 1 s and tens of MB per language).
"""

from __future__ import annotations

from functools import cache

from detectors.data_files import language_key, load

WORD_FORMS = "lexicons/word_forms.yaml"


@cache
def _table() -> dict[str, dict[str, frozenset[str]]]:
    data = load(WORD_FORMS, "word-forms")
    return {language_key(lang): {lemma: frozenset(forms.split()) for lemma, forms in lemmas.items()}
            for lang, lemmas in data["languages"].items()}


def forms_of(words: set[str] | frozenset[str], language: str) -> frozenset[str]:
    """`words` and every form of the lemmas among them or the lemmas they are forms of, in `language`."""
    table = _table().get(language, {})
    found = set(words)
    for lemma, forms in table.items():
        if lemma in words or forms & words:
            found |= forms | {lemma}
    return frozenset(found)

