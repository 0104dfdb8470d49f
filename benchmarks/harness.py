"""What every benchmark shares: the machine line, timing, /proc sampling of a process tree, and the data files.

A benchmark imports this module and benchmarks/process_tree.py, the data (benchmarks/data/, through
`data_file`/`data_files`), the site generators of tests/support/sites.py, and footprint's public API; never another
benchmark or a private name.

- `machine()`: the line every benchmark prints first (CPU model, cores, memory, Python, OS); `versions(...)`
  names the packages a result depends on; `revision()` the footprint commit measured.
- Timing: `one_core()` pins this process to one CPU (BLAS limited to one thread); `interleaved(...)` times the
  compared sides with `time.perf_counter`, alternating them run by run in this one process, so that a slow spell of
  a shared virtual machine weighs on both alike (keep the best run); `profile(...)` prints cProfile's top functions.
- Scans: `static_scan(...)` is the `footprint scan` command of the crawl and memory benchmarks, `plain_env()` the
  environment they run it in (no proxy variables, no report validation: the command line's defaults).
- /proc (benchmarks/process_tree.py): `watch(cmd, ...)` runs a command (footprint, as a user runs it) and samples
  the RSS and PSS of its whole process tree every `interval` seconds, by kind of process (`kind_of`: footprint,
  crawl child, Playwright's driver, Chromium); `machine_cpu()` and `self_cpu()` say how busy the machine and this
  process were.
"""

from __future__ import annotations

import gc
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from benchmarks.process_tree import kib, read

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


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
