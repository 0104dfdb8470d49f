"""PROMO: the site selling its own service in a statement, with no imperative ("Bei uns handelst du ... ohne
versteckte Gebühren", "With our app you buy bitcoin in seconds"): its "we" opens the sentence, the reader's verb
follows, and a selling point (no hidden fees, in seconds, a few clicks, no commission) closes it. Near misses: the
same words in a guide, a review's test, a client's story, a quoted chief executive, someone else's service."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls


@pytest.fixture
def calls(detect):
    return lambda language, *paragraphs: promo_calls(detect, language, *paragraphs)


SELLING = [
    ("en", "With our app you trade shares and crypto in a few clicks, with no hidden fees."),
    ("de", "Bei uns investierst du in ETFs, ganz ohne versteckte Kosten."),
    ("fr", "Avec notre application, vous investissez en quelques clics et sans frais cachés."),
    ("es", "Con nuestra plataforma puedes invertir en fondos en pocos minutos y sin comisiones ocultas."),
    ("it", "Con la nostra piattaforma puoi investire in fondi in pochi clic, senza costi nascosti."),
    ("nl", "Bij ons beleg je in fondsen zonder verborgen kosten."),
    ("pl", "W naszej aplikacji inwestujesz w fundusze w kilka minut, bez ukrytych kosztów."),
    ("sv", "Hos oss handlar du fonder utan courtage."),
    ("da", "Hos os handler du aktier med få klik og uden skjulte gebyrer."),
    ("cs", "U nás investujete do fondů během pár minut a bez skrytých poplatků."),
    ("hu", "Nálunk néhány kattintással befektethetsz, rejtett díjak nélkül."),
    ("fi", "Meillä voit sijoittaa rahastoihin muutamalla klikkauksella ilman piilokuluja."),
]


@pytest.mark.parametrize(("language", "sentence"), SELLING, ids=[s for _, s in SELLING])
def test_the_site_selling_its_service_to_the_reader_is_promotional_copy(calls, language, sentence):
    assert calls(language, "Saving made simple", sentence)


NOT_SELLING = [
    # a guide's "we show you how you ...": the verb is the guide's, the reader's comes later
    ("de", "Wir zeigen dir, wie du in wenigen Minuten einen ETF-Sparplan anlegst und worauf du achten musst."),
    ("es", "En nuestra guía te explicamos cómo inviertes en fondos en pocos minutos y sin complicaciones."),
    # a review's own test: "we", no reader
    ("de", "In unserem Test konnten wir bei der Bank ohne versteckte Kosten einen Fondssparplan anlegen."),
    ("fr", "Nous avons testé cinq applications : avec la plupart, vous investissez en quelques minutes."),
    ("it", "Nella nostra prova abbiamo investito in fondi in pochi minuti, senza costi nascosti."),
    # a client's story: third person
    ("de", "Er legte sein Geld bei uns in wenigen Minuten und ohne versteckte Kosten in ETFs an."),
    # a chief executive quoted by a news page
    ("pl", "„W naszej aplikacji inwestujesz w fundusze w kilka minut, bez ukrytych kosztów” – powiedział prezes."),
    # someone else's service, no "we"
    ("nl", "Bij die bank beleg je in fondsen zonder verborgen kosten, schrijft de krant."),
    ("sv", "Hos banken handlar kunderna fonder utan courtage, enligt rapporten."),
    # a noun or a participle with a verb's ending: purchases made, clients who have opened
    ("es", "En nuestra opinión, las compras de fondos se hacen en pocos minutos."),
    ("fi", "Meillä asiakkaat ovat avanneet tilin muutamassa minuutissa."),
]


@pytest.mark.parametrize(("language", "sentence"), NOT_SELLING, ids=[s for _, s in NOT_SELLING])
def test_the_same_points_in_a_guide_a_test_a_story_or_a_quotation_sell_nothing(calls, language, sentence):
    assert calls(language, "Saving made simple", sentence) == set()


ADVANTAGE = [("it", "Conti deposito: trova il più vantaggioso"),
             ("it", "Confronta le offerte e scegli il conto più conveniente."),
             ("es", "Compara y elige la cuenta más ventajosa."), ("pt", "Compare e escolha a conta mais vantajosa."),
             ("fr", "Comparez et choisissez le compte le plus avantageux.")]


@pytest.mark.parametrize(("language", "line"), ADVANTAGE, ids=[line for _, line in ADVANTAGE])
def test_a_call_that_promises_the_most_advantageous_offer_pitches(calls, language, line):
    assert calls(language, "Conti deposito", line)
    assert calls(language, "Conti deposito", line.rstrip(".") + "?") == set()  # a help page's question


@pytest.mark.parametrize(("language", "line"), [("en", "Choose now"), ("de", "Wähle jetzt deine Sprache"),
                                                ("es", "Elige hoy tu asiento"), ("pl", "Wybierz teraz termin wizyty")])
def test_near_miss_a_verb_of_choosing_alone_is_no_call(calls, language, line):
    # choosing counts after "compare ... and" only: a language menu, a seat or an appointment is no offer
    assert calls(language, "Example", line) == set()
