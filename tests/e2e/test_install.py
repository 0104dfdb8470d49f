"""The README's first screen, as a newcomer copies it: the install line puts `footprint` on PATH, and the tour
works unchanged. Offline: the virtualenv the install script makes is seeded with this project's installed
dependencies (a .pth file), and pip is told not to look at any index."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import ROOT

TOUR_PORT = 8899


def _blocks() -> list[str]:
    return re.findall(r"```sh\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)


def _install_line() -> str:
    (line,) = [ln for block in _blocks() for ln in block.splitlines() if "scripts/install.sh" in ln]
    return line


def _tour() -> str:
    (tour,) = [block for block in _blocks() if block.startswith("footprint --version")]
    return tour


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> dict[str, str]:
    """HOME with footprint installed by the README's line; the environment to run it in."""
    home = tmp_path_factory.mktemp("home")
    venv = home / ".local" / "share" / "footprint" / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    seeded = subprocess.run([str(venv / "bin" / "python"), "-c",
                             "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                            capture_output=True, text=True, check=True).stdout.strip()
    Path(seeded, "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {"HOME": str(home), "PATH": f"{home}/.local/bin:/usr/bin:/bin", "LANG": "C.UTF-8",
           "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "false", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PYTHON": sys.executable, "TMPDIR": os.environ.get("TMPDIR", "/tmp")}
    for name in ("FOOTPRINT_CHROMIUM", "PLAYWRIGHT_BROWSERS_PATH"):
        if name in os.environ:
            env[name] = os.environ[name]
    run = subprocess.run(["bash", "-c", _install_line()], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (home / ".local" / "bin" / "footprint").exists()
    return env


def test_the_install_line_puts_footprint_on_path(installed):
    version = subprocess.run(["footprint", "--version"], env=installed, capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and re.fullmatch(r"footprint \S+ \(indicator catalogue \S+\)\n", version.stdout)


def test_the_tour_works_as_written(installed, tmp_path, chromium):
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", TOUR_PORT)) == 0:
            pytest.skip(f"port {TOUR_PORT}, which the README's tour uses, is taken on this machine")
    (tmp_path / "crawler").symlink_to(ROOT / "crawler")  # "from the clone's folder"
    run = subprocess.run(["bash", "-e", "-c", _tour()], cwd=tmp_path, env=installed, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "ready to scan" in run.stdout
    assert (tmp_path / "scans" / "latest" / "nordwind-exchange-com" / "report.html").is_file()
    assert re.search(r"^\S{12}\s+\S+\s+complete\s+HIGH", run.stdout, re.M)  # the history lists the scans
    assert "new" in run.stdout.lower()  # the diff of the last two scans
