"""A register finding: one check, one member state, the clients it concerns, and what it rests on.

Its id is a fingerprint of the check, the member state and what the finding rests on (the scan findings or the
input lines), not of the run: the same records against the same history give the same ids, so a triage decision
holds from one run to the next.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TypeVar

from detectors.register.history import Interval, ScanPoint
from detectors.register.records import Client, vocabulary
from detectors.timestamps import stamp

ARCHIVE = "capture.warc.gz"
T = TypeVar("T")  # the evidence archive in a scan's report folder


@dataclass(frozen=True)
class Example:
    client: str  # hashed id
    line: int
    onboarded_at: str
    detail: str


@dataclass(frozen=True)
class RegisterFinding:
    check: str
    member_state: str
    clients: tuple[str, ...]  # hashed ids, sorted
    examples: tuple[Example, ...]
    detail: str
    scans: tuple[dict, ...] = ()  # the scan snapshots behind it (scan_ref), in history order
    inputs: tuple[dict, ...] = ()  # input lines behind it: {"file", "line"}
    client_scans: tuple[tuple[str, tuple[str, ...]], ...] = ()  # per client: the scan ids its case rests on

    @cached_property  # a fingerprint over every scan reference: hashed once
    def id(self) -> str:
        basis = sorted(s["finding_id"] + "@" + s["first_seen_scan"] for s in self.scans) or sorted(self.clients)
        key = "\x1f".join(["register", self.check, self.member_state, *basis])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        entry = vocabulary().checks[self.check]
        return {"id": self.id, "check": self.check, "title": entry["title"], "member_state": self.member_state,
                "clients": len(self.clients), "examples": [e.__dict__ for e in self.examples], "detail": self.detail,
                "scans": list(self.scans), "inputs": list(self.inputs), "legal_ref": entry["legal_ref"],
                "note": entry.get("note", "")}


def example(client: Client, detail: str) -> Example:
    return Example(client.client, client.line, stamp(client.onboarded_at), detail)


def examples(pairs: list[tuple[Client, T]], limit: int, detail: Callable[[T], str] = str) -> tuple[Example, ...]:
    """The first `limit` clients by onboarding date (then line), each with what concerns it (`detail` of its
    value: worded only for the clients shown)."""
    ordered = sorted(pairs, key=lambda pair: (pair[0].onboarded_at, pair[0].line))
    return tuple(example(client, detail(value)) for client, value in ordered[:limit])


def scan_ref(interval: Interval) -> dict:
    """A finding's interval as evidence: the finding, the scans that bound it, the capture record and screenshot
    of its last sighting."""
    s = interval.sighting
    last = interval.last_seen
    return {"finding_id": s.finding_id, "indicator": s.indicator, "channel": s.channel, "url": s.url,
            "value": s.value, "member_states": list(s.member_states),
            "first_seen_scan": interval.first_seen.id, "first_seen_at": stamp(interval.first_seen.at),
            "last_seen_scan": last.id, "last_seen_at": stamp(last.at),
            "ended_by_scan": interval.ended_by.id if interval.ended_by else "",
            "ended_by_at": stamp(interval.ended_by.at) if interval.ended_by else "",
            "archive": _archive(last), "record_id": s.record_id, "body_sha256": s.body_sha256,
            "screenshot": f"{last.out_dir}/{s.screenshot}" if last.out_dir and s.screenshot else s.screenshot}


def scan_ids(interval: Interval) -> list[str]:
    """The scans an interval rests on: where it was first and last seen and the first scan without it."""
    ids = [interval.first_seen.id, interval.last_seen.id] + ([interval.ended_by.id] if interval.ended_by else [])
    return list(dict.fromkeys(ids))


def _archive(scan: ScanPoint) -> str:
    return f"{scan.out_dir}/{ARCHIVE}" if scan.out_dir else ""
