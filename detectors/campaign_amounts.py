"""Amounts of the site's own campaigns, for CURRENCY: the amount of an incentive BONUS finds the site offering
("Je ontvangt direct €10 extra!" in an advert box beside a story), and any amount of the rules of a promotion the
site runs ("Regulamin promocji 1000 PLN na start", "pravidla akce 500 Kč za každého nováčka": the campaign's reward
and thresholds are its own terms) unless its sentence is news or law (the organiser's share capital) or hedged."""

from __future__ import annotations

from detectors.bonus import incentive_spans
from detectors.context import Context
from detectors.incentives import hedged
from detectors.model import Document
from detectors.offer_context import OfferContext
from detectors.promotion_rules import promotion_rules


def campaign_amount(doc: Document, ctx: Context, offers: OfferContext, start: int, end: int,
                    languages: tuple[str, ...]) -> bool:
    """Whether the amount at `start`:`end` of the page's text is one of the site's own campaign's."""
    if any(left <= start and end <= right for left, right in incentive_spans(doc, ctx)):
        return True
    return (promotion_rules(doc, ctx) is not None and not offers.is_narrative(start, end)
            and not hedged(doc.text, start, end, languages))
