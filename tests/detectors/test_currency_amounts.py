"""CURRENCY's amount and trading-pair scans (regexes tried only where a match can start) find exactly what finditer
finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

from detectors.currency import _amounts, _names_from, _pairs, _rules
from detectors.document import build_document
from detectors.lexicon import lower_in_place
from detectors.offer_context import scan

ROOT = Path(__file__).resolve().parents[2]
PIECES = list("0123456789 .,'-€$£/\u00a0\u202f\nabcEURPLNKčzłFtkr.лв٣") + [
    "EUR", "zł", "Kč", "kr.", "лв.", "USD", "SEK", "€", "1 000", "12,50", "10.-", "Ft", "euro", "Euro", "ZŁOTYCH",
    "BTC", "ETH", "EURC", "OP", "USDT", "_", " de ", "lei", "de"]


def _spans(matches) -> list:
    return [(m.span(), m.group("lead"), m.group("unit")) for m in matches]


def test_same_matches_as_finditer_on_fixture_pages_and_random_text():
    rules = _rules()
    texts = []
    for path in sorted((ROOT / "tests" / "pages").rglob("*.html")):
        texts.append(build_document(channel="website:t", requested_url="https://t.example/", url="https://t.example/",
                                    status=200, fetched_at="2026-01-01T00:00:00Z", content_type="text/html",
                                    body=path.read_bytes()).text)
    rnd = random.Random(10)
    texts += ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 30))) for _ in range(5000)]
    for text in texts:
        assert _spans(_amounts(rules, text)) == _spans(rules.amount.finditer(text)), text[:200]


def test_same_pairs_as_finditer_on_random_text():
    rules = _rules()
    rnd = random.Random(11)
    for _ in range(5000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 20)))
        assert [m.span() for m in _pairs(rules, text)] == [m.span() for m in rules.pair.finditer(text)], text


def test_a_romanian_amount_with_de_between_number_and_unit():
    # From 20 on, Romanian puts "de" between a number and its unit's word: "50 de lei" is RON, as "5 lei" is.
    rules = _rules()
    for text, unit in (("Comision 50 de lei", "lei"), ("Depunere minimă: 100 de euro", "euro"),
                       ("Comision 5 lei", "lei")):
        found = [m.group("unit") for m in _amounts(rules, text)]
        assert found == [unit], text
    # "de" alone after a number is no amount: "20 de ani" (20 years), "5 de oameni" (5 people).
    assert [m.group(0) for m in _amounts(rules, "După 20 de ani, 5 de oameni")] == []


def test_names_tried_by_their_first_word_are_those_the_whole_alternation_finds():
    rules = _rules()
    rnd = random.Random(12)
    names = sorted(token for token in rules.by_token if rules.names.fullmatch(token))[::3] + ["in euro", "euro", "in"]
    pieces = names + ["ı", "İ", "ſ", "ς", "σ", "ş", "ț", "K", "-", "'", " ", "\n", "_", "1", "€", "euro-", "eurokonto"]
    for _ in range(4000):
        text = "".join(rnd.choice([p, p.upper(), p.title()]) for p in rnd.choices(pieces, k=rnd.randint(1, 10)))
        lowered = lower_in_place(text)
        found = scan(rules.names, text, rules.name_firsts, rules.name_letters, on=lowered, by_first=_names_from)
        assert [m.span() for m in found] == [m.span() for m in rules.names.finditer(lowered)], text


def test_the_check_of_a_units_first_character_changes_no_amount():
    rules = _rules()
    guard = re.search(r"\(\?=\[[^\]]*\]\)", rules.amount.pattern)[0]  # the unit's first-character check
    plain = re.compile(rules.amount.pattern.replace(guard, "", 1), rules.amount.flags)
    rnd = random.Random(13)
    pieces = [*PIECES, "ı", "İ", "ſ", "K", "ε", "Ε", "ευρώ", "ΕΥΡΏ", "Лв", "EURO", "Zł", "KR", "DE "]
    for _ in range(5000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30)))
        assert _spans(rules.amount.finditer(text)) == _spans(plain.finditer(text)), text


def test_a_greek_amount_written_in_capitals_drops_the_accent_of_its_unit():
    # Greek capitals carry no accents: "20 ΕΥΡΩ" is the "20 ευρώ" of a banner; "ΕΥΡΩΠΑΪΚΗ" is no unit.
    rules = _rules()
    assert [m.group("unit").lower() for m in _amounts(rules, "ΠΡΟΣΦΟΡΑ: 20 ΕΥΡΩ ΔΩΡΟ")] == ["ευρω"]
    assert [m.group("unit") for m in _amounts(rules, "Κερδίστε 20 ευρώ")] == ["ευρώ"]
    assert [m.group(0) for m in _amounts(rules, "20 ΕΥΡΩΠΑΪΚΕΣ ΧΩΡΕΣ")] == []
