"""What every benchmark shares: the machine line, timing, /proc sampling of a process tree, and the data files.

A benchmark imports this module, the data (benchmarks/data/, through `data_file`/`data_files`), the site
generators of tests/support/sites.py, and footprint's public API; never another benchmark or a private name.

- `machine()`: the line every benchmark prints first (CPU model, cores, memory, Python, OS); `versions(...)`
  names the packages a result depends on; `revision()` the footprint commit measured.
- Timing: `one_core()` pins this process to one CPU (BLAS limited to one thread); `interleaved(...)` times the
  compared sides with `time.perf_counter`, alternating them run by run in this one process, so that a slow spell of
  a shared virtual machine weighs on both alike (keep the best run); `profile(...)` prints cProfile's top functions.
- Scans: `static_scan(...)` is the `footprint scan` command of the crawl and memory benchmarks, `plain_env()` the
  environment they run it in (no proxy variables, no report validation: the command line's defaults).
- /proc: `watch(cmd, ...)` runs a command (footprint, as a user runs it) and samples the RSS and PSS of its whole
  process tree every `interval` seconds, by kind of process (`kind_of`: footprint, crawl child, Playwright's
  driver, Chromium); `machine_cpu()` and `self_cpu()` say how busy the machine and this process were.
"""

from __future__ import annotations

import gc
import os
import platform
import re
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def mib(kib: float) -> float:
    return kib / 1024


# ---------------------------------------------------------------------------------------------------------------
# The machine and the code measured
# ---------------------------------------------------------------------------------------------------------------


def machine() -> str:
    """CPU model, cores (those this process may use, of all), memory, Python and OS, as one line."""
    model = next((line.split(":", 1)[1].strip() for line in read("/proc/cpuinfo").splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = mib(kib(read("/proc/meminfo"), "MemTotal")) / 1024
    return (f"machine: CPU {model}, {usable} of {os.cpu_count()} cores, {memory:.1f} GiB RAM | "
            f"{platform.python_implementation()} {platform.python_version()} | {platform.platform()}")


def versions(*distributions: str) -> str:
    """"Scrapy 2.19.0, playwright 1.65.2": installed versions of the distributions a result depends on."""
    from importlib.metadata import PackageNotFoundError, version

    def one(name: str) -> str:
        try:
            return f"{name} {version(name)}"
        except PackageNotFoundError:
            return f"{name} (not installed)"

    return ", ".join(one(name) for name in distributions)


def revision(*paths: str) -> str:
    """The footprint commit measured, "+dirty" when `paths` (default: the whole tree) have uncommitted changes."""
    try:
        sha = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", *paths],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return sha + ("+dirty" if dirty else "")


def footprint_command() -> str:
    """The `footprint` console script of the Python running the benchmark (its virtualenv's)."""
    return str(Path(sys.executable).parent / "footprint")


def static_scan(start_url: str, proxy: str, pages: int, out: Path, max_depth: int = 5) -> list[str]:
    """`footprint scan` of one site as the crawl and memory benchmarks run it: no browser, no screenshots, no delay,
    every report format, the store an SQLite file in OUT (the kind the command line uses by default)."""
    return [footprint_command(), "scan", start_url, "--proxy", proxy, "--render", "never", "--no-screenshots",
            "--max-pages", str(pages), "--max-depth", str(max_depth), "--delay", "0", "--out", str(out),
            "--store", str(out / "footprint.sqlite")]


def plain_env(proxy: str = "") -> dict[str, str]:
    """This environment without proxy variables or report validation (as a user's command line runs by default),
    with this checkout first on PYTHONPATH, and `proxy` as the http and https proxy when given (how a bare Scrapy
    spider is sent to the sandbox web)."""
    from crawler.config.defaults import VALIDATE_ENV

    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower() and k != VALIDATE_ENV}
    # This checkout's code, not the one the virtualenv's editable install points at (another worktree, say).
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    if proxy:
        env["https_proxy"] = env["http_proxy"] = proxy
    return env


# ---------------------------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------------------------


def one_core() -> str:
    """Limit BLAS to one thread (call before numpy is imported) and pin this process to one CPU."""
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned"


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds `fn()` took (time.perf_counter, after a garbage collection), and what it returned."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def interleaved(fns: dict[str, Callable[[], Any]], runs: int) -> dict[str, tuple[list[float], Any]]:
    """Run each side `runs` times, alternating (A B A B ...) so that a slow spell of a shared virtual machine
    weighs on both alike; keep every time and the last output. The best run is `min` of the times."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    outputs: dict[str, Any] = {}
    for _ in range(runs):
        for name, fn in fns.items():
            outputs[name] = None  # the previous output must not weigh on this run's garbage collections
            secs, outputs[name] = timed(fn)
            times[name].append(secs)
    return {name: (times[name], outputs[name]) for name in fns}


def profile(label: str, fn: Callable[[], Any], top: int) -> None:
    """Print cProfile's `top` functions of one call of `fn`, by own time and by cumulative time."""
    import cProfile
    import io
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    for order in ("tottime", "cumulative"):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(order).print_stats(top)
        lines = [ln for ln in buf.getvalue().splitlines() if ln.strip()]
        start = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("ncalls"))
        print(f"\n--- profile {label}, by {order} (one pass) ---")
        print("\n".join(lines[start - 1: start + top + 1]))


# ---------------------------------------------------------------------------------------------------------------
# /proc: a process tree's memory and CPU, the machine's load
# ---------------------------------------------------------------------------------------------------------------


def read(path: str) -> str:
    """A /proc file's text, "" when the process is gone."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return fh.read()
    except OSError:
        return ""


def kib(text: str, key: str) -> int:
    """A "Key:  123 kB" field of /proc/<pid>/status, smaps_rollup or /proc/meminfo, in KiB (0 when absent)."""
    match = re.search(rf"^{key}:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


def process_tree(root_pid: int) -> list[int]:
    """root_pid and every descendant, from /proc/<pid>/stat (field 4 is the parent)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        stat = read(f"/proc/{entry.name}/stat")
        try:
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    tree, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def argv_of(pid: int) -> list[str]:
    """The command line of a process ([] for a zombie, exited and not yet reaped, or a process gone)."""
    return [a for a in read(f"/proc/{pid}/cmdline").split("\x00") if a]


def kind_of(argv: list[str], is_root: bool) -> str:
    """What a process of footprint's tree is: footprint (the root), crawl (a Python child: a firm's crawl),
    driver (Playwright's node driver), chromium (any Chromium process), other."""
    exe = os.path.basename(argv[0]) if argv else ""
    if "chrom" in exe or "headless_shell" in exe:
        return "chromium"
    if exe == "node":
        return "driver"
    if is_root:
        return "footprint"
    return "crawl" if exe.startswith("python") else "other"


def process_cpu(pid: int) -> tuple[float, float] | None:
    """(own, reaped children's) CPU seconds of a process, from /proc/<pid>/stat (fields 14-17)."""
    stat = read(f"/proc/{pid}/stat")
    if not stat:
        return None
    utime, stime, cutime, cstime = (int(x) / CLOCK_TICKS for x in stat.rsplit(")", 1)[1].split()[11:15])
    return utime + stime, cutime + cstime


def machine_cpu() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine since boot, from /proc/stat's first line."""
    values = [int(x) for x in read("/proc/stat").splitlines()[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = values[:8]
    return (user + nice + system + irq + softirq) / CLOCK_TICKS, steal / CLOCK_TICKS


def children_cpu() -> float:
    """CPU seconds of this process's children that have ended and been waited for (and of their own children)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def self_cpu() -> float:
    """This process's CPU seconds (the benchmark itself: a sandbox web in its threads, the sampler)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class TreeSample:
    t: float  # seconds since the command started
    progress: int  # what the benchmark counted so far (pages fetched, say)
    rss: dict[str, int]  # KiB per kind of process (VmRSS)
    pss: dict[str, int]  # KiB per kind (Pss: shared pages split between their users)
    counts: dict[str, int]  # processes per kind

    @property
    def processes(self) -> int:
        return sum(self.counts.values())

    @property
    def rss_total(self) -> int:
        return sum(self.rss.values())

    @property
    def pss_total(self) -> int:
        return sum(self.pss.values())


@dataclass
class Watched:
    """A command run under `watch`: its exit code, output, memory samples, CPU and processes seen."""

    code: int
    wall: float
    stdout: str
    stderr_tail: list[str]
    samples: list[TreeSample]
    cpu: tuple[float, float]  # the root process's own and its reaped children's CPU s, as last sampled
    processes: dict[int, tuple[str, list[str]]] = field(default_factory=dict)  # pid -> (kind, argv), ever seen


class _Sampler:
    def __init__(self, root_pid: int, interval: float, start: float, progress: Callable[[], int],
                 on_new: Callable[[int, str, list[str]], None] | None):
        self.root_pid, self.interval, self.start = root_pid, interval, start
        self.progress, self.on_new = progress, on_new
        self.samples: list[TreeSample] = []
        self.cpu = (0.0, 0.0)
        self.seen: dict[int, tuple[str, list[str]]] = {}
        self.done = threading.Event()

    def sample(self) -> TreeSample:
        rss: dict[str, int] = {}
        pss: dict[str, int] = {}
        counts: dict[str, int] = {}
        for pid in process_tree(self.root_pid):
            argv = argv_of(pid)
            if not argv:
                continue  # a zombie: no memory
            # Classified afresh each time: a child just forked still shows its parent's command line.
            kind = kind_of(argv, pid == self.root_pid)
            if self.seen.get(pid, ("", []))[1] != argv:
                self.seen[pid] = (kind, argv)
                if self.on_new:
                    self.on_new(pid, kind, argv)
            counts[kind] = counts.get(kind, 0) + 1
            rss[kind] = rss.get(kind, 0) + kib(read(f"/proc/{pid}/status"), "VmRSS")
            pss[kind] = pss.get(kind, 0) + kib(read(f"/proc/{pid}/smaps_rollup"), "Pss")
        self.cpu = process_cpu(self.root_pid) or self.cpu
        return TreeSample(time.monotonic() - self.start, self.progress(), rss, pss, counts)

    def run(self) -> None:
        while not self.done.is_set():
            self.samples.append(self.sample())
            self.done.wait(self.interval)


def kill_tree(root_pid: int) -> None:
    """SIGKILL a process and all its descendants (only that tree: never a process group). The root goes first, so
    that it cannot see its children die and carry on, and the tree is listed before, so that none is missed."""
    for pid in process_tree(root_pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def watch(cmd: list[str], interval: float, *, on_stderr: Callable[[str], bool] | None = None,
          progress: Callable[[], int] = lambda: 0, on_new: Callable[[int, str, list[str]], None] | None = None,
          cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float | None = None) -> Watched:
    """Run `cmd` and sample its process tree every `interval` s until it exits. Each stderr line goes to
    `on_stderr` (which returns True for a line it consumed); the others are kept, the last 30, for a failure
    message. `progress()` is recorded in every sample; `on_new(pid, kind, argv)` hears of every process seen.
    Past `timeout` seconds the whole tree is killed (SIGKILL) and the exit code is -9."""
    tail: list[str] = []

    def read_stderr(stream) -> None:
        nonlocal tail
        for line in stream:
            if not (on_stderr and on_stderr(line)):
                tail = (tail + [line.rstrip()])[-30:]

    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    sampler = _Sampler(proc.pid, interval, started, progress, on_new)
    threads = [threading.Thread(target=sampler.run, daemon=True),
               threading.Thread(target=read_stderr, args=(proc.stderr,), daemon=True)]
    for thread in threads:
        thread.start()
    expired = threading.Event()

    def expire() -> None:
        expired.set()
        kill_tree(proc.pid)

    deadline = threading.Timer(timeout, expire) if timeout else None
    if deadline:
        deadline.start()
    stdout = proc.stdout.read()
    code = proc.wait()
    wall = time.monotonic() - started
    if deadline:
        deadline.cancel()
    if expired.is_set():
        code = -signal.SIGKILL  # even if the command got to exit on its own as its tree was being killed
    sampler.done.set()
    threads[0].join()
    threads[1].join(timeout=5)
    return Watched(code, wall, stdout, tail, sampler.samples, sampler.cpu, sampler.seen)


# ---------------------------------------------------------------------------------------------------------------
# Data files (benchmarks/data/)
# ---------------------------------------------------------------------------------------------------------------


class DataError(ValueError):
    """A data file of the benchmarks is malformed: names the file and the entry."""


class _StrictLoader(yaml.SafeLoader):
    """YAML that refuses a key given twice in one mapping (PyYAML keeps the last one silently)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise DataError(f"{self.name}, line {key_node.start_mark.line + 1}: {key!r} given twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def data_file(relpath: str) -> Any:
    """A YAML file of benchmarks/data/."""
    path = DATA / relpath
    loader = _StrictLoader(path.read_text(encoding="utf-8"))
    loader.name = str(path.relative_to(ROOT))
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        raise DataError(f"{loader.name}: not valid YAML ({exc})") from None
    finally:
        loader.dispose()


def data_files(folder: str) -> dict[str, Any]:
    """Every YAML file of a folder of benchmarks/data/, by file name without `.yaml`."""
    return {path.stem: data_file(f"{folder}/{path.name}") for path in sorted((DATA / folder).glob("*.yaml"))}


def exchange_copy() -> dict:
    """benchmarks/data/exchange_pages.yaml with its `locales` replaced by each locale's copy (exchange_pages/*.yaml),
    as tests/support/sites.py's `exchange_pages` takes it; checks that the files and the locales listed agree."""
    copy = data_file("exchange_pages.yaml")
    by_locale = data_files("exchange_pages")
    if sorted(by_locale) != sorted(copy["locales"]):
        raise DataError(f"benchmarks/data/exchange_pages/: files {sorted(by_locale)}, but "
                        f"exchange_pages.yaml lists the locales {sorted(copy['locales'])}")
    fields = set(by_locale[copy["locales"][0]])
    for key, locale in by_locale.items():
        if set(locale) != fields:
            raise DataError(f"benchmarks/data/exchange_pages/{key}.yaml: fields "
                            f"{sorted(set(locale) ^ fields)} missing or unknown")
    copy["locales"] = {key: by_locale[key] for key in copy["locales"]}
    return copy
