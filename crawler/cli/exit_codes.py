"""Exit codes, and how a run's outcome becomes one. Documented in the README's table; every command returns one
of these, never a bare number."""

from __future__ import annotations

from enum import IntEnum

from crawler.crawl.browser import BrowserUnavailable
from crawler.crawl.scratch import ScratchUnsafe
from crawler.runs.interrupt import Interrupted
from crawler.store import StoreError
from detectors.inputs import InputError
from detectors.model import LEVELS, ChannelStatus
from reports.since_last import new_findings_at


class ExitCode(IntEnum):
    OK = 0  # done, every channel assessed
    FAIL_ON = 1  # done, and a channel reached --fail-on (takes precedence over INCOMPLETE)
    BAD_INPUT = 2  # bad input: nothing was fetched
    INCOMPLETE = 3  # done, but the picture is incomplete: the report's badge says INCOMPLETE PICTURE
    INTERNAL = 4  # a bug, or a firm's scan in a batch failed
    NEW_FINDINGS = 5  # done, and --fail-on-new found new findings (takes precedence over 1 and 3)
    LOCKED = 6  # another run holds the output folder's lock: this run did nothing
    INTERRUPTED = 7  # SIGTERM, SIGINT, SIGHUP
    EVIDENCE_MISMATCH = 8  # `evidence verify`: a file, the manifest or the timestamp does not match (each named)


EPILOG = ("Exit codes: 0 done; 1 a channel reached --fail-on; 2 bad input; 3 incomplete picture (a channel or its "
          "start page could not be assessed); 4 internal error; 5 new findings reached --fail-on-new; 6 another run "
          "holds the lock; 7 interrupted; 8 `evidence verify` found a mismatch.")
BAD_INPUT = (InputError, BrowserUnavailable, StoreError, ScratchUnsafe)  # exit 2, with the message
UNRATED = (ChannelStatus.NOT_ASSESSED, ChannelStatus.INCONCLUSIVE)


def for_exception(exc: BaseException) -> ExitCode:
    if isinstance(exc, BAD_INPUT):
        return ExitCode.BAD_INPUT
    if isinstance(exc, (KeyboardInterrupt, Interrupted, BrokenPipeError)):  # a closed output stops a run
        return ExitCode.INTERRUPTED
    return ExitCode.INTERNAL


def for_outcomes(reports: list[dict | None], fail_on: str, fail_on_new: str = "") -> ExitCode:
    """INTERNAL when a firm's scan failed (its report is None); else NEW_FINDINGS when --fail-on-new found new
    findings on a channel at that level; else FAIL_ON when a rated channel reached --fail-on; else INCOMPLETE when
    a channel was not assessed or inconclusive; else OK."""
    if any(r is None for r in reports):
        return ExitCode.INTERNAL
    if fail_on_new and any(new_findings_at(r, fail_on_new, LEVELS) for r in reports):
        return ExitCode.NEW_FINDINGS
    channels = [c for r in reports for c in r["channels"]]
    if fail_on:
        threshold = LEVELS.index(fail_on)
        if any(c["level"] in LEVELS and LEVELS.index(c["level"]) >= threshold for c in channels):
            return ExitCode.FAIL_ON
    if any(c["status"] in UNRATED for c in channels) or not all(r["verdict"]["complete"] for r in reports):
        return ExitCode.INCOMPLETE
    return ExitCode.OK
