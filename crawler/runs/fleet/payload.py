"""What a queued firm carries: its resolved profile entry and the batch's run options, as JSON in the store, so a
worker on another machine scans it exactly as `footprint scan --firm` would have here."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from crawler.config.profiles import FirmTarget, ScanSettings
from crawler.config.scan_config import RunOptions

TASK = "footprint.scan_firm"  # the queue's task name for one firm of a batch
# per machine, or one firm's supplied files; host_slots is the store's URL, given by the worker that runs the firm
_NOT_CARRIED = ("out", "progress", "exports", "mails", "parallel", "host_slots")


def firm_to_json(firm: FirmTarget) -> str:
    data = dataclasses.asdict(firm)
    data.pop("invalid")
    return json.dumps(data, sort_keys=True)


def firm_from_json(text: str) -> FirmTarget:
    data = json.loads(text)
    scan = data.pop("scan")
    scan["visitors"] = tuple(scan["visitors"])
    scan["visitor_proxies"] = tuple(tuple(pair) for pair in scan["visitor_proxies"])
    return FirmTarget(**data, scan=ScanSettings(**scan))


def options_to_json(options: RunOptions) -> str:
    data = {f.name: getattr(options, f.name) for f in dataclasses.fields(options) if f.name not in _NOT_CARRIED}
    return json.dumps(data, sort_keys=True)


def options_from_json(text: str, out: Path) -> RunOptions:
    data = json.loads(text)
    data["formats"] = tuple(data["formats"])
    data["visitors"] = tuple(data["visitors"])
    return RunOptions(**data, out=out, progress=False)
