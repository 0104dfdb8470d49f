"""SERVICE_DRIFT (MiCA Art. 61(2)): the client's initiative does not let the firm market new types of
crypto-assets or services to that client.

Per EU client, the first request in the services file sets what the client came for. A later request is a drift
when the firm initiated it or it carries an offer reference, and either its service or its asset class differs
from the first request's, or it falls outside the same-type window counted from the first request. The window is
a setting (default 30 days) taken from ESMA's consultation draft; whether the final guidelines keep a fixed period
is not confirmed, and every finding says so. A request the client initiated without an offer is never a drift.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from detectors.register.findings import RegisterFinding, examples
from detectors.register.records import Client, ServiceRequest, Settings

FIRM = "firm"


def drift_reason(first: ServiceRequest, later: ServiceRequest, window_days: int) -> str:
    """Why `later` is outside what the client came for ("" if it is not, or not the firm's doing)."""
    if later.initiated_by != FIRM and not later.offer_ref:
        return ""
    reasons = []
    if later.service.casefold() != first.service.casefold():
        reasons.append(f"new service {later.service}{_of(later)} (first request: {first.service}{_of(first)})")
    if later.asset_class and first.asset_class and later.asset_class.casefold() != first.asset_class.casefold():
        reasons.append(f"new asset class {later.asset_class} (first request: {first.asset_class})")
    days = (later.requested_at - first.requested_at).days
    if days > window_days:
        reasons.append(f"{days} days after the first request, outside the {window_days}-day same-type window "
                       "(consultation draft, unconfirmed)")
    if not reasons:
        return ""
    by = f"offer {later.offer_ref}" if later.offer_ref else "initiated by the firm"
    return f"{'; '.join(reasons)}; {by}"


def _of(request: ServiceRequest) -> str:
    return f" of {request.asset}" if request.asset else ""


def service_drift(clients: Sequence[Client], services: Sequence[ServiceRequest], settings: Settings,
                  services_file: str) -> list[RegisterFinding]:
    by_client: dict[str, list[ServiceRequest]] = defaultdict(list)
    for request in services:
        by_client[request.client].append(request)
    by_state: dict[str, list[tuple[Client, str, int]]] = defaultdict(list)
    for client in clients:
        requests = sorted(by_client.get(client.client, ()), key=lambda r: (r.requested_at, r.line))
        for later in requests[1:]:
            reason = drift_reason(requests[0], later, settings.same_type_window)
            for state in client.member_states if reason else ():
                by_state[state].append((client, f"line {later.line}: {reason}", later.line))
    found = []
    for state, hits in sorted(by_state.items()):
        clients_hit = tuple(sorted({c.client for c, _, _ in hits}))
        found.append(RegisterFinding(
            "SERVICE_DRIFT", state, clients_hit, examples([(c, d) for c, d, _ in hits], settings.examples),
            f"{len(clients_hit)} client(s) from {state} offered a new type of service or crypto-asset, or the same "
            "type outside the same-type window",
            inputs=tuple({"file": services_file, "line": line} for line in sorted({n for _, _, n in hits}))))
    return found
