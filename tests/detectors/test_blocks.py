"""Reading a page block by block (detectors/blocks.py) gives what reading it whole gives, whatever was read before."""

from __future__ import annotations

import random

import pytest

from detectors import offer_context as oc
from detectors.blocks import forget_blocks
from detectors.lexicon import PhraseLexicon
from tests.detectors.test_lexicon_index import TEXTS

WRAPPED = [  # offer-context phrases a page's source wraps over lines: a block must not cut them
    "Menu\nWe\nsupport SEPA transfers and cards. Top\n-\nup from 10 €\nFooter",
    "Bitcoin\nMarket\ncap 1,2 Bio. €, unser\nKurs 60 000 € pro\nMonat",
    "Start\nyou can\npay 25 € per\n\u2013\nmonth",
]


def test_blocks_give_the_text_back_and_no_match_runs_across_two():
    lexicon = PhraseLexicon("T", {"en": ["a b", "a b c", "x y*", "deposit", "minimum deposit"]})
    words = ["a", "b", "c", "x", "yes", "minimum", "deposit", "q", "-", "."]
    generator = random.Random(7)
    texts = ["".join(generator.choice(words) + generator.choice([" ", "\n", " - ", ".\n"]) for _ in range(60))
             for _ in range(300)]
    crossing = 0
    for text in texts:
        blocks = lexicon.blocks(text)
        assert "\n".join(blocks) == text
        ends = {sum(len(b) + 1 for b in blocks[:n + 1]) - 1 for n in range(len(blocks))}  # where blocks end
        for match in lexicon.find(text):
            assert not any(match.start < end < match.end for end in ends), (text, match)
            crossing += "\n" in match.text
    assert crossing  # the texts do wrap phrases over lines, and those lines stay in one block


def test_a_line_ending_in_no_inner_word_is_a_block_of_its_own():
    lexicon = PhraseLexicon("T", {"en": ["minimum deposit"]})
    assert lexicon.blocks("Menu\nMinimum\ndeposit 10 €\nFooter") == ["Menu", "Minimum\ndeposit 10 €", "Footer"]
    assert lexicon.blocks("minimum\n\u2013\ndeposit") == ["minimum\n\u2013\ndeposit"]  # across a line without words
    # A regex ignoring case reads "İ" as "i": a line ending in such a word may go on into the next
    lexicon = PhraseLexicon("T", {"en": ["visit istanbul office"]})
    text = "Menu\nVisit İstanbul\noffice hours\nFooter"
    assert [m.text for m in lexicon.find(text)] == [m.text for m in lexicon.find_with_regex(text)] == [
        "Visit İstanbul\noffice"]
    assert "Visit İstanbul\noffice hours" in lexicon.blocks(text)


def _whole(text: str) -> dict[str, list[int]]:
    """The offer context's words as reading the whole text finds them (the reference)."""
    lex = oc._lexicons()
    found: dict[str, list[int]] = {group: [] for group in oc.GROUPS}
    for m in lex.phrases.find(text):
        for group in {key.split(":")[0] for key in m.languages}:
            found[group].append(m.start)
    found["offer"] = sorted(found["offer"] + found["own_offer"] + [m.start() for m in lex.endings.finditer(text)])
    return found


@pytest.mark.parametrize("memory", ["cold", "warm"])
def test_the_offer_context_read_by_block_is_the_whole_texts(memory):
    forget_blocks()
    texts = [*WRAPPED, *TEXTS[:200]]
    if memory == "warm":  # every block read before, as a site's chrome on its later pages
        for text in texts:
            oc.OfferContext(text)
    for text in texts:
        context, whole = oc.OfferContext(text), _whole(text)
        assert context._offer == whole["offer"], text[:200]
        assert (context._narrative, context._explainer, context._generic, context._own) == (
            whole["narrative"], whole["explainer"], whole["generic"], whole["own_offer"]), text[:200]
        editorial = bool(whole["editorial"]) or len(whole["reporting"]) >= oc.REPORTED
        assert context.editorial == (editorial or bool(oc._DATELINE.match(text)))


def test_a_memo_keeps_what_repeats_and_forgets_the_rest(monkeypatch):
    from detectors import blocks

    monkeypatch.setattr(blocks, "BLOCKS_KEPT", 4)
    reads = []
    memo = blocks.BlockMemo(lambda block: reads.append(block) or (block,))
    for page in range(10):  # one line of chrome on every page, one line of its own
        assert memo.over(["Menu", f"Text {page}"]) == [(0, ("Menu",)), (5, (f"Text {page}",))]
    assert reads.count("Menu") == 1  # read once, kept across generations
    assert len(memo._known) + len(memo._old) <= 2 * 4
    assert memo("Text 0") == ("Text 0",) and reads.count("Text 0") == 2  # forgotten, read again


def test_a_memo_reads_a_texts_new_blocks_together():
    from detectors import blocks

    batches = []
    memo = blocks.BlockMemo(lambda block: (block,), lambda new: batches.append(new) or [(block,) for block in new])
    assert memo.over(["Menu", "A", "Menu", "B"]) == [(0, ("Menu",)), (5, ("A",)), (7, ("Menu",)), (12, ("B",))]
    assert batches == [["Menu", "A", "B"]]  # each new block once, in the text's order
    memo.over(["Menu", "C"])
    assert batches == [["Menu", "A", "B"]]  # one new block: read alone
