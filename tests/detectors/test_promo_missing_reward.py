"""PROMO: a help answer whose title says the reader's reward did not arrive ("Referral bonus not received",
"Fehlende Prämie nach der Kontoeröffnung") restates the reward's conditions to a customer who complains: no offer,
so no PROMO from its text (detectors/missing_reward.py). The same conditions under a plain title are the site's
offer; a complaint's question deep in a list of questions does not make the page a complaint's answer."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import page_of

GERMAN = ("AT", "BE", "DE", "LI", "LU")
GERMAN_REWARD = "Du erhältst eine Prämie von 20 € nach der ersten Einzahlung deines eingeladenen Freundes."
ENGLISH_REWARD = "You receive €15 in bitcoin once the friend you invited completes a first purchase."
ENGLISH_OFFER = "you receive €15 in bitcoin once the friend"  # an offer is shown by its first words


def promo(detect, lang: str, *paragraphs: str) -> set[tuple[tuple[str, ...], str]]:
    return {(states, value) for (_, states, value, _) in detect("promo", page_of(lang, *paragraphs))}


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", ("Referral bonus not received", ENGLISH_REWARD, "Please check that your friend used your link.")),
    ("en", ("Why haven't I received my welcome reward?", ENGLISH_REWARD)),
    ("de", ("Fehlende Prämie nach der Einladung", GERMAN_REWARD, "Bitte prüfe, ob dein Freund deinen Link nutzte.")),
], ids=["en-not-received", "en-question", "de-missing"])
def test_a_help_answer_about_a_reward_that_did_not_arrive_offers_nothing(detect, lang, paragraphs):
    assert promo(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    # the same conditions under a plain title: the site's own referral offer
    ("de", ("Prämie für eingeladene Freunde", GERMAN_REWARD),
     {(GERMAN, "du erhältst eine prämie von 20 € nach")}),
    # "not received" about a transfer, not a reward: the reward set out below is still offered
    ("en", ("Deposit not received", ENGLISH_REWARD),
     {((), ENGLISH_OFFER)}),
    # "missing out" on a reward is a pitch's hook, no complaint
    ("en", ("Stop missing out on referral rewards", ENGLISH_REWARD),
     {((), ENGLISH_OFFER)}),
], ids=["de-plain-title", "en-deposit-missing", "en-missing-out"])
def test_near_miss_a_reward_under_another_title_is_still_offered(detect, lang, paragraphs, expected):
    assert promo(detect, lang, *paragraphs) == expected


def test_near_miss_a_complaint_deep_in_a_list_of_questions_leaves_the_offer(detect):
    questions = [f"Question {n}: how do I change my e-mail address?" for n in range(1, 9)]
    found = promo(detect, "en", "Referral programme", *questions, "Why haven't I received my bonus?", ENGLISH_REWARD)
    assert ((), ENGLISH_OFFER) in found


CROATIAN = ("HR",)
CROATIAN_REWARD = "Za svakog prijatelja koji otvori račun preko vaše poveznice dobit ćete nagradu od 20 €."


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("en", ("I can't see my referral reward in the app", ENGLISH_REWARD)),
    ("hr", ("Ne vidim svoju preporuku među nagradama", CROATIAN_REWARD)),
    ("de", ("Prämie für den Freund wird nicht angezeigt", GERMAN_REWARD)),
], ids=["en-cant-see", "hr-ne-vidim", "de-nicht-angezeigt"])
def test_a_help_answer_about_a_reward_the_customer_cannot_see_offers_nothing(detect, lang, paragraphs):
    assert promo(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    # what the customer cannot see is a card, not a reward: the reward set out below is still offered
    ("en", ("I can't see my card in the app", ENGLISH_REWARD), {((), ENGLISH_OFFER)}),
    ("hr", ("Česta pitanja o računu", CROATIAN_REWARD), {(CROATIAN, CROATIAN_REWARD.lower())}),
], ids=["en-cant-see-a-card", "hr-plain-title"])
def test_near_miss_a_reward_under_a_title_that_misses_no_reward_is_still_offered(detect, lang, paragraphs, expected):
    assert promo(detect, lang, *paragraphs) == expected
