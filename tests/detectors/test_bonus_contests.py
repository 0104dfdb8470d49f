"""BONUS: a prize draw, giveaway or trading contest the site runs is an incentive (data/lexicons/bonus.yaml): its
terms spread the prize and the entry over many sentences ("Gewinnspiel ... Teilnahmeberechtigt sind ...",
"Pravidla soutěže o ..."), so no one sentence holds a reward, a verb of getting and a trigger. The word in a
general sense is not: competition law ("hospodářská soutěž"), contests in the plural in a lawyer's guide, news of
another firm's giveaway."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import page_of


def bonuses(detect, lang: str, *paragraphs: str) -> set[tuple[tuple[str, ...], str]]:
    return {(states, value) for (_, states, value, _) in detect("bonus", page_of(lang, *paragraphs))}


@pytest.mark.parametrize(("lang", "paragraphs", "value", "states"), [
    ("de", ["Teilnahmebedingungen zum Gewinnspiel", "Teilnahmeberechtigt sind alle verifizierten Kunden der Beispiel "
            "GmbH. Unter allen Teilnehmern werden zehn Preise ausgelost."],
     "gewinnspiel", ("AT", "BE", "DE", "LI", "LU")),
    ("cs", ["Pravidla soutěže o ceny", "Pořadatelem je Příklad s.r.o. Výherci budou vyhlášeni do 31. prosince."],
     "soutěže o", ("CZ",)),
    ("hr", ["Pravila nagradne igre", "Priređivač je Primjer d.o.o. Dobitnici će biti objavljeni na stranici."],
     "nagradne igre", ("HR",)),
    ("en", ["Giveaway terms", "The organiser will select 100 winners among eligible users on 1 March."],
     "giveaway", ()),
    ("pl", ["Regulamin konkursu z nagrodami", "Organizatorem jest Przykład sp. z o.o. Zwycięzców ogłosimy 31 grudnia."],
     "regulamin konkursu", ("PL",)),
], ids=["de-gewinnspiel", "cs-soutez-o", "hr-nagradna-igra", "en-giveaway", "pl-regulamin-konkursu"])
def test_the_sites_own_contest_is_an_incentive(detect, lang, paragraphs, value, states):
    assert (states, value) in bonuses(detect, lang, *paragraphs)


@pytest.mark.parametrize(("lang", "paragraphs"), [
    # competition law: "soutěž" alone is competition, not a contest
    ("cs", ["Úřad pro ochranu hospodářské soutěže uložil pokutu.", "Pokuta se týká dohody o cenách."]),
    # contests in general, in the plural, in a lawyer's guide
    ("pl", ["Wszelkiego rodzaju konkursy przyciągają uczestników.", "W przypadku konkursów zwycięzca nie jest "
            "wybierany losowo."]),
    # a market's competition
    ("en", ["Competition between exchanges keeps trading fees low."]),
    # news of another firm's prize draw
    ("de", ["Die Kryptobörse Binance hat am Montag ein Gewinnspiel gestartet, teilte das Unternehmen in Malta mit.",
            "Laut einem Sprecher sollen zehn Preise verlost werden."]),
    # a ski-jumping competition
    ("pl", ["Po srebrnym medalu podczas konkursu duetów na skoczni zawodnicy otrzymają nagrody."]),
], ids=["cs-competition-law", "pl-contests-in-general", "en-market-competition", "de-news-of-another-firm",
        "pl-sports-konkurs"])
def test_near_miss_the_word_in_a_general_sense_is_no_contest(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs", "value", "states"), [
    ("it", ["Regole del torneo di trading di primavera", "Le squadre si divideranno 20.000 USDT in base al volume "
            "scambiato tra il 1 e il 15 aprile."], "torneo di trading", ("IT",)),
    ("pt", ["Campeonato de trading: inscreva a sua equipa até sexta-feira.", "Os dez melhores recebem uma parte "
            "dos 5.000 USDT."], "campeonato de trading", ("PT",)),
    ("pl", ["Zasady: turniej tradingowy trwa dwa tygodnie.", "Nagrody otrzyma dziesięciu najlepszych uczestników."],
     "turniej tradingowy", ("PL",)),
], ids=["it-torneo", "pt-campeonato", "pl-turniej"])
def test_a_trading_competition_is_named_in_every_language(detect, lang, paragraphs, value, states):
    """A trading competition or tournament is the site's contest by name, as "trading contest" is in English."""
    assert (states, value) in bonuses(detect, lang, *paragraphs)


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("it", ["La competizione tra le piattaforme di trading abbassa le commissioni."]),
    ("pt", ["O torneio de ténis reuniu os melhores jogadores do país."]),
], ids=["it-competition-between-platforms", "pt-tennis-tournament"])
def test_near_miss_competition_without_trading_is_no_contest(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs", "value", "states"), [
    ("es", ["Bono de trading para nuevos usuarios", "Completa la verificación y recibirás 20 USDT para operar."],
     "bono de trading", ("ES",)),
    ("pl", ["Odbierz bonus tradingowy", "Po pierwszej wpłacie na konto otrzymasz 50 USDT na kontrakty."],
     "bonus tradingowy", ("PL",)),
    ("pt", ["Bônus de futuros de 10 USDT para a sua primeira posição."], "bônus de futuros", ("PT",)),
], ids=["es-bono-de-trading", "pl-bonus-tradingowy", "pt-bonus-de-futuros"])
def test_a_trading_bonus_is_named_in_every_language(detect, lang, paragraphs, value, states):
    """A trading or futures bonus is an exchange's credit for trading, given for a task (sign-up, deposit)."""
    assert (states, value) in bonuses(detect, lang, *paragraphs)


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("es", ["Guía de trading de bonos del Estado: cómo operar con deuda pública."]),
    ("pl", ["Trading na kontraktach terminowych wymaga doświadczenia."]),
], ids=["es-bond-trading", "pl-futures-trading"])
def test_near_miss_bond_or_futures_trading_is_no_bonus(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs", "prize"), [
    ("cs", ["Pořadatel soutěže: Příklad s.r.o.", "Doba trvání soutěže: květen 2024.",
            "Výhry: tři stříbrné mince pro tři nejlepší tipy."], "výhry"),
    ("hu", ["A nyereményjáték szervezője a Példa Kft.", "Játékszabályzat: a játék májusban tart.",
            "A nyeremény három ezüstérme a legjobb tippekért."], "nyeremény"),
], ids=["cs-vyhry", "hu-nyeremeny"])
def test_the_prizes_a_contests_rules_name_are_its_reward(detect, lang, paragraphs, prize):
    """The rules of the site's own contest name its prizes in a sentence of their own ("Výhry: ...", "A nyeremény
    ..."): taking part is the trigger. The same prize word in a sports report is no incentive."""
    assert any(prize in value for _, value in bonuses(detect, lang, *paragraphs))


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("cs", ["Domácí tým slaví výhru 3:1 nad soupeřem z Brna."]),
    ("hu", ["A csapat nyereménye a bajnokság után került a klub múzeumába."]),
], ids=["cs-match-won", "hu-trophy-news"])
def test_near_miss_a_prize_word_outside_a_contests_rules(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs", "value", "states"), [
    ("en", ["Summer trading cup: how it works", "Each 100 EUR you trade adds one entry to your score.",
            "Total prize pool: 3,000 USDT shared by the ten best scores."], "prize pool", ()),
    ("de", ["Handeln Sie ETH im Aktionszeitraum und sammeln Sie Punkte.",
            "Der Aktionspool von 20.000 USDT wird nach Punkten aufgeteilt."],
     "aktionspool", ("AT", "BE", "DE", "LI", "LU")),
    ("pl", ["Handluj parą BTC/USDT przez cały tydzień.",
            "Najaktywniejsi uczestnicy podzielą się pulą nagród 5 000 USDT."],
     "pulą nagród", ("PL",)),
    ("en", ["Spring raffle", "Every verified user gets one ticket per trade; five winners are drawn on 30 April."],
     "raffle", ()),
], ids=["en-prize-pool", "de-aktionspool", "pl-pula-nagrod", "en-raffle"])
def test_a_contests_prize_pool_is_an_incentive(detect, lang, paragraphs, value, states):
    """The prize pool a trading contest shares out by volume or score names the contest's reward as its prize draw's
    name does: the entry (trading) and the share are told in other sentences."""
    assert (states, value) in bonuses(detect, lang, *paragraphs)


@pytest.mark.parametrize(("lang", "paragraphs"), [
    # news of another firm's contest: reported, not offered
    ("de", ["Die Kryptobörse Beispiel hat am Dienstag einen Preispool von einer Million Euro angekündigt, teilte das "
            "Unternehmen in Zypern mit.", "Ein Sprecher sagte, der Wettbewerb laufe bis Juni."]),
    # a pool of another kind: liquidity, not prizes
    ("en", ["Liquidity providers deposit two tokens into the pool and the pool sets the price."]),
], ids=["de-news-of-another-firms-pool", "en-liquidity-pool"])
def test_near_miss_a_pool_that_is_not_the_sites_prize(detect, lang, paragraphs):
    assert bonuses(detect, lang, *paragraphs) == set()
