"""DISCLAIMER: eligibility limited to a country outside the EU/EEA, named by its abbreviation; a publication telling
its readers of another firm's eligibility excludes no one."""

from __future__ import annotations

from detectors.restricted_countries import exclusions

ELIGIBILITY = ("eligibility outside the EU/EEA", ())


def _found(text: str) -> set[tuple[str, tuple[str, ...]]]:
    return {(e.what, e.states) for e in exclusions(text)}


def test_an_abbreviated_country_outside_the_union_limits_eligibility():
    assert _found("Our cashback campaign is open only to customers based in the UK and nowhere else.") == {ELIGIBILITY}
    assert _found("Die Aktion gilt nur für Personen mit Wohnsitz in den USA; nur dort.") == {ELIGIBILITY}
    # Near misses: a member state named beside it is an offer to that state; "us" in lower case is no country.
    assert _found("Our cashback campaign is open only to customers based in the UK and Ireland.") == set()
    assert _found("The raffle is open only to customers based in the region who write to us.") == set()


def test_readers_told_of_another_firms_eligibility_are_not_excluded_by_the_site():
    assert _found("A note for our Austrian readers: the Foo Card is available only to residents of the USA.") == set()
    assert _found("Pour nos lecteurs : la carte Foo est réservée aux résidents des USA.") == set()
    # Near miss: the same eligibility in the firm's own terms, no readers addressed.
    assert _found("Terms: the Foo Card is available only to residents of the USA.") == {ELIGIBILITY}


def test_an_offer_not_valid_for_the_residents_of_a_member_state_excludes_them():
    excluded = "exclusion of a member state's residents"
    assert _found("Le bonus de bienvenue n'est pas valable pour les résidents luxembourgeois.") == {(excluded, ("LU",))}
    assert _found("The cashback is not valid for Irish residents.") == {(excluded, ("IE",))}
    assert _found("Dieses Angebot ist nicht gültig für Personen mit Wohnsitz in Österreich.") == {(excluded, ("AT",))}
    assert _found("This voucher is not valid for EU residents.") == {("exclusion of the EU/EEA", ())}
    # Near misses: a state without its residents is a rollout or a payment rule; residents welcome are no exclusion.
    assert _found("The app is not available in Germany yet.") == set()
    assert _found("This voucher is not valid for card payments made in France.") == set()
    assert _found("Irish residents can claim the cashback from today.") == set()


def test_the_residents_of_a_member_state_excluded_are_a_disclaimer_marker(detect):
    page = ('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title></head><body>'
            "<p>Offre de bienvenue : 50 € offerts. Cette offre n'est pas valable pour les résidents luxembourgeois.</p>"
            "</body></html>")
    assert detect("disclaimer", page) == {
        ("DISCLAIMER", (), "exclusion of a member state's residents naming LU", "text")}
    near_miss = page.replace("n'est pas valable pour les", "est valable pour les")
    assert detect("disclaimer", near_miss) == set()
