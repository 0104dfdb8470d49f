"""AFFILIATE link reading: which links carry a referral code or affiliate tracking, and which only look as if."""

from __future__ import annotations

import pytest

from detectors.affiliate import referral_evidence
from tests.support.paragraph_pages import text_codes


def affiliate_found(doc) -> bool:
    """Whether AFFILIATE finds anything on the document."""
    from detectors import affiliate
    from detectors.context import Context

    return any(f.indicator == "AFFILIATE" for f in affiliate.detect(doc, Context()))

CODED = [
    ("https://www.example-firm.com/register?ref=ANNA2024", ("referral parameter ref", "ANNA2024")),
    ("https://www.example-firm.com/signup?referral_code=f79EsS", ("referral parameter referral_code", "f79EsS")),
    ("https://app.example-firm.com/?inviteCode=7QCY9A", ("referral parameter inviteCode", "7QCY9A")),
    ("https://www.example-firm.com/join/XK82PL", ("invite path /join/", "XK82PL")),
    ("https://www.example-firm.com/r/kryptoKlaus", ("invite path /r/", "kryptoKlaus")),
    ("https://www.example-firm.com/de/invite/ab12cd", ("invite path /invite/", "ab12cd")),
    ("https://www.example-firm.com/reg-1189.4038", ("referral path", "reg-1189.4038")),
    ("https://go.example-firm.com/signup?c=UBFZJRPJ", ("code-like parameter c", "UBFZJRPJ")),
    ("https://s.example-firm.com/UzkyODgy", ("code-like short link", "UzkyODgy")),
    ("https://www.example-firm.com/?awc=12345_1767225600_9f8e7d", ("Awin click id (awc)", "12345_1767225600_9f8e7d")),
    ("https://www.example-firm.com/?irclickid=QWE123rty456", ("Impact click id (irclickid)", "QWE123rty456")),
    ("https://www.example-firm.com/?sscid=71k5_abcd", ("ShareASale click id (sscid)", "71k5_abcd")),
    ("https://www.example-firm.com/?tduid=0a1b2c3d4e", ("Tradedoubler click id (tduid)", "0a1b2c3d4e")),
    ("https://www.example-firm.com/?admitad_uid=f00ba4", ("Admitad click id (admitad_uid)", "f00ba4")),
    ("https://www.shareasale.com/r.cfm?b=1&m=2", ("ShareASale affiliate network link", "www.shareasale.com")),
    # one-letter parameters of exchanges, codes in a fragment router, referral hosts, sign-up paths
    ("https://example-exchange.com/?a=31C7A0D9E2", ("code-like parameter a", "31C7A0D9E2")),
    ("https://www.example-exchange.com/en-US/r?i=kQzVbT", ("code-like parameter i", "kQzVbT")),
    ("https://example-exchange.com/?r=482913", ("code-like parameter r", "482913")),
    # the same id shape where the path does not spell it: a code
    ("https://www.example-exchange.com/register?c=A160513_101504_viteze_kho",
     ("code-like parameter c", "A160513_101504_viteze_kho")),
    ("https://example-exchange.com/#a=xkcd", ("code-like parameter a", "xkcd")),
    ("https://example-exchange.com/#/register?key=5512093", ("code-like parameter key", "5512093")),
    ("https://example-exchange.com/signup?c=QWRTZPLK", ("code-like parameter c", "QWRTZPLK")),
    ("https://ref.example-exchange.com/7730112", ("referral host ref.example-exchange.com", "7730112")),
    ("https://partner.example-exchange.com/b/49XYZ123", ("referral host partner.example-exchange.com", "49XYZ123")),
    ("https://www.example-exchange.com/register/kP3xQ9wZ", ("sign-up path /register/", "kP3xQ9wZ")),
    ("https://www.example-exchange.com/share/NORDWINDGO", ("invite path /share/", "NORDWINDGO")),
    ("https://www.example-exchange.com/r/0/up5512093/0/", ("invite path /r/", "up5512093")),
    ("https://www.example-exchange.com/join/nrdw", ("invite path /join/", "nrdw")),
    ("https://exch.example.com/x/Qm7Lp2Xr", ("code-like short link", "Qm7Lp2Xr")),
    ("https://www.example-exchange.com/?ref=nordwind", ("referral parameter ref", "nordwind")),
    ("https://www.example-firm.com/invite/sam-lee-77", ("invite path /invite/", "sam-lee-77")),  # two words: a name
]
PLAIN = [
    "https://www.example-firm.com/",
    "https://www.example-firm.com/join",
    "https://partners.example-firm.com/en/faq",  # a partner portal's pages, no code
    "https://www.example-firm.com/join/",
    "https://www.example-firm.com/register",
    "https://www.example-firm.com/?ref=",
    "https://www.example-firm.com/?lang=de",
    "https://www.example-firm.com/prices?c=EUR",
    "https://www.example-firm.com/promo?code=welcome",
    "https://www.example-firm.com/de/bitcoin-kaufen",
    "https://www.example-firm.com/markets/BTC-EUR",
    "https://www.example-firm.com/markets/BTCEUR",
    "https://www.example-firm.com/blog/how-to-buy-bitcoin?utm_source=newsletter&utm_medium=email",
    "https://x.com/ExampleFirm",
    "https://www.linkedin.com/company/ExampleFirm",
    "https://www.facebook.com/ExampleFirmOfficial",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "mailto:partners@example-firm.com?subject=ref",
    # section slugs, navigation sources and share buttons
    "https://www.example-firm.de/energiewende",
    "https://www.example-firm.de/presse",
    "https://www.example-firm.de/de/kontakt",
    "https://www.example-firm.com/Bitcoin2024",
    "https://www.example-firm.com/YouTube",
    "https://www.example-firm.com/invite/friends",
    "https://www.example-firm.com/join/team",
    "https://www.example-firm.com/?ref=footer",
    "https://www.example-firm.com/?s=bitcoin",
    "https://www.example-firm.com/?p=12345",
    "https://t.me/share/url?url=https%3A%2F%2Fexample-firm.com%2F&text=hello",
    "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample-firm.com%2F",
    "https://twitter.com/intent/tweet?text=hello&url=https%3A%2F%2Fexample-firm.com%2F",
    "https://www.example-firm.com/share/whatsapp?url=https%3A%2F%2Fexample-firm.com%2F",
    "https://www.reddit.com/r/CryptoCurrency",
    "https://paypal.me/Chineselyrics4u",
    # generic shorteners, slugs with a digit, numbers that are ids, compound navigation sources
    "https://t.co/G6sGeIxGWc",
    "http://amzn.to/2CTinOC",
    "https://www.example-radio.de/radio1niedersachsen/",
    "https://www.example-firm.de/tv/schnappschuss",
    "https://boersen.example-magazin.de/mm/kurs_uebersicht.htn?i=159096",
    "https://finance.example-news.cz/odmena-za-noveho-klienta/viteze.aspx?c=A160513_101504_viteze_kho",  # its slug
    "https://www.example-docs.com/read/001906337ef8e3cec3667",
    "https://wordpress.example/start?ref=news-topnav",
    "https://wordpress.example/?ref=footer_website",
    "https://wordpress.example/?ref=lof",
    "tel:+493012345678",
    # a help centre's answers filed under its referral section: each slug a question, not a code
    "https://help.example-bank.com/en/help/referrals/other/why-did-my-2-invites-not-pay-out",
    "https://help.example-bank.com/en/help/referral/why-is-my-3rd-reward-late",
]


@pytest.mark.parametrize(("url", "evidence"), CODED, ids=[u.split("//", 1)[1] for u, _ in CODED])
def test_link_with_a_code_is_recognised(url, evidence):
    assert referral_evidence(url) == evidence


@pytest.mark.parametrize("url", PLAIN, ids=[u.split(":", 1)[1].lstrip("/") for u in PLAIN])
def test_link_without_a_code_is_not_recognised(url):
    assert referral_evidence(url) is None


@pytest.fixture
def values():
    """values(body, lang="en"): the codes AFFILIATE reads in the text of a one-paragraph page."""
    return text_codes


def test_code_in_text_needs_an_offer_or_a_named_code(values):
    assert values("Use code WELCOME25 and get 20 EUR when you sign up.") == {"code in text: WELCOME25"}
    assert values("Mit dem Code ANNA2024 erhältst du 10 € Bonus.", "de") == {"code in text: ANNA2024"}
    assert values("Bruk koden KRYPTO10 og få 50 kr i bonus.", "no") == {"code in text: KRYPTO10"}
    assert values("Promo code SPRING50") == {"code in text: SPRING50"}
    # A code's name in another case or with its article ("kodu polecającego", "codul de recomandare")
    assert values("Użyj mojego kodu polecającego PL2024 i odbierz 50 zł.", "pl") == {"code in text: PL2024"}
    assert values("Folosește codul de recomandare RO2024 și primește 50 de lei.", "ro") == {"code in text: RO2024"}
    assert values("Usa il codice invito ITA2024 e ottieni 10 € di bonus.", "it") == {"code in text: ITA2024"}
    assert values("Podaj kod pocztowy 00-950 i odbierz paczkę.", "pl") == set()  # a postal code is no referral
    # the bare word in the case its verb takes ("Użyj kodu", "Käytä koodia", Hungarian's code before "kódot"), and
    # Estonian's imperative "saa" ("get") as the offer beside it
    assert values("Użyj kodu WITAJ25 przy rejestracji i odbierz 100 zł.", "pl") == {"code in text: WITAJ25"}
    assert values("Käytä koodia TERVE25 rekisteröityessäsi ja saat 25 euroa.", "fi") == {"code in text: TERVE25"}
    assert values("Használd a HELLO25 kódot a regisztrációnál, és kapj 5000 forintot.", "hu") == \
        {"code in text: HELLO25"}
    assert values("Kasuta koodi TERE25 registreerimisel ja saa 25 eurot.", "et") == {"code in text: TERE25"}
    assert values("Használd a H4X9K kódot a belépéshez a mobilalkalmazásban.", "hu") == set()  # no offer: a log-in code
    assert values("Käytä koodia AB12CD kirjautuessasi sovellukseen.", "fi") == set()
    assert values("If you see error code E4021, restart the app.") == set()
    assert values("Our SWIFT code is NRDWDEFF and our IBAN starts with DE.") == set()
    assert values("Scan the QR code to download the app.") == set()
    # a bare "use code" right after a named referral code needs no offer of its own; far from one it does
    assert values("You will be asked to enter a referral code - Use code 100KRIPTO") == {"code in text: 100KRIPTO"}
    assert values("When people use a referral code like QWERT7, both get a bonus.") == {"code in text: QWERT7"}
    assert values("A referral code like this one is easy to share.") == set()  # "like" a word, no code
    assert values("Referral codes are explained in our help centre, which covers many other topics as well, "
                  "from fees to security. Use code 100KRIPTO") == set()


def test_code_a_few_words_from_its_code_word(values):
    """A code of letters and digits may stand apart from its word ("type N4KE2 into the code box", "use the code
    Maria gave you: « hT7qP2 »"); near misses: a word with a footnote's number, a code with no offer or name."""
    assert values("Type N4KE2 into the referral code box when you register.") == {"code in text: N4KE2"}
    assert values("Type N4KE2 into the code box and get 15 € on your first deposit.") == {"code in text: N4KE2"}
    assert values("Utilisez le code donné par Marie : « hT7qP2 » et recevez 10 € de bonus.", "fr") == \
        {"code in text: hT7qP2"}
    assert values("Open a Savings1 account with the promo code and pay no fees.") == set()  # a footnote's 1
    assert values("Type N4KE2 into the code box to track your parcel.") == set()  # no offer, no code's name


def test_shared_programme_word_takes_the_language_of_an_undeclared_page(page):
    """'Partnerprogramm' is German, and 'partnerprogram' Danish, Swedish and Norwegian: on a page that declares no
    language, the language its text is in decides whose member states the programme points at."""
    from detectors import affiliate
    from detectors.context import Context

    def states(html_lang: str, body: str) -> set[tuple[str, ...]]:
        declared = f" lang='{html_lang}'" if html_lang else ""
        doc = page(f"<!doctype html><html{declared}><body><p>{body}</p></body></html>")
        return {f.member_states for f in affiliate.detect(doc, Context()) if f.indicator == "AFFILIATE"}

    german = ("Diese Richtlinie beschreibt die Gebühren und die Provisionen unseres Partnerprogramms. Wer über "
              "einen Partner zu uns kommt, zahlt dauerhaft weniger, und der Partner erhält jeden Monat seine "
              "Provision, sobald sie den Schwellenwert überschreitet.")
    danish = ("Denne side beskriver gebyrerne og provisionerne i vores partnerprogram. Den, der kommer til os via en "
              "partner, betaler permanent mindre, og partneren modtager hver måned sin provision, når den "
              "overstiger tærsklen.")
    assert states("", german) == {("AT", "BE", "DE", "LI", "LU")}
    assert states("", danish) == {("DK",)}


@pytest.mark.parametrize(("lang", "body"), [
    ("no", "Annonselenke"),  # a paid link's label beside an offer box
    ("sv", "Inlägget innehåller samarbetslänkar."),
    ("de", "Ihr Freund eröffnet das Konto über Ihren persönlichen Werbungscode."),
    ("cs", "Doporučte nás svým známým a vyděláte všichni."),
    # the affiliate partnerships that pay for its links, and a refer-a-friend reward in Spanish
    ("en", "Some reviews on this site are supported by affiliate partnerships from which this website may receive "
           "money."),
    ("es", "Refiere a un amigo y recibe 50 USDT cuando complete su primera operación."),
    # sharing one's invitation code, an affiliate network's "system partnerski", a friend referred
    ("en", "You can also share your invitation code with your friends."),
    ("pl", "Podczas rejestracji w Systemie Partnerskim utworzymy dla Ciebie serwis partnerski."),
    ("en", "Up to 3 lift tickets for referring a friend who opens an account."),
    # banks' and platforms' own referral programmes: "suositusohjelma", "doporučit přítele", "sikeres ajánlás"
    ("fi", "Bondoran suositusohjelma palkitsee sinut jokaisesta uudesta sijoittajasta."),
    ("cs", "Můžete doporučit přítele a oba získáte odměnu."),
    ("hu", "Az első ügyfél sikeres ajánlása esetén díjmentességet biztosítunk."),
    # disclosures whose pay is "affiliate marketing" and whose links are "our partners"
    ("cs", "Některé odkazy v článku mohou být předmětem affiliate marketingu."),
    ("es", "Nos financiamos con la remuneración de nuestros partners, esto no afecta nuestras evaluaciones."),
    # a firm's own referral and partner schemes by their names
    ("lt", "Klientai dalinasi individualia rekomendacine nuoroda su savo draugais."),
    ("de", "Nutzen Sie das Empfehlungsformular der Freundschaftswerbung."),
    ("en", "Joining our partnership program is completely free."),
    ("en", "The Ambassador Program is a referral and revenue-sharing mechanism."),
    # Latin-American "link de referidos", revenue generated through links
    ("es", "Invita a nuevos usuarios a registrarse utilizando tu link de referidos."),
    ("en", "We do generate revenue from some of the products we endorse through affiliated links."),
])
def test_paid_link_labels_and_referral_codes_in_their_own_words(page, lang, body):
    from detectors import affiliate
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='{lang}'><body><p>{body}</p></body></html>")
    assert [f for f in affiliate.detect(doc, Context()) if f.indicator == "AFFILIATE"]


@pytest.mark.parametrize(("lang", "body"), [
    ("no", "Annonse"),  # an advert's label is no paid link
    ("de", "Bitte geben Sie den Gutscheincode an der Kasse ein."),
    ("cs", "Doporučujeme zkontrolovat poplatky."),  # "we recommend", not "recommend us"
    # a sign-up form's field for the code someone else gave the reader
    ("en", "Invitation code (optional)"),
    ("de", "Wenn Sie einen Empfehlungscode haben, wählen Sie „Ich habe einen Empfehlungscode“."),
    ("hu", "A bank ajánlása szerint érdemes két fiókot nyitni."),  # the bank's advice, no referral
    ("cs", "Affiliate marketing je obor, o kterém často píšeme."),  # the trade named, no links
    ("es", "Nuestros partners son bancos regulados en España."),  # partners, no pay
    ("en", "The bank's brand ambassador opened the new branch."),  # an ambassador, no programme
    ("en", "The exchange will generate revenue from trading fees."),  # revenue, no links
])
def test_advert_labels_and_advice_are_no_programme(page, lang, body):
    assert not affiliate_found(page(f"<!doctype html><html lang='{lang}'><body><p>{body}</p></body></html>"))


@pytest.mark.parametrize(("lang", "body", "found"), [
    # A programme's name in quotation marks is still the site's programme on its own page ...
    ("it", 'Il programma "Invita un amico" ti premia ogni volta che parli di noi.', True),
    ("no", "Vilkår for tilbudet «Verv en venn»: NOK 250 for hver nyvervet kunde.", True),
    # ... but a slogan or a sentence quoted around the phrase is someone's words, not the site's programme.
    ("de", "Die Bank wirbt mit dem Satz „Jetzt Freunde werben und doppelt profitieren“.", False),
])
def test_a_programmes_name_in_quotation_marks_is_its_name(page, lang, body, found):
    assert affiliate_found(page(f"<!doctype html><html lang='{lang}'><body><p>{body}</p></body></html>")) is found


def test_a_referral_scheme_described_in_a_news_warning_is_no_programme_of_the_site(page):
    """A scheme's rule reported in a warning is not the site's programme; the same rule on the site's page is."""
    from detectors import affiliate
    from detectors.context import Context

    rule = "Members are told to bring in friends and family, and get a reward for every person they bring."
    news = "The police announced a warning about fake trading groups on Monday."
    for body, found in ((f"<p>{news}</p><p>{rule}</p>", False), (f"<p>{rule}</p>", True)):
        doc = page(f"<!doctype html><html lang='en'><body>{body}</body></html>")
        assert bool([f for f in affiliate.detect(doc, Context()) if f.indicator == "AFFILIATE"]) is found


@pytest.mark.parametrize(("body", "found"), [
    # Romanian "noi" is "new" as often as "we": new members are no site speaking of its own scheme
    ("<p>Poliția a anunțat luni un avertisment.</p><p>Membrii sunt încurajați să aducă noi membri (prieteni, "
     "familie) și primesc o recompensă pentru fiecare persoană adusă.</p>", False),
    # "prietenoasă" is friendly, not a friend
    ("<p>Aplicația are o interfață prietenoasă și un bonus de bun venit.</p>", False),
    ("<p>Invită-ți prietenii și primești un bonus pentru fiecare prieten care își deschide un cont.</p>", True),
])
def test_romanian_new_members_and_a_friendly_interface_are_no_referral_rule(page, body, found):
    from detectors import affiliate
    from detectors.context import Context

    doc = page(f"<!doctype html><html lang='ro'><body>{body}</body></html>")
    assert bool([f for f in affiliate.detect(doc, Context()) if f.indicator == "AFFILIATE"]) is found


@pytest.mark.parametrize(("lang", "body", "found"), [
    # "Member get member" is a referral programme's name in several languages, the site's own on its rules page ...
    ("nl", "Spelregels Member Get Member: wie een nieuwe klant aanbrengt, ontvangt een cadeaukaart.", True),
    ("it", "Con il programma Member Get Member di Example Firm presenti un amico e ricevete entrambi un buono.",
     True),
    # ... and someone else's where a report names it so.
    ("nl", "De verzekeraar lanceert deze maand een member-get-member-programma voor zijn bestaande klanten.", False),
    # A refer-a-friend scheme in Czech, Slovak and Polish wording: its name, or the referred client and the reward.
    ("cs", "Jak získat odměnu za doporučení: pozvaný musí do 30 dnů zaplatit kartou.", True),
    ("cs", "Odměna se počítá z obchodů, které provede doporučený klient během prvních tří měsíců.", True),
    ("cs", "Řekněte o aplikaci svým známým a oba získáte bonus 300 Kč.", True),
    ("sk", "Bonus za odporúčanie vám pripíšeme do piatich pracovných dní.", True),
    ("pl", "Nagroda za polecenie trafi na Twoje konto po pierwszej transakcji znajomego.", True),
    # Near misses: a recommendation without a scheme, a newcomer without a reward.
    ("cs", "Doporučujeme vám pravidelně kontrolovat výpis z účtu.", False),
    ("cs", "Pro nováčky jsme připravili přehledný návod k prvnímu nákupu.", False),
])
def test_referral_programme_wording_in_more_languages(page, lang, body, found):
    assert affiliate_found(page(f"<!doctype html><html lang='{lang}'><body><p>{body}</p></body></html>")) is found


def test_a_help_centres_faq_questions_report_on_nothing(page):
    """"What is an order id?" in a firm's help centre asks about its own service; the same words on a blog beside a
    programme explain someone else's."""
    from detectors import affiliate
    from detectors.context import Context

    body = ("<p>Share your referral code with friends: you earn 0.5 % on everything they invest.</p>"
            "<p>What is an order id? Each order has a number of its own.</p>")
    html = f"<!doctype html><html lang='en'><body>{body}</body></html>"
    found = lambda url: bool([f for f in affiliate.detect(page(html, url=url), Context())  # noqa: E731
                              if f.indicator == "AFFILIATE"])
    assert found("https://support.example-wallet.com/referral-program/how-it-works/")
    assert not found("https://www.example-cryptoblog.com/referral-program/how-it-works/")


def test_a_page_titled_with_a_programmes_name_defines_its_own_programme(page):
    from detectors import affiliate
    from detectors.context import Context

    body = ("<p>The referral program is a system of rewards for users who invite new users with a referral link.</p>"
            "<p>The reward is credited to the inviting user's account when the invited user makes a deposit.</p>")
    found = lambda title: bool([f for f in affiliate.detect(page(  # noqa: E731
        f"<!doctype html><html lang='en'><head><title>{title}</title></head><body>{body}</body></html>",
        url="https://docs.example-exchange.com/manual/rewards"), Context()) if f.indicator == "AFFILIATE"])
    assert found("Referral program")
    assert not found("How crypto exchanges reward the users who invite their friends")
