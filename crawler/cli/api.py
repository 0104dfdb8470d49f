"""footprint from Python (a notebook, a script): the command line's runs, with typed results.

    from crawler.cli.api import scan, analyze, load_report

    run = scan(["https://nordwind-exchange.com/"], out="footprint-out", visitors=["DE"])
    for report in run.reports:
        print(report.firm, report.level, report.score)
        for finding in report.findings:
            print(finding.indicator, finding.url, finding.member_states)

`scan` and `analyze` run exactly what `footprint scan` / `footprint analyze` run (same checks, same exit codes,
same folders); they return the exit code and the reports written; bad input is exit code 2 with the message on
stderr, as on the command line. `load_report` reads any report.json (or the firm folder holding one) and raises
InputError for a file that is not one.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from crawler.cli.main import main
from crawler.runs.folders import LATEST
from detectors.inputs import InputError

REPORT = "report.json"


@dataclass(frozen=True)
class Finding:
    id: str
    indicator: str
    channel: str
    url: str
    value: str
    snippet: str
    strength: str
    member_states: tuple[str, ...]
    legal_ref: str
    pages: int  # how many pages of the channel showed it (1 in reports before format 2)


@dataclass(frozen=True)
class Channel:
    id: str
    kind: str
    target: str
    status: str  # assessed | partial | inconclusive | not-assessed
    level: str | None
    score: int | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Report:
    firm: str
    level: str  # none | low | medium | high | not-assessed
    score: int | None
    complete: bool
    summary: str
    member_states: dict[str, int]  # member state -> score
    channels: tuple[Channel, ...]
    path: Path
    data: dict  # the whole report.json, for anything the typed fields leave out

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for c in self.channels for f in c.findings)


@dataclass(frozen=True)
class Run:
    exit_code: int  # as the command line's (README: exit codes)
    folder: Path | None  # the run's folder (OUT/<run>), None when nothing was written
    reports: tuple[Report, ...]
    output: str  # what the command printed


def load_report(path: str | Path) -> Report:
    """A report.json, or the firm folder holding one."""
    path = Path(path)
    file = path / REPORT if path.is_dir() else path
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(file), "(file)", f"a report.json written by footprint ({exc})") from None
    if not isinstance(data, dict) or not str(data.get("schema", "")).startswith("footprint.report/"):
        raise InputError(str(file), "schema", "a footprint report (schema footprint.report/N)")
    verdict = data["verdict"]
    return Report(firm=data["firm"]["name"], level=verdict["level"], score=verdict["score"],
                  complete=verdict["complete"], summary=verdict["summary"],
                  member_states={cc: v["score"] for cc, v in data.get("member_states", {}).items()},
                  channels=tuple(_channel(c) for c in data["channels"]), path=file, data=data)


def scan(urls: Iterable[str] = (), *, firm: str | Path | None = None, out: str | Path = "footprint-out",
         proxy: str | None = None, store: str | None = None, visitors: Iterable[str] = (),
         render: str | None = None, max_pages: int | None = None, screenshots: bool = True,
         extra_args: Iterable[str] = ()) -> Run:
    """`footprint scan URL...` (one firm) or `footprint scan --firm FILE`; `extra_args`: any other option."""
    argv = ["scan", *urls, "--out", str(out), "--quiet"]
    argv += ["--firm", str(firm)] if firm else []
    argv += ["--proxy", proxy] if proxy else []
    argv += ["--store", store] if store else []
    argv += [arg for cc in visitors for arg in ("--visitor", cc)]
    argv += ["--render", render] if render else []
    argv += ["--max-pages", str(max_pages)] if max_pages is not None else []
    argv += [] if screenshots else ["--no-screenshots"]
    return _run([*argv, *extra_args], Path(out))


def analyze(archive: str | Path, *, out: str | Path = "footprint-out/analyze", store: str | None = None) -> Run:
    """`footprint analyze ARCHIVE`: the reports rebuilt from a capture.warc.gz, without the network."""
    return _run(["analyze", str(archive), "--out", str(out), *(["--store", store] if store else [])], Path(out))


def _run(argv: list[str], out: Path) -> Run:
    before = _latest(out)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main(argv)
    folder = _latest(out)
    if folder is None or folder == before:
        return Run(int(code), None, (), printed.getvalue())
    reports = tuple(load_report(p) for p in sorted(folder.glob(f"*/{REPORT}")))
    return Run(int(code), folder, reports, printed.getvalue())


def _latest(out: Path) -> Path | None:
    link = out / LATEST
    return link.resolve() if link.is_symlink() else None


def _channel(data: dict) -> Channel:
    return Channel(id=data["id"], kind=data["kind"], target=data["target"], status=data["status"],
                   level=data.get("level"), score=data.get("score"),
                   findings=tuple(_finding(f) for f in data["findings"]))


def _finding(data: dict) -> Finding:
    evidence = data["evidence"]
    return Finding(id=data["id"], indicator=data["indicator"], channel=data["channel"], url=data["url"],
                   value=evidence["value"], snippet=evidence["snippet"], strength=data["strength"],
                   member_states=tuple(data["member_states"]), legal_ref=data["legal_ref"],
                   pages=int(data.get("pages", 1)))
