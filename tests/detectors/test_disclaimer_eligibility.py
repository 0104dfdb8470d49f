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
