"""PAYMENT: a run of short lines is a list of payment methods when it names three methods or more, each rail counted
once: "Vipps" / "Visa" / "Mastercard" lists the ways to pay; a troubleshooting menu that names one rail three times
("Vipps-appen" / "Glemt Vipps-kode" / "Vipps på ny telefon") lists the rail's problems, not methods."""

from __future__ import annotations

from detectors import payment
from tests.support.paragraph_pages import found_values

URL = "https://www.example-guide.com/hjelp"


def test_one_rail_named_on_three_short_lines_is_no_list_of_methods():
    assert found_values(payment, "no", "Åpne Vipps-appen", "Glemt Vipps-kode", "Vipps på ny telefon", url=URL) == set()


def test_near_miss_three_methods_on_short_lines_are_a_list():
    assert found_values(payment, "no", "Vipps", "Visa", "Mastercard", url=URL) == {"Vipps"}
