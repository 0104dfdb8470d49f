"""BONUS by structure: a reward or an amount + a verb of getting + a trigger, judged sentence by sentence."""

from __future__ import annotations

import pytest

from detectors.incentives import Incentive, explains, offers
from detectors.text import without_questions


def incentives(text: str, languages: tuple[str, ...]) -> list[Incentive]:
    """The offering sentences as BONUS reads them: none on a page that explains incentives."""
    found, hedged = offers(text, languages)
    return [] if explains(found, hedged) else list(found)


OFFERS = [
    ("en", "Invite a friend and you both get 15 € in bitcoin."),
    # Getting told in the passive: the reader "is rewarded" when the friend signs up.
    ("en", "When your friends sign up via your link and start trading, you are rewarded for those orders."),
    # Opening an account in the familiar imperative, whatever account it names ("Študentský účet").
    ("sk", "Otvor si Študentský účet a získaj 30 EUR"),
    ("sv", "Skapa ett konto och få 200 kr i bitcoin."),
    # The imperfective "you get" and a gift in the locative ("w prezencie", not "prezent").
    ("pl", "Teraz rejestrując konto dostajesz od nas w prezencie ETF o wartości do 500 zł!"),
    ("en", "You receive a percentage of every trade the referee makes for 365 days."),
    # Latvian "no" is "from": no negation ("from 10 € to 150 €"); "no-deposit" is a kind of bonus, not a "no"
    ("en", "Sign up and get a no-deposit bonus of 30 USD."),
    ("lv", "Iesakiet draugu un saņemiet no 10 € līdz 150 €."),
    ("en", "Earn 20 % of the fees of the clients you refer."),
    ("it", "Apri un conto online e ricevi un bonus di benvenuto di 50 euro."),  # the near miss of "molte banche"
    # A commission without a verb still rewards where a referral earns it (the near miss, a fee: NOT_OFFERS)
    ("de", "30 % Provision für jeden geworbenen Freund"),
    ("en", "Affiliates: commissions of up to 40% on every client."),  # or advertised with its cap
    # A threshold before one amount and a reward amount beside it: the reward stands
    ("de", "Nach einer ersten Einzahlung von mindestens 100 EUR werden dir 25 EUR gutgeschrieben."),
    ("de", "Für jede Empfehlung erhalten Sie und Ihr Freund 10 € Guthaben."),
    ("da", "Som ny kunde får du en velkomstgave på 100 kroner."),
    ("pl", "Zaproś znajomego, a oboje otrzymacie 50 zł na start."),
    ("fr", "Le parrain et le filleul reçoivent chacun 25 euros dès l'inscription."),
    ("it", "I nuovi utenti possono ottenere ricompense fino a 500 USD nel pacchetto di benvenuto."),
    ("en", "Our aim is to award prizes to referred users who register through the referral link."),
    # A promotional code is the trigger; an accented imperative is a sign-up.
    ("it", "Usa il codice PROMO50 per ottenere 50 € di bonus."),
    ("hu", "50 000 Ft jóváírást kapsz, ha új ügyfélként nyitod meg a számlát."),  # a new client is the trigger
    ("pl", "Odbierz do 300 zł bonusu za aktywne korzystanie z konta."),  # opened by the getting verb: a call
    # Opened by the getting verb with the amount right after it: the call needs no reward word.
    ("en", "Get €10 when you set up your first standing order."),
    ("de", "Erhalte 5 € für jede Lastschrift, die du bei uns einrichtest."),
    ("bg", "Вземете 20 лв. за всяка сметка за ток, платена в приложението."),
    ("da", "Du får 10 % rabat på din første ordre, når du tilmelder dig vores nyhedsbrev."),  # a discount
    ("es", "Usa el código HOLA20 y recibe 20 € de regalo."),
    ("es", "Regístrate y recibe 20 € de regalo."),
    ("sv", "Nya kunder får 100 kr i kredit när de registrerar sig."),  # credit got: a reward
    # Rewarded in the passive, or eligible for the reward: getting it.
    ("bg", "Поканете приятел и двамата ще бъдете възнаградени с безплатна акция."),
    ("pt", "Quando o seu amigo fizer o primeiro depósito, ambos ficam elegíveis para um prémio."),
    ("fr", "Les filleuls inscrits ce mois-ci sont éligibles à une prime de parrainage."),
    ("pl", "Za każdego zaproszonego znajomego zostaniesz nagrodzony darmowym kuponem."),
    # Tasks done in a rewards centre are the trigger.
    ("es", "Completa tareas sencillas en la app y gana recompensas en USDT."),
    ("bg", "Изпълнявайте задачи в приложението и печелите награди всяка седмица."),
    ("pt", "Conclua tarefas diárias e ganhe prémios em cripto."),
    ("en", "A cash bonus of $25 is available to new clients who open an account."),  # offered as available
    # A free share for the invited person; a reward awarded to the recommender.
    ("pl", "Zarówno Ty, jak i zaproszona osoba otrzymacie bezpłatną akcję!"),
    ("pl", "Nagroda za polecenie to bonus pieniężny przyznawany Rekomendującemu po spełnieniu warunków."),
    # A trigger after an elided article; a code in the familiar form; a trigger in another case.
    ("fr", "Recevez 20 € offerts à l'inscription."),
    ("it", "Ricevi 20 € di bonus all’iscrizione."),
    ("pt", "Usa o código OLA10 e ganha 10 € grátis."),
    ("pl", "Otrzymasz 100 zł bonusu po pierwszej wpłacie."),
    ("ro", "Primești un bonus de 100 de lei după primul depozit."),
    # The site gives, adds or doubles ("te regalamos", "dorzucimy", "bjuder vi på"); verifying is a trigger.
    ("es", "Con tu primer depósito de 100 € o más, te regalamos 25 € adicionales."),
    ("pl", "Przy pierwszej wpłacie od 400 zł dorzucimy Ci 100 zł ekstra."),
    ("sv", "Verifiera ditt konto så bjuder vi på ether för 100 kr."),
    ("cs", "K prvnímu vkladu od 1 000 Kč vám připíšeme dalších 500 Kč."),
    ("fi", "Talleta vähintään 100 €, niin tuplaamme ensimmäisen talletuksesi."),
    # Opening an account, being a new customer, the first month of trading trigger a premium.
    ("it", "Apri un conto entro il 30 giugno e ottieni un premio di 50 €."),
    ("sv", "Öppna ett konto före den 30 juni och få en premie på 500 kr."),
    ("pl", "Otwórz rachunek do 30 czerwca i odbierz premię 200 zł."),
    ("es", "Abra su cuenta antes del 30 de junio y reciba una prima de 50 €."),
    # The site credits, doubles or adds ("doublons", "dopiszemy"); finishing the identity check triggers it.
    ("fr", "Nous doublons votre premier dépôt jusqu'à 150 €."),
    ("pl", "Przy rejestracji dopiszemy Ci 30 zł do salda."),
    ("cs", "Dokonči ověření identity a získej 50 Kč zdarma."),
    # A first investment, savings plan or order triggers as a first deposit does.
    ("en", "Start your first savings plan and receive up to €35 in Bitcoin!"),
    ("fr", "Réalisez votre premier investissement et recevez 20 € en bitcoin."),
    ("nl", "Doe je eerste belegging en ontvang 10 euro bonus."),
    # ... and a first purchase or trade, in every language ("első alkalommal", "første køb", "pierwszy zakup")
    ("hu", "Ha első alkalommal vásárolsz legalább 50 euró értékben, 5 eurót kapsz."),
    ("da", "Gennemfør dit første køb af bitcoin og få 50 kr. i bonus."),
    ("pl", "Za pierwszy zakup kryptowalut otrzymasz 20 zł na konto."),
    ("de", "Nach deinem ersten Kauf erhältst du 20 € in Bitcoin."),
    # A fee holiday: no fees for a number of days, weeks or months (CLDR's words, in any case).
    ("en", "New clients trade without fees for the first 30 days."),
    ("de", "Die Kontoführung ist die ersten 6 Monate gebührenfrei."),
    ("lv", "Ja piesakies jaunai kartei, bez maksas to vari lietot pirmos 3 mēnešus."),
    ("sv", "Som ny kund handlar du utan courtage de första 30 dagarna."),
    ("fi", "Ensimmäiset 3 kuukautta ilman kuluja, sitten 2 € kuukaudessa."),  # "sitten" is "then" here, not "ago"
    ("et", "Kaardi väljastamisel on esimesed 6 kuud hooldustasuta."),  # a compound of the fee's name and "free"
    # An account-opening promotion's headline: opening, a credit, an amount
    ("hu", "Számlanyitási akció 40 000 Ft jóváírás a bankszámlán"),
    # Telling one's acquaintances, and taking part, as triggers
    ("cs", "Řekněte o tom svým známým a získejte společně odměnu až 30 % z poplatků."),
    ("en", "Every participant is eligible to earn a one-time €50 bonus for updating the banners."),
    # An airdrop is a reward: free tokens for signing up
    ("de", "Die ersten 10.000 Teilnehmer, die sich über den Link registrieren, erhalten einen Airdrop von 5 EUR."),
    ("en", "Claim your airdrop of 50 USDT after you sign up."),
    # Crediting as the verb of getting, in the passive ("bus įskaityti", "θα πιστωθεί")
    ("lt", "Už kiekvieną pakviestą draugą jums bus įskaityti 5 eurai į partnerio sąskaitą."),
    ("el", "Η ανταμοιβή σας θα πιστωθεί μόλις ο φίλος σας ολοκληρώσει την πρώτη του αγορά."),
    # Opening an account and an amount received right after the verb of getting, with no reward word
    ("pl", "Otwórz konto dla dziecka i zyskaj 80 zł kieszonkowego."),
    ("en", "Open an account and get 50 € in bitcoin."),
    ("ro", "Deschide un cont și primești 100 lei în contul tău."),
    # A promotion's rule without a verb of getting, however long: its reward, an amount and its trigger
    ("en", "The bonus amount for the first deposit is 20% for deposits from 50 USD in the account currency."),
    ("de", "Die Höhe der Prämie für die erste Einzahlung beträgt 10 % bei Einzahlungen ab 100 Euro auf das Konto."),
    # A bonus named with its amount needs no verb and no trigger: a widget's line, a campaign's rule
    ("de", "Ab 1 € Sparplan 200+ Coins 10 € Bonus"),
    ("en", "A cash bonus of $25 is available for the client where the net funding amount reaches the threshold."),
    ("en", "The colleague scheme gives account holders NOK 250 for each referred client."),  # the giver's verb
    ("it", "Con 4 ordini nel mese viene garantito il bonus di 3,95€."),
    ("en", "The 2026 product offers a 5 USDT welcome bonus, plus the deepest liquidity in the region."),
    ("pl", "Bonus 80 zł do wykorzystania do końca roku"),
    # Greek moves its accent as a word inflects ("εγγραφή", "εγγράφονται"): stems are read without accents
    ("el", "Οι υποψήφιοι πελάτες που εγγράφονται για πρώτη φορά λαμβάνουν 20 ευρώ στον λογαριασμό τους."),
    # Paying with the card is the trigger of a card's cashback: beside a reward word, or an amount right after the
    # verb of getting
    ("en", "With every purchase made using your card, you earn crypto rewards of up to 2 %."),
    ("lt", "Pirmieji klientai, kurie susies kortelę ir per ją atsiskaitys 3 kartus, galės susigrąžinti 5 Eur."),
    ("de", "Mit jeder Kartenzahlung erhalten Sie 1 % Cashback auf Ihr Konto."),
    # every form of inviting ("inviti", "invitato"), the imperfective "earn" (Czech "získávat")
    ("it", "Puoi guadagnare ricompense per un massimo di 5 inviti per ciascuna campagna."),
    ("cs", "Program dává uživatelům možnost doporučit služby přátelům a získávat finanční odměny."),
]


@pytest.mark.parametrize(("language", "sentence"), OFFERS, ids=[s for _, s in OFFERS])
def test_incentive_by_structure(language, sentence):
    assert [i.language for i in incentives(sentence, (language, "en"))] == [language]


NOT_OFFERS = [
    ("en", "New users might get 10 EUR in bitcoin when they sign up, depending on the platform."),  # a possibility
    ("de", "Neue Nutzer könnten je nach Plattform 10 € bei der Anmeldung erhalten."),
    ("en", "The users who traded the most were rewarded by the exchange last year."),  # no trigger for the reader
    ("de", "Im Sommerschlussverkauf gibt es 20 % Rabatt auf alle Schuhe im Laden."),  # a sale: no trigger
    ("en", "Simply put, you refer people to the exchange and if they trade you get a commission."),  # explains
    ("pl", "Odbierz do 300 zł przelewu za darmo z konta."),  # opened by the getting verb, but no reward word
    # The amount not right after an opening getting verb: a price, or the customers' report
    ("en", "Get the card for €5 a month."),
    ("de", "Erhalten Sie Ihre Karte für 2 € im Monat."),
    ("en", "Our customers get up to €40 back on their bills."),
    # not opened by the getting verb, and no headline: a report
    ("pl", "W zeszłym roku klienci tego banku odbierali bonusy do 300 zł za aktywne korzystanie z konta osobistego."),
    ("en", "If your bonus was not paid after you signed up, contact support."),
    ("en", "Crypto trading is available to all clients who open an account."),  # available, but no reward
    ("sk", "Otvor si účet a zaplať 3 EUR mesačne."),  # the reader pays: a price, not a reward
    ("de", "Wer sich registriert, erhält keinen Bonus."),
    ("en", "Bitcoin lost 300 euros in a week."),
    ("en", "Invite your friends to read this article."),
    ("en", "There is no deposit bonus for new users who sign up."),  # "no" alone still negates
    # "refer" begins "reference" and "referencia": a payment reference is no referral
    ("en", "Add the reference code to your deposit, so it can be correctly credited to your account."),
    ("es", "Indica la referencia de tu depósito para que se acredite en tu cuenta."),
    # What platforms in general do: a guide's explanation, not an offer.
    ("en", "Many platforms offer new users a welcome bonus of 20 USDT when they sign up."),
    ("es", "Muchas plataformas regalan 10 € a los nuevos usuarios al registrarse."),
    # A verification code is no promotional one.
    ("en", "After you have entered the code on our website you will receive instructions to transfer € 0.01."),
    # An analyst's recommendation is no referral.
    ("pl", "Spółka otrzymała rekomendację kupuj z ceną docelową 120 zł."),
    # A definition explains what a reward is (near miss: OFFERS' "Le parrain et le filleul reçoivent ...").
    ("fr", "L'affiliation pourrait se définir comme une rémunération qu'une personne gagne pour avoir inscrit "
           "un client chez un partenaire."),
    ("en", "A referral bonus is defined as a reward that users earn when a friend signs up."),
    # Near misses of the elided trigger and the deposit: no reward
    ("fr", "Recevez un e-mail de confirmation après l'inscription."),
    ("ro", "Primești o confirmare după primul depozit."),
    # Near misses of giving: what platforms in general do; consent given, no reward
    ("ro", "Multe platforme oferă bonusuri pentru a atrage clienți noi."),
    ("fi", "Osallistumalla tarjoukseen annat suostumuksen bonusehtoihin."),
    # Near misses of opening an account: a fee, no reward
    ("sv", "Öppna ett konto och betala 49 kr i månaden för förvaringen."),
    ("it", "Apri un conto e paga 2 € al mese di canone."),
    # Near misses of crediting and doubling: a fee added, security doubled
    ("pl", "Za przelew ekspresowy dopiszemy Ci opłatę 5 zł."),
    ("fr", "Nous doublons la sécurité de votre compte avec la double authentification."),
    # Near misses of a first investment: a price, not a reward
    ("en", "Start your first savings plan and pay only €1 per execution."),
    ("fr", "Votre premier investissement doit être d'au moins 20 €."),
    # Near misses of a fee holiday: a deadline, a transfer's time, no period at all
    ("de", "Innerhalb von 14 Tagen können Sie kostenfrei stornieren."),
    ("en", "SEPA deposits are free of charge and arrive in 1-2 days."),
    ("lv", "Konta atvēršana ir bez maksas."),
    # What some providers do: a comparison site's description, not its offer
    ("de", "Bei einigen Anbietern erhalten sowohl der Werbende als auch der Geworbene eine Prämie."),
    # An example announced in another case of the word ("przykładu", "esimerkin")
    ("pl", "Zacznijmy od przykładu: jeśli zaprosisz znajomego, otrzymasz 50 zł premii."),
    ("hu", "Számlanyitási díj 2 000 Ft"),  # the account-opening fee: no reward
    # Near miss of acquaintances: "known" as an adjective
    ("cs", "Známá burza získala odměnu 30 % za inovace."),
    # Near miss of an airdrop: a market story's, no getting verb, no trigger
    ("en", "The airdrop was worth 200 million dollars to the early users of the protocol, analysts said."),
    # Near misses of opening and getting: what is got is a card, the amount its price
    ("de", "Eröffnen Sie ein Konto und erhalten Sie Ihre Karte für 2 € im Monat."),
    ("pl", "Otwórz konto i otrzymaj kartę za 5 zł miesięcznie."),
    # Near miss of a verbless rule: reward and amount, but nothing that triggers it
    ("en", "The bonus amount shown in the account balance section is 20% of the amount held in the account."),
    # Near misses of an amount credited: the reader's own deposit, every amount a threshold it must pass
    ("de", "Der angegebene Betrag wird dir gutgeschrieben, solange er über 25 EUR ist und im Einzahlungslimit liegt."),
    ("en", "You receive your first deposit in your account once it is at least €10."),
    ("sv", "Vid ditt första köp betalar du en avgift på 1 %."),  # a first purchase, and the reader pays
    ("de", "Der Verein kassiert in der ersten Saison 250.000 Euro."),  # a first season triggers nothing
    ("da", "Procentsatsen er fra 37 % og op til 53 % af din indkomst"),  # a capped tax rate, no headline
    ("de", "Einzahlungen ab 0,005 BTC: kostenlos nach der Registrierung."),
    # Czech negates with a prefix: "nemůžeme" (we cannot) pays no reward
    ("cs", "Nemůžeme vyplácet odměny za doporučení zákaznickým účtům, které jsou zmrazeny."),
    # A commission or a percentage without a verb of getting is a fee, not a reward
    ("es", "Los depósitos por transferencia tienen una comisión de 1.5% por transacción."),
    ("de", "Einzahlung per Karte: Provision 2 % pro Vorgang."),
    # A bonus apart from the amount, a bond ("bonos") and a premium ("Versicherungsprämie") are no bonus beside its
    # amount; a bonus reported as last year's is no offer
    ("en", "The bonus is paid monthly; trading fees are 5 € per trade."),
    ("es", "El banco compró bonos de 1.000 euros del Tesoro."),
    ("de", "Die Versicherungsprämie von 50 € wird jährlich fällig."),
    ("en", "Last year the exchange gave a bonus of $50 to its first users."),
    ("el", "Οι πελάτες εγγράφονται για να δουν τις τιμές σε ευρώ."),  # a sign-up, but no reward
    # banks in general, as exchanges and platforms in general: a guide's explanation, no offer
    ("it", "Molte banche regalano un bonus di benvenuto di 50 euro a chi apre un conto online."),
    ("de", "Viele Banken schenken Neukunden 100 € Startguthaben für die Kontoeröffnung."),
    # cards got free as a plan's feature: a card is no trigger by itself
    ("lt", "Kaip Premium klientas, pirmąsias dvi korteles gaunate nemokamai."),
    # a payment by card told as a story: an amount received (a text message) and an amount paid, no reward
    ("ro", "Am primit un SMS de la bancă despre cum tocmai am plătit cu cardul 860 de lei la Londra."),
    # A fee table's row: "credit" of a credit card is no reward without a verb of getting (the near miss, a credit
    # got for signing up, is in OFFERS)
    ("en", "Credit card purchase 3.9%"),
    ("sv", "Kortköp med kreditkort 2,5 %"),
    ("no", "Kortkjøp med kredittkort 2 %"),
    # Not eligible, or rewarded with no reward for the reader and no trigger
    ("pt", "Os clientes com conta suspensa não são elegíveis para o prémio de convite."),
    ("es", "Los usuarios con cuentas bloqueadas no son elegibles para el bono de registro."),
    ("fr", "Ce projet a été récompensé par un jury l'an dernier."),
    # Tasks without a reward (a job's, a team's), or what platforms in general reward
    ("de", "Ihre Aufgaben: Sie betreuen Kunden und erhalten ein Gehalt nach Tarif."),
    ("en", "Our support team handles tasks such as account recovery."),
    ("es", "Muchas plataformas regalan recompensas por completar tareas."),
]


@pytest.mark.parametrize(("language", "sentence"), NOT_OFFERS, ids=[s for _, s in NOT_OFFERS])
def test_not_an_incentive(language, sentence):
    assert incentives(sentence, (language, "en")) == []


def test_a_negated_sentence_does_not_hide_an_offer_elsewhere():
    text = "If your reward was not paid, contact us.\nSign up today and get 10 € in bitcoin as a welcome gift."
    assert [i.text for i in incentives(text, ("en",))] == ["Sign up today and get 10 € in bitcoin as a welcome gift."]


def test_questions_are_blanked_with_offsets_kept():
    text = "Was bringt ein Willkommensbonus? Jetzt sichern."
    blanked = without_questions(text)
    assert len(blanked) == len(text) and "Willkommensbonus" not in blanked and blanked.endswith("Jetzt sichern.")


# Amounts as an offer names them: CURRENCY's symbols, codes and inflected words (currency.yaml), percentages, and
# crypto tickers as written; not a number before a word that only looks like a ticker.
# An English refer-a-friend rule writes the code first: "You receive NOK 250 for each referred customer".
@pytest.mark.parametrize(("text", "amount"), [("saat 100 euron edestä", True), ("10 eurot boonust", True),
                                              ("200 złotych", True), ("55 kr", True), ("€5", True), ("25%", True),
                                              ("500 USDT", True), ("0,01 btc", True), ("Schritt 2 link", False),
                                              ("Top 10 Börsen", False), ("1 dot", False),
                                              # a code before its number, in capitals as a symbol stands
                                              ("NOK 250", True), ("EUR 25", True), ("CZK\u00a0500", True),
                                              ("eur 25", False), ("ISO 9001", False), ("SEKTOR 5", False)])
def test_amounts_in_every_currency_form(text, amount):
    from detectors.incentives import AMOUNT

    assert bool(AMOUNT.search(text)) is amount


# A short verbless line that caps its reward's amount is an offer's headline: the cap stands for the trigger.
CAPPED = [
    ("fi", "150% Bonus jopa 600€ asti"),
    ("de", "Bis zu 300 € Prämie für dein neues Depot"),
    ("es", "Hasta 4000 USD de bonificación"),
    ("en", "Welcome cashback up to 5 %"),
    ("fr", "Jusqu'à 160 € offerts"),  # a participle of the getting verb is no sentence's verb
    ("pl", "Bonus do 80 zł na start"),
]


@pytest.mark.parametrize(("language", "headline"), CAPPED, ids=[s for _, s in CAPPED])
def test_a_capped_reward_in_a_headline_is_an_offer(language, headline):
    assert [i.language for i in incentives(headline, (language, "en"))] == [language]


@pytest.mark.parametrize(("language", "line"), [
    ("en", "Trading fees up to 0.5 %"),  # a cap without a reward
    ("de", "Bis zu 300 € Prämie zahlen manche Broker ihren Neukunden, und oft gelten strenge Bedingungen dafür."),
    ("en", "Earn up to 5 % a year on your staked coins"),  # a verb: the yield of a product, no trigger
    ("fr", "Jusqu'à 160 € de frais par an"),  # a cap and an amount, but no reward
    ("pl", "Nagroda 80 zł do wykorzystania do końca roku"),  # Polish "do" before no amount is "to", not "up to"
])
def test_a_cap_without_a_reward_headline_is_no_offer(language, line):
    assert incentives(line, (language, "en")) == []


def test_an_exclamation_after_a_question_mark_is_no_question():
    text = "Odporučte ďalšie domácnosti a získajte za každé odporučenie 4€?! Podmienky platia."
    assert without_questions(text) == text
    assert [i.language for i in incentives(text, ("sk",))] == ["sk"]
    assert without_questions("Was bringt ein Bonus? Mehr.").startswith(" " * len("Was bringt ein Bonus?"))


# A numbered item that hands the reader an amount ends a list of steps; the items above it are its trigger (an
# affiliate box: "1. Open een rekening 2. Zet 20 euro over 3. Je krijgt meteen €15 extra!"), read as one sentence.
STEPS = "Gratis €15 ophalen?\n\n1. Open een rekening\n\n2. Zet 20 euro over\n\n3. Je krijgt meteen €15 extra!\n"


def test_the_last_step_of_a_list_takes_its_trigger_from_the_steps_above():
    assert [(i.text, i.language, i.steps) for i in incentives(STEPS, ("nl",))] == [
        ("Je krijgt meteen €15 extra!", "nl", True)]


def test_numbered_steps_to_a_reward_are_a_call_on_a_reports_page_too():
    """A news article's advert box that walks the reader to a reward is an advert; the same steps told as the
    story's own sentence are the story's."""
    from detectors import bonus
    from detectors.context import Context
    from detectors.document import build_document

    story = ("<p>De toezichthouder waarschuwt opnieuw voor platforms zonder registratie.</p>"
             "<p>In dit artikel leggen we uit wat die registratie betekent voor klanten.</p>")
    box = "".join(f"<p>{line}</p>" for line in STEPS.split("\n") if line)
    told = "<p>Bij die beurs krijgt wie een rekening opent en 20 euro overzet meteen €15 extra.</p>"
    url = "https://www.example-krant.nl/nieuws/registratie-cryptobeurzen"

    def found(body):
        doc = build_document(channel="website:test", requested_url=url, url=url, status=200,
                             fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                             body=f"<html lang='nl'><body>{body}</body></html>".encode())
        return [f.evidence.value for f in bonus.detect(doc, Context())]

    assert found(story + box) == ["je krijgt meteen €15 extra!"]
    assert found(story + told) == []


def test_steps_of_a_purchase_are_no_incentive():
    text = "1. Kies een bedrag\n2. Betaal met iDEAL\n3. Je krijgt meteen voor 10 euro aan bitcoin.\n"
    assert incentives(text, ("nl",)) == []


def test_an_amount_received_outside_a_list_needs_its_own_trigger():
    text = "Open een rekening.\nZet 20 euro over.\nJe krijgt meteen €15 extra!\n"
    assert incentives(text, ("nl",)) == []


def test_a_reward_written_code_first_is_an_incentive():
    assert [i.text for i in incentives("You receive NOK 250 for each referred customer.", ("en",))] == [
        "You receive NOK 250 for each referred customer."]
    assert incentives("Our office is ISO 9001 certified for each referred customer.", ("en",)) == []


# Croatian fuses its negation into the auxiliary ("neće", "nećete", "nisu"): a help answer saying a referral
# will not earn the reward offers nothing, while the same reward promised in the future tense does.
@pytest.mark.parametrize(("sentence", "offered"), [
    ("Nažalost, u tom slučaju nećete ostvariti pravo na nagradu od 20 € za preporuku.", False),
    ("Vaš prijatelj neće dobiti bonus od 10 € ako se registrira nakon isteka akcije.", False),
    ("Kad prijatelj otvori račun, ostvarit ćete pravo na nagradu od 20 € za preporuku.", True),
])
def test_croatian_fused_negation_cancels_the_incentive(sentence, offered):
    assert bool(incentives(sentence, ("hr",))) is offered
