"""The fleet's documented examples hold together: the Kubernetes manifests load as YAML with the fields every
object needs and valid footprint command lines; the systemd unit passes `systemd-analyze verify` (where systemd is
installed) and its command line is one footprint accepts."""

from __future__ import annotations

import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from crawler.cli.parser import build

EXAMPLES = Path(__file__).resolve().parents[3] / "docs" / "examples"
UNIT = EXAMPLES / "footprint-worker.service"


def _footprint_args(command: list[str]):
    return build().parse_args(command)  # argparse exits (SystemExit) on an unknown option or a missing one


def test_the_kubernetes_example_loads_and_its_commands_are_footprint_command_lines():
    documents = list(yaml.safe_load_all((EXAMPLES / "footprint-fleet.k8s.yaml").read_text(encoding="utf-8")))
    assert [d["kind"] for d in documents] == ["Secret", "Job", "Deployment", "CronJob"]
    assert all(d["apiVersion"] and d["metadata"]["name"] for d in documents)
    job, deployment, cron = documents[1:]
    assert _footprint_args(job["spec"]["template"]["spec"]["containers"][0]["args"]).db_command == "migrate"
    [worker] = deployment["spec"]["template"]["spec"]["containers"]
    args = _footprint_args(worker["args"])
    assert args.command == "worker" and args.evidence.startswith("s3://") and args.concurrency == 2
    assert deployment["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] >= 30
    [enqueue] = cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    line = shlex.split(enqueue["args"][0])
    assert line[:2] == ["exec", "footprint"]
    assert _footprint_args(line[2:]).batch == "weekly-$(date +%G-W%V)"  # the shell expands it: one id per week


def test_the_systemd_unit_runs_a_footprint_worker_that_may_exit_7():
    text = UNIT.read_text(encoding="utf-8")
    [exec_start] = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    args = _footprint_args(shlex.split(exec_start.split("bin/footprint", 1)[1]))
    assert args.command == "worker" and args.evidence.startswith("s3://")
    assert "SuccessExitStatus=7" in text and "KillMode=mixed" in text


def test_the_systemd_unit_verifies(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    # The unit names the install's paths and user; verify its syntax against stand-ins that exist here.
    footprint = tmp_path / "footprint"
    footprint.write_text("#!/bin/sh\n")
    footprint.chmod(0o755)
    unit = tmp_path / "footprint-worker.service"
    unit.write_text(UNIT.read_text(encoding="utf-8").replace("/srv/footprint/.venv/bin/footprint", str(footprint))
                    .replace("/srv/footprint", str(tmp_path)).replace("/etc/footprint/worker.env", "-/nonexistent"),
                    encoding="utf-8")
    proc = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=60)
    problems = [line for line in proc.stderr.splitlines() if str(unit) in line or "footprint-worker" in line]
    assert proc.returncode == 0 and not problems, proc.stderr  # an unknown key is only a warning: caught here
