"""`--log-file FILE`: one JSON object per line for unattended runs (cron, systemd), for log shippers and grep.

Each line: time (UTC), level, event (a stable dotted name such as `firm.done`), message, and the event's fields
(firm, scan id, verdict, exit code...). The terminal output is unchanged; the file is appended to, so one file can
hold many runs.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from detectors.timestamps import stamp_ms

LOGGER = "footprint.run"


class JsonLines(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": stamp_ms(datetime.fromtimestamp(record.created, UTC)),
                 "level": record.levelname.lower(), "event": getattr(record, "event", "message"),
                 "message": record.getMessage()}
        # The event's own fields never overwrite the line's time, severity, event name or message.
        entry.update({k: v for k, v in getattr(record, "fields", {}).items() if k not in entry})
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, sort_keys=False, default=str)


def logger() -> logging.Logger:
    log = logging.getLogger(LOGGER)
    log.setLevel(logging.INFO)
    log.propagate = False  # the run log is its own file, not Scrapy's or the root logger's
    if not log.handlers:  # without --log-file: silence, not logging's last-resort echo to stderr
        log.addHandler(logging.NullHandler())
    return log


def open_log(path: str) -> logging.Handler:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(JsonLines())
    logger().addHandler(handler)
    return handler


def close_log(handler: logging.Handler | None) -> None:
    if handler is not None:
        logger().removeHandler(handler)
        handler.close()


def event(name: str, message: str, severity: int = logging.INFO, **fields) -> None:
    logger().log(severity, message, extra={"event": name, "fields": fields})
