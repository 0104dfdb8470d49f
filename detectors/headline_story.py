"""Whether a page filed under a headline ("/come-aprire-un-conto-corrente-online-in-10-minuti",
detectors/article_page.headline_address) is a story, whose amounts and payment rails are its worked examples
(CURRENCY, PAYMENT): not where the page is a promotion's rules, offers an incentive (a campaign's page is often named
after its offer: "/bis-zu-fuenfzig-euro-fuer-dein-erstes-depot"), or earns from what it names (referral links, an
affiliate disclosure: a comparison guide's providers are its offers), nor the firm's terms."""

from __future__ import annotations

from detectors import affiliate
from detectors.article_page import headline_address
from detectors.bonus import offered
from detectors.context import Context
from detectors.model import Document
from detectors.promotion_rules import promotion_rules
from detectors.service_names import terms_page


def headline_story(doc: Document, ctx: Context) -> bool:
    # A firm's terms filed under their full title ("/termini-e-condizioni-generali-di-utilizzo") are no story.
    return (headline_address(doc.url) and not terms_page(doc.url) and promotion_rules(doc, ctx) is None
            and not offered(doc, ctx) and not affiliate.detect(doc, ctx))
