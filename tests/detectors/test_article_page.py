"""A page filed under its publication date or marked up as news reports the amounts and rails in its text
(detectors/article_page.py): they count only where the site says the offer is its own."""

from __future__ import annotations

import pytest

from detectors import currency, payment
from detectors.article_page import dated_address, headline_address, is_article
from detectors.context import Context
from detectors.document import build_document

FEE = "<p>Die Gebühr für eine Einzahlung von 200 Euro per SEPA-Überweisung beträgt 2 Euro.</p>"
OWN = "<p>Wir akzeptieren SEPA-Überweisungen: die Gebühr für eine Einzahlung von 200 Euro beträgt 2 Euro.</p>"


def page(body: str, url: str, head: str = "") -> object:
    html = f'<!doctype html><html lang="de"><head><meta charset="utf-8">{head}</head><body>{body}'
    return build_document(channel="website:test", requested_url=url, url=url, status=200,
                          fetched_at="2026-01-01T00:00:00Z", content_type="text/html", body=html.encode())


def values(doc) -> set[str]:
    return {f.evidence.value for module in (currency, payment) for f in module.detect(doc, Context())}


@pytest.mark.parametrize("url", [
    "https://news.example.de/2017/05/boerse-senkt-gebuehren/",  # year and month folders
    "https://zeitung.example.es/tecnologia/2014/06/12/actualidad/123.html",  # year, month, day
    "https://portal.example.hu/gazdasag/20210919/bitcoin-cikk",  # a compact date folder
    "https://portal.example.br/06/08/2018/exchange-lanca-programa",  # day/month/year
    "https://journal.example.fr/france/2014-06-21/le-bitcoin-a-paris-123",  # an ISO date folder
])
def test_a_page_filed_under_its_date_is_an_article(url):
    assert dated_address(url)
    assert values(page(FEE, url)) == set()


@pytest.mark.parametrize("url", [
    "https://www.example-exchange.de/gebuehren/",  # no date at all
    "https://www.example-exchange.de/berichte/2024/jahresbericht",  # a year alone files the firm's own papers
    "https://www.example-exchange.de/preise/2024/13/",  # no month 13
    "https://www.example-exchange.de/produkt/20241301/",  # nor here
    "https://www.example-exchange.de/produkt/2024-13-01/",  # nor in an ISO date
])
def test_undated_or_year_only_addresses_keep_the_sites_offer(url):
    assert not dated_address(url)
    assert values(page(FEE, url)) == {"EUR", "SEPA"}


def test_an_article_still_shows_an_offer_the_site_calls_its_own():
    assert values(page(OWN, "https://blog.example-exchange.de/2024/03/sepa-ist-da/")) == {"EUR", "SEPA"}


@pytest.mark.parametrize(("head", "article"), [
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle"}</script>', True),
    ('<script type="application/ld+json">{"@graph": [{"@type": ["BlogPosting"]}, {"@type": "WebSite"}]}</script>',
     True),
    # A help centre's "Article" and an organisation's markup are no story, nor a publication time alone (a social
    # post has one); broken JSON is none either.
    ('<meta property="article:published_time" content="2024-03-01T08:00:00Z">', False),
    ('<script type="application/ld+json">{"@type": "Article"}</script>', False),
    ('<script type="application/ld+json">{"@type": "Organization", "name": "X"}</script>', False),
    ('<script type="application/ld+json">{"@type": "NewsArticle"</script>', False),
])
def test_news_markup_marks_an_article(head, article):
    doc = page(FEE, "https://www.example-firm.de/hilfe/einzahlung", head)
    assert is_article(doc) is article
    assert values(doc) == (set() if article else {"EUR", "SEPA"})


@pytest.mark.parametrize("url", [
    "https://www.zeitung.example.fr/actualite/acheter-du-bitcoin-au-tabac",  # a news section
    "https://www.dnevnik.example.hr/vijesti/hrvatska/kune-u-carapama-1292617",  # and its subsection
    "https://portal.example.pl/biznes/wiadomosci/kantor-kryptowalut",  # second folder
])
def test_a_page_in_a_news_section_is_an_article(url):
    assert is_article(page(FEE, url))
    assert values(page(FEE, url)) == set()


@pytest.mark.parametrize("url", [
    "https://www.example-exchange.de/blog/gebuehren-sinken",  # a firm's blog pitches its own offer
    "https://www.example-exchange.de/news",  # the news index page itself, no folder
    "https://www.example-exchange.de/gebuehren/newsletter",  # a word that only begins like one
])
def test_other_folders_keep_the_sites_offer(url):
    assert not is_article(page(FEE, url))
    assert values(page(FEE, url)) == {"EUR", "SEPA"}


def test_a_page_that_calls_itself_a_guide_explains_the_amounts_it_names():
    guide = ("<p>In diesem Ratgeber zeigen wir, wie man Bitcoin in Euro tauscht.</p>"
             "<p>Die Gebühr für eine Einzahlung von 200 Euro per SEPA-Überweisung beträgt 2 Euro.</p>")
    assert values(page(guide, "https://www.example-ratgeber.de/bitcoin-tauschen")) == set()
    assert values(page(FEE, "https://www.example-ratgeber.de/bitcoin-tauschen")) == {"EUR", "SEPA"}


def test_a_story_in_a_news_section_reports_another_firms_referral_programme():
    from detectors import affiliate, bonus

    story = ("<p>Das Empfehlungsprogramm von Beispielbank zählt zu den beliebtesten.</p>"
             "<p>Wer Freunde einlädt, bekommt für jede Empfehlung 50 Euro Prämie.</p>")
    found = lambda url: {f.indicator for m in (affiliate, bonus) for f in m.detect(page(story, url), Context())}  # noqa: E731
    assert found("https://www.zeitung.example.de/nachrichten/empfehlungsprogramm-beispielbank") == set()
    assert found("https://www.beispielbank.example.de/empfehlungsprogramm") == {"AFFILIATE", "BONUS"}


def test_a_rule_announced_by_a_regulator_reports_on_programmes():
    """"announced by the FCA" reports; the rules' own "winners will be announced" does not (test_promotion_rules)."""
    from detectors import affiliate

    story = ("<p>The new rules, announced by the regulator on Monday, will also ban refer a friend bonuses in "
             "crypto marketing.</p>")
    found = lambda url: {f.indicator for f in affiliate.detect(page(story, url), Context())}  # noqa: E731
    assert found("https://www.example-markets.com/crypto/marketing-rules") == set()


def test_a_glossary_section_explains_the_amounts_it_names():
    assert is_article(page(FEE, "https://www.example-exchange.com/es/learn/glossary/define-fee"))
    assert values(page(FEE, "https://www.example-exchange.com/es/learn/glossary/define-fee")) == set()


def test_a_reports_call_to_take_a_bonus_is_still_the_sites_offer():
    from detectors import bonus

    story = ("<p>Das Empfehlungsprogramm von Beispielbank zählt zu den beliebtesten.</p>"
             "<p>Wer Freunde einlädt, bekommt für jede Empfehlung 50 Euro Prämie.</p>")
    call = "<p>Eröffne jetzt dein Konto und sichere dir 20 € Prämie!</p>"
    quoted = "<p>Die Bank wirbt mit „Eröffne jetzt dein Konto und sichere dir 20 € Prämie!“</p>"
    url = "https://www.zeitung.example.de/nachrichten/empfehlungsprogramm-beispielbank"
    found = lambda body: [f.evidence.value for f in bonus.detect(page(body, url), Context())]  # noqa: E731
    assert found(story) == []
    assert found(story + call) == ["eröffne jetzt dein konto und sichere dir 20 € prämie!"]
    assert found(story + quoted) == []  # someone else's slogan, quoted


@pytest.mark.parametrize("url", [
    "https://www.example-ratgeber.fr/quels-sont-les-frais-caches-des-plateformes-crypto.html",  # a blog post's slug
    "https://www.example-blog.it/come-aprire-un-conto-online-in-dieci-minuti/",  # with its trailing slash
    "https://example-finanzen.de/wie-viel-kostet-eine-sepa-einzahlung-wirklich",
    "https://example.pl/%C5%BCycie-z-kryptowalutami-jak-p%C5%82aci%C4%87-mniej-prowizji",  # encoded letters are words
])
def test_a_page_filed_under_a_headline_is_a_story(url):
    """A blog or news site files its story under its title: the amounts and rails of its worked examples are not
    the site's prices (unless the site calls the offer its own)."""
    assert headline_address(url)
    assert values(page(FEE, url)) == set()
    assert values(page(OWN, url)) == {"EUR", "SEPA"}


@pytest.mark.parametrize("url", [
    "https://www.example-exchange.de/gebuehren-und-limits",  # a firm's page named in a few words
    "https://www.example-exchange.de/top-5-depozite-ron-s~49778df5-5c85-4766-a11a-6626d4277c1c",  # ids are no words
    "https://www.example-exchange.de/2024-10-14-123456-799812",  # nor numbers
    "https://help.example-exchange.de/hc/de/articles/3600-wie-kann-ich-euro-per-sepa-einzahlen",  # a help answer
    "https://www.example-exchange.de/de-articles-help/17-wie-kann-ich-euro-per-sepa-einzahlen",  # a help folder's word
])
def test_short_page_names_and_help_answers_keep_the_sites_offer(url):
    assert not headline_address(url)
    assert values(page(FEE, url)) == {"EUR", "SEPA"}


def test_a_campaign_page_named_after_its_offer_keeps_its_amounts():
    """A campaign's page is often named after its offer: its incentive makes the amounts the site's own."""
    offer = "<p>Eröffne ein Depot und erhalte 40 Euro Startguthaben für deine erste Einzahlung.</p>"
    url = "https://www.example-bank.de/aktionen/bis-zu-vierzig-euro-startguthaben-fuer-neue-kunden"
    assert headline_address(url)
    assert {f.evidence.value for f in currency.detect(page(offer, url), Context())} == {"EUR"}


def test_a_story_filed_under_a_headline_reports_another_firms_referral_programme():
    """A blog files its guide to another bank's referral bonus under the guide's title: the bonus is reported, not
    offered (BONUS, AFFILIATE, and PROMO restating it). The same text on a page named in a word is the bank's."""
    from detectors import affiliate, bonus, promo

    story = ("<p>Das Empfehlungsprogramm von Beispielbank zählt zu den beliebtesten.</p>"
             "<p>Wer Freunde einlädt, bekommt für jede Empfehlung 50 Euro Prämie.</p>")
    found = lambda url: {f.indicator for m in (affiliate, bonus, promo)  # noqa: E731
                         for f in m.detect(page(story, url), Context())}
    assert found("https://www.example-geldblog.de/so-holst-du-dir-die-praemie-der-beispielbank-fuer-freunde") == set()
    assert found("https://www.beispielbank.example.de/empfehlungsprogramm") == {"AFFILIATE", "BONUS", "PROMO"}


def test_a_guide_under_a_headline_that_earns_from_its_providers_offers_their_prices():
    """A comparison guide filed under its headline names its providers' prices as offers when it earns from them
    (an affiliate disclosure); without one they are its examples."""
    disclosure = "<p>Wenn du über unsere Links ein Depot eröffnest, erhalten wir eine Provision.</p>"
    url = "https://www.example-ratgeber.de/die-besten-depots-fuer-einsteiger-im-grossen-vergleich"
    assert values(page(FEE, url)) == set()
    assert values(page(disclosure + FEE, url)) == {"EUR", "SEPA"}
