"""The crawl and memory benchmarks (issue 12) run end to end in their smoke mode (`--quick`), bounded in CPU, and
print what BENCHMARKS.md and `make bench` read from them: the machine line first, each side's or size's figures,
and a `ratio:` last. Timings are not checked (the machine is shared); page counts are, since both benchmarks fail
when a side did not fetch the whole site. And the generated site they crawl is what they say it is."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.exchange_site import BRANCHING, HOST, page_path, site_depth, write_exchange_site

# A smoke run costs under SMOKE_CPU_S of CPU (the benchmark, footprint, its crawl child, the bare spider: 15-30 s
# measured), which takes about as long on a quiet machine; the wall-time bound only stops a hung run, since on a
# machine shared with other jobs (load 10 on 2 cores, seen while writing this) the same run can take minutes.
SMOKE_CPU_S = 60
HANG_BOUND_S = 300
NUMBER = r"\d+(?:\.\d+)?"


def run_benchmark(name: str, *args: str) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / name), *args], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=HANG_BOUND_S, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    assert cpu < SMOKE_CPU_S, f"{name} {' '.join(args)} used {cpu:.0f} s of CPU"
    return done.stdout.splitlines()


def line_starting(lines: list[str], prefix: str) -> str:
    found = [line for line in lines if line.startswith(prefix)]
    assert found, f"no line starts with {prefix!r}:\n" + "\n".join(lines)
    return found[0]


def test_crawl_smoke_run_compares_the_same_pages_on_both_sides():
    lines = run_benchmark("crawl.py", "--quick")
    assert lines[0].startswith("machine: CPU ")
    assert re.fullmatch(rf"round 1: footprint 60 pages in {NUMBER} s \({NUMBER} pages/s\), CPU {NUMBER} s; "
                        rf"bare 60 pages in {NUMBER} s \({NUMBER} pages/s\), CPU {NUMBER} s; the machine kept "
                        rf"{NUMBER} cores busy \(all work on it\)",
                        line_starting(lines, "round 1:"))
    assert re.match(rf"footprint / bare: pages/s {NUMBER} \(medians; bests {NUMBER}\), CPU {NUMBER}$",
                    line_starting(lines, "footprint / bare:"))
    assert re.fullmatch(rf"ratio: {NUMBER}", lines[-1])


def test_memory_smoke_run_reports_both_sizes_and_their_ratio():
    lines = run_benchmark("memory.py", "--quick")
    assert lines[0].startswith("machine: CPU ")
    for pages in (40, 160):
        assert line_starting(lines, f"scan of {pages} pages:")
        assert any(re.match(rf"  {pages} pages fetched, exit [03]; {NUMBER} s wall, .* CPU {NUMBER} s", line)
                   for line in lines), lines
    assert len([line for line in lines if line.startswith("  peak tree RSS ")]) == 2
    assert len([line for line in lines if re.match(r"  written: report\.json \d", line)]) == 2
    assert re.match(rf"160 / 40 pages: peak tree RSS {NUMBER} ", line_starting(lines, "160 / 40 pages:"))
    assert re.fullmatch(rf"ratio: {NUMBER}", lines[-1])


@pytest.mark.parametrize("pages", [2, 21, 60, 421])
def test_every_page_of_the_site_is_linked_within_its_depth(tmp_path: Path, pages):
    from benchmarks.harness import exchange_copy

    figures = write_exchange_site(tmp_path, pages, exchange_copy())
    site = tmp_path / HOST
    files = sorted(p for p in site.rglob("*.html"))
    assert len(files) == pages and figures["depth"] == site_depth(pages)
    # Breadth-first over the pages' root-relative links, as a crawler with a depth limit goes.
    depth_of, frontier = {"/": 0}, ["/"]
    while frontier:
        path = frontier.pop(0)
        html = (site / (path.lstrip("/") or "index.html")).read_text(encoding="utf-8")
        for target in re.findall(r'href="(/[^"/][^"]*|/)"', html):
            assert (site / (target.lstrip("/") or "index.html")).is_file(), f"{path} links to a missing {target}"
            if target not in depth_of:
                depth_of[target] = depth_of[path] + 1
                frontier.append(target)
    assert len(depth_of) == pages
    assert max(depth_of.values()) <= site_depth(pages)
    sizes = [p.stat().st_size for p in files]
    assert 30 * 1024 <= min(sizes) and max(sizes) <= 60 * 1024


def test_site_depth_is_the_depth_of_the_last_page_of_the_tree():
    assert [site_depth(n) for n in (1, 2, BRANCHING + 1, BRANCHING + 2, 20_000)] == [0, 1, 1, 2, 4]
    assert page_path(0) == "/" and page_path(7) == "/page/7.html"


def test_a_watched_command_past_its_timeout_is_killed_with_its_children():
    from benchmarks.process_tree import argv_of, watch

    seen: list[int] = []
    watched = watch(["bash", "-c", "sleep 60 & sleep 60; wait"], 0.1, timeout=1.5,
                    on_new=lambda pid, kind, argv: seen.append(pid))
    assert watched.code == -9 and watched.wall < 30
    assert len(seen) >= 2  # bash and its sleeps were seen; none lives on (a zombie has no command line)
    assert [pid for pid in seen if argv_of(pid)] == []


def test_a_watched_command_within_its_timeout_keeps_its_exit_code():
    from benchmarks.process_tree import watch

    watched = watch(["bash", "-c", "exit 3"], 0.1, timeout=60)
    assert watched.code == 3 and watched.wall < 30


def test_the_real_web_labels_are_well_formed():
    """Every label of benchmarks/realweb/labels.yaml names a scored indicator and member-state codes (YAML 1.1 reads
    a bare NO, Norway, as false: quoted, it stays a code), and every id is labelled once."""
    import yaml

    from detectors.geography import geography

    sys.path.insert(0, str(ROOT / "benchmarks"))
    import realweb

    cases = yaml.safe_load(realweb.LABELS.read_text(encoding="utf-8"))
    states = geography().member_states
    assert len({c["id"] for c in cases}) == len(cases)
    for case in cases:
        assert isinstance(case["language"], str), case["id"]
        for indicator, codes in (case.get("expect") or {}).items():
            assert indicator in realweb.MAIN + realweb.OTHER, (case["id"], indicator)
            assert all(code in states for code in codes or ()), (case["id"], indicator, codes)
