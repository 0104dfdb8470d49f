"""BONUS: a card's reward earned by spending is an incentive: a reward word, a verb of getting and a purchase made
with the card as the trigger ("you earn 1% cashback on all purchases", "members earn bonus sats when they use the
card to make a purchase"). The same card paying a fee, or a purchase with no reward, offers nothing."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import page_of


def bonuses(detect, lang: str, *paragraphs: str) -> set[str]:
    return {value for (_, _, value, _) in detect("bonus", page_of(lang, *paragraphs))}


@pytest.mark.parametrize(("lang", "sentence"), [
    ("pt", "Com o cartão Aurora você recebe cashback em bitcoin em todas as compras."),
    ("en", "All members of your circle earn bonus sats whenever someone uses the card to make a purchase."),
    ("es", "Con la tarjeta Aurora recibes cashback en cripto por cada euro gastado."),
    ("nl", "Je verdient cashback in bitcoin op alle aankopen met de kaart."),
], ids=["pt-todas-as-compras", "en-make-a-purchase", "es-con-la-tarjeta", "nl-alle-aankopen"])
def test_a_cards_reward_for_spending_is_an_incentive(detect, lang, sentence):
    assert bonuses(detect, lang, sentence) == {sentence.lower()}


@pytest.mark.parametrize(("lang", "sentence"), [
    ("pt", "Com o cartão Aurora você paga uma taxa de câmbio em todas as compras no exterior."),  # a fee
    ("en", "You receive the card by post and can make a purchase the same day."),  # no reward
], ids=["pt-a-fee-on-all-purchases", "en-a-purchase-without-reward"])
def test_near_miss_the_card_without_a_reward_offers_nothing(detect, lang, sentence):
    assert bonuses(detect, lang, sentence) == set()


# The card named with the reader's possessive or politely ("с Вашата карта", "med ditt kort", "κάρτα σας"), on the
# card, or paid by card (the instrumental "kartą"), and cashback in the language's own words ("επιστροφή μετρητών").
@pytest.mark.parametrize(("lang", "sentence"), [
    ("bg", "Получавате 1 % от стойността на плащанията с Вашата карта."),
    ("el", "Κερδίζετε επιστροφή μετρητών 1% όταν πληρώνετε με κάρτα στα καταστήματα."),
    ("en", "Members get 2% cashback on the card for groceries."),
    ("sv", "Du får 1 % cashback när du handlar med ditt kort."),
    ("pl", "Zyskujesz 1 % zwrotu gotówki za zakupy opłacone kartą."),
], ids=["bg-vashata-karta", "el-epistrofi-metriton", "en-on-the-card", "sv-med-ditt-kort", "pl-zwrot-gotowki"])
def test_a_reward_for_paying_with_your_card_is_an_incentive(detect, lang, sentence):
    assert bonuses(detect, lang, sentence) == {sentence.lower()}


@pytest.mark.parametrize(("lang", "sentence"), [
    ("bg", "Плащате такса от 1 % за теглене с Вашата карта в чужбина."),  # a fee paid with the card
    ("en", "You pay a 2% fee on the card for foreign purchases."),
    ("el", "Η επιστροφή μετρητών δεν ισχύει για πληρωμές με κάρτα σε καζίνο."),  # negated
    ("sv", "Du betalar 20 kr i månaden för att handla med ditt kort."),
], ids=["bg-a-fee", "en-a-fee", "el-negated", "sv-a-price"])
def test_near_miss_paying_with_your_card_without_a_reward_offers_nothing(detect, lang, sentence):
    assert bonuses(detect, lang, sentence) == set()
