"""A help answer about a reward that did not arrive ("Bonus not received", "Fehlende Belohnung bei Registrierung",
"Не съм получил бонус от Партньорската програма"), for detectors/promo.py.

Such a page sets out the reward and its conditions to a customer who complains, as the site's own terms would, but
it answers a complaint rather than offering anything: the labelling guide reads it as no PROMO
(benchmarks/realweb/GUIDE.md). It is known by its title: a short line among the text's first lines, with a word
saying the reward is missing or was not received (missing_rewards.yaml) and a reward word (incentives.yaml). One FAQ
entry among many ("Why didn't I get my referral bonus?" deep in a list of questions) does not make the page one."""

from __future__ import annotations

from detectors.article_page import TITLE_LINES, titles
from detectors.cta_vocabulary import tokens_of
from detectors.lexicon import phrase_lexicon
from detectors.model import Document
from detectors.offer_words import offers

MISSING = "missing_rewards"


def answers_missing_reward(doc: Document) -> bool:
    """Whether one of the text's first lines is a title that says a reward of the site did not arrive."""
    text = doc.text
    # Looked for in the whole text through the page's word index, which the other lexicons share: on most pages
    # none of these words occurs and no line is read.
    matches = phrase_lexicon(MISSING).find(text)
    end = -1
    for _ in range(TITLE_LINES if matches else 0):  # where the first lines end (no copy of the rest of the text)
        end = text.find("\n", end + 1)
        if end < 0:
            end = len(text)
            break
    for match in (m for m in matches if m.end <= end):
        line_end = text.find("\n", match.end)
        line = text[text.rfind("\n", 0, match.start) + 1:line_end if line_end >= 0 else len(text)].strip()
        known = [offers()[lang] for lang in match.languages if lang in offers()]
        if titles(line) and any(token.startswith(o.rewards) for o in known for token in tokens_of(line)):
            return True
    return False
