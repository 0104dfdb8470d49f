"""PROMO by structure: inflected imperatives in every language, buttons and links, and what is editorial (questions,
how-to steps, quoted or negated slogans, headings in the infinitive)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from detectors.calls_to_action import is_label, tokens_of, vocabularies
from detectors.promo import INCENTIVE
from tests.support.paragraph_pages import page_of

LEXICONS = Path(__file__).resolve().parents[2] / "detectors" / "data" / "lexicons"


@pytest.fixture
def detect(detect):
    """PROMO's calls to action and offers only: the incentives it restates as the site's offers are
    tests/detectors/test_promo_incentives.py's."""
    def run(name: str, *args, **kwargs):
        return {found for found in detect(name, *args, **kwargs) if not found[3].startswith(INCENTIVE)}
    return run


def values(found) -> set[str]:
    return {value for (_, _, value, _) in found}


def test_word_forms_are_generated_from_the_current_lexicons():
    # scripts/word_forms.py regenerates the table (it needs simplemma, a dev dependency) when this fails.
    digest = hashlib.sha256()
    for name in ("calls_to_action.yaml", "incentives.yaml"):
        digest.update((LEXICONS / name).read_bytes())
    generated = yaml.safe_load((LEXICONS / "word_forms.yaml").read_text(encoding="utf-8"))
    assert generated["source_sha256"] == digest.hexdigest()


# Forms the lexicon does not list, found through their lemma: (language, label).
INFLECTED = [("de", "Registriere dich jetzt"), ("pl", "Zarejestruj się teraz"), ("fi", "Rekisteröidy tänään"),
             ("pt", "Experimente grátis"), ("it", "Inizia ora"), ("cs", "Registrujte se"), ("es", "Empieza hoy"),
             ("sv", "Köp bitcoin nu"), ("lv", "Reģistrējies tagad"), ("hr", "Kupite odmah"),
             ("en", "Start trading today"), ("pl", "Aplikuj teraz"), ("fr", "Devenez partenaire"),
             ("nl", "Word lid vandaag"), ("ro", "Aplicați acum"),
             # imperatives that end like a dictionary form, informal imperatives, set phrases
             ("fi", "Avaa tili"), ("et", "Alusta kauplemist"), ("nl", "Open een rekening"), ("bg", "Регистрирай се"),
             ("lt", "Registruokis"), ("sv", "Kom igång"), ("da", "Kom i gang"), ("de", "Melde dich an"),
             ("en", "Get the app"),
             # Rioplatense voseo (a look-alike's calls still count, with no member state)
             ("es", "Registrate gratis"), ("es", "Suscribite ahora"), ("es", "Sumate hoy"),
             # near misses of the past participles in EDITORIAL: the imperative of the same verb
             ("hr", "Isprobajte Wirex app danas"), ("cs", "Vyzkoušejte aplikaci ještě dnes")]


@pytest.mark.parametrize(("language", "label"), INFLECTED, ids=[f"{lang}-{label}" for lang, label in INFLECTED])
def test_inflected_imperative_is_a_call_to_action(language, label):
    assert is_label(tokens_of(label), vocabularies()[language], button=False)


# Headings in the dictionary form read as topics unless hooked or styled as a button.
@pytest.mark.parametrize(("language", "label"), [("de", "Bitcoin kaufen"), ("nl", "Kopen via iDEAL"),
                                                 ("fr", "Acheter du bitcoin en France"), ("pl", "Kupić bitcoina"),
                                                 ("fi", "Ostaa bitcoinia"), ("nl", "Openen van een rekening")])
def test_heading_in_the_infinitive_is_not_one(language, label):
    voc = vocabularies()[language]
    assert not is_label(tokens_of(label), voc, button=False)
    assert is_label(tokens_of(label), voc, button=True)


@pytest.mark.parametrize(("language", "label"), [("de", "Jetzt Bitcoin kaufen"), ("nl", "Nu crypto kopen")])
def test_hooked_infinitive_is_one(language, label):
    assert is_label(tokens_of(label), vocabularies()[language], button=False)


EDITORIAL = [
    ("de", "Wie kauft man Bitcoin?"),
    ("en", "How to buy bitcoin?"),
    ("de", "Klicken Sie auf Registrieren und geben Sie Ihre Daten ein."),
    ("en", "To open an account, click Sign up and enter your e-mail address."),
    ("es", "1 – Comprar bitcoins por transferencia bancaria."),
    ("en", "a. Install the app after clicking on the host's unique referral link."),  # a lettered requirement
    # a formula, whatever word opens it ("câștig": a gain, also "win!")
    ("ro", "Câștig = Preț de vânzare - Preț de achiziție - Costuri directe ale tranzacției"),
    ("it", "Ricevi 250 euro di bonus = il 50% di 500 euro"),  # an offer worked out as a formula
    # a bulleted item's label before its colon: the name of a step or a term
    ("en", "- Apply Annual Exemption: Deduct your €1,270 tax-free allowance from your gains."),
    # a download that hands over a document to read
    ("pl", "Pobierz PDF"),
    ("it", "Scarica il modulo per i reclami"),
    ("en", "Download the form now"),
    ("nl", "(Download als PDF-bestand)"),  # a document heading a compound
    ("hr", "Preuzmi upute"),  # instructions to read
    ("fi", "Avaa kaikki elementit"),  # a page's folded elements (an accordion), not an account
    ("en", "For example, if you're eligible for a 30% bonus, and you deposit 1BTC, you earn a 0.3BTC bonus."),
    ("nl", "Open je app > Kopen > Crypto kopen"),
    ("fr", "Lisez aussi : comment fonctionne un exchange"),
    ("de", "Ihr Slogan „Jetzt Bitcoin kaufen!“ ist nicht unserer."),
    ("en", "You should never buy crypto in a hurry."),
    ("sv", "Du kan skapa ett konto på några minuter."),
    # Where the imperative is the bare stem, the present tense describes: "opens the menu and sees Swish".
    ("sv", "Öppnar menyn och ser Swish, banköverföring och kort."),
    ("da", "Køber man bitcoin hos en mægler, betaler man gebyr."),
    ("fr", "Le bitcoin pourrait devenir une monnaie légale."),
    # A participle that serves as a noun: "the trader's e-mail address", not "trade!".
    ("hu", "Kereskedő e-mail címe: info@example.hu"),
    ("sv", "Få personer vet att bitcoin kan köpas här idag."),  # "few", not "get"
    ("pt", "Investindo em criptomoedas – Foto: Freepik"),  # a gerund in a photo caption
    # a past participle of a conversion verb ("we tried", "we bought"): a report, not an imperative
    ("hr", "Isprobali smo Wirex app, ali dakako, i Wirex karticu."),
    ("cs", "Vyzkoušeli jsme aplikaci Revolut."),
    ("pl", "Klienci kupili bitcoina za 100 zł."),
    ("de", "Dafür musst Du Dich auf der Plattform anmelden bzw. registrieren."),  # goes on after "bzw."
    # goes on after "etc.)": a participle in lower case, not an imperative opening a sentence
    ("de", "Nachdem man Ether mit Euro (oder USD, GBP etc.) gekauft hat, kann man ihn in Ihre Wallet senden."),
    # a worked example whose first word is also a verb ("dobit": profit, and "get")
    ("hr", "5000 (dobit) * 10% + 5000 * 18% (prirez za Split) = 1.400 EUR"),
    # An offer-shaped sentence about a loss; a programme's rule opening with "lorsqu'".
    ("it", "Pagare criptovalute con la carta di credito ti espone subito a una perdita: le commissioni."),
    ("fr", "Lorsqu’un ami que vous avez parrainé dépose 50 €, vous recevez tous les deux 100 € de bonus."),
    # A byline's category after a separator, not a button run into the text.
    ("nl", "4 Minimale leestijd | Investeren"),
]


@pytest.mark.parametrize(("language", "sentence"), EDITORIAL, ids=[s for _, s in EDITORIAL])
def test_editorial_text_is_not_promotion(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


def test_link_to_a_sign_up_target_counts_whatever_its_words(detect):
    found = detect("promo", page_of("de", '<a href="/registrierung">Zum Depot</a>'))
    assert values(found) == {"zum depot"}


def test_login_link_is_not_a_call_to_action(detect):
    assert detect("promo", page_of("de", '<a href="/login">Jetzt anmelden</a>')) == set()


def test_english_loanword_in_other_language_text_is_not_an_english_call(detect):
    assert detect("promo", page_of("nl", "Order plaatsen")) == set()


def test_an_offer_limited_in_time_is_promotion_in_every_language(detect):
    found = detect("promo", page_of("ro", "Aceasta este o ofertă limitată, valabilă până la 31 decembrie."))
    assert values(found) == {"ofertă limitată"}
    assert detect("promo", page_of("ro", "Oferta de monede este limitată la 21 de milioane.")) == set()


def test_capitals_line_is_styled_as_a_button(detect):
    found = detect("promo", page_of("el", "ΑΝΟΙΓΜΑ LIVE ΛΟΓΑΡΙΑΣΜΟΥ"))
    assert values(found) == {"ανοιγμα live λογαριασμου"}


# "Do this and take that": the clause after "and" asks the reader to take a reward, whatever the first verb is.
JOINED = [("de", "Zahle 100 € ein und erhalte 20 € Bonus.", "und erhalte 20 € bonus"),
          ("fr", "Effectuez un dépôt et recevez 100 € de bonus.", "et recevez 100 € de bonus"),
          ("es", "Realice un depósito y solicite la oferta de bonos.", "y solicite la oferta de bonos"),
          ("pl", "Wpłać 100 zł i odbierz bonus 50 zł.", "i odbierz bonus 50 zł"),
          ("en", "Refer a friend to us and earn 10 €.", "and earn 10 €"),
          # two calls joined
          ("es", "Descarga la app y opera desde cualquier lugar.", "y opera desde cualquier lugar"),
          ("en", "Download the app and trade anywhere.", "download the app and trade anywhere"),
          # a call with a hook after any first clause
          ("de", "Bestätige deine Identität und starte noch heute mit dem Handel.",
           "und starte noch heute mit dem handel"),
          ("pl", "Potwierdź tożsamość i zacznij handlować jeszcze dziś.", "i zacznij handlować jeszcze dziś")]


@pytest.mark.parametrize(("language", "sentence", "call"), JOINED, ids=[s for _, s, _ in JOINED])
def test_a_reward_joined_by_and_is_a_call(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


ADDRESSED = [("pt", "Regista-te na OKX e compra os teus primeiros bitcoins.",
              "regista-te na okx e compra os teus primeiros"),
             ("de", "Eröffne deinen Account bei uns in wenigen Minuten und ganz ohne Papierkram.",
              "eröffne deinen account bei uns in wenigen minuten"),
             ("it", "Aprite il vostro conto con noi in pochi minuti e senza carta.",
              "aprite il vostro conto con noi in pochi"),
             ("pl", "Załóż swoją skrytkę w naszej aplikacji w kilka minut i bez papierów.",
              "załóż swoją skrytkę w naszej aplikacji w kilka")]


@pytest.mark.parametrize(("language", "sentence", "call"), ADDRESSED, ids=[s for _, s, _ in ADDRESSED])
def test_an_imperative_with_a_possessive_of_the_reader_in_any_form_is_a_call(detect, language, sentence, call):
    # "os teus", "deinen", "il vostro", "swoją": the reader's possessive in every number, gender and case
    assert values(detect("promo", page_of(language, sentence))) == {call}
    # Near miss: the same words told of someone else open with no imperative
    told = {"pt": "O João registou-se na OKX e comprou os seus primeiros bitcoins.",
            "de": "Er eröffnete seinen Account bei uns in wenigen Minuten und ganz ohne Papierkram.",
            "it": "Hanno aperto il loro conto con noi in pochi minuti e senza carta.",
            "pl": "Klient założył swoją skrytkę w naszej aplikacji w kilka minut i bez papierów."}[language]
    assert detect("promo", page_of(language, told)) == set()


ADVANTAGE = [("es", "Aprovecha tu bono de bienvenida.", "Muchos usuarios aprovechan el bono de bienvenida."),
             ("it", "Approfitta del tuo bonus di benvenuto.", "Molti utenti approfittano del bonus di benvenuto."),
             ("nl", "Profiteer van je welkomstbonus.", "Veel gebruikers profiteerden van de welkomstbonus."),
             ("pl", "Skorzystaj z bonusu powitalnego.", "Wielu użytkowników skorzystało z bonusu powitalnego."),
             ("ro", "Profită de bonusul tău de bun venit.", "Mulți utilizatori au profitat de bonusul de bun venit."),
             ("el", "Γίνετε μέλος της κοινότητάς μας.", "Πολλοί έγιναν μέλη της κοινότητας."),
             # claim, take, use up, join in the languages an audit of 288 calls found short of them
             ("fr", "Réclamez votre bonus de bienvenue maintenant", "Il a réclamé son bonus le mois dernier."),
             ("sl", "Izkoristite ponudbo, dokler še velja!", "Ponudbo je izkoristilo veliko strank."),
             ("hr", "Uzmi svoj bonus", "Uzeo je svoj bonus prošli tjedan."),
             ("lt", "Pasinaudokite pasiūlymu, kol jis dar galioja!", "Pasiūlymu pasinaudojo daug klientų."),
             ("et", "Liitu meie kogukonnaga juba täna!", "Ta liitus kogukonnaga eelmisel aastal."),
             ("fi", "Hyödynnä tarjous, kun se on vielä voimassa!", "Moni asiakas hyödynsi tarjouksen viime vuonna."),
             # the site's offer itself as the object
             ("es", "Aprovecha esta oferta antes de que termine.", "Muchos clientes aprovecharon la oferta."),
             ("da", "Grib tilbuddet, før det udløber!", "Mange kunder greb tilbuddet sidste år."),
             ("de", "Schnapp dir das Angebot der Woche!", "Er schnappte sich das Angebot."),
             ("pl", "Łap promocję, póki trwa!", "Klienci złapali promocję w zeszłym roku."),
             # "Become a client", a bank's or broker's header button, in the languages whose verbs of becoming are
             # too common to list ("saa", "postani"); the near miss speaks of becoming one
             ("lv", "Kļūt par klientu", "Kļūt par klientu ir vienkārši, ja jums ir pase."),
             ("lt", "Tapkite klientu", "Kaip tapti banko klientu?"),
             ("et", "Saa kliendiks", "Kliendiks saamine võtab aega kümme minutit."),
             ("bg", "Станете клиент", "Как да станете клиент на банката?"),
             ("hr", "Postanite klijent", "Kako postati klijent banke"),
             ("sl", "Postanite stranka", "Vsak lahko postane stranka banke."),
             ("hu", "Legyen ügyfelünk", "Ügyfelünk lehet bárki, aki elmúlt 18 éves."),
             # a promotional or referral code offered to the reader; near miss: a verification or payment code
             ("en", "Use code WELCOME25 and get 10% off.", "Use the code from your authenticator app."),
             ("de", "Nutze meinen Code ANNA2024", "Nutze den Code aus der SMS, um dich anzumelden."),
             ("pl", "Użyj mojego kodu START2025", "Użyj kodu BLIK, aby zapłacić.")]


@pytest.mark.parametrize(("language", "call", "told"), ADVANTAGE, ids=[c for _, c, _ in ADVANTAGE])
def test_taking_up_an_offer_or_joining_is_a_call_in_every_language(detect, language, call, told):
    assert detect("promo", page_of(language, call))
    assert detect("promo", page_of(language, told)) == set()  # near miss: what others did


JOINED_NEAR_MISSES = [
    ("de", "Der Partner bringt Kunden und verdient 5 % Provision."),  # the third person describes
    ("pl", "Kliknij „Zaproś” i zdobądź 25 USD."),  # a step in the app: click, then get
    ("en", "The code allows you to refer a friend and earn rewards."),  # "to refer ... and earn": an infinitive
    ("en", "Only participants can take part in the contest and receive a prize."),  # after a modal: an infinitive
    ("de", "Zahle 100 € ein und lies die Bedingungen."),  # no reward in the clause
    ("es", "**4️⃣ Recibir tus criptomonedas**"),  # a numbered step (keycap digit) of a how-to
    ("pt", "O banco lançou o programa “Convide e Ganhe” com R$ 20 por convite."),  # a programme's name, quoted
    ("es", "Abre la app y pulsa Comprar."),  # two steps of a how-to, not two calls
    ("en", "Open the app and tap Buy."),
    ("de", "Klicke auf Weiter und starte heute."),  # a hooked call inside a how-to step
]


@pytest.mark.parametrize(("language", "line", "call"), [("en", "- Sign up now: it takes two minutes.", "- sign up now"),
                                                   ("en", "- Open your account today: no fees for 30 days.",
                                                    "- open your account today")])
def test_a_hooked_item_label_is_still_a_call(detect, language, line, call):
    assert {value for _, _, value, _ in detect("promo", page_of(language, line))} == {call}


@pytest.mark.parametrize(("language", "sentence"), JOINED_NEAR_MISSES, ids=[s for _, s in JOINED_NEAR_MISSES])
def test_joined_clauses_that_are_no_call(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


def test_an_offer_is_vetoed_by_a_loss_in_its_own_language_only(detect):
    # The English narrative word "profit*" is no veto in French: "profitez" is the offer's own verb.
    found = detect("promo", page_of("fr", "Nouveaux clients : profitez d'un bonus de bienvenue de 50 € dès votre "
                                          "premier dépôt."))
    assert "nouveaux clients : profitez d'un bonus de bienvenue" in values(found)


# "Click here" and what it leads to: a call when a conversion verb follows, in either word order, with the polite
# pronoun between, the instruction in one word or two, the verb with its pronoun attached ("registrarte").
CLICK_HERE = [("de", "Klicken Sie hier, um sich kostenlos zu registrieren.", "klicken sie hier"),
              ("de", "Hier klicken und Konto eröffnen", "hier klicken und konto eröffnen"),
              ("es", "Haz clic aquí para registrarte.", "haz clic aquí para registrarte"),
              ("es", "Pincha aquí para suscribirte al boletín.", "pincha aquí para suscribirte al boletín"),
              ("it", "Clicca qui per registrarti.", "clicca qui per registrarti"),
              ("ro", "Apasă aici pentru a-ți deschide contul.", "apasă aici pentru a-ți deschide contul")]

CLICK_HERE_NEAR_MISSES = [("de", "Klicken Sie hier, um mehr zu erfahren."), ("de", "Hier klicken für Details"),
                          ("es", "Haz clic aquí para leer el artículo completo."), ("it", "Clicca qui per leggere."),
                          ("ro", "Apasă aici pentru detalii."), ("de", "Klicken Sie auf „Registrieren“.")]


@pytest.mark.parametrize(("language", "sentence", "call"), CLICK_HERE, ids=[s for _, s, _ in CLICK_HERE])
def test_click_here_to_convert_is_a_call(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


@pytest.mark.parametrize(("language", "sentence"), CLICK_HERE_NEAR_MISSES, ids=[s for _, s in CLICK_HERE_NEAR_MISSES])
def test_click_here_to_read_is_no_call(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


# "Don't forget to ...": a call where a conversion verb follows within a few words, after a connector too.
REMINDED = [("fr", "Bon visionnage, et n'oubliez pas de vous abonner à la chaîne !",
             "et n'oubliez pas de vous abonner à la"),
            ("en", "Don't forget to subscribe to our channel!", "don't forget to subscribe to our channel"),
            ("es", "No olvides suscribirte al canal.", "no olvides suscribirte al canal"),
            ("nl", "Vergeet niet om je te registreren.", "vergeet niet om je te registreren"),
            ("cs", "Nezapomeňte se zaregistrovat.", "nezapomeňte se zaregistrovat")]

REMINDED_NEAR_MISSES = [("en", "Don't forget to read the terms."),
                        ("fr", "Bonne lecture, et n'oubliez pas de partager."),
                        ("en", "Remember to check the fees and the spread before you start trading.")]


@pytest.mark.parametrize(("language", "sentence", "call"), REMINDED, ids=[s for _, s, _ in REMINDED])
def test_a_reminder_to_convert_is_a_call(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


@pytest.mark.parametrize(("language", "sentence"), REMINDED_NEAR_MISSES, ids=[s for _, s in REMINDED_NEAR_MISSES])
def test_a_reminder_to_read_is_no_call(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


# The reader urged with an exclamation: a second-person word and an urging hook ("jetzt", "now", "gratis") in a
# sentence that ends with "!", whatever its verb; not a place word ("hier") and not news without the reader. And an
# amount offered in any form of its currency ("100 euron").
URGED = [("de", "Finden Sie jetzt Ihren Anwalt zum Thema Krypto-Betrug!",
          "finden sie jetzt ihren anwalt zum thema krypto-betrug"),
         ("en", "Your portfolio, now in one app!", "your portfolio, now in one app"),
         ("fi", "Saat palkkioksi 100 euron edestä bitcoinia.", "saat palkkioksi 100 euron edestä bitcoinia")]
URGED_NEAR_MISSES = [("de", "Der Kurs fällt jetzt!"), ("de", "Hier finden Sie Ihren Anwalt!"),
                     ("de", "Finden Sie jetzt Ihren Anwalt.")]


@pytest.mark.parametrize(("language", "sentence", "call"), URGED, ids=[s for _, s, _ in URGED])
def test_the_reader_urged_with_an_exclamation_is_a_call(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


@pytest.mark.parametrize(("language", "sentence"), URGED_NEAR_MISSES, ids=[s for _, s in URGED_NEAR_MISSES])
def test_an_exclamation_without_the_reader_or_urge_is_no_call(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


# "The more you invite, the more you earn": the comparative opens the sentence and comes back. One that compares in
# passing ("more or less ... more complicated") is no offer.
CORRELATIVE = [("es", "Y además, cuanto más inviertes, más ganas en recompensas.",
                "y además, cuanto más inviertes, más ganas en"),
               ("fr", "Plus vous invitez d'amis, plus vous gagnez de récompenses.",
                "plus vous invitez d'amis, plus vous gagnez de")]
CORRELATIVE_NEAR_MISSES = [("es", "Justo cuando más o menos entendías los euros, el asunto se hace más "
                                  "complicado y recibes un nuevo tipo de recompensa en tu cartera.")]


@pytest.mark.parametrize(("language", "sentence", "call"), CORRELATIVE, ids=[s for _, s, _ in CORRELATIVE])
def test_the_more_you_do_the_more_you_gain_is_an_offer(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


@pytest.mark.parametrize(("language", "sentence"), CORRELATIVE_NEAR_MISSES, ids=[s for _, s in CORRELATIVE_NEAR_MISSES])
def test_a_comparative_in_passing_is_no_offer(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


# A header's log-in and sign-up buttons run together into one line: the sign-up is a call, the log-in never is.
@pytest.mark.parametrize(("language", "line", "call"), [("pl", "Zaloguj się Załóż konto", "załóż konto"),
                                                        ("en", "Log in Sign up", "sign up"),
                                                        ("es", "Iniciar sesión Registrarse", "registrarse")])
def test_a_sign_up_after_a_log_in_label_is_a_call(detect, language, line, call):
    assert values(detect("promo", page_of(language, line))) == {call}


# On a page of numbered clauses or steps (terms of service, a how-to) a short line needs a hook to count; the
# header's log-in and sign-up pair is no step, and counts all the same.
HOW_TO_STEPS = ("1. Otwórz aplikację.", "2. Kliknij Dalej.", "3. Wpisz kwotę.", "4. Potwierdź przelew.")


@pytest.mark.parametrize(("header", "calls"), [("Zaloguj się Załóż konto", {"załóż konto"}),
                                               ("Zaloguj się Pomoc", set())])  # a log-in and a help link
def test_a_header_sign_up_counts_on_a_page_of_steps(detect, header, calls):
    assert values(detect("promo", page_of("pl", header, *HOW_TO_STEPS))) == calls


@pytest.mark.parametrize(("language", "line"), [("pl", "Zaloguj się"), ("en", "Log in"),
                                                ("en", "Log in to see your balance")])
def test_a_log_in_label_is_no_call(detect, language, line):
    assert detect("promo", page_of(language, line)) == set()


# A brand's one-letter prefix is no seam between two run-together labels: "eToron" is not "e" + "Toron" (the clause
# cut there read "Avaa tilille selaamalla e" as a call of four words). Two lower-case letters before the capital are.
def test_a_brand_with_a_one_letter_prefix_is_not_split_into_labels():
    from detectors.call_lines import segments

    line = "Avaa tilille selaamalla eToron verkkosivustoa ja klikkaamalla Start Investing -kuvaketta."
    assert [text for _, _, text in segments([line], {0}, (0,))] == [line]
    camel = "Open de ProBit-app en tik op Inloggen."  # a brand in camel case is one word, not "Open de Pro"
    assert [text for _, _, text in segments([camel], {0}, (0,))] == [camel]
    glued = "Bester Broker NutzerfreundlichkeitZum Anbieter"
    assert [text for _, _, text in segments([glued], {0}, (0,))] == ["Bester Broker Nutzerfreundlichkeit",
                                                                      "Zum Anbieter"]


# "By clicking ..." makes a sentence a how-to step, as "click" does: it tells how, it does not pitch.
@pytest.mark.parametrize(("language", "sentence"), [
    ("fr", "Ouvrez un compte en cliquant sur le bouton S'inscrire."),
    ("pl", "Załóż konto, klikając przycisk Zarejestruj."),
    ("es", "Abre tu cuenta haciendo clic en Registrarse."),
    ("fi", "Avaa tili klikkaamalla Rekisteröidy-painiketta."),
])
def test_a_step_by_clicking_is_no_call(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


@pytest.mark.parametrize(("language", "sentence", "call"), [
    ("fr", "Ouvrez un compte gratuit dès aujourd'hui.", "ouvrez un compte gratuit dès aujourd'hui"),
    ("pl", "Załóż konto już dziś!", "załóż konto już dziś"),
    # Icelandic writes its buttons' "click" in the infinitive: "click here to apply" sends the reader to act.
    ("is", "Smella hér til að sækja um aðgang.", "smella hér til að sækja um aðgang"),
])
def test_the_same_sign_up_with_a_hook_is_a_call(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


# A comparison site's "go to the provider" button is a fixed label, also where its verb heads how-to steps
# elsewhere ("Siirry asetuksiin" is a step; "Siirry sivustolle" a button).
@pytest.mark.parametrize(("language", "label", "call"), [
    ("es", "Ir al sitio", "ir al sitio"), ("it", "Vai a XTB", "vai a"),
    ("fi", "Siirry sivustolle", "siirry sivustolle"),
    ("pl", "Przejdź do oferty", "przejdź do oferty"), ("ro", "Vizitează site-ul", "vizitează site-ul"),
])
def test_a_go_to_the_site_label_is_a_call(detect, language, label, call):
    assert values(detect("promo", page_of(language, label))) == {call}


@pytest.mark.parametrize(("language", "line"), [
    ("fi", "Siirry asetuksiin ja valitse kieli."),
    ("it", "Per cambiare la password vai a Impostazioni, poi tocca Sicurezza e inserisci il codice ricevuto via SMS."),
])
def test_a_how_to_step_that_goes_somewhere_is_no_call(detect, language, line):
    assert detect("promo", page_of(language, line)) == set()


# Where the imperative is the verb's bare stem, its other persons and tenses narrate: "Sain ..." (I got), "Avasin
# tilin" (I opened an account) tell a story; "Saa", "Avaa tili" call.
@pytest.mark.parametrize(("language", "sentence"), [
    ("et", "Sain igal ajal hõlpsalt oma raha hallata ja kulutada."),
    ("fi", "Avasin tilin ja talletin rahaa."),
])
def test_a_narrated_form_of_a_call_verb_is_no_call(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


@pytest.mark.parametrize(("language", "sentence", "call"), [
    ("et", "Ava oma konto täna.", "ava oma konto täna"), ("fi", "Avaa tili tänään", "avaa tili tänään"),
])
def test_the_bare_stem_still_calls(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


# A pointer before or after a short line styles it as a link: the infinitive label is a button's, not a heading's.
@pytest.mark.parametrize(("language", "line", "call"), [
    ("pt", "👉 Abrir conta na Binance", "abrir conta na binance"), ("de", "Depot eröffnen →", "depot eröffnen"),
])
def test_a_pointed_line_is_a_link_label(detect, language, line, call):
    assert values(detect("promo", page_of(language, line))) == {call}


# A comparison site's own button: a verb of comparing, hooked or styled as a button; in a sentence it explains.
@pytest.mark.parametrize(("language", "line", "call"), [
    ("de", "Jetzt vergleichen", "jetzt vergleichen"), ("nl", "Direct vergelijken »", "direct vergelijken"),
    ("fr", "Je compare", "je compare"),
])
def test_a_comparison_button_is_a_call(detect, language, line, call):
    assert values(detect("promo", page_of(language, line))) == {call}


@pytest.mark.parametrize(("language", "line"), [
    ("de", "Vergleichen Sie die Gebühren von zwei Brokern."), ("nl", "Vergelijk de kosten van beide brokers."),
    ("de", "Vergleichen"),  # a menu's or a heading's single word
])
def test_near_miss_comparing_in_a_sentence_or_alone_explains(detect, language, line):
    assert detect("promo", page_of(language, line)) == set()


@pytest.mark.parametrize(("language", "line"), [("de", "Depot eröffnen"), ("de", "» Weiterlesen"),
                                                ("de", "Mehr erfahren →")])
def test_an_unpointed_heading_or_a_pointed_reading_link_is_no_call(detect, language, line):
    assert detect("promo", page_of(language, line)) == set()


# A negation or an "only" right after the opening verb makes the sentence a warning ("never invest more than you
# can lose", "invest only what you can afford to lose").
@pytest.mark.parametrize(("language", "sentence"), [
    ("nl", "Investeer nooit meer dan je kunt veroorloven om te verliezen!"),
    ("de", "Investieren Sie nie mehr, als Sie verlieren können!"),
    ("de", "Investieren Sie nur, was Sie verlieren können"),
    ("en", "Invest only what you can afford to lose!"),
])
def test_a_negated_imperative_is_a_warning(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


@pytest.mark.parametrize(("language", "sentence", "call"), [
    ("nl", "Investeer nu in bitcoin!", "investeer nu in bitcoin"), ("de", "Investieren Sie noch heute!",
                                                                     "investieren sie noch heute"),
])
def test_the_same_verb_urged_is_a_call(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


def test_an_infinitive_that_opens_a_sentence_is_its_subject(detect):
    subject = "Iniziare il tuo viaggio nel trading di criptovalute richiede una piattaforma sicura."
    assert detect("promo", page_of("it", subject)) == set()
    assert values(detect("promo", page_of("it", "Inizia il tuo viaggio nel trading oggi."))) == {
        "inizia il tuo viaggio nel trading oggi"}
    assert values(detect("promo", page_of("de", "Eröffnen Sie Ihr Depot in wenigen Minuten."))) == {
        "eröffnen sie ihr depot in wenigen minuten"}  # the polite imperative looks like the infinitive


# A verb of discovery pitches only what the site offers ("Scopri le nostre offerte", "Descubre las mejores
# ofertas"); before "more" it is a read-more teaser whatever follows, and an exclamation alone does not make it
# a pitch (advice to look into an asset before investing).
@pytest.mark.parametrize(("language", "sentence", "call"), [
    ("it", "Scopri le nostre offerte", "scopri le nostre offerte"),
    ("es", "Descubre las mejores ofertas para nuevos clientes.", "descubre las mejores ofertas para nuevos clientes"),
    ("nl", "Ontdek onze aanbiedingen", "ontdek onze aanbiedingen"),
    ("pl", "Poznaj naszą ofertę", "poznaj naszą ofertę"),
])
def test_a_verb_of_discovery_with_the_offer_is_a_call(detect, language, sentence, call):
    assert values(detect("promo", page_of(language, sentence))) == {call}


@pytest.mark.parametrize(("language", "sentence"), [
    ("it", "Scoprite di più sulle possibilità d'investimento offerte dalle criptovalute."),
    ("es", "Descubre más sobre las ofertas de staking en nuestra guía."),
    ("fi", "Tutustu aina kohteeseen huolellisesti ennen sijoituspäätöksen tekemistä!"),
    ("nl", "Ontdek hoe een blockchain werkt."),
])
def test_a_verb_of_discovery_that_asks_to_read_on_is_no_call(detect, language, sentence):
    assert detect("promo", page_of(language, sentence)) == set()


# A French button speaks for the reader in the first person ("J'en profite", "Je m'inscris"): read as the imperative
# it stands for. Near misses: first-person narrative, and a first-person verb that is no conversion.
@pytest.mark.parametrize(("label", "call"), [("J'en profite", "j'en profite"), ("Je m'inscris", "je m'inscris"),
                                             ("J’ouvre mon compte", "j’ouvre mon compte")])
def test_a_french_button_in_the_readers_voice_is_a_call(detect, label, call):
    assert values(detect("promo", page_of("fr", label))) == {call}


@pytest.mark.parametrize("line", ["J'ai ouvert mon compte en 2021.", "J'aime", "Je m'inscris sur Binance, puis je "
                                  "vérifie mon identité avant le premier achat."])
def test_first_person_narrative_is_no_call(detect, line):
    assert detect("promo", page_of("fr", line)) == set()


# An adverb of ease may open a call ("Just sign up", "Simplemente regístrate ..."): skipped before the verb, and a
# sentence it opens with an imperative pitches. Near misses: a how-to step, an infinitive heading ("Einfach
# investieren: ..."), the adverb in a description.
@pytest.mark.parametrize(("language", "line", "call"), [
    ("en", "Just sign up", "just sign up"),
    ("en", "Simply download the app and start trading.", "simply download the app and start trading"),
    ("es", "Simplemente regístrate y empieza a invertir.", "simplemente regístrate y empieza a invertir"),
    ("el", "Απλά κατέβασε την εφαρμογή και κάνε εγγραφή.", "απλά κατέβασε την εφαρμογή και κάνε εγγραφή"),
    ("el", "Κέρδισε €500!", "κέρδισε €500"),
])
def test_an_adverb_of_ease_opens_a_call(detect, language, line, call):
    assert values(detect("promo", page_of(language, line))) == {call}


@pytest.mark.parametrize(("language", "line"), [
    ("en", "Simply tap Buy and enter the amount."),
    ("de", "Einfach investieren: So funktioniert ein ETF-Sparplan"),
    ("de", "Das Depot ist einfach zu eröffnen."),
    ("el", "Ο Γιάννης κέρδισε το λαχείο."),
    ("fi", "Vain sijoita varoja, jotka sinulla on varaa menettää."),  # "only": a risk warning, no ease
])
def test_an_adverb_of_ease_without_a_call(detect, language, line):
    assert detect("promo", page_of(language, line)) == set()


# Generated forms that are no imperative: a German second person present that is also a noun ("Verdienst", in a
# list of payment purposes), a Polish participle ("Zaproszony ..." the invited one). Beside them, the imperatives.
@pytest.mark.parametrize(("language", "line", "calls"), [
    ("de", "Verwendungszweck: Gehalt. Lohn. Verdienst. Rente.", set()),
    ("de", "Verdiene jetzt Bitcoin!", {"verdiene jetzt bitcoin"}),
    ("pl", "Zaproszony do promocji zakłada konto, wpisując kod w specjalnym wniosku.", set()),
    ("pl", "Zaproś znajomych i zgarnij 100 zł!", {"zaproś znajomych i zgarnij 100 zł"}),
])
def test_a_generated_form_that_is_no_imperative(detect, language, line, calls):
    assert values(detect("promo", page_of(language, line))) == calls


def test_compare_and_only_words_are_single_words():
    """A phrase among them would be dropped silently: they are looked up as single tokens."""
    data = yaml.safe_load((LEXICONS / "calls_to_action.yaml").read_text(encoding="utf-8"))["languages"]
    phrases = [(lang, key, w) for lang, entry in data.items() for key in ("compare", "only")
               for w in entry.get(key, []) if len(tokens_of(w)) != 1]
    assert phrases == []


def test_a_brand_that_opens_with_a_verb_is_a_name_where_the_page_uses_it_as_one(detect):
    """"Trade Republic" reads as the imperative "trade" at a line's start; "bei Trade Republic" inside a sentence
    shows it is a name."""
    headline = "Trade Republic setzt mit Guthabenverzinsung ein weiteres Zeichen"
    named = page_of("de", headline, "Der Zinssatz ist bei Trade Republic derzeit hoch, sagt der Verband.")
    assert detect("promo", named) == set()
    # near miss: the same line on a page that never uses the words as a name
    assert detect("promo", page_of("de", "Trade Bitcoin jetzt mit 0 € Gebühren!")) != set()


def test_the_headline_above_a_page_of_steps_is_no_step(detect):
    # An affiliate page's headline joins two calls ("download the app and buy crypto"), then its steps explain how;
    # the same sentence among the steps is one more step (near miss).
    headline = "Pobierz aplikację i kupuj kryptowaluty w kilka chwil"
    steps = ["1. Wejdź na stronę banku.", "2. Wybierz rodzaj konta.", "3. Wypełnij wniosek online."]
    assert values(detect("promo", page_of("pl", headline, *steps))) == {"i kupuj kryptowaluty w kilka chwil"}
    assert detect("promo", page_of("pl", steps[0], headline, steps[1], steps[2])) == set()


def test_the_short_title_right_above_the_steps_is_one_of_them(detect):
    # A how-to's section title names the first thing to do ("Регистрирайте се с имейл адрес" over "Стъпка 1: ...");
    # near miss: the same title with a hook ("now") still calls, as hooked lines do among steps.
    steps = ["Step 1: Visit the exchange's website.", "Step 2: Enter your e-mail address.",
             "Step 3: Confirm the code you receive."]
    assert detect("promo", page_of("en", "How to open an account", "Sign up with your e-mail address", *steps)) == set()
    assert detect("promo", page_of("en", "How to open an account", "Sign up now with your e-mail", *steps)) != set()


def test_an_amount_to_take_is_a_call_among_steps_too(detect):
    # A campaign's third step asks the reader to buy and names the amount received; near miss: a step that names
    # what is bought and when it arrives.
    steps = ["1. Create an account", "2. Verify your identity", "3. Buy crypto"]
    earn = "Buy or convert $20 or more of crypto in one transaction to earn $20 in Bitcoin."
    arrive = "Buy or convert $20 or more of crypto in one transaction to receive it within a day."
    assert detect("promo", page_of("en", *steps, earn))
    assert detect("promo", page_of("en", *steps, arrive)) == set()
