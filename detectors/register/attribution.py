"""The checks on how each EU client says they came: a mediated first contact (MEDIATED), an inbound e-mail that
went through an EU locale or storefront (LOCALE_MISMATCH), and an own-initiative click with nothing else behind
it (ATTESTATION_ONLY)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from detectors.geography import geography
from detectors.locales import locale_targets
from detectors.register.findings import RegisterFinding, examples
from detectors.register.records import Client, Settings, vocabulary
from detectors.timestamps import stamp


def mediated(client: Client) -> str:
    """The attribution fields that show someone or something between the firm and the client ("" if none): a
    referral code, an affiliate id, a campaign, an ad platform's click id. Anyone acting on the firm's behalf is
    the firm."""
    words = vocabulary()
    names = [n for n in (*words.mediators, *words.click_ids) if client.attribution.get(n)]
    return ", ".join(f"{n}={client.attribution[n]}" for n in names)


def locale_mismatch(client: Client) -> str:
    """Why a client who states an inbound e-mail signed up through an EU-directed path ("" if they did not)."""
    if client.channel not in vocabulary().inbound_email:
        return ""
    geo = geography()
    reasons = []
    targets = locale_targets(client.signup_locale, geo) if client.signup_locale else None
    if targets:
        reasons.append(f"sign-up locale {client.signup_locale} ({' '.join(targets[0])})")
    if client.app_store_country and geo.is_member(client.app_store_country):
        reasons.append(f"app store country {client.app_store_country}")
    return "; ".join(reasons)


def attestation_only(client: Client) -> str:
    """The attestation is all there is: no stated first-contact channel and no answer to how they heard of the
    firm. The click is shown; it never counts for the client's initiative."""
    if client.attested_at is None or client.channel or client.how_heard_given:
        return ""
    return f"own-initiative click at {stamp(client.attested_at)}, no first-contact channel, no 'how heard'"


# check -> (its test, what the clients it names have in common)
CHECKS: dict[str, tuple[Callable[[Client], str], str]] = {
    "MEDIATED": (mediated, "a referral code, an affiliate id, a campaign or an ad click id in their first contact"),
    "LOCALE_MISMATCH": (locale_mismatch, "an inbound e-mail stated as first contact, but an EU sign-up locale or "
                                         "app storefront"),
    "ATTESTATION_ONLY": (attestation_only, "an own-initiative click and nothing else on how they came; shown, not "
                                           "counted as evidence"),
}


def attribution_findings(clients: Sequence[Client], settings: Settings, onboarding_file: str) -> list[RegisterFinding]:
    """One finding per check and member state, over the clients the check's test names a reason for."""
    found = []
    for check, (test, common) in CHECKS.items():
        by_state: dict[str, list[tuple[Client, str]]] = defaultdict(list)
        for client in clients:
            reason = test(client) if client.member_states else ""
            for state in client.member_states if reason else ():
                by_state[state].append((client, reason))
        for state, pairs in sorted(by_state.items()):
            count = len({c.client for c, _ in pairs})
            found.append(RegisterFinding(check, state, tuple(sorted({c.client for c, _ in pairs})),
                                         examples(pairs, settings.examples),
                                         f"{count} client(s) from {state} with {common}",
                                         inputs=tuple({"file": onboarding_file, "line": c.line}
                                                     for c, _ in sorted(pairs, key=_line))))
    return found


def _line(pair: tuple[Client, str]) -> int:
    return pair[0].line
