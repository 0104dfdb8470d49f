"""SPONSORSHIP: the site's own role on an event's stage and its promotions run on site at an event, placed where the
event is; a reporter covering the talks is not on stage."""

from __future__ import annotations


def _html(lang: str, body: str) -> str:
    head = '<head><meta charset="utf-8"><title>t</title></head>'
    return f'<!doctype html><html lang="{lang}">{head}<body>{body}</body></html>'


def test_a_speaking_role_of_the_site_at_an_event_in_an_eu_city(detect):
    page = _html("en", "<h1>Our CTO as a speaker at Fintech Days in Vienna</h1><p>Slides follow next week.</p>")
    assert detect("sponsorship", page) == {("SPONSORSHIP", ("AT",), "as a speaker + vienna", "text (en)")}
    page = _html("it", "<p>Quest'anno il nostro fondatore sarà sul palco del Crypto Forum di Milano.</p>")
    assert detect("sponsorship", page) == {("SPONSORSHIP", ("IT",), "sul palco + milano", "text (it)")}


def test_a_promotion_run_on_site_at_an_event_in_the_sites_name(detect):
    page = _html("de", "<h1>Vor-Ort-Aktion Nordwind beim Pokalfinale in Hamburg</h1><p>Teilnahmebedingungen.</p>")
    assert detect("sponsorship", page, url="https://www.nordwind.de/aktion") == {
        ("SPONSORSHIP", ("DE",), "vor-ort-aktion + hamburg", "text (de)")}


def test_a_reporter_on_site_or_someone_elses_speaker_is_not_the_sites_role(detect):
    # Near misses: no first person nor the site's name in the sentence of the role.
    page = _html("en", "<p>The minister spoke on stage at the summit in Vienna. Her speech was short.</p>")
    assert detect("sponsorship", page) == set()
    page = _html("en", "<p>Our reporters covered the talks and panel discussions at the conference in Prague.</p>")
    assert not any(value.startswith("panel") for (_, _, value, _) in detect("sponsorship", page))


def test_a_recap_places_the_sites_event_word_where_its_first_mention_names_it(detect):
    recap = ("<p>Some 2,000 guests came to the Nordic Ledger Conference in Copenhagen last week.</p>"
             "<p>It was a busy three days, with long queues at the coffee bars and a lot of rain. Talks on custody, "
             "stablecoins and payments filled the main hall from morning to night; the side rooms were packed for "
             "workshops on wallets, audits and tax reporting, and the evening drinks ran late.</p>"
             "<p>Our head of research hosted a workshop on custody at the conference.</p>")
    assert detect("sponsorship", _html("en", recap)) == {
        ("SPONSORSHIP", ("DK",), "conference + copenhagen", "text (en)")}
    # Near misses: the first mention names no place next to it; or the later sentence is not the site's own.
    unplaced = recap.replace("Nordic Ledger Conference in Copenhagen", "Nordic Ledger Conference, held for the "
                             "fourth time this year near the harbour of Copenhagen")
    assert detect("sponsorship", _html("en", unplaced)) == set()
    reported = recap.replace("Our head of research", "A professor")
    assert detect("sponsorship", _html("en", reported)) == set()


CONTEST_RULES = ("<h1>Teilnahmebedingungen Gewinnspiel</h1><p>Veranstalter des Gewinnspiels ist die Nordwind GmbH. "
                 "Aktionszeitraum: 1. bis 30. Juni.</p><p>Das Gewinnspiel findet im Rahmen der Sportveranstaltung "
                 "Handball-Pokalfinale in der Arena Hamburg statt.</p>")


def test_the_sites_own_contest_held_at_a_sports_event_is_its_presence_there(detect):
    assert detect("sponsorship", _html("de", CONTEST_RULES), url="https://www.nordwind.de/gewinnspiel") == {
        ("SPONSORSHIP", ("DE",), "im rahmen der sportveranstaltung + hamburg", "text (de)")}


def test_a_sports_event_outside_the_sites_own_promotion_rules_is_not_its_presence(detect):
    # Near miss: the same sentence in a news story (no rules of a campaign the site runs) raises nothing.
    news = ("<h1>Pokalfinale</h1><p>Der Verband meldet einen Zuschauerrekord. Ein Gewinnspiel findet im Rahmen der "
            "Sportveranstaltung Handball-Pokalfinale in der Arena Hamburg statt.</p>")
    assert detect("sponsorship", _html("de", news), url="https://www.zeitung.de/sport/pokal") == set()


def test_a_partner_of_the_sites_own_placed_in_a_member_state(detect):
    page = _html("de", "<p>Zusammen mit unserem Steuer-Partner in Österreich schreiben wir einen Ratgeber.</p>")
    assert detect("sponsorship", page) == {("SPONSORSHIP", ("AT",), "partner in + österreich", "text (de)")}
    page = _html("fr", "<p>Notre partenaire en Belgique organise les formations.</p>")
    assert detect("sponsorship", page) == {("SPONSORSHIP", ("BE",), "partenaire en + belgique", "text (fr)")}


def test_a_partner_not_the_sites_own_or_placed_nowhere_is_no_partnership(detect):
    # Near misses: affiliates recruited ("Werden Sie Partner"), a slogan, a city further on in the sentence.
    assert detect("sponsorship", _html("de", "<p>Werden Sie Partner in Deutschland und verdienen Sie mit.</p>")) \
        == set()
    assert detect("sponsorship", _html("de", "<p>Wir sind Ihr Partner in allen Fragen rund um Krypto.</p>")) == set()
    assert detect("sponsorship", _html("en", "<p>We are your partner in crypto, with an office in Dublin.</p>")) \
        == set()


def test_a_first_person_word_far_along_a_long_sentence_is_not_the_sites_voice(detect):
    # Near miss: the writers' "we" closes a long sentence about the conference, far from the event word.
    far = ("<p>The best thing about the conference in Lisbon was the mix of founders, engineers, lawyers, regulators, "
           "investors and students who argued in every corridor about custody, privacy, stablecoins and scaling, "
           "reminding everyone of how far we have come.</p>")
    assert detect("sponsorship", _html("en", far)) == set()
    near = "<p>We gave away our new hardware wallet at the conference in Lisbon.</p>"
    assert detect("sponsorship", _html("en", near)) == {("SPONSORSHIP", ("PT",), "conference + lisbon", "text (en)")}


def test_a_stage_word_that_is_as_often_a_scenario_or_a_scene_is_no_role(detect):
    # Near misses: "en el escenario actual" is the current situation, "na scenie kryptowalut" the crypto scene.
    assert detect("sponsorship", _html("es", "<p>Nuestra empresa crece en el escenario actual de España.</p>")) == set()
    assert detect("sponsorship", _html("pl", "<p>Nasza firma działa na scenie kryptowalut w Polsce.</p>")) == set()
    page = _html("es", "<p>Nuestro fundador subirá como ponente al Foro Cripto de Madrid.</p>")
    assert detect("sponsorship", page) == {("SPONSORSHIP", ("ES",), "como ponente + madrid", "text (es)")}


def test_the_sites_own_presence_at_a_festival_in_an_eu_city(detect):
    page = _html("en", "<p>This summer we run a pop-up lounge at the festival in Lisbon.</p>")
    assert detect("sponsorship", page) == {("SPONSORSHIP", ("PT",), "festival + lisbon", "text (en)")}
    page = _html("de", "<p>Wir haben ein eigenes Zelt beim Festival in Wien.</p>")
    assert detect("sponsorship", page) == {("SPONSORSHIP", ("AT",), "festival + wien", "text (de)")}
    # Near misses: a festival reported in no one's voice, and the site's festival season placed nowhere.
    assert detect("sponsorship", _html("en", "<p>The festival in Lisbon drew many visitors this year.</p>")) == set()
    assert detect("sponsorship", _html("en", "<p>We loved this festival season.</p>")) == set()
