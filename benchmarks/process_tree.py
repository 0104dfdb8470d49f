"""A process tree's memory and CPU, and the machine's load, read from /proc: what the memory, batch, crawl and
rendering benchmarks sample (`watch` runs a command and samples its whole tree until it exits)."""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
ROOT = Path(__file__).resolve().parent.parent



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
