"""The `footprint` command line: scan, demo, analyze, view, history, diff, triage, lists, indicators, doctor,
sandbox, selftest.

`main(argv) -> int` never exits by itself (tests call it in-process); `run()` is the console-script entry point.
Known errors map to a message and an exit code in one place (crawler/cli/exit_codes.py); tracebacks only with
--debug. Each command lives in its own module, imported only when it runs.
"""

from __future__ import annotations

import importlib
import logging
import os
import signal
import sys
import traceback

from crawler.cli import parser as grammar
from crawler.cli.exit_codes import BAD_INPUT, ExitCode, for_exception
from crawler.config.limits import cut
from crawler.runs.interrupt import Interrupted
from detectors.inputs import InputError

COMMANDS = {
    "scan": "crawler.cli.scan:cmd_scan",
    "demo": "crawler.cli.scan:cmd_demo",
    "analyze": "crawler.cli.analyze:cmd_analyze",
    "view": "crawler.cli.view:cmd_view",
    "history": "crawler.cli.store_commands:cmd_history",
    "diff": "crawler.cli.store_commands:cmd_diff",
    "triage": "crawler.cli.store_commands:cmd_triage",
    "register": "crawler.cli.register:cmd_register",
    "lists": "crawler.cli.lists:cmd_lists",
    "indicators": "crawler.cli.info:cmd_indicators",
    "doctor": "crawler.cli.doctor:cmd_doctor",
    "sandbox": "crawler.cli.info:cmd_sandbox",
    "selftest": "crawler.cli.info:cmd_selftest",
    "evidence": "crawler.cli.evidence:cmd_evidence",
    "db": "crawler.cli.fleet_commands:cmd_db",
    "enqueue": "crawler.cli.fleet_commands:cmd_enqueue",
    "worker": "crawler.cli.fleet_commands:cmd_worker",
    "batch": "crawler.cli.fleet_commands:cmd_batch",
}
RUNS = ("scan", "demo")  # the commands that scan: signal handling and --log-file around all of their work


def main(argv: list[str] | None = None) -> int:
    parser = grammar.build()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse reports usage errors itself, with its own exit code 2
        return int(exc.code or 0)
    try:
        code = _run_command(args)
        sys.stdout.flush()  # here, not at the interpreter's exit, so that a closed pipe is handled below
        return code
    except BrokenPipeError:  # `footprint indicators | head -1`: the reader has all it wanted
        _quiet_stdout()
        return ExitCode.OK if args.command not in RUNS else ExitCode.INTERRUPTED
    except BAD_INPUT as exc:
        print(f"footprint: error: {cut(str(exc))}", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except (KeyboardInterrupt, Interrupted):
        print("footprint: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as exc:  # the one place an unexpected failure becomes a message and a code
        if args.debug:
            traceback.print_exc()
        print(f"footprint: internal error: {type(exc).__name__}: {cut(str(exc))} (run with --debug for details)",
              file=sys.stderr)
        return ExitCode.INTERNAL


def _quiet_stdout() -> None:
    """Point stdout at /dev/null: the interpreter's final flush of a closed pipe would print an error of its own."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _command(name: str):
    module, function = COMMANDS[name].split(":")
    return getattr(importlib.import_module(module), function)


def _run_command(args) -> int:
    """A command; for scan and demo, with SIGTERM/SIGINT/SIGHUP handled (exit 7) and the JSON-lines run log open
    from the first step, so that every way out, bad input included, ends with a `run.exit` line and its code."""
    if args.command not in RUNS:
        return _command(args.command)(args)
    from crawler.runs import interrupt
    from crawler.runs.joblog import close_log, event, open_log

    log = None
    try:
        with interrupt.handle_signals():
            if args.log_file:
                try:
                    log = open_log(args.log_file)
                except OSError as exc:
                    raise InputError(args.log_file, "--log-file",
                                     f"a file footprint may append to ({exc.strerror})") from None
            code = _command(args.command)(args)
    except BaseException as exc:
        code = for_exception(exc)
        error = f"{type(exc).__name__}: {cut(str(exc))}"
        event("run.exit", f"exit code {code}: {error}", logging.ERROR, exit_code=int(code), error=error)
        raise
    else:
        event("run.exit", f"exit code {code}", exit_code=int(code))
        return code
    finally:
        close_log(log)


def run() -> None:
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl-C in the instant between main's handlers and its return
        code = ExitCode.INTERRUPTED
    if code == ExitCode.INTERRUPTED:
        # Stopping already: a late signal, even during the interpreter's shutdown (which resets Python-level
        # handlers, not SIG_IGN), must not turn exit 7 into death by signal.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
    sys.exit(code)
