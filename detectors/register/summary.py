"""The register client by client, and the shares per member state the report leads with.

A client's status is never "cleared": footprint can show what speaks against a client's own initiative, or that
nothing is known, but the absence of a finding is not proof of initiative, and an own-initiative click never is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from detectors.register.findings import RegisterFinding
from detectors.register.records import Client
from detectors.timestamps import stamp

# What puts a client in the `flagged` status; COVERAGE_GAP and ATTESTATION_ONLY have statuses of their own.
FLAGGING = ("LIVE_CONTENT", "MEDIATED", "LOCALE_MISMATCH", "COHORT_SPIKE", "SERVICE_DRIFT", "AD_TARGETING",
            "AD_LANGUAGE")
# FIRST_PARTY_AUDIENCE is shared (clients of S onboarded while the firm's own figures show an audience in S) but
# flags no client by itself: aggregates name nobody.
SHARED = ("LIVE_CONTENT", "MEDIATED", "LOCALE_MISMATCH", "COHORT_SPIKE", "SERVICE_DRIFT", "AD_TARGETING",
          "AD_LANGUAGE", "FIRST_PARTY_AUDIENCE", "COVERAGE_GAP", "ATTESTATION_ONLY")
OUTSIDE = "outside-eu"  # a client neither resident nor situated at first contact in the EU/EEA


def client_table(clients: Sequence[Client], findings: Sequence[RegisterFinding]) -> list[dict]:
    """One row per client, in file order: its checks, the finding ids and scan ids behind them, and its status."""
    checks: dict[str, set[str]] = defaultdict(set)
    finding_ids: dict[str, set[str]] = defaultdict(set)
    scans: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        for client in finding.clients:
            checks[client].add(finding.check)
            finding_ids[client].add(finding.id)
        for client, ids in finding.client_scans:
            scans[client].update(ids)
    rows = []
    for client in sorted(clients, key=lambda c: c.line):
        own = checks.get(client.client, set())
        rows.append({"client": client.client, "line": client.line, "member_states": list(client.member_states),
                     "onboarded_at": stamp(client.onboarded_at),
                     "attested_at": stamp(client.attested_at) if client.attested_at else "",
                     "status": _status(client, own), "checks": sorted(own),
                     "findings": sorted(finding_ids.get(client.client, ())),
                     "scans": sorted(scans.get(client.client, ()))})
    return rows


def _status(client: Client, checks: set[str]) -> str:
    if not client.member_states:
        return OUTSIDE
    if checks & set(FLAGGING):
        return "flagged"
    if "COVERAGE_GAP" in checks:
        return "coverage-gap"
    if "ATTESTATION_ONLY" in checks:
        return "attestation-only"
    return "no-finding"


def shares(clients: Sequence[Client], findings: Sequence[RegisterFinding]) -> dict:
    """EU clients per member state and, per check, how many of them it concerns and what share that is; the
    same over all EU clients (a client situated in two states counts once there)."""
    per_state: dict[str, set[str]] = defaultdict(set)
    for client in clients:
        for state in client.member_states:
            per_state[state].add(client.client)
    hits: dict[tuple[str, str], set[str]] = defaultdict(set)
    for finding in findings:
        hits[(finding.member_state, finding.check)].update(finding.clients)
    states = {state: _shares(len(ids), {check: len(hits[(state, check)]) for check in SHARED})
              for state, ids in sorted(per_state.items())}
    eu = set().union(*per_state.values()) if per_state else set()
    overall = {check: len(set().union(*(hits[(s, check)] for s in per_state))) if per_state else 0
               for check in SHARED}
    return {"clients": len({c.client for c in clients}), "eu_clients": len(eu),
            "outside_eu_clients": len({c.client for c in clients if not c.member_states}),
            "overall": _shares(len(eu), overall), "member_states": states}


def _shares(total: int, counts: dict[str, int]) -> dict:
    return {"clients": total, "checks": {check: {"clients": n, "share": round(n / total, 4) if total else 0.0}
                                         for check, n in counts.items()}}
