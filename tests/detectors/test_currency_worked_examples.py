"""CURRENCY: a worked example computes with amounts, it offers none. Its sentence opens with a conditional and the
amount stands in the supposition ("Hvis du køber for 2.000 kr. ..., koster ..."), or an example's opener
("Angenommen, ...", a heading line "Eksempel") came at most two sentences before it in its paragraph
(detectors/worked_examples.py). A condition of the firm's own terms ("if you deposit at least 100 EUR, ...") and an
amount said after the example has ended are still offered."""

from __future__ import annotations

import pytest

from detectors import currency
from tests.support.paragraph_pages import found_values


def codes(lang: str, *paragraphs: str) -> set[str]:
    return found_values(currency, lang, *paragraphs, url="https://www.example-guide.com/fees")


@pytest.mark.parametrize(("lang", "paragraphs"), [
    ("da", ["Hvis du køber aktier for 2.000 kr. og betaler 39 kr. i kurtage, koster handlen dig næsten 2 %."]),
    ("en", ["If you had put 500 EUR into the fund ten years ago, your fee today would be far lower."]),
    ("de", ["Angenommen, du sparst jeden Monat etwas. Dann zahlst du bei einem Kauf von 300 Euro eine Gebühr von 3 "
            "Euro."]),
    ("no", ["Eksempel", "Kurtasjen er 0,05 %, men minst 49 kroner for hver handel på børsen."]),
])
def test_an_amount_in_a_worked_example_is_no_offer(lang, paragraphs):
    assert codes(lang, *paragraphs) == set()


@pytest.mark.parametrize(("lang", "paragraphs", "expected"), [
    # a condition of the firm's terms: a threshold in the supposition
    ("en", ["If you deposit at least 100 EUR, the transfer fee is waived."], {"EUR"}),
    # the amount is the outcome, said after the supposition
    ("da", ["Hvis du ikke vælger et beløb, køber vi for 300 kr. hver måned."], {"DKK"}),
    # the example has ended three sentences before
    ("de", ["Angenommen, du sparst jeden Monat etwas. Das ist klug. Es lohnt sich. Bei uns zahlst du für einen Kauf "
            "von 300 Euro eine Gebühr von 3 Euro."], {"EUR"}),
    # a pitch that asks the reader to imagine is no worked example
    ("en", ["Imagine trading without worries. With us every trade costs 1 EUR, whatever its size."], {"EUR"}),
    # the heading above the paragraph is no example's
    ("no", ["Priser", "Kurtasjen er 0,05 %, men minst 49 kroner for hver handel på børsen."], {"NOK"}),
])
def test_near_miss_a_term_or_an_amount_beyond_the_example_is_offered(lang, paragraphs, expected):
    assert codes(lang, *paragraphs) == expected
