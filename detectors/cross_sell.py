"""CROSS_SELL: new types of crypto-asset service pushed to EU clients (MiCA Art. 61(2)).

Even where an EU client came at their own exclusive initiative, the firm may not then market new types of
crypto-assets or services to that client. One page cannot show that: it takes the history of what an audience
was sent. So the subject of this indicator is a dated series of messages -- posts of a firm's export, e-mail
campaigns -- each with the countries of its audience (`SuppliedSequence`):

- the service types a message names come from `data/lexicons/services.yaml` (spot trading, staking, earn/savings,
  derivatives, launchpad/IEO, lending, NFT, copy trading), matched with the shared phrase matcher; negated
  mentions ("staking is not available") do not count;
- per EU/EEA audience country, the types named by its earlier messages are what it was already offered; the first
  messages that name any type set that baseline (with nothing named before, nothing can be "new");
- a later message to EU recipients naming a type outside its audience's baseline raises CROSS_SELL, value
  "new service: staking (earlier: spot trading)", member states = the audience countries it is new for. The type
  then joins the baseline, so the same push is reported once per audience.

Same-type window -- UNCONFIRMED. The ESMA consultation draft limited follow-up offers of the *same* type to one
month after the client's initiative; whether the final guidelines (ESMA35-1872330276-2030) keep a fixed period is
not confirmed (one summary of the final text mentions only "the context of the original transaction"). The window
is therefore a setting (`window_days`, default 30) and only annotates the evidence: each finding's snippet starts
with whether the message came "within the same-type window (unconfirmed)" or "outside the same-type window
(unconfirmed)", counted from the first contact with each country (the date of its first message, or the date
given in `first_contact`). A new type is outside Art. 61(2) whatever the window says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from detectors.context import Context
from detectors.data_files import DataFileError, load
from detectors.evidence import SuppliedItem
from detectors.lexicon import PhraseLexicon, lexicon_terms
from detectors.model import Document, Finding, Scope
from detectors.phrases import own_language
from detectors.text import is_negated, snippet
from detectors.timestamps import parse

INDICATOR = "CROSS_SELL"
SCOPE = Scope.SUPPLIED


@dataclass(frozen=True)
class SuppliedSequence:
    """Every item a firm supplied (all its files: one audience history), with the same-type window in days and,
    optionally, the ISO date of each country's first contact (default: the date of its first item)."""

    items: tuple[SuppliedItem, ...]
    window_days: int
    first_contact: dict[str, str] | None = None
FILE = "lexicons/services.yaml"
CONFIDENCE = 0.8


@dataclass(frozen=True)
class ServiceType:
    id: str
    label: str
    lexicon: PhraseLexicon


@dataclass(frozen=True)
class ServiceMention:
    type: str  # service type id
    phrase: str  # as it appears in the text
    language: str
    start: int
    end: int


@cache
def service_types() -> tuple[ServiceType, ...]:
    """The service-type vocabulary of `data/lexicons/services.yaml`, in file order."""
    return service_types_from_data(FILE, load(FILE, "services"))


def service_types_from_data(file: str, data: dict) -> tuple[ServiceType, ...]:
    """The service types of a services file as `load` returns it (checked against schema/services.schema.json),
    after the checks a schema cannot make; errors name `file` and the entry (types.<id>.terms.<lang>...)."""
    types, labels = [], set()
    for type_id, raw in data["types"].items():
        where = f"types.{type_id}"
        label = raw["label"]
        if label.lower() in labels:
            raise DataFileError(file, f"{where}.label", f"a unique label, {label!r} appears twice")
        labels.add(label.lower())
        terms = lexicon_terms(file, f"{where}.terms", raw["terms"])
        types.append(ServiceType(type_id, label, PhraseLexicon(f"{data['family']}:{type_id}", terms)))
    return tuple(types)


def service_mentions(doc: Document) -> list[ServiceMention]:
    """Every service type a document's text names (not negated), first mention of each, in vocabulary order."""
    language_of_page = own_language(doc)
    text = doc.text
    found = []
    for service in service_types():
        for match in service.lexicon.find(text):
            language = match.language_for(language_of_page)
            if is_negated(text, match.start, language):
                continue
            found.append(ServiceMention(service.id, match.text, language, match.start, match.end))
            break
    return found


def parse_when(value: str) -> datetime:
    """An ISO 8601 date or date-time as an aware UTC datetime (a date is its midnight UTC; no offset means UTC)."""
    try:
        return parse(value)
    except ValueError:
        raise ValueError(f"an ISO 8601 date or date-time, got {value!r}") from None


def detect(sequence: SuppliedSequence, ctx: Context) -> list[Finding]:
    """CROSS_SELL findings over the supplied items, taken in date order (`fetched_at`, then the order given).
    `first_contact` only moves the same-type window, which annotates evidence."""
    window_days, first_contact = sequence.window_days, sequence.first_contact
    if isinstance(window_days, bool) or not isinstance(window_days, int) or window_days < 0:
        raise ValueError(f"window_days: a whole number of days, 0 or more, got {window_days!r}")
    contact: dict[str, datetime] = {}
    for country, when in (first_contact or {}).items():
        try:
            contact[country.strip().upper()] = parse_when(when)
        except (AttributeError, ValueError) as exc:
            raise ValueError(f"first_contact[{country!r}]: {exc}") from None
    labels = {s.id: s.label for s in service_types()}
    order = [s.id for s in service_types()]
    ordered: Sequence[tuple[int, Document, tuple[str, ...]]] = sorted(
        ((n, item.document, tuple(item.countries)) for n, item in enumerate(sequence.items)),
        key=lambda item: (parse_when(item[1].fetched_at), item[0]))
    seen: dict[str, set[str]] = {}  # country -> service types its earlier items named
    findings: list[Finding] = []
    for _n, doc, countries in ordered:
        when = parse_when(doc.fetched_at)
        states = sorted({c.strip().upper() for c in countries if ctx.geo.is_member(c.strip())})
        for state in states:
            contact.setdefault(state, when)
        if not states:
            continue
        mentions = {m.type: m for m in service_mentions(doc)}
        if not mentions:
            continue
        # Countries with a baseline, grouped by what is new to them and what they had: one finding per group.
        groups: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for state in states:
            earlier = seen.get(state)
            if earlier:
                for type_id in mentions.keys() - earlier:
                    key = (type_id, tuple(t for t in order if t in earlier))
                    groups.setdefault(key, []).append(state)
            seen.setdefault(state, set()).update(mentions)
        for (type_id, earlier), group in sorted(groups.items(), key=lambda g: (order.index(g[0][0]), g[0][1])):
            mention = mentions[type_id]
            value = f"new service: {labels[type_id]} (earlier: {', '.join(labels[t] for t in earlier)})"
            note = _window_note(when, group, contact, window_days)
            findings.append(ctx.finding(
                doc, INDICATOR, value=value, snippet=f"[{note}] {snippet(doc.text, mention.start, mention.end)}",
                locator=f"text ({mention.language})", member_states=group, confidence=CONFIDENCE, strength="strong"))
    return findings


def _window_note(when: datetime, states: list[str], contact: dict[str, datetime], window_days: int) -> str:
    """Where the message falls against the same-type window of each country, countries sharing a status merged."""
    parts: dict[tuple[bool, str, int], list[str]] = {}
    for state in states:
        start = contact[state]
        days = (when - start) // timedelta(days=1)
        inside = start <= when <= start + timedelta(days=window_days)
        parts.setdefault((inside, start.date().isoformat(), days), []).append(state)
    notes = []
    for (inside, start, days), group in sorted(parts.items(), key=lambda p: (not p[0][0], p[0][1], p[1])):
        where = "within" if inside else "outside"
        notes.append(f"{where} the same-type window (unconfirmed): {window_days}-day window, day {days} after first "
                     f"contact on {start} ({', '.join(group)})")
    return "; ".join(notes)
