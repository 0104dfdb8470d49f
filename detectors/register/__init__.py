"""The per-client initiation register (issue 16; docs/0016-initiation-register.md): a firm's onboarding records
held against the dated history of its marketing footprint, client by client.

Pure judging: pseudonymous rows and the firm's finding history in, findings out. Reading files, hashing
identifiers and reading the store are crawler/register/'s; rendering is reports/register.py's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from detectors.register.ads import Targeting, ad_targeting
from detectors.register.attribution import attribution_findings
from detectors.register.audience import CountryCount, audience_findings
from detectors.register.drift import service_drift
from detectors.register.exposure import cohort_spikes, coverage_gaps, live_content
from detectors.register.findings import RegisterFinding
from detectors.register.history import History
from detectors.register.keywords import AdKeyword, ad_language
from detectors.register.records import Client, ServiceRequest, Settings
from detectors.register.summary import client_table, shares


@dataclass(frozen=True)
class Register:
    findings: tuple[RegisterFinding, ...]
    clients: list[dict]  # summary.client_table
    shares: dict  # summary.shares


def judge(clients: Sequence[Client], services: Sequence[ServiceRequest], history: History, settings: Settings,
          onboarding_file: str = "", services_file: str = "", targets: Sequence[Targeting] = (),
          targets_file: str = "", counts: Sequence[CountryCount] = (),
          keywords: Sequence[AdKeyword] = ()) -> Register:
    findings = [*ad_targeting(targets, clients, settings, targets_file),
                *ad_language(keywords, clients, settings, settings.keyword_language_min),
                *audience_findings(counts, clients, settings),
                *live_content(clients, history, settings), *coverage_gaps(clients, history, settings),
                *attribution_findings(clients, settings, onboarding_file),
                *cohort_spikes(clients, history, settings),
                *service_drift(clients, services, settings, services_file)]
    findings.sort(key=lambda f: (f.check, f.member_state, f.id))
    return Register(tuple(findings), client_table(clients, findings), shares(clients, findings))
