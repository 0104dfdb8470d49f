"""SPONSORSHIP's own voice: the site speaking of itself, not news about others or a menu."""

from __future__ import annotations

from detectors.own_voice import own_voice, press_event, site_brand


def test_first_person_in_the_phrase_language():
    assert own_voice("We are proud sponsors of FC Example", ("en",)) == "en"
    assert own_voice("Wir besuchen Unis in Österreich", ("de", "en")) == "de"
    assert own_voice("Contact me any time", ("en",)) == ""  # "me" is Estonian "we", not English
    assert own_voice("Über uns Referenzen Spenden & Sponsoring Blog", ("de", "en")) == ""  # a menu label


def test_organiser_counts_as_own_voice():
    assert own_voice("Pořadatel vydává podmínky konference", ("cs",)) == "cs"


def test_press_conference_is_not_an_event():
    text = "comentó en conferencia de prensa el director"
    start = text.index("conferencia")
    assert press_event(text, start, start + len("conferencia"))
    text = "Meet us at the conference in Lisbon"
    start = text.index("conference")
    assert not press_event(text, start, start + len("conference"))


def test_site_brand_from_the_address():
    assert site_brand("https://www.nordwind.de/sponsoring").search("Nordwind ist Hauptsponsor")
    assert site_brand("https://crypto-expo.eu/").search("Crypto Expo Europe")
    assert site_brand("https://ab.de/") is None
    # A name in two words that its domain writes as one ("Tatra banka"), not a longer word that holds it.
    assert site_brand("https://www.tatrabanka.sk/en/").search("Tatra banka je hlavný sponzor")
    assert not site_brand("https://www.tatrabanka.sk/en/").search("Tatrabankamat")


def test_a_country_abbreviation_is_not_the_pronoun():
    news = "Inter had secured a sponsorship deal worth US$100m with Zytara Labs."
    assert own_voice(news, ("en",)) == ""  # "US" the country, spelt like "us"
    assert own_voice("Its US-Wettbewerber ist offizieller Partner", ("de", "en")) == ""
    assert own_voice("MEET US IN BERLIN AT STAND B12", ("en",)) == "en"  # a line in capitals: the pronoun
    assert own_voice("Meet us in Berlin at stand B12", ("en",)) == "en"


def test_a_first_person_quote_with_a_reporting_verb_in_the_present_is_news():
    assert own_voice('"No nosso caso, quem indica amigos ganha", explica o CEO da corretora.', ("pt",)) == ""
    assert own_voice("No nosso caso, quem indica amigos ganha sempre.", ("pt",)) == "pt"


def test_a_proud_sponsor_in_the_sites_own_voice(detect):
    page = ('<!doctype html><html lang="no"><body><p>Nidaros Sparebank er stolt sponsor og samarbeidspartner for '
            'flere lag i lokalsamfunnet vårt.</p></body></html>')
    assert {value for (_, _, value, _) in detect("sponsorship", page)} == {"stolt sponsor"}


def test_someone_elses_proud_sponsor_is_news(detect):
    page = ('<!doctype html><html lang="no"><body><p>Banken i nabobyen er stolt sponsor for fotballaget, skriver '
            'avisen.</p></body></html>')
    assert detect("sponsorship", page) == set()


def test_the_phrase_itself_does_not_name_a_site_that_bears_its_word(detect):
    """On a sponsorship trade site ("sponsoring.fr"), the word "sponsoring" is the story's, not the site naming
    itself; the site's name elsewhere in the sentence still makes the sponsorship its own."""
    url = "https://www.sponsoring.fr/news/maillots"
    news = ('<html lang="fr"><body><p>Une étude relevait une percée des monnaies virtuelles parmi les contrats de '
            "sponsoring maillot signés à Milan et à Rome.</p></body></html>")
    assert {v for (_, _, v, _) in detect("sponsorship", news, url=url)} == set()
    own = ('<html lang="fr"><body><p>Sponsoring Example est partenaire officiel du salon de la finance à Paris.'
           "</p></body></html>")
    assert ("partenaire officiel + paris" in {v for (_, _, v, _) in detect("sponsorship", own, url=url)})
