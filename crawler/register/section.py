"""The register's section of a firm's report (issue 16 item 4): the latest `register check` reduced to counts,
shares and data gaps. Aggregates only: no client pseudonym, line or finding's client list leaves register.json.
"""

from __future__ import annotations

from pathlib import Path


def register_summary(document: dict, html_path: Path) -> dict:
    """What the store keeps of a register run for the firm's report, from its register.json dict."""
    summary = document["summary"]
    overall = summary["overall"]["checks"]
    drift = [f for f in document["findings"] if f["check"] == "SERVICE_DRIFT"]
    return {
        "checked_at": document["generated_at"],
        "register_html": str(html_path), "register_name": html_path.name,
        "clients": summary["clients"], "eu_clients": summary["eu_clients"],
        "outside_eu_clients": summary["outside_eu_clients"],
        "mediated": overall["MEDIATED"], "attestation_only": overall["ATTESTATION_ONLY"],
        "coverage_gap": overall["COVERAGE_GAP"],
        "art_61_2": {"findings": len(drift), "clients": overall["SERVICE_DRIFT"]["clients"],
                     "share": overall["SERVICE_DRIFT"]["share"]},
        "live_content": {state: {"eu_clients": entry["clients"], **entry["checks"]["LIVE_CONTENT"]}
                         for state, entry in sorted(summary["member_states"].items())},
        "data_gaps": list(document["data_gaps"]),
    }
