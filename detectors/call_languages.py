"""The languages a page's calls to action are read in, for detectors/calls_to_action.py (and the detectors that
read a page's languages alike: BONUS, CURRENCY, PAYMENT)."""

from __future__ import annotations

from detectors.cta_vocabulary import vocabularies
from detectors.language_groups import groups
from detectors.model import Document
from detectors.phrases import own_language


def candidate_languages(doc: Document) -> tuple[str, ...]:
    """The page's language (declared, else identified from its text) and English, as far as we have their words."""
    own = own_language(doc)
    # Near-identical languages (Danish / Norwegian, Czech / Slovak) are told apart unreliably: try the neighbour's
    # words after the page's own, so a Norwegian call on a page taken for Danish still counts (as Norwegian).
    # A page in a non-EU member of a group (Bosnian) borrows nothing here: its calls are not Croatian ones (PROMO
    # reads them with Croatian words as Bosnian ones: borrowed_vocabulary).
    group = groups()[own].members if own in groups() and own in vocabularies() else ()
    return tuple(dict.fromkeys(lang for lang in (own, *group, "en") if lang in vocabularies()))


def borrowed_vocabulary(doc: Document) -> tuple[str, str]:
    """(neighbour, own) for a page in a language outside the Union that belongs to a group with one inside it
    (Serbian and Bosnian beside Croatian): its calls are read with the neighbour's words ("Otvorite račun",
    "Pozovite prijatelje" are both) and are its own language's, which points at no member state; ("", "")
    elsewhere."""
    own = own_language(doc)
    if own in vocabularies() or own not in groups():
        return "", ""
    neighbour = next((lang for lang in groups()[own].members if lang in vocabularies()), "")
    return (neighbour, own) if neighbour else ("", "")
