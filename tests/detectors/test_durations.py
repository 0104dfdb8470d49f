"""Periods of time in each language's words (detectors/durations.py): CLDR's, through babel."""

from __future__ import annotations

import pytest

from detectors.durations import names_a_period, period_words


@pytest.mark.parametrize(("language", "sentence"), [
    ("de", "in den ersten 30 Tagen"),  # the dative, from CLDR's relative time
    ("lv", "pirmie 6 kartes lietošanas mēneši"),  # words between the number and its period
    ("fi", "3 kuukauden ajan"),
    ("pl", "przez 12 miesięcy"),
    ("no", "de første 3 månedene"),
])
def test_a_number_of_days_weeks_or_months(language, sentence):
    assert names_a_period(sentence, language)


@pytest.mark.parametrize(("language", "sentence"), [
    ("en", "arrives in 1-2 days"),  # a range: how long something takes
    ("de", "1.000 Tage"),  # part of a larger number
    ("en", "30 % of the fees"),  # no period word
    ("xx", "30 days"),  # a language babel does not know
])
def test_no_period(language, sentence):
    assert not names_a_period(sentence, language)


def test_period_words_come_from_cldr():
    assert {"days", "months", "weeks"} <= set(period_words("en"))
    assert "tagen" in period_words("de")
