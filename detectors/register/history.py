"""What a firm's marketing looked like over time, from its stored scans: for each finding directed at a member
state, the runs of consecutive scans that showed it (first seen, last seen, first scan without it), and which
dates any scan covers at all.

A finding's validity interval runs from the scan that first showed it up to the first later scan without it
(open when the newest scan still shows it). A date is covered when the newest scan at or before it is at most
`coverage_days` old; a date before the first scan, or too long after the newest one before it, is a gap: nothing
is known of the firm's marketing then, and the register says so instead of calling it clean.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from detectors.catalogue import catalogue


@dataclass(frozen=True)
class ScanPoint:
    id: str
    at: datetime  # when the scan started
    out_dir: str = ""  # the firm's report folder, where capture.warc.gz and screenshots/ are


@dataclass(frozen=True)
class Sighting:
    """A finding as one scan recorded it (a row of the store's findings table)."""

    finding_id: str
    indicator: str
    channel: str
    member_states: tuple[str, ...]
    url: str
    value: str = ""
    record_id: str = ""  # WARC-Record-ID in the scan's capture.warc.gz
    body_sha256: str = ""
    screenshot: str = ""  # relative to the scan's report folder


@dataclass(frozen=True)
class Interval:
    """A finding seen in consecutive scans `first_seen`..`last_seen`; `ended_by`: the first scan without it. It
    covers the dates from `first_seen` up to (not including) `ended_by`, or on when no later scan lost it."""

    sighting: Sighting  # as the last scan of the run recorded it
    first_seen: ScanPoint
    last_seen: ScanPoint
    ended_by: ScanPoint | None


@dataclass(frozen=True)
class Gap:
    """Why a date is not covered: the newest scan before it (None: before the first scan) and the next one."""

    before: ScanPoint | None
    after: ScanPoint | None


def directing(indicator: str) -> bool:
    """Whether a finding of this indicator is content directed at its member states: a scored indicator (markers
    such as DISCLAIMER or LICENCE_CLAIM and the mitigating GEOBLOCK weigh nothing and direct nothing)."""
    entry = catalogue().indicators.get(indicator)
    return entry is not None and entry.weight > 0


class History:
    """The complete scans of one firm, oldest first, with their directing findings per scan."""

    def __init__(self, scans: Sequence[tuple[ScanPoint, Iterable[Sighting]]], coverage_days: int):
        ordered = sorted(scans, key=lambda pair: (pair[0].at, pair[0].id))
        self.scans: tuple[ScanPoint, ...] = tuple(scan for scan, _ in ordered)
        self.coverage = timedelta(days=coverage_days)
        self.intervals: tuple[Interval, ...] = tuple(_intervals(
            [(scan, [s for s in sightings if s.member_states and directing(s.indicator)]) for scan, sightings in
             ordered]))
        self._times = [scan.at for scan in self.scans]
        # Which intervals are live changes only at scan times: per state, the live ones after each scan.
        self._live: dict[str, list[list[Interval]]] = {}
        for interval in self.intervals:
            first = self.scans.index(interval.first_seen)
            end = self.scans.index(interval.ended_by) if interval.ended_by else len(self.scans)
            for state in interval.sighting.member_states:
                slots = self._live.setdefault(state, [[] for _ in self.scans])
                for slot in range(first, end):
                    slots[slot].append(interval)

    def gap(self, when: datetime) -> Gap | None:
        """None when a scan covers `when`, else the scans around the gap."""
        index = bisect_right(self._times, when)  # scans at or before `when` come first
        before = self.scans[index - 1] if index else None
        if before is not None and when - before.at <= self.coverage:
            return None
        return Gap(before, self.scans[index] if index < len(self.scans) else None)

    def live(self, state: str, when: datetime) -> list[Interval]:
        """The intervals of findings directed at `state` that cover `when` (the caller checks coverage first)."""
        slot = bisect_right(self._times, when) - 1
        return list(self._live[state][slot]) if slot >= 0 and state in self._live else []

    def launches(self, state: str) -> list[tuple[ScanPoint, ScanPoint, list[Interval]]]:
        """Scans at which content directed at `state` first appeared, with the scan before (the earliest it can
        have gone live) and those intervals. Findings of the first scan are not launches: they were simply there
        when observation began."""
        previous = {later.id: earlier for earlier, later in zip(self.scans, self.scans[1:], strict=False)}
        by_scan: dict[str, list[Interval]] = {}
        for interval in self.intervals:
            if state in interval.sighting.member_states and interval.first_seen.id in previous:
                by_scan.setdefault(interval.first_seen.id, []).append(interval)
        scans = {s.id: s for s in self.scans}
        return [(previous[scan_id], scans[scan_id], found) for scan_id, found in
                sorted(by_scan.items(), key=lambda item: (scans[item[0]].at, item[0]))]


def _intervals(ordered: list[tuple[ScanPoint, list[Sighting]]]) -> Iterable[Interval]:
    """Runs of consecutive scans showing the same finding id, in the order of their first scan, then finding id."""
    open_runs: dict[str, tuple[ScanPoint, ScanPoint, Sighting]] = {}
    done: list[Interval] = []
    for scan, sightings in ordered:
        present = {s.finding_id: s for s in sightings}
        for finding_id in sorted(set(open_runs) - set(present)):
            first, last, sighting = open_runs.pop(finding_id)
            done.append(Interval(sighting, first, last, scan))
        for finding_id, sighting in present.items():
            first = open_runs[finding_id][0] if finding_id in open_runs else scan
            open_runs[finding_id] = (first, scan, sighting)
    done.extend(Interval(sighting, first, last, None) for first, last, sighting in open_runs.values())
    return sorted(done, key=lambda i: (i.first_seen.at, i.first_seen.id, i.sighting.finding_id))
