"""PROMO: the rules of a promotion the site runs are its offer to the reader, reward stated or not
(detectors/promotion_rules.py). Two different rule headings make the page a campaign's rules; one alone, or a news
story and an explainer about another firm's campaign, do not."""

from __future__ import annotations

import pytest

from detectors.promotion_rules import LOCATOR
from tests.support.paragraph_pages import page_of


def rules(detect, lang: str, *paragraphs: str, url: str = "https://www.example-exchange.com/promo/terms",
          title: str = "Example"):
    """(member states, value) of each promotion-rules finding."""
    page = page_of(lang, *paragraphs, title=title)
    return {(states, value) for (_, states, value, locator) in detect("promo", page, url=url)
            if locator.startswith(LOCATOR)}


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    ("en", ["Promotion Period: from 1 March to 31 March, 12:00 UTC.",
            "Eligible participants are verified users who trade spot pairs during the promotion.",
            "Prizes are sent within 14 days."],
     {((), "promotion period")}),
    ("de", ["1. Aktionszeitraum: Die Aktion läuft vom 1. bis 30. Juni.",
            "2. Teilnahmebedingungen: Teilnehmen können volljährige Kundinnen und Kunden mit verifiziertem Konto."],
     {(("AT", "BE", "DE", "LI", "LU"), "aktionszeitraum")}),
    ("sl", ["Pravila dogodka", "1. Nagrade bodo razdeljene po koncu dogodka vsem upravičenim uporabnikom."],
     {(("SI",), "pravila dogodka")}),
    ("pl", ["Regulamin promocji „Jesień z kryptowalutami”",
            "§ 2. Czas trwania promocji: od 1 października do 30 listopada."],
     {(("PL",), "regulamin promocji")}),
    # a contest's rules: its organiser and its length
    ("pl", ["Regulamin konkursu „Krypto-quiz”", "§ 1. Organizatorem konkursu jest spółka prowadząca serwis."],
     {(("PL",), "regulamin konkursu")}),
    ("en", ["Article 2. The competition lasts from 1 July until 1 September.",
            "Article 3. The prize pool is 2,000 USDT, shared among the ten best referrers."],
     {((), "the competition lasts")}),
    # a campaign's FAQ: who may take part, and on what terms
    ("es", ["¿Quién puede participar?", "Los usuarios nuevos que cumplan los requisitos de la campaña."],
     {(("ES",), "quién puede participar")}),
    # terms that name their campaign as "this promotion" and say when it runs, with no heading of their own
    ("pt", ["Termos e Condições - Desafio de Inverno",
            "1. Esta promoção é válida para clientes registados de 1 a 15 de janeiro.",
            "2. O prémio desta promoção é pago em bitcoin no dia 20 de janeiro."],
     {(("PT",), "esta promoção")}),
    ("de", ["Mit der Teilnahme an der Promotion akzeptierst du diese Bedingungen.",
            "Die Promotion beginnt am 1. März 2025 und endet am 14. März 2025."],
     {(("AT", "BE", "DE", "LI", "LU"), "teilnahme an der promotion")}),
    ("et", ["Käesolev kampaania kehtib 30 päeva.", "Kampaanias osalejad peavad olema täisealised."],
     {(("EE",), "käesolev kampaania")}),
    # banks' and brokers' campaign terms: a "promotional action", a "sales action", an "incentive", a referral
    # programme, each named as the terms' subject
    ("el", ["Όροι προωθητικής ενέργειας", "Για να συμμετάσχετε σε αυτήν την προωθητική ενέργεια, ανοίξτε λογαριασμό."],
     {(("CY", "GR"), "όροι προωθητικής ενέργειας")}),
    ("sl", ["Splošni pogoji prodajne akcije", "Trajanje prodajne akcije: od 14. 1. do 16. 12."],
     {(("SI",), "pogoji prodajne akcije")}),
    ("no", ["For å delta i Incitamentet må du være over 18 år.", "Incitamentsperioden varer fra 22. mai til 28. juni."],
     {(("NO",), "delta i incitamentet")}),
    ("fi", ["Tämän suositusohjelman ehdot koskevat kaikkia käyttäjiä.",
            "Suositusohjelmaan osallistuminen edellyttää vahvistettua tiliä."],
     {(("FI",), "tämän suositusohjelman")}),
    ("lv", ["1. Loterijas organizētājs: banka.", "2. Loterijas norises teritorija ir Latvijas Republikas teritorija."],
     {(("LV",), "loterijas organizētājs")}),
    ("pl", ["Regulamin Akcji promocyjnej „Konto z premią”", "1. Organizatorem akcji promocyjnej jest wydawca serwisu."],
     {(("PL",), "regulamin akcji")}),
    # the campaign defined as a term of its rules is one of its headings
    ("pl", ['Regulamin akcji promocyjnej "Konto z premią" (dalej: "Akcja")', "§1. Premia wynosi 100 zł."],
     {(("PL",), "regulamin akcji")}),
    ("pt", ["1.1 A Campanha “Ordenado Primavera” (doravante “Campanha”) é promovida pelo banco.",
            "1.2 Participação na campanha: clientes particulares."], {(("PT",), "participação na campanha")}),
    # a referral or loyalty programme's terms: its duration, its conditions, its organiser
    ("fr", ["Conditions du programme de parrainage", "Durée du Programme : le Programme commence le 1er mars."],
     {(("BE", "FR", "LU"), "conditions du programme")}),
    ("cs", ["Obchodní podmínky programu Přiveď kamaráda", "2. Trvání programu: program běží do odvolání."],
     {(("CZ",), "podmínky programu")}),
    ("it", ["Regolamento dell'operazione a premio «Presenta un amico»", "Ambito territoriale: territorio nazionale."],
     {(("IT",), "regolamento dell'operazione")}),
    ("de", ["Bonusrichtlinie", "Diese Bonuspolitik gilt für alle Boni ohne Einzahlung."],
     {(("AT", "BE", "DE", "LI", "LU"), "bonusrichtlinie")}),
], ids=["en", "de", "sl", "pl", "pl-contest", "en-competition", "es-faq", "pt-this-promotion", "de-promotion",
        "et-this-campaign", "el-promotional-action", "sl-sales-action", "no-incentive", "fi-referral-programme",
        "lv-lottery", "pl-promotional-action", "pl-defined-campaign", "pt-defined-campaign", "fr-programme",
        "cs-programme", "it-prize-operation", "de-bonus-policy"])
def test_a_promotions_rules_are_the_sites_offer(detect, lang, paragraphs, expected):
    assert rules(detect, lang, *paragraphs) == expected


@pytest.mark.parametrize(("lang", "paragraphs", "url"), [
    # one rule heading in a guide is no campaign
    ("el", ["Πριν ανοίξετε λογαριασμό, διαβάστε προσεκτικά τους όρους προωθητικής ενέργειας κάθε τράπεζας."],
     "https://www.example-guide.gr/odigos/trapezes"),
    ("de", ["Bei Prämien für Neukunden gilt: Die Aktionsbedingungen sind entscheidend, lesen Sie sie genau."],
     "https://www.example-guide.de/ratgeber/neukundenpraemie"),
    # news about another firm's campaign, dated in its address
    ("en", ["The exchange said the promotion period runs until 31 March.",
            "According to the company, eligible participants must hold a verified account."],
     "https://www.example-news.com/2025/03/04/exchange-launches-spring-promotion"),
    # a conference page: an event, but no promotion's rules
    ("en", ["Register for the event before 1 May.", "The venue opens at 9:00."],
     "https://www.example-exchange.com/events/summit"),
    # a guide that names "this campaign" once: one phrase, no rules
    ("pt", ["Muitas corretoras fazem campanhas de boas-vindas; esta campanha de uma concorrente já terminou."],
     "https://www.example-guide.pt/guia/bonus"),
    # a term defined in quotes that is no campaign, beside one rule heading
    ("pl", ['Umowa rachunku (dalej: "Umowa") zawierana jest z bankiem.', "Regulamin promocji znajdziesz w oddziale."],
     "https://www.example-bank.pl/umowy"),
    # a campaign named in quotes in a story, not defined by its rules
    ("en", ['The exchange ran a "Promotion" last spring (see the "Campaign" page); the promotion period ended.'],
     "https://www.example-news.com/2025/05/01/exchange-ends-promotion"),
    # a guide that names a programme's conditions once
    ("fr", ["Les conditions du programme de fidélité varient d'une banque à l'autre : comparez-les."],
     "https://www.example-guide.fr/guide/fidelite"),
], ids=["el-guide-one-heading", "de-guide-one-heading", "en-news", "en-conference", "pt-guide-one-phrase",
        "pl-defined-contract", "en-quoted-campaign", "fr-guide-one-programme-phrase"])
def test_near_miss_no_campaign_of_the_site(detect, lang, paragraphs, url):
    assert rules(detect, lang, *paragraphs, url=url) == set()


def test_a_page_titled_with_one_rule_phrase_is_those_rules(detect):
    """A broker's "Bonus terms" page: its title names the rules, the body sets them out."""
    assert rules(detect, "bg", "Условия за ползване на бонус", "1. Всеки клиент може да получи бонус само веднъж.",
                 "2. Бонусите за търговия не могат да бъдат теглени.",
                 title="Условия за ползване на бонус | Брокер") == {(("BG",), "условия за ползване на бонус")}


def test_near_miss_a_title_that_warns_about_bonus_terms_is_no_rules(detect):
    assert rules(detect, "de", "Viele Broker werben mit Prämien; lesen Sie die Bonusbedingungen genau.",
                 title="Vorsicht bei intransparenten Bonusbedingungen") == set()


def test_a_first_line_of_one_word_can_be_the_rules_title(detect):
    """"Teilnahmebedingungen" alone on the first line titles a referral programme's terms."""
    assert rules(detect, "de", "Teilnahmebedingungen",
                 "Bestandskunden können Neukunden das Depot nach Maßgabe dieser Bedingungen empfehlen.") == {
        (("AT", "BE", "DE", "LI", "LU"), "teilnahmebedingungen")}
    # the same word opening a sentence of a guide is no title
    assert rules(detect, "de", "Teilnahmebedingungen sollte man vor jeder Aktion einer Bank genau lesen, rät der "
                 "Verbraucherschutz in seinem Ratgeber für Sparer und Anleger.") == set()


def test_an_events_rules_in_lithuanian(detect):
    assert rules(detect, "lt", "1. Šis įvykis skirtas naujiems naudotojams.",
                 "2. Įvykio laikotarpiu atlygis skiriamas už prekybos apimtį.") == {(("LT",), "šis įvykis")}


def test_winners_announced_later_is_a_rule_not_a_news_report(detect):
    """"Winners will be announced" is the rules' own schedule; "announced a promotion" reports another's."""
    assert rules(detect, "en", "Event Period: 10 June to 31 July.", "Eligible Participants: new and existing clients.",
                 "Winners will be announced after the promotion ends.") == {((), "event period")}
    assert rules(detect, "en", "The exchange announced a summer promotion yesterday.",
                 "The promotion period runs to July; eligible participants need a verified account.",
                 url="https://www.example-guide.com/exchanges/summer") == set()


def bonuses(detect, lang: str, *paragraphs: str, title: str = "Example") -> set[tuple[tuple[str, ...], str]]:
    return {(states, value) for (_, states, value, _) in detect("bonus", page_of(lang, *paragraphs, title=title),
                                                                url="https://www.example-exchange.com/promo/terms")}


def test_a_reward_named_in_a_promotions_rules_is_an_incentive(detect):
    """Taking part in the promotion is the trigger: the reward needs no "sign up and get" of its own."""
    assert bonuses(detect, "hr", "Pravila događaja",
                   "1. Trajanje događaja: od 1. do 31. prosinca.",
                   "2. Nagrade će biti podijeljene u roku od 10 radnih dana.") == {
        (("HR",), "nagrade će biti podijeljene u roku od 10 radnih dana.")}


@pytest.mark.parametrize("paragraphs", [
    # the rules name no reward
    ["Promotion Period: 1 to 31 May.", "Eligible participants are verified users with a funded account."],
    # the only reward named is negated
    ["Promotion Period: 1 to 31 May.", "Eligible participants are verified users.",
     "These terms are not a promise of any reward."],
], ids=["no-reward", "negated-reward"])
def test_near_miss_rules_without_a_reward_offer_no_incentive(detect, paragraphs):
    assert bonuses(detect, "en", *paragraphs) == set()


def test_a_reward_in_one_heading_alone_is_no_incentive(detect):
    assert bonuses(detect, "en", "Promotion Period: 1 to 31 May.", "Rewards are sent within 10 working days.") == set()


PROGRAMME_TERMS = ("1. These terms govern your participation as an affiliate.",
                   "2. Rewards are paid to the wallet address you provide, monthly.")


def test_a_programmes_own_page_names_the_reward_taking_part_earns(detect):
    """A page titled with the programme's name sets out its reward: the site's own incentive."""
    assert bonuses(detect, "en", *PROGRAMME_TERMS, title="Hardware Wallet Affiliate Program") == {
        ((), "rewards are paid to the wallet address you provide, monthly.")}


def test_near_miss_a_headline_about_programmes_is_no_programmes_page(detect):
    assert bonuses(detect, "en", *PROGRAMME_TERMS, title="How Crypto Exchange Referral Programs Work") == set()


def test_a_glossary_entry_defines_programmes_and_offers_none(detect):
    """An exchange's glossary page on affiliates explains programmes in general: no incentive of the site."""
    paragraphs = ("Os afiliados ganham comissões ao promover os serviços de uma plataforma.",
                  "Um afiliado recebe uma recompensa por cada novo utilizador que se regista com o seu código.")
    page = page_of("pt", *paragraphs)
    glossary = detect("bonus", page, url="https://www.example-exchange.com/pt/learn/glossary/define-affiliate")
    assert not glossary
    assert detect("bonus", page, url="https://www.example-exchange.com/pt/afiliados")


def test_rules_filed_under_their_own_title_are_still_the_sites(detect):
    """A campaign's rules are often filed under their title ("/terms-of-the-spring-trading-cup-for-new-users"): a
    headline address makes a page an article for other tests (detectors/article_page.headline_address), not here."""
    paragraphs = ["Promotion Period: from 1 April to 30 April.",
                  "Eligible participants are verified users who complete a first spot trade.",
                  "Prizes are sent within 14 days."]
    url = "https://www.example-exchange.com/legal/terms-of-the-spring-trading-cup-for-new-users"
    assert rules(detect, "en", *paragraphs, url=url) == {((), "promotion period")}


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    ("it", ["Regolamento della competizione di trading di primavera",
            "Periodo della competizione: dal 1 al 15 aprile. I partecipanti gareggiano in squadre."],
     {(("IT",), "regolamento della competizione")}),
    ("es", ["Bases de la competición de trading", "Periodo de la competición: del 1 al 15 de abril."],
     {(("ES",), "bases de la competición")}),
], ids=["it-competizione", "es-competicion"])
def test_a_trading_competitions_rules_are_the_sites_offer(detect, lang, paragraphs, expected):
    """A trading competition's rules ("Regolamento della competizione", "Bases de la competición") are a campaign's,
    as a contest's are; one mention of the competition in a story is none."""
    assert rules(detect, lang, *paragraphs) == expected


def test_near_miss_one_mention_of_a_competition_is_no_rules(detect):
    story = ["La competizione tra gli exchange europei fa scendere le commissioni, secondo gli analisti."]
    assert rules(detect, "it", *story, url="https://www.example-news.it/2025/04/02/exchange-commissioni") == set()


@pytest.mark.parametrize(("lang", "paragraphs", "title", "expected"), [
    # a referral programme's terms titled by the firm's name, the programme and the word "terms"
    ("en", ["Northwind Sign-up Promotion Terms", "1. New customers who fund an account within 30 days take part."],
     "Example", {((), "northwind sign-up promotion terms")}),
    # the programme's name on a line ending in a colon, "terms and conditions" on the next
    ("lv", ["Piemērs Ieteikumu programma:", "Noteikumi un nosacījumi",
            "1. Ieteicējs ir lietotājs, kurš uzaicina citu personu reģistrēties platformā."],
     "Example", {(("LV",), "piemērs ieteikumu programma: noteikumi un nosacījumi")}),
    # a risk warning first, then the campaign's terms as the page's heading
    ("nl", ["Beleggen brengt risico's met zich mee. U kunt uw inleg verliezen.",
            "Algemene voorwaarden: promotieactie voor nieuwe beleggers",
            "1. Deelname staat open voor klanten die in maart een rekening openen."],
     "Example", {(("BE", "NL"), "algemene voorwaarden: promotieactie voor nieuwe beleggers")}),
    # the page's <title> names the programme's terms
    ("hr", ["1. Korisnik koji preporuči prijatelja dobiva bodove nakon prve uplate prijatelja."],
     "Uvjeti programa preporuke | Primjer", {(("HR",), "uvjeti programa preporuke | primjer")}),
], ids=["en-first-line", "lv-colon-then-terms", "nl-after-risk-warning", "hr-html-title"])
def test_a_title_naming_a_campaign_and_its_terms_makes_the_page_those_rules(detect, lang, paragraphs, title, expected):
    assert rules(detect, lang, *paragraphs, title=title) == expected


@pytest.mark.parametrize(("lang", "paragraphs", "title", "url"), [
    # terms with no campaign: any terms page
    ("en", ["Terms of Use", "1. These terms govern your use of the website."], "Terms of Use",
     "https://www.example-exchange.com/terms"),
    # a programme named in a title that is a sentence, not a title
    ("en", ["Our referral programme has new terms and conditions from 1 May, which we explain below in detail for "
            "every customer who has invited friends before."], "Example", "https://www.example-exchange.com/blog/x"),
    # a news story titled with a programme's terms, about another firm
    ("en", ["Changes to Bitvavo Referral Programme Terms",
            "The exchange said on Monday that it would change its referral programme, a spokesperson told reporters."],
     "Changes to Bitvavo Referral Programme Terms", "https://www.example-news.com/2025/05/01/bitvavo-referral"),
], ids=["terms-of-use", "sentence-not-title", "news-about-another-firm"])
def test_near_miss_a_title_without_a_campaigns_terms(detect, lang, paragraphs, title, url):
    assert rules(detect, lang, *paragraphs, title=title, url=url) == set()


def test_an_unquoted_capitalised_campaign_in_brackets_is_a_defined_term(detect):
    """'(Promotion)', '(the Spring Promotion)': contract style without quotes; with "this promotion", two headings."""
    assert rules(detect, "en", "Northwind administers this promotion (Promotion) under these terms (Terms).",
                 "Clients who open an account take part.") == {((), "this promotion")}
    assert rules(detect, "en", "Northwind runs the offer (the Spring Promotion) for new clients.",
                 "Clients who take part in this promotion accept these terms.") == {((), "this promotion")}
    # "this promotion" alone is one heading: no rules
    assert rules(detect, "en", "Clients who take part in this promotion accept these terms.") == set()


@pytest.mark.parametrize("paragraph", [
    # the bracket's capitalised name ends in no campaign
    "Northwind runs this promotion with a voucher (the Nano Voucher) for new clients.",
    # a person named in brackets after a title that begins with a campaign word
    "Northwind runs this promotion; questions go to our team (Promotion Manager Anna Berg) by e-mail.",
    # a campaign word in lower case in brackets: a remark
    "Northwind runs this promotion for clients (a promotion like many others).",
], ids=["not-a-campaign", "person", "lower-case"])
def test_near_miss_a_bracket_that_defines_no_campaign(detect, paragraph):
    assert rules(detect, "en", paragraph) == set()


def test_a_banks_campaign_terms_who_may_join_and_the_prizes(detect):
    """Polish campaign terms: when to join the promotion and what its prizes are, two rule phrases."""
    assert rules(detect, "pl", "Do promocji można przystąpić od 1 czerwca do 30 września.",
                 "Nagrodami w promocji są premie w wysokości 100 zł.") == {(("PL",), "do promocji można przystąpić")}
    assert rules(detect, "pl", "Możesz przystąpić do promocji, jeśli jesteś nowym klientem banku.",
                 "Nagrodami w promocji są premie w wysokości 100 zł.") == {(("PL",), "przystąpić do promocji")}
    # a promotional period alone in a fee table: one phrase, no rules
    assert rules(detect, "hr", "Naknada za podizanje gotovine: 0,00 € (promotivni period traje do 31. 12.)") == set()
