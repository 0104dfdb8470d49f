"""CURRENCY: in the firm's own help centre an amount given as an example is one of its own service ("for example,
you swap 50 EUR for dollars"), as PAYMENT already reads its rails there; the same example on a blog's guide stays a
worked example, no offer."""

from __future__ import annotations

from detectors import currency
from tests.support.paragraph_pages import found_values

EXAMPLE = "For example, say you swap 50 EUR for dollars and the converted amount shows at once in your balance."


def test_an_example_amount_in_the_firms_help_centre_is_its_own():
    assert found_values(currency, "en", EXAMPLE, url="https://help.example-broker.com/en/articles/swap") == {"EUR"}


def test_near_miss_the_same_example_on_a_blog_is_a_worked_example():
    assert found_values(currency, "en", EXAMPLE, url="https://www.example-blog.com/swap") == set()
