"""A firm's onboarding records as the register judges them: pseudonymous, country, dates, channel and attribution
only (the importer, crawler/register/, hashes identifiers before anything reaches here), and the settings and
vocabulary the checks read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, cached_property

from detectors.data_files import load
from detectors.geography import geography

FILE = "register.yaml"


@dataclass(frozen=True)
class Client:
    """One onboarding row. `client` is a keyed hash of the firm's client id; countries are ISO 3166-1 alpha-2
    ("" when not given); `attribution` holds referral, affiliate, UTM and click-id fields that were set."""

    client: str
    line: int  # in the onboarding file, for the firm to find the row again
    residence: str
    onboarded_at: datetime
    first_contact_country: str = ""
    first_contact_at: datetime | None = None
    channel: str = ""  # normalised: lower case, words joined by "_" ("inbound_email"); "" when not stated
    how_heard_given: bool = False  # the free text itself is never kept (it may name people)
    attribution: dict[str, str] = field(default_factory=dict)
    landing: str = ""  # host and path of the landing URL; its query is read into `attribution`, never kept
    signup_locale: str = ""
    app_store_country: str = ""
    attested_at: datetime | None = None  # the "I came on my own initiative" click: shown, never evidence

    @property
    def moments(self) -> tuple[tuple[str, datetime], ...]:
        """The dates the register holds against the history: the onboarding and, when given, the first contact
        (what the client could see when they first reached the firm)."""
        first = (("first contact", self.first_contact_at),) if self.first_contact_at else ()
        return (*first, ("onboarding", self.onboarded_at))

    @cached_property  # read by every check: computed once per client
    def member_states(self) -> tuple[str, ...]:
        """The EU/EEA states the client is established or situated in: residence, and the country at first contact
        (MiCA Art. 61(1) speaks of clients "established or situated in the Union")."""
        geo = geography()
        return tuple(sorted({c for c in (self.residence, self.first_contact_country) if c and geo.is_member(c)}))


@dataclass(frozen=True)
class ServiceRequest:
    """One row of the services file: what a client asked for (or was offered) and when."""

    client: str
    line: int
    requested_at: datetime
    service: str  # the MiCA Art. 3(1)(16) service, as the firm names it
    asset: str = ""
    asset_class: str = ""  # firm-supplied: footprint does not classify tokens
    initiated_by: str = "unknown"  # client | firm | unknown
    offer_ref: str = ""


@dataclass(frozen=True)
class Settings:
    """The register's settings (their defaults: crawler/config/defaults.py)."""

    coverage_days: int  # how long a scan's picture stands for the days after it
    same_type_window: int  # days; from the consultation draft, unconfirmed in the final guidelines
    cohort_weeks: int  # weeks compared before and after content directed at a state first appeared
    cohort_ratio: float  # onboardings after / before that make a spike
    cohort_min_clients: int  # fewer onboardings after than this are never a spike
    examples: int  # example rows per finding
    keyword_language_min: float  # probability at which a campaign's keywords count as in an EU language


@dataclass(frozen=True)
class Vocabulary:
    checks: dict[str, dict[str, str]]  # id -> {title, legal_ref, note?}
    click_ids: tuple[str, ...]
    mediators: tuple[str, ...]
    inbound_email: frozenset[str]
    url_parameters: dict[str, str]  # a landing URL's query parameter -> the attribution field it fills


@cache
def vocabulary() -> Vocabulary:
    data = load(FILE, "register")
    return Vocabulary(checks=data["checks"], click_ids=tuple(data["click_ids"]), mediators=tuple(data["mediators"]),
                      inbound_email=frozenset(data["inbound_email"]), url_parameters=data["url_parameters"])
