"""How-to steps among a page's lines, for detectors/calls_to_action.py: a sentence with a how-to word ("click
Register", "wählen Sie"), a page of steps (from its first step on, text lines need a hook to call), and a bulleted
item beside a bulleted or numbered step ("- Haz clic en Sign Up" / "- Regístrate con tu correo"): one more step,
whatever its verb."""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import compress, islice

from detectors.call_lines import BULLETS, NUMBERED_STEP
from detectors.cta_vocabulary import Vocabulary, tokens_of, vocabularies
from detectors.lexicon import phrase_lexicon
from detectors.page_words import LINES

INSTRUCTIONAL_PAGE = 3  # how-to sentences from which a page counts as instructions (text lines then need a hook)
# Items either side of a list's item read for a how-to step, where what the item states is a gain: the outcome of
# the steps ("- Choose the amount / - Confirm / - The funds are moved and you start earning rewards!").
STEP_LIST = 8
CONTENTS = "contents_headings"
CONTENTS_REACH = 40  # lines read up from a bulleted item for the heading of its list
TITLE_WORDS = 6  # a line this short right above the first step is the title of the steps ("Sign up with your e-mail")


def instruction(tokens: list[str], voc: Vocabulary) -> bool:
    """A how-to step ("click Register", "wählen Sie"), unless it points at the site's own pitch ("klicka här")."""
    at = voc.has(tokens, voc.instructions, voc.instruction_phrases)
    return bool(at) and not (at < len(tokens) and tokens[at] in voc.hooks)


@lru_cache(maxsize=4096)
def _step(line: str, languages: tuple[str, ...]) -> bool:
    tokens = tokens_of(line)
    return bool(NUMBERED_STEP.match(line)) or any(instruction(tokens, vocabularies()[lang]) for lang in languages)


@lru_cache(maxsize=LINES)  # read once per line: a site's lines repeat page after page
def _numbered(line: str) -> bool:
    return bool(NUMBERED_STEP.match(line))


def _bulleted(line: str) -> bool:
    return line.lstrip()[:1] in BULLETS


def among_steps(lines: list[str], n: int, languages: tuple[str, ...], reach: int = 1) -> bool:
    """Whether line `n` is a bulleted item of a list with a bulleted or numbered how-to step at most `reach` items
    away ("- Valitse peli ja napsauta pelata" / "- Avaa talletusikkuna"): one more step of the list, not a call. The
    items are read only up to the list's end."""
    if not _bulleted(lines[n]):
        return False
    for direction in (-1, 1):
        for k in range(n + direction, n + direction * (reach + 1), direction):
            if not (0 <= k < len(lines) and (_bulleted(lines[k]) or _numbered(lines[k]))):
                break
            if _step(lines[k], languages):
                return True
    return False


def in_contents(lines: list[str], n: int) -> bool:
    """Whether line `n` is an item of a table of contents or of an article's summary: a bulleted line of a list headed
    by "Table of Contents", "Indice", "Key takeaways" ... (contents_headings.yaml), the title of one of the page's
    sections ("- Start copying") or a point it makes, not a call."""
    if not _bulleted(lines[n]):
        return False
    for k in range(n - 1, max(-1, n - 1 - CONTENTS_REACH), -1):
        line = lines[k].strip()
        if line and not _bulleted(line):  # the list's heading, its count aside ("5 key points:")
            return line.rstrip(":").strip().lstrip("0123456789 ").lower() in _contents_headings()
    return False


@cache
def _contents_headings() -> frozenset[str]:
    return frozenset(term.lower() for terms in phrase_lexicon(CONTENTS).terms.values() for term in terms)


def first_step(lines: list[str], languages: tuple[str, ...], candidates: set[int]) -> int:
    """Where the steps start on a page of steps: the line right above the first step, the steps' title ("Register
    with your e-mail" over "Step 1: ..."), when it is a short one; the lines above it are none. -1 elsewhere."""
    lines_in_order = sorted(candidates.union(compress(range(len(lines)), map(_numbered, lines))))
    steps = list(islice((n for n in lines_in_order if _step(lines[n], languages)), INSTRUCTIONAL_PAGE))
    if len(steps) < INSTRUCTIONAL_PAGE:
        return -1
    title = next((n for n in range(steps[0] - 1, -1, -1) if lines[n].strip()), -1)
    return title if title >= 0 and len(lines[title].split()) <= TITLE_WORDS else steps[0]


_PATH_DASHES = ("–", "—", "-")  # between the items of a menu path written out ("Gå till Spara – Placera – Öppna konto")


def in_menu_path(line: str, start: int, languages: tuple[str, ...]) -> bool:
    """Whether the clause at `start` follows a dash in a sentence that opens as a how-to step ("Go to Savings – Open
    account"): the last item of a path through menus, not a call."""
    if line[start:start + 1] not in _PATH_DASHES and line[max(0, start - 2):start].strip()[-1:] not in _PATH_DASHES:
        return False  # read only at a dash: most clauses are not after one (no copy of a long line's rest)
    opened = max(line.rfind(mark, 0, start) for mark in ".!?") + 1
    tokens = tokens_of(line[opened:start])
    return any(instruction(tokens, vocabularies()[lang]) for lang in languages)
