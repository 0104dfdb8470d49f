"""PROMO: calls to action read beyond the structure of tests/detectors/test_promo_calls_to_action.py: a language
outside the Union read with its EU neighbour's words, an amount offered by an opening verb of getting, an
incentive's headline, an imperative that praises what it sells."""

from __future__ import annotations

import pytest

from detectors.call_lines import a_step
from tests.support.paragraph_pages import promo_calls as calls


# Serbian and Bosnian share their calls with Croatian ("Otvorite račun", "Pozovite prijatelje"): read with the
# Croatian words, they are the page's own language's, aimed at no member state (not Croatia).
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("sr", "Otvorite besplatni račun odmah.", "otvorite besplatni račun odmah"),
    ("bs", "Pozovite svoje prijatelje danas!", "pozovite svoje prijatelje danas"),
])
def test_a_call_in_a_non_eu_group_member_is_read_with_its_neighbours_words(detect, lang, line, call):
    assert calls(detect, lang, line) == {((), call, lang)}


def test_a_step_in_a_non_eu_group_member_is_still_a_step(detect):
    assert calls(detect, "sr", "Kliknite na dugme Registracija i unesite svoj e-mail.") == set()


# A sentence opened by a verb of getting with an amount as its object offers it to the reader, with no "you" (the
# verb is an imperative or a "you get"); "Få" is also Swedish "few", whose sentence has its own verb of getting.
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("sv", "Få 20% rabatt med min länk.", "få 20% rabatt med min länk"),
    ("fi", "Saa 20 % alennus veroraportista.", "saa 20 % alennus veroraportista"),
])
def test_an_amount_offered_by_an_opening_verb_of_getting_is_a_call(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


@pytest.mark.parametrize("line", ["Få investerare får 20% rabatt på sina avgifter.",
                                  "Få en översikt över 20 olika avgifter."])
def test_few_or_no_amount_after_the_verb_of_getting_is_no_call(detect, line):
    assert calls(detect, "sv", line) == set()


# A short line that caps an incentive's amount is an advert's headline, promotional copy with no imperative; a
# sentence with its full stop states a programme's rule instead.
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("de", "Bis zu 2.500 € Bonus für deinen Depotwechsel", "bis zu 2.500 € bonus für deinen depotwechsel"),
    ("fi", "150% bonus jopa 600€ asti", "150% bonus jopa 600€ asti"),
    ("fr", "Jusqu'à 160 € offerts", "jusqu'à 160 € offerts"),
])
def test_an_incentive_headline_with_a_capped_amount_is_promotional_copy(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


@pytest.mark.parametrize(("lang", "line"), [("nl", "Een affiliate kan tot 20% van deze kosten verdienen."),
                                            ("de", "Neue Kunden erhalten bis zu 300 € Prämie.")])
def test_a_capped_amount_in_a_sentence_is_no_headline(detect, lang, line):
    assert calls(detect, lang, line) == set()


# An imperative that praises what it sells pitches without a hook ("... with the lowest fees"); a heading in the
# infinitive and a verb of discovery ("Discover the best exchanges") do not.
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("en", "Trade bitcoin and ether with the lowest fees in Europe.", "trade bitcoin and ether with the lowest fees"),
    ("pl", "Kup bitcoina i ethereum po najniższej cenie w Polsce.", "kup bitcoina i ethereum po najniższej cenie w"),
])
def test_an_imperative_that_claims_an_advantage_is_a_call(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


@pytest.mark.parametrize(("lang", "line"), [
    ("pl", "Kupić bitcoina i ethereum po najniższej cenie w Polsce to proste."),
    ("en", "Discover the best exchanges of the year in our ranking below."),
])
def test_an_advantage_after_an_infinitive_or_a_verb_of_discovery_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


# A sentence opened by a condition keeps its call in the main clause after the comma ("If you ..., open ... now");
# without an urging hook that clause states a programme's rule ("Sobald ..., erhalten Sie beide 10 USD").
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("en", "If you need an account for everyday banking, open a Welcome Account now.", "open a welcome account now"),
    ("de", "Wenn Sie ein günstiges Depot suchen, eröffnen Sie jetzt Ihr Konto.", "eröffnen sie jetzt ihr konto"),
    ("es", "Si buscas una cuenta barata, abre tu cuenta hoy.", "abre tu cuenta hoy"),
])
def test_the_urged_main_clause_after_a_condition_is_a_call(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


@pytest.mark.parametrize(("lang", "line"), [
    ("de", "Sobald Ihr Freund einen Kauf von 100 USD abschließt, erhalten Sie beide 10 USD als Guthaben."),
    ("it", "Una volta compilato il modulo, riceverai un'email che ti confermerà la tua richiesta."),
])
def test_the_main_clause_after_a_condition_without_a_hook_is_a_rule(detect, lang, line):
    assert calls(detect, lang, line) == set()


# A line numbered as a sub-clause ("3.1.", "3.3") is a clause of terms, no call whatever its verb; it makes no page
# of steps either, so a price list's numbered rows leave the call after them a call.
@pytest.mark.parametrize(("lang", "line"), [
    ("pt", "3.1. Cadastre-se agora na Empresa."),
    ("pt", "3.3 Deposite 100 euros ou mais nesta conta durante o período da promoção."),
    ("de", "3.2 Eröffnen Sie jetzt ein Depot bei der Bank."),
    ("lv", "5.1.2. Abonēšana bezmaksas"),
])
def test_a_numbered_sub_clause_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


def test_numbered_rows_of_a_price_list_make_no_page_of_steps(detect):
    rows = ["5.1.1. Pieslēgšana bezmaksas", "5.1.2. Abonēšana bezmaksas", "5.1.3. Kodu kalkulators 25,00 EUR"]
    found = {value for (_, value, _) in calls(detect, "lv", *rows, "Atver kontu un piesakies maksājumu kartei")}
    assert found == {"atver kontu un piesakies maksājumu kartei"}


# An article's date under its title ("29. 11. 2024.") is no numbered step: the call that leads the guide stays a
# call, while the steps below it ("Korak 1: ...", "Kliknite ...") stay steps.
def test_a_date_makes_no_page_of_steps(detect):
    lines = ["29. 11. 2024. 15:01", "Počnite trgovati kriptovalutama na našoj platformi u samo nekoliko koraka.",
             "Korak 1: Kreiranje računa", "Kliknite na gumb Izradi račun i unesite e-mail."]
    found = {value for (_, value, _) in calls(detect, "hr", *lines)}
    assert found == {"počnite trgovati kriptovalutama na našoj platformi u samo"}


@pytest.mark.parametrize(("line", "step"), [("29. 11. 2024. 15:01", False), ("1. 3. 2024", False),
                                          ("1. Otvorite račun", True), ("3. 10 minuta do prve uplate", True)])
def test_a_date_is_no_numbered_step(line, step):
    assert a_step(line) is step


# A call in a paragraph that names the reader's comments signs up to comment: a news portal's comment box, not the
# site's pitch. French "comment" is "how": only "commentaire", "commenter" name comments there.
@pytest.mark.parametrize(("lang", "line"), [
    ("de", "Kommentare von registrierten Usern werden sofort freigeschaltet - hier registrieren!"),
    ("en", "Register now to comment on this article."),
    ("pl", "Zarejestruj się teraz, aby dodać komentarz."),
])
def test_a_sign_up_to_comment_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


def test_french_how_is_no_comment(detect):
    found = calls(detect, "fr", "Comment investir simplement : ouvrez votre compte dès maintenant.")
    assert {value for (_, value, _) in found} == {"ouvrez votre compte dès maintenant"}


# A short label with no bullet that runs into an explanation in lower case is a how-to's run-in heading ("Crie sua
# conta: o cadastro exige ..."), whatever address word it holds; a hook in its line still makes it a call.
@pytest.mark.parametrize(("lang", "line"), [
    ("pt", "Crie sua conta: o cadastro exige documentos de identificação para verificação."),
    ("en", "Open your account: the bank asks for an ID document and a proof of address."),
])
def test_a_run_in_heading_before_its_explanation_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


@pytest.mark.parametrize(("lang", "line", "call"), [
    ("pt", "Abra sua conta: é grátis e leva dois minutos.", "abra sua conta"),
    ("en", "Open your account: it's free and takes two minutes.", "open your account"),
])
def test_a_run_in_label_with_a_hook_in_its_line_is_a_call(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


# A bulleted item beside a bulleted how-to step is one more step of the list, whatever its verb; a list of pitches
# with no how-to word stays a list of calls.
@pytest.mark.parametrize(("lang", "lines"), [
    ("es", ["- Visita el sitio oficial y haz clic en Registrarse.", "- Regístrate con tu dirección de correo."]),
    ("fi", ["- Valitse peli ja napsauta pelaa", "- Avaa talletusikkuna ja lataa tilisi heti"]),
    ("en", ["- Step 3: your friend completes the referral", "- Sign up now"]),
])
def test_a_bulleted_item_beside_a_step_is_a_step(detect, lang, lines):
    assert calls(detect, lang, *lines) == set()


def test_a_bulleted_list_of_pitches_stays_calls(detect):
    found = calls(detect, "de", "- Eröffne jetzt dein Depot", "- Sichere dir heute 50 € Bonus")
    assert {value for (_, value, _) in found} == {"- eröffne jetzt dein depot", "- sichere dir heute 50 € bonus"}


# Where the imperative is the bare stem, the present tense's "you buy" describes (Estonian "ostad" beside "osta",
# as Finnish "ostat" beside "osta"): a worked example, not a call. A gain offered with an amount still is one.
@pytest.mark.parametrize(("lang", "line"), [
    ("et", "Ostad 20 000 €, müüd 25 000 €."),
    ("et", "Ostad bitcoini täna ja müüd selle aasta pärast."),
    ("fi", "Ostat bitcoinia tänään ja myyt sen vuoden päästä."),
])
def test_the_present_tense_of_you_describes(detect, lang, line):
    assert calls(detect, lang, line) == set()


@pytest.mark.parametrize(("line", "call"), [("Osta bitcoini kohe!", "osta bitcoini kohe"),
                                            ("Saad 10 € boonust, kui registreerud täna.", "saad 10 € boonust")])
def test_an_estonian_imperative_or_offered_gain_is_still_a_call(detect, line, call):
    assert any(value.startswith(call) for (_, value, _) in calls(detect, "et", line))


# A button's text run into the end of a long line before its pointer is read as a button ("... Open Account ↗
# (affiliate)"), from a capital on: a sentence that ends with an arrow ("... how to buy →") is no button. The
# "(affiliate)" label makes the line a paid advert as well, named by its heading ("Our top pick").
@pytest.mark.parametrize(("lang", "line", "found"), [
    ("en", "Our top pick: Examplebank, the best crypto bank for most users Open Account ↗ (affiliate)",
     {"open account", "our top pick"}),
    ("de", "Testsieger: Musterbank, der günstigste Broker für Einsteiger Depot eröffnen →", {"depot eröffnen"}),
])
def test_a_button_run_into_the_end_of_a_line_before_its_pointer_is_a_call(detect, lang, line, found):
    assert {value for (_, value, _) in calls(detect, lang, line)} == found


def test_a_sentence_ending_with_a_pointer_is_no_button(detect):
    assert calls(detect, "en", "Our guide explains step by step where and how to buy →") == set()


# A comparison's short label that praises what it finds is its slogan, as a comparison's button is; comparing
# without a claim is a heading.
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("lt", "Paskolos iš žmonių: palygink ir gauk pigiausią", "palygink ir gauk pigiausią"),
    ("en", "Compare and find the cheapest broker", "compare and find the cheapest broker"),
    ("pl", "Porównaj i wybierz najtańsze konto", "porównaj i wybierz najtańsze konto"),
])
def test_a_comparison_label_that_praises_is_a_call(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


def test_a_comparison_label_without_a_claim_is_no_call(detect):
    assert calls(detect, "en", "Compare fees and spreads") == set()


# A sentence opened by "this means" works a programme's rule out for the reader: an explanation of the terms, not
# their pitch. The same words later in an offer's sentence leave it an offer.
@pytest.mark.parametrize(("lang", "line"), [
    ("nl", "Dat betekent dat als je 100 euro stort, je nog eens 100 euro bonus krijgt."),
    ("it", "Questo significa che potrai guadagnare fino a un totale di 100 EUR di bonus."),
    ("en", "This means you can earn up to 100 EUR in bonus rewards."),
    ("no", "Det betyr at du årlig vil tjene 300 kroner i belønning."),  # not read as Danish, whose "du" it shares
])
def test_a_rule_worked_out_is_no_offer(detect, lang, line):
    assert calls(detect, lang, line) == set()


def test_a_norwegian_reward_stated_to_the_reader_is_still_an_offer(detect):
    found = calls(detect, "no", "Hos oss vil du tjene 300 kroner i belønning i dag!")
    assert {(value, lang) for (_, value, lang) in found} == {("hos oss vil du tjene 300 kroner i", "no")}


def test_an_offer_that_says_what_it_means_is_still_an_offer(detect):
    found = calls(detect, "en", "You get a 50 € bonus today, which means more money for you.")
    assert {value for (_, value, _) in found} == {"you get a 50 € bonus today, which"}


def test_a_decimal_amount_opening_a_headline_is_no_sub_clause(detect):
    found = calls(detect, "de", "1.5 BTC Bonus jetzt sichern")
    assert {value for (_, value, _) in found} == {"1.5 btc bonus jetzt sichern"}


# "In a few minutes" sells how quickly the reader gets what the call offers: a hook like "now" and "free", in every
# language. A duration in a sentence that asks nothing of the reader is none.
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("is", "Stofnaðu sparireikning á örfáum mínútum.", "stofnaðu sparireikning á örfáum mínútum"),
    ("de", "Depot in 5 Minuten eröffnen", "depot in 5 minuten eröffnen"),
    ("fr", "Ouvrir un compte en 5 minutes", "ouvrir un compte en 5 minutes"),
])
def test_a_call_done_in_minutes_is_hooked(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


@pytest.mark.parametrize(("lang", "line"), [
    ("de", "Die Überweisung dauert 10 Minuten."),
    ("fr", "Le virement arrive en 10 minutes environ."),
])
def test_a_duration_without_a_call_is_none(detect, lang, line):
    assert calls(detect, lang, line) == set()


# A short label that comes back among short lines is a button's text: a comparison's "Konto eröffnen" under each
# provider. Written once it is a heading; a table of contents repeats a heading, but a paragraph follows it.
def test_a_label_repeated_under_each_offer_is_a_button(detect):
    found = calls(detect, "de", "Empfohlene Börsen", "Bitpanda", "Gebühren 1,49 %", "Konto eröffnen", "Coinbase",
                  "Gebühren 1,5 %", "Konto eröffnen", "Alle Börsen vergleichen")
    assert {value for (_, value, _) in found} == {"konto eröffnen"}


@pytest.mark.parametrize("paragraphs", [
    ("Empfohlene Börse", "Bitpanda", "Gebühren 1,49 %", "Konto eröffnen", "Alle Börsen vergleichen"),
    ("Inhalt", "Bitcoins kaufen", "Bitcoins verkaufen", "Bitcoins kaufen",
     "Sie kaufen bei uns Bitcoins zum aktuellen Kurs, der oben in der Navigationsleiste steht."),
])
def test_a_label_written_once_or_repeated_as_a_heading_is_no_button(detect, paragraphs):
    assert calls(detect, "de", *paragraphs) == set()


def test_a_repeated_label_that_fetches_a_document_is_no_call(detect):
    assert calls(detect, "de", "Preisliste", "PDF herunterladen", "Bedingungen", "PDF herunterladen") == set()


# "Free" hooks a call in its adjective's forms too ("contenido gratuito", "carteira gratuita"); the same word in a
# sentence that asks nothing of the reader is none.
@pytest.mark.parametrize(("lang", "line", "call"), [
    ("es", "Suscríbete a la newsletter para recibir contenido gratuito cada semana.",
     "suscríbete a la newsletter para recibir contenido gratuito"),
    ("pt", "Faça um diagnóstico online e receba uma carteira gratuita.", "e receba uma carteira gratuita"),
])
def test_a_call_hooked_by_free_in_its_adjective_forms(detect, lang, line, call):
    assert {value for (_, value, _) in calls(detect, lang, line)} == {call}


@pytest.mark.parametrize(("lang", "line"), [
    ("es", "El contenido gratuito de la web se actualiza cada semana."),
    ("pt", "A carteira gratuita do banco foi encerrada em março."),
])
def test_free_without_a_call_is_none(detect, lang, line):
    assert calls(detect, lang, line) == set()


# A button's text run into the sentence before it, in title case after a dot, is read as a button; a name with a dot
# ("Example.Open account") stays one word.
def test_a_button_run_into_the_sentence_before_it_is_a_call(detect):
    found = calls(detect, "en", "The biggest hub for everything crypto, blockchain and Web3.Register Now")
    assert {value for (_, value, _) in found} == {"register now"}


def test_a_name_with_a_dot_is_no_button(detect):
    assert calls(detect, "en", "Trading fees on the Example.Open account") == set()


# A risk warning on a line of its own opens with the verb a call would ("Invest only what you can afford to lose"):
# the "only" or the negation after it makes it a warning, as in a sentence.
@pytest.mark.parametrize(("lang", "line"), [
    ("es", "Invierte sólo lo que puedas perder"),
    ("en", "Invest only what you can afford to lose"),
    ("de", "Investiere nie mehr, als du verlieren kannst"),
])
def test_a_risk_warning_on_a_line_of_its_own_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


def test_the_same_verb_hooked_on_a_line_of_its_own_is_a_call(detect):
    found = calls(detect, "es", "Invierte ahora en bitcoin")
    assert {value for (_, value, _) in found} == {"invierte ahora en bitcoin"}


@pytest.mark.parametrize(("lang", "line", "called"), [
    # A past participle of a conversion verb dates or describes ("Creato il 29.08.2024", a page's byline): Italian,
    # Spanish and Portuguese imperatives never end like one ("Crea", "Regístrate", "Crie").
    ("it", "Creato il 29.08.2024", False),
    ("it", "Crea il tuo conto ora", True),
    ("es", "Regístrate ahora", True),
    ("pt", "Crie a sua conta agora", True),
    # A link that opens a new window or tab is a reading path in every language; an adjective "sicher" opens a
    # statement ("Sicher ist aber, dass ..."), the verb "sichern" still calls as a label's last word.
    ("en", "Open in new window", False),
    ("et", "Ava uues aknas", False),
    ("de", "In neuem Fenster öffnen", False),
    ("en", "Open an account today", True),
    ("de", "Sicher ist aber, dass heute bereits zahlreiche Banken die Technik nutzen.", False),
    ("de", "Jetzt 3 Prozent sichern", True),
    # Slovenian and Croatian sign up with the familiar "Prijavi se"; "Prijava", the log-in label the lemmatiser maps
    # to the same verb, is never a call itself.
    ("sl", "( Prijavi se zdaj )", True),
    ("sl", "Domov Prijava", False),
    ("hr", "Naslovna Prijava", False),
])
def test_participles_new_windows_certainty_and_log_in_labels_are_no_calls(detect, lang, line, called):
    assert bool(calls(detect, lang, line)) == called


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    # a fee table's rows: a label before its number
    ("en", ["Payment fees:", "Buy with card inside the EU/EEA: 3.5%", "Buy by bank transfer: 0.75%"], set()),
    # hooked, the same shape still calls
    ("de", ["Jetzt registrieren: 50 € Startguthaben"],
     {(("AT", "BE", "DE", "LI", "LU"), "jetzt registrieren: 50 € startguthaben", "de")}),
], ids=["en-fee-rows", "de-hooked"])
def test_a_tables_row_is_no_call_unless_hooked(detect, lang, paragraphs, expected):
    assert calls(detect, lang, *paragraphs) == expected


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Start a conversation"),  # a help centre's chat widget
    ("fr", "Démarrer une conversation"),
    ("sv", "Köpande"),  # a FAQ section's heading: "buying", a participle
    ("el", "Λάβετε υπόψη ότι η υπηρεσία δεν λειτουργεί τα Σαββατοκύριακα."),  # "please note", not "receive"
    ("en", "Download resources"),  # a menu's reading path
    ("de", "Suche starten"),  # a search, not a conversion
    ("en", "Open source"), ("en", "Open menu"), ("en", "Open data meetup"),  # "open" as an adjective, a menu
    ("en", "Downloads"),  # a section's name: the plural noun, no imperative
    ("es", "• Creas una cuenta en la plataforma."),  # a how-to in the present: "you create", not "create!"
    # a rule worked out after a quoted term, not an offer
    ("en", 'Issuers set "Monthly Reward Caps." This means even if you have an 8% cashback rate, you may only be able '
           "to earn a maximum of $50 per month in rewards."),
])
def test_site_chrome_headings_and_notes_are_no_calls(detect, lang, line):
    assert calls(detect, lang, line) == set()


def test_a_link_to_a_document_download_is_no_call(detect):
    """A "/download/" address that fetches a PDF is a document to read, not an app to install."""
    page = ('<html lang="de"><body><a href="https://news.example/download/b2I/Ausstellungen.pdf">Ausstellungen</a>'
            '<a href="https://news.example/download/app">Unsere App</a></body></html>')
    assert {v for (_, _, v, _) in detect("promo", page, url="https://news.example/")} == {"unsere app"}


@pytest.mark.parametrize(("line", "call"), [("Kunde werden", "kunde werden"), ("Mitglied werden", "mitglied werden")])
def test_becoming_a_customer_or_member_is_a_label_of_its_own(detect, line, call):
    """"Kunde werden" ends in the verb as a heading would, but is a fixed label: a menu's or a button's call."""
    assert calls(detect, "de", line) == {(("AT", "BE", "DE", "LI", "LU"), call, "de")}


def test_becoming_a_customer_in_a_sentence_is_no_label(detect):
    assert calls(detect, "de", "Wer bei einer Bank Kunde werden will, muss sich ausweisen.") == set()


# On a page of steps, a step that speaks to the reader ("tu navegador") is one more step; with a hook it still calls.
GUIDE_STEPS = ("Paso 1: Acceder al sitio web oficial", "Paso 2: Crear la cuenta", "Paso 3: Verificar la identidad")


def test_a_step_that_addresses_the_reader_on_a_page_of_steps_is_no_call(detect):
    line = "Abre tu navegador web y escribe la dirección oficial del exchange."
    assert calls(detect, "es", *GUIDE_STEPS[:1], line, *GUIDE_STEPS[1:]) == set()
    # near miss: alone, it speaks to the reader
    assert calls(detect, "es", line) == {(("ES",), "abre tu navegador web y escribe la dirección", "es")}


def test_a_hooked_line_on_a_page_of_steps_still_calls(detect):
    assert calls(detect, "es", *GUIDE_STEPS[:1], "Abre tu cuenta gratis hoy.", *GUIDE_STEPS[1:]) == {
        (("ES",), "abre tu cuenta gratis hoy", "es")}


# An advert set in a story and closed by a paid link's label in brackets is the site's own promotion; the label's
# words in running text are no label.
def test_an_advert_closed_by_a_paid_link_label_is_a_call(detect):
    line = "&gt;&gt; Gardez vos cryptos chez vous : choisissez le portefeuille Coffre X (lien commercial) &lt;&lt;"
    assert calls(detect, "fr", "La plateforme a suspendu les retraits mardi.", line) == {
        (("BE", "FR", "LU"), ">> gardez vos cryptos chez vous", "fr")}
    assert calls(detect, "de", "Die Börse hat Auszahlungen gestoppt.", "Die Hardware-Wallet Tresor X [Werbelink]") == {
        (("AT", "BE", "DE", "LI", "LU"), "die hardware-wallet tresor x", "de")}
    # The label inside a sentence that explains it closes no advert.
    assert calls(detect, "de", "Solche Links kennzeichnen wir mit (Werbelink), wir erhalten eine Vergütung.") == set()
    assert calls(detect, "fr", "Les deux pays entretiennent un lien commercial fort.") == set()


# "the more ... the more": where the comparative also means "several", only its opening phrase opens the correlative.
def test_several_twice_in_a_danish_news_sentence_is_no_correlative(detect):
    story = ("I flere tilfælde misbruges kendte danskere som blikfang for at få en annonce til at virke troværdig, "
             "ligesom flere danske medier har fået misbrugt deres navn.")
    assert calls(detect, "da", "Politiet advarer mod svindel.", story) == set()
    assert calls(detect, "no", "Jo flere venner du inviterer, jo mer bitcoin får du.")  # near miss: the correlative


# A sentence that names its own article previews it: "where you can best buy it" there is no offer.
def test_an_articles_preview_is_no_offer(detect):
    preview = ("In dit artikel proberen wij je een duidelijk beeld te geven van hoe de munt werkt en waar je hem het "
               "beste kan kopen.")
    assert calls(detect, "nl", preview) == set()
    assert calls(detect, "nl", "Bij ons kun je de munt het beste en het goedkoopst kopen.")  # near miss: the offer


# A how-to sentence that walks through the menus with dashes ("Go to Savings – Open account") ends in the menu item
# it names, not in a call; the same dash after a headline's call leaves the call.
@pytest.mark.parametrize(("lang", "line"), [
    ("sv", "Gå till Sparande – Fonder – Öppna konto. Välj sedan kontotyp."),
    ("en", "Go to Wallet - Earn - Start earning. Then choose a coin."),
])
def test_the_last_item_of_a_menu_path_is_no_call(detect, lang, line):
    assert calls(detect, lang, line) == set()


def test_a_call_after_a_dash_in_a_headline_is_still_a_call(detect):
    found = calls(detect, "sv", "Ditt nya sparkonto – Öppna konto idag!")
    assert {value for (_, value, _) in found} == {"ditt nya sparkonto – öppna konto idag", "– öppna konto idag"}
