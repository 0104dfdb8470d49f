"""The checks that hold each client against the firm's history: content directed at the client's member state
live when they were onboarded (LIVE_CONTENT), dates no scan covers (COVERAGE_GAP), and onboardings from a state
rising after content directed at it first appeared (COHORT_SPIKE)."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from datetime import timedelta

from detectors.register.findings import RegisterFinding, examples, scan_ids, scan_ref
from detectors.register.history import Gap, History, Interval
from detectors.register.records import Client, Settings
from detectors.timestamps import stamp


def live_content(clients: Sequence[Client], history: History, settings: Settings) -> list[RegisterFinding]:
    """Per member state S: the clients of S whose first contact or onboarding fell on a covered date while a
    finding directed at S was live. The finding lists every such finding's interval; each client's row names the
    scans its case rests on."""
    by_state: dict[str, list[tuple[Client, list[Interval]]]] = defaultdict(list)
    for client in clients:
        covered = [when for _, when in client.moments if history.gap(when) is None]
        for state in client.member_states:
            live = {(i.sighting.finding_id, i.first_seen.id): i for when in covered for i in history.live(state, when)}
            if live:
                by_state[state].append((client, list(live.values())))
    found = []
    for state, hits in sorted(by_state.items()):
        intervals = {i.sighting.finding_id + i.first_seen.id: i for _, live in hits for i in live}
        ordered = sorted(intervals.values(), key=lambda i: (i.first_seen.at, i.sighting.finding_id))
        found.append(RegisterFinding(
            "LIVE_CONTENT", state, tuple(sorted({c.client for c, _ in hits})),
            examples(hits, settings.examples, _live_detail),
            f"{len({c.client for c, _ in hits})} client(s) from {state} onboarded while {len(ordered)} finding(s) "
            f"directed at {state} were live", scans=tuple(scan_ref(i) for i in ordered),
            client_scans=tuple(sorted((c.client, tuple(sorted({s for i in live for s in scan_ids(i)})))
                                      for c, live in hits))))
    return found


def _live_detail(live: list[Interval]) -> str:
    """The live findings in words, grouped by the scans that bound them (their ids are in the finding's scans)."""
    groups: dict[tuple, list[Interval]] = defaultdict(list)
    for interval in live:
        groups[(interval.first_seen.at, interval.first_seen.id, interval.last_seen.id,
                interval.ended_by.id if interval.ended_by else "")].append(interval)
    parts = []
    for (_, first, last, ended), intervals in sorted(groups.items()):
        indicators = sorted({i.sighting.indicator for i in intervals})
        urls = sorted({i.sighting.url for i in intervals})
        bounds = f"first seen in scan {first}, last seen in scan {last}"
        bounds += f", gone by scan {ended}" if ended else ", still shown by the newest scan"
        where = urls[0] + (f" and {len(urls) - 1} more page(s)" if len(urls) > 1 else "")
        parts.append(f"{', '.join(indicators)} ({len(intervals)} finding(s), {where}): {bounds}")
    return "; ".join(parts)


def coverage_gaps(clients: Sequence[Client], history: History, settings: Settings) -> list[RegisterFinding]:
    """Per member state: the clients whose first contact or onboarding fell on a date no scan covers. Never
    "clean": unknown."""
    by_state: dict[str, list[tuple[Client, str]]] = defaultdict(list)
    for client in clients:
        gaps = [(moment, gap) for moment, when in client.moments if (gap := history.gap(when)) is not None]
        if not gaps:
            continue
        detail = "; ".join(f"{moment} {_gap_detail(gap, settings.coverage_days)}" for moment, gap in gaps)
        for state in client.member_states:
            by_state[state].append((client, detail))
    return [RegisterFinding(
        "COVERAGE_GAP", state, tuple(sorted({c.client for c, _ in pairs})), examples(pairs, settings.examples),
        f"{len({c.client for c, _ in pairs})} client(s) from {state} onboarded when no scan covered the date: "
        "what the firm's marketing looked like then is unknown")
        for state, pairs in sorted(by_state.items())]


def _gap_detail(gap: Gap, coverage_days: int) -> str:
    if gap.before is None:
        after = f" (the first scan, {gap.after.id}, is of {stamp(gap.after.at)})" if gap.after else ""
        return f"before any scan of the firm{after}"
    nxt = f"; next scan {gap.after.id} of {stamp(gap.after.at)}" if gap.after else "; no later scan"
    return (f"more than {coverage_days} days after the newest scan before it ({gap.before.id} of "
            f"{stamp(gap.before.at)}){nxt}")


def cohort_spikes(clients: Sequence[Client], history: History, settings: Settings) -> list[RegisterFinding]:
    """Per member state and per scan at which content directed at it first appeared: onboardings in the
    `cohort_weeks` weeks from the scan before (the earliest the content can have gone live) against the same
    number of weeks before that. A spike: at least `cohort_min_clients` after and `cohort_ratio` times as many as
    before."""
    window = timedelta(weeks=settings.cohort_weeks)
    found = []
    states = sorted({s for c in clients for s in c.member_states})
    for state in states:
        of_state = sorted((c for c in clients if state in c.member_states), key=lambda c: (c.onboarded_at, c.line))
        times = [c.onboarded_at for c in of_state]
        for earlier, scan, intervals in history.launches(state):
            start = earlier.at
            middle = bisect_left(times, start)
            before = of_state[bisect_left(times, start - window):middle]
            after = of_state[middle:bisect_left(times, start + window)]
            if len(after) < settings.cohort_min_clients or len(after) < settings.cohort_ratio * len(before):
                continue
            detail = (f"{len(after)} onboarding(s) from {state} in the {settings.cohort_weeks} weeks from "
                      f"{stamp(start)} against {len(before)} in the {settings.cohort_weeks} weeks before; "
                      f"content directed at {state} first seen in scan {scan.id} (not in scan {earlier.id})")
            pairs = [(c, f"onboarded {stamp(c.onboarded_at)}, after content directed at {state} appeared")
                     for c in after]
            found.append(RegisterFinding(
                "COHORT_SPIKE", state, tuple(sorted({c.client for c in after})), examples(pairs, settings.examples),
                detail, scans=tuple(scan_ref(i) for i in intervals)))
    return found
