"""A search box's prompt ("Start typing and the results show here", "Začněte psát ...") asks the reader to type a
query, not to convert: the verb of typing after "start" is read as the lexicon's `documents` (calls_to_action.yaml),
as "Suche starten" is. The same verb with trading or an account still calls."""

from __future__ import annotations

import pytest

from tests.support.paragraph_pages import promo_calls

PROMPTS = [
    ("en", "Start typing and the results will show here..."),
    ("cs", "Začněte psát a hledané články uvidíte tady..."),
    ("es", "Empieza a escribir para ver los resultados"),
    ("de", "Beginnen Sie zu tippen, die Treffer erscheinen hier"),
]


@pytest.mark.parametrize(("language", "line"), PROMPTS, ids=[lang for lang, _ in PROMPTS])
def test_a_search_boxs_prompt_to_type_is_no_call(detect, language, line):
    assert promo_calls(detect, language, line) == set()


CALLS = [
    ("en", "Start trading today", ((), "start trading today", "en")),
    ("cs", "Začněte obchodovat ještě dnes", (("CZ",), "začněte obchodovat ještě dnes", "cs")),
]


@pytest.mark.parametrize(("language", "line", "call"), CALLS, ids=[lang for lang, _, _ in CALLS])
def test_near_miss_start_with_a_conversion_still_calls(detect, language, line, call):
    assert promo_calls(detect, language, line) == {call}
