"""Scheduled scans end to end on the sandbox web: the store, history, diff, --since-last, triage, dated output,
the lock, SIGTERM, JSON-lines logs. Run against a real SQLite file and, where it starts, a real PostgreSQL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from crawler.cli import main
from crawler.store import open_store
from reports.validate import validate_report
from tests.conftest import ROOT, firm_dir, read_report

SITE = "changing-exchange.com"
URL = f"https://{SITE}/"
SLUG = "changing-exchange-com"
PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><h1>{title}</h1><p>{text}</p>{links}</body></html>"""
HOME = PAGE.format(lang="en", title="Changing Exchange", head="", text="Trade bitcoin and ether with low fees.",
                   links='<a href="/about.html">About</a> {extra}')
ABOUT = PAGE.format(lang="en", title="About us", head="", text="We are a trading venue based in Seychelles.",
                    links="")
GERMAN_BONUS = PAGE.format(
    lang="de", title="Willkommensbonus", head="",
    text="Jetzt registrieren und 100 € Willkommensbonus sichern! Die beste Krypto-Börse für Anleger in "
         "Deutschland. Zahlen Sie bequem per SEPA-Überweisung ein.", links="")
FRENCH_PAGE = PAGE.format(
    lang="fr", title="Bienvenue", head="",
    text="Ouvrez votre compte dès aujourd'hui et recevez un bonus de bienvenue de 50 € ! La meilleure plateforme "
         "pour les investisseurs en France. Dépôt par virement SEPA.", links="")


def _site(web_root: Path, version: int) -> None:
    """Version 1: an English home linking a German bonus page. Version 2: the German page is gone, a French
    one appeared."""
    root = web_root / SITE
    if root.exists():
        for path in sorted(root.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
    (root / "de").mkdir(parents=True)
    (root / "fr").mkdir(parents=True)
    (root / "about.html").write_text(ABOUT, encoding="utf-8")
    if version == 1:
        (root / "index.html").write_text(HOME.format(extra='<a href="/de/bonus.html">Bonus</a>'), encoding="utf-8")
        (root / "de" / "bonus.html").write_text(GERMAN_BONUS, encoding="utf-8")
    else:
        (root / "index.html").write_text(HOME.format(extra='<a href="/fr/index.html">France</a>'),
                                         encoding="utf-8")
        (root / "fr" / "index.html").write_text(FRENCH_PAGE, encoding="utf-8")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_spec(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "scans.sqlite")
    from tests.support.pg_server import fresh_database_url

    return fresh_database_url()  # skips with the reason when PostgreSQL cannot start here


def _ids(report: dict, part: str = "") -> set[str]:
    return {f["id"] for c in report["channels"] for f in c["findings"] if part in f["url"]}


def test_two_scans_of_a_changing_site_give_the_expected_diff(scan, web_root, tmp_path, store_spec, capsys):
    out = tmp_path / "out"
    _site(web_root, 1)
    assert scan(URL, out=out, store=store_spec, visitor="DE") == 0
    first = read_report(out, SLUG)
    first_dir = (out / "latest").resolve()
    german = _ids(first, "/de/")
    assert german and {f["indicator"] for c in first["channels"] for f in c["findings"] if "/de/" in f["url"]} \
        >= {"LANG", "BONUS"}

    _site(web_root, 2)
    assert scan(URL, "--since-last", out=out, store=store_spec, visitor="DE") == 0
    second = read_report(out, SLUG)
    assert (out / "latest").resolve() != first_dir and first_dir.is_dir()  # dated folders, the old one kept
    french = _ids(second, "/fr/")
    assert french and not _ids(second, "/de/")
    # A fact both scans found (the euro, the firm's domain) is one merged finding, neither new nor resolved.
    french, german = french - _ids(first), german - _ids(second)
    assert french and german

    # --since-last: exactly the French findings are new; the German ones are listed as resolved.
    assert {f["id"] for c in second["channels"] for f in c["findings"] if f["new"]} == french
    assert second["since_last"]["previous_scan"] == first["scan"]["id"]
    assert {r["id"] for r in second["since_last"]["resolved_findings"]} == german
    assert validate_report(second) == []

    # diff by scan ids from the store, and by report files: the same answer.
    capsys.readouterr()
    assert main(["diff", first["scan"]["id"], second["scan"]["id"], "--store", store_spec, "--format", "json"]) == 0
    by_id = json.loads(capsys.readouterr().out)
    files = [str(first_dir / SLUG / "report.json"), str(firm_dir(out, SLUG) / "report.json")]
    assert main(["diff", *files, "--format", "json"]) == 0
    by_file = json.loads(capsys.readouterr().out)
    assert by_id == by_file
    (channel,) = by_id["channels"]
    assert {f["id"] for f in channel["new_findings"]} == french
    assert {f["id"] for f in channel["resolved_findings"]} == german
    assert by_id["totals"]["new"] == len(french) and by_id["totals"]["resolved"] == len(german)

    assert main(["diff", first["scan"]["id"][:6], second["scan"]["id"], "--store", store_spec]) == 0
    text = capsys.readouterr().out
    assert f"website:{SITE}" in text and all(i in text for i in french | german)
    html_path = tmp_path / "diff.html"
    assert main(["diff", *files, "--format", "html", "--output", str(html_path)]) == 0
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html and all(i in html for i in french)

    # history lists both scans, newest first, with their verdicts.
    assert main(["history", SLUG, "--store", store_spec, "--json"]) == 0
    scans = json.loads(capsys.readouterr().out)["scans"]
    assert [s["id"] for s in scans] == [second["scan"]["id"], first["scan"]["id"]]
    assert all(s["status"] == "complete" and s["verdict"]["level"] == "high" for s in scans)
    assert all(os.path.isabs(s["out_dir"]) and Path(s["out_dir"], "report.json").is_file() for s in scans)


def test_a_dismissed_finding_stays_dismissed_across_scans_and_is_not_scored(scan, web_root, tmp_path,
                                                                         store_spec, capsys):
    out = tmp_path / "out"
    _site(web_root, 1)
    scan(URL, out=out, store=store_spec, visitor="DE")
    first = read_report(out, SLUG)
    (channel,) = first["channels"]
    bonus = next(f for f in channel["findings"] if f["indicator"] == "BONUS")
    assert next(i for i in channel["indicators"] if i["id"] == "BONUS")
    assert main(["triage", bonus["id"], "--status", "dismissed", "--reason", "test page, never published",
                 "--by", "reviewer@nca.example", "--store", store_spec]) == 0
    assert "dismissed" in capsys.readouterr().out

    scan(URL, out=out, store=store_spec, visitor="DE")
    second = read_report(out, SLUG)
    (channel,) = second["channels"]
    kept = next(f for f in channel["findings"] if f["id"] == bonus["id"])
    assert kept["triage"]["status"] == "dismissed" and kept["triage"]["by"] == "reviewer@nca.example"
    assert kept["triage"]["reason"] == "test page, never published"
    assert channel["dismissed"] == sum(1 for f in channel["findings"] if (f.get("triage") or {}).get("status")
                                       == "dismissed") >= 1
    assert all(i["id"] != "BONUS" or i["findings"] < len([f for f in channel["findings"]
                                                          if f["indicator"] == "BONUS"])
               for i in channel["indicators"])
    assert "dismissed in triage" in second["verdict"]["summary"]
    assert "DISMISSED (not scored)" in (firm_dir(out, SLUG) / "report.html").read_text(encoding="utf-8")

    # A third scan still carries the decision; withdrawing it brings the finding back into the score.
    assert main(["triage", bonus["id"], "--status", "open", "--reason", "was published after all",
                 "--store", store_spec]) == 0
    scan(URL, out=out, store=store_spec, visitor="DE")
    third = read_report(out, SLUG)
    (channel,) = third["channels"]
    assert "triage" not in next(f for f in channel["findings"] if f["id"] == bonus["id"])
    assert channel["dismissed"] == 0


def test_triage_decisions_export_and_import_between_stores(scan, web_root, tmp_path, store_spec, capsys):
    out = tmp_path / "out"
    _site(web_root, 1)
    scan(URL, out=out, store=store_spec, visitor="DE")
    finding = next(f for c in read_report(out, SLUG)["channels"] for f in c["findings"])
    assert main(["triage", finding["id"], "--status", "confirmed", "--reason", "German bonus to German residents",
                 "--by", "analyst", "--store", store_spec]) == 0
    exported = tmp_path / "review" / "triage.json"
    assert main(["triage", "--export", str(exported), "--store", store_spec]) == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert [d["finding_id"] for d in data["decisions"]] == [finding["id"]]

    other = str(tmp_path / "colleague.sqlite")
    assert main(["triage", "--import", str(exported), "--store", other]) == 0
    assert main(["triage", "--import", str(exported), "--store", other]) == 0  # again: nothing newer
    assert "0 decision(s) applied" in capsys.readouterr().out
    with open_store(other) as store:
        assert store.triage()[finding["id"]]["status"] == "confirmed"

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "footprint.triage/1", "decisions": [
        {**data["decisions"][0], "status": "maybe"}]}), encoding="utf-8")
    assert main(["triage", "--import", str(bad), "--store", other]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "status" in err


def test_new_high_findings_since_the_last_scan_exit_5(scan, web_root, tmp_path):
    out, store = tmp_path / "out", str(tmp_path / "s.sqlite")
    _site(web_root, 1)
    assert scan(URL, "--fail-on-new", "high", out=out, store=store, visitor="DE") == 5  # first scan: everything is new
    assert scan(URL, "--fail-on-new", "high", out=out, store=store, visitor="DE") == 0  # nothing new
    _site(web_root, 2)
    assert scan(URL, "--fail-on-new", "high", out=out, store=store, visitor="DE") == 5  # the French page is new


def test_runs_are_dated_with_a_latest_pointer_an_index_and_a_json_lines_log(scan, web_root, tmp_path, capsys):
    out, log, store = tmp_path / "out", tmp_path / "logs" / "footprint.jsonl", str(tmp_path / "s.sqlite")
    _site(web_root, 1)
    assert scan(URL, "--log-file", str(log), out=out, store=store, visitor="DE") == 0
    capsys.readouterr()
    assert main(["history", "--store", store]) == 0
    table = capsys.readouterr().out.splitlines()
    scan_id = read_report(out, SLUG)["scan"]["id"]
    assert table[0].split()[:4] == ["SCAN", "STARTED", "STATUS", "VERDICT"]
    assert table[1].split()[0] == scan_id and "complete" in table[1] and "HIGH" in table[1]
    assert main(["history", "changing", "--store", store]) == 0  # not a slug: says which slugs contain it
    assert f"firms whose slug contains it: {SLUG}" in capsys.readouterr().out
    latest = out / "latest"
    assert latest.is_symlink() and not os.path.isabs(os.readlink(latest))
    run_dir = latest.resolve()
    assert run_dir.parent == out.resolve() and run_dir.name[:4].isdigit()
    assert sorted(p.name for p in run_dir.iterdir()) == [SLUG, "index.html", "index.json"]
    index = json.loads((run_dir / "index.json").read_text(encoding="utf-8"))
    assert [f["slug"] for f in index["firms"]] == [SLUG]
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    names = [e["event"] for e in events]
    assert names[0] == "run.start" and "firm.done" in names and names[-1] == "run.exit"
    assert all(e["time"].endswith("Z") and e["level"] in ("info", "warning", "error") for e in events)
    done = next(e for e in events if e["event"] == "firm.done")
    assert done["verdict"] == "high" and done["firm"] == SLUG
    assert next(e for e in events if e["event"] == "run.exit")["exit_code"] == 0


def test_a_second_run_on_the_same_folder_exits_6_while_the_first_holds_the_lock(sandbox, web_root, tmp_path):
    out = tmp_path / "out"
    _site(web_root, 1)
    first = _background_scan(sandbox, out, str(tmp_path / "s.sqlite"), delay=1.0)
    try:
        _wait_for(lambda: (out / ".footprint.lock").is_file() and _running(str(tmp_path / "s.sqlite")), first)
        second = subprocess.run([sys.executable, "-m", "crawler.cli", "scan", f"https://{SITE}/", "--proxy",
                                 sandbox.url, "--out", str(out), "--store", str(tmp_path / "s.sqlite"), "--quiet"],
                                capture_output=True, text=True, timeout=60, cwd=ROOT)
        assert second.returncode == 6, second.stderr
        assert "another footprint run is writing to" in second.stderr and f"pid {first.pid}" in second.stderr
    finally:
        first.wait(timeout=120)
    assert first.returncode == 0
    assert read_report(out, SLUG)["verdict"]["level"] == "high"  # the first run was not disturbed


def test_sigterm_mid_scan_leaves_the_store_consistent_and_the_next_scan_runs(scan, sandbox, web_root,
                                                                             tmp_path, store_spec):
    out = tmp_path / "out"
    _site(web_root, 1)
    proc = _background_scan(sandbox, out, store_spec, delay=2.0)
    _wait_for(lambda: _running(store_spec), proc)
    _wait_for(lambda: _captured(out) >= 1, proc)  # inside the crawl: a page fetched, more waiting on the delay
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 7, err
    assert "interrupted by SIGTERM" in err

    with open_store(store_spec) as store:
        (row,) = store.scans(SLUG)
        assert row.status == "interrupted" and row.findings == 0
        assert store.report(row.id) is None
    run_dir = next(p for p in out.iterdir() if p.name[:4].isdigit())
    assert [p.name for p in run_dir.iterdir()] == [f"{SLUG}.interrupted"]  # captures kept, no report
    assert not (out / "latest").exists()  # latest moves only when a run finishes
    # Nothing collected is lost: the interrupted scan's captures still give a report, offline.
    kept = run_dir / f"{SLUG}.interrupted" / "capture.warc.gz"
    assert main(["analyze", str(kept), "--out", str(tmp_path / "rebuilt"), "--store", store_spec]) in (0, 3)
    assert read_report(tmp_path / "rebuilt", SLUG)["channels"][0]["pages"]["fetched"] >= 1
    rebuilt = tmp_path / "rebuilt" / "latest"
    assert (rebuilt / "index.html").is_file() and (rebuilt / SLUG / "capture.warc.gz").is_file()

    assert scan(URL, "--since-last", out=out, store=store_spec, visitor="DE") == 0
    with open_store(store_spec) as store:
        statuses = [r.status for r in store.scans(SLUG)]
    assert statuses == ["complete", "interrupted"]
    report = read_report(out, SLUG)
    assert report["since_last"]["previous_scan"] is None  # an interrupted scan is no baseline


def _background_scan(sandbox, out: Path, store: str, delay: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler.cli", "scan", f"https://{SITE}/", "--proxy", sandbox.url,
                             "--out", str(out), "--store", store, "--quiet", "--no-screenshots", "--delay",
                             str(delay), "--visitor", "DE"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)


def _captured(out: Path) -> int:
    """Pages captured so far by the scan in progress (its archive is written as pages arrive)."""
    from crawler.captures.warc import read_archive

    archives = list(out.glob(f"*/.{SLUG}.partial/capture.warc.gz"))
    return len(read_archive(archives[0]).captures) if archives else 0


def _running(store_spec: str) -> bool:
    try:
        with open_store(store_spec) as store:
            return any(r.status == "running" for r in store.scans())
    except Exception:  # the other process may be creating the store right now
        return False


def _wait_for(condition, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the scan ended early ({proc.returncode}): {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the scan did not start in time")
        time.sleep(0.1)


@pytest.mark.parametrize("example", ["crontab", "footprint-scan.service"])
def test_the_documented_cron_and_systemd_commands_are_valid_footprint_command_lines(example):
    import shlex

    from crawler.cli.parser import build

    text = (ROOT / "docs" / "examples" / example).read_text(encoding="utf-8")
    line = next(raw for raw in text.splitlines() if "bin/footprint scan" in raw and not raw.startswith("#"))
    command = line.split("bin/footprint", 1)[1].split(";", 1)[0]
    args = build().parse_args(shlex.split(command))  # argparse exits (SystemExit) on an unknown option
    assert args.command == "scan" and args.since_last and args.fail_on_new == "high" and args.log_file


def test_a_second_signal_does_not_cut_short_the_orderly_stop_of_a_batch(sandbox, web_root, tmp_path):
    """Ctrl-C twice in a 3-firm batch: every scan in progress is still recorded as interrupted, its captures kept
    under <slug>.interrupted, and the run exits 7."""
    _site(web_root, 1)
    firms = []
    for n in range(3):
        host = f"batch-{n}-exchange.com"
        shutil.copytree(web_root / SITE, web_root / host)
        firms.append({"firm": {"name": f"Batch {n} Exchange", "home_country": "SC"},
                      "channels": {"websites": [f"https://{host}/"]}})
    firms_file = tmp_path / "firms.yaml"
    firms_file.write_text(yaml.safe_dump({"firms": firms, "scan": {"visitors": ["DE"], "delay": 1.5,
                                                                   "screenshots": False}}), encoding="utf-8")
    out, store = tmp_path / "out", str(tmp_path / "s.sqlite")
    proc = subprocess.Popen([sys.executable, "-m", "crawler.cli", "scan", "--firm", str(firms_file), "--proxy",
                             sandbox.url, "--out", str(out), "--store", store, "--parallel", "3", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    _wait_for(lambda: _count_running(store) == 3, proc)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.3)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=90)
    assert proc.returncode == 7, err
    assert "could not record" not in err
    with open_store(store) as s:
        assert sorted(r.status for r in s.scans()) == ["interrupted"] * 3
    (run_dir,) = [p for p in out.iterdir() if p.name[:4].isdigit()]
    assert sorted(p.name for p in run_dir.iterdir()) == [f"batch-{n}-exchange.interrupted" for n in range(3)]


def test_a_run_that_ends_on_bad_input_still_logs_its_exit(tmp_path, capsys):
    not_a_folder, log = tmp_path / "out", tmp_path / "run.jsonl"
    not_a_folder.write_text("a file", encoding="utf-8")
    assert main(["scan", "https://example.com/", "--out", str(not_a_folder), "--log-file", str(log),
                 "--render", "never", "--no-screenshots", "--quiet"]) == 2
    assert "--out: a folder" in capsys.readouterr().err
    (last,) = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert last["event"] == "run.exit" and last["exit_code"] == 2 and last["level"] == "error"
    # a firms file that is not there: found before anything else, and still logged
    other = tmp_path / "other.jsonl"
    assert main(["scan", "--firm", str(tmp_path / "missing.yaml"), "--log-file", str(other)]) == 2
    (last,) = [json.loads(line) for line in other.read_text(encoding="utf-8").splitlines()]
    assert last["exit_code"] == 2 and "missing.yaml" in last["error"]


def test_diff_of_a_malformed_report_is_bad_input_not_a_crash(tmp_path, capsys):
    bad = tmp_path / "report.json"
    bad.write_text(json.dumps({"schema": "footprint.report/1", "channels": "x"}), encoding="utf-8")
    assert main(["diff", str(bad), str(bad)]) == 2
    assert "a report.json as footprint writes it" in capsys.readouterr().err


def _count_running(store_spec: str) -> int:
    try:
        with open_store(store_spec) as store:
            return sum(r.status == "running" for r in store.scans())
    except Exception:  # the other process may be creating the store right now
        return 0


def test_reading_commands_do_not_create_a_store_from_a_mistyped_path(tmp_path, capsys):
    typo = tmp_path / "no-such-dir" / "footprnt.sqlite"
    assert main(["history", "--store", str(typo)]) == 2
    assert main(["diff", "0000", "1111", "--store", str(typo)]) == 2
    assert main(["triage", "--list", "--store", str(typo)]) == 2
    assert "no such store" in capsys.readouterr().err
    assert not typo.parent.exists()


def test_a_manual_check_with_other_settings_is_no_baseline_for_the_scheduled_scan(scan, web_root, tmp_path):
    out, store = tmp_path / "out", str(tmp_path / "s.sqlite")
    _site(web_root, 1)
    # the first scheduled scan: all new
    assert scan(URL, "--fail-on-new", "high", out=out, store=store, visitor="DE") == 5
    # someone's quick look: the home page only
    assert scan(URL, "--max-pages", "1", out=out, store=store, visitor="DE") == 0
    # scheduled again, site unchanged: no alarm
    assert scan(URL, "--fail-on-new", "high", out=out, store=store, visitor="DE") == 0
    report = read_report(out, SLUG)
    assert report["since_last"]["new"] == 0 and report["since_last"]["resolved"] == 0
