"""`footprint worker`: scans firms from the queue until stopped (docs/0013-fleet.md).

One asyncio event loop runs three things side by side: procrastinate's worker (which fetches jobs and heartbeats),
one lease-renewing watcher per running firm, and the watch loop that looks for other workers' stalled jobs. A job
is one attempt at one firm: `claim` starts it in the store, the firm is scanned by a runner process spawned from
this loop's thread (crawler/runs/fleet/runner.py: its PR_SET_PDEATHSIG follows this thread), and its exit code
says how it ended. procrastinate never retries a stalled job by itself, so the watch loop does it: a job whose
worker stopped heartbeating AND whose attempt's lease (renewed by footprint, which a draining worker keeps doing)
has expired is recorded abandoned and retried as a new attempt, or failed past the attempt limit. The loop runs
beside the jobs, not as a queued periodic job that would wait behind hours of scans.

SIGTERM, SIGINT or SIGHUP: the runners are told to stop (each records its scan interrupted and exits 7), each
attempt is recorded interrupted and its job put back for another worker, and the worker exits 7 (0 if it was idle).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from crawler.config.defaults import FLEET_QUEUE, FLEET_STORE_RETRY_SECONDS
from crawler.config.limits import cut
from crawler.crawl.child import PARENT_ENV
from crawler.runs.fleet.payload import TASK
from crawler.runs.fleet.runner import EXIT_INTERRUPTED, EXIT_OK
from crawler.store import Store
from crawler.store.errors import StoreUnavailable
from crawler.store.location import ENV_STORE


@dataclass(frozen=True)
class WorkerSettings:
    store_url: str
    evidence: str
    name: str
    concurrency: int
    lease: float  # seconds an attempt's lease lasts; renewed every third of it
    poll: float  # seconds between polls for jobs and between looks for stalled ones
    work: Path | None = None  # where firms are scanned before upload (default: a temporary folder)


class RunAgain(Exception):
    """An attempt ended without a complete scan and the firm has attempts left: procrastinate queues it again."""


def default_name() -> str:
    return f"{socket.gethostname()}-{os.getpid()}"


def say(message: str) -> None:
    print(f"footprint worker: {message}", file=sys.stderr, flush=True)


class Worker:
    def __init__(self, settings: WorkerSettings, store: Store):
        self.settings = settings
        self.store = store
        self.runners: set[asyncio.subprocess.Process] = set()
        self.stopping = False
        self.interrupted = 0  # attempts stopped by a signal

    async def serve(self) -> int:
        import procrastinate

        app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=self.settings.store_url))
        retry = procrastinate.RetryStrategy(max_attempts=1_000_000, wait=0, retry_exceptions={RunAgain})

        @app.task(name=TASK, queue=FLEET_QUEUE, pass_context=True, retry=retry)
        async def scan_firm_job(context, batch: str, firm: str) -> None:
            await self.run_job(context.job.id, batch, firm)

        loop = asyncio.get_running_loop()
        with tempfile.TemporaryDirectory(prefix="footprint-worker-") as scratch:
            self.work = self.settings.work or Path(scratch)
            async with app.open_async():
                s = self.settings
                jobs = asyncio.create_task(app.run_worker_async(
                    queues=[FLEET_QUEUE], name=s.name, concurrency=s.concurrency, install_signal_handlers=False,
                    fetch_job_polling_interval=s.poll, update_heartbeat_interval=s.lease / 3,
                    stalled_worker_timeout=s.lease))
                watch = asyncio.create_task(self.watch(app))
                for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
                    loop.add_signal_handler(sig, self.stop, sig, jobs)
                say(f"{s.name} serving queue {FLEET_QUEUE!r} of {self.store.location}, evidence to "
                    f"{s.evidence}, {s.concurrency} firm(s) at once")
                with contextlib.suppress(asyncio.CancelledError):
                    await jobs
                watch.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watch
        return EXIT_INTERRUPTED if self.interrupted else EXIT_OK

    def stop(self, sig: signal.Signals, jobs: asyncio.Task) -> None:
        if self.stopping:
            return
        self.stopping = True
        say(f"{signal.Signals(sig).name}: stopping; {len(self.runners)} scan(s) in progress interrupted")
        for proc in list(self.runners):
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
        jobs.cancel()  # procrastinate stops fetching and waits for the running jobs, which end as their runners do

    async def run_job(self, job_id: int, batch: str, firm: str) -> None:
        s = self.settings
        if self.stopping:
            raise RunAgain(f"worker {s.name} is stopping")
        attempt, why = await self.stored(f"job {job_id}: claiming firm {firm}", self.store.claim, batch, firm,
                                         job_id, s.name, s.lease)
        if attempt is None:
            say(f"job {job_id}: nothing to do: {why}")
            return
        say(f"batch {batch}: firm {firm}: attempt {attempt} started")
        try:
            code, out, err = await self.run_attempt(batch, firm, attempt)
        except Exception as exc:  # the runner could not even start: an attempt that failed
            code, out, err = None, b"", f"{type(exc).__name__}: {exc}".encode()
        if code == EXIT_OK:
            say(f"batch {batch}: firm {firm}: attempt {attempt} done {out.decode(errors='replace').strip()}")
            return
        told = err.decode(errors="replace").strip().splitlines()
        interrupted = code == EXIT_INTERRUPTED or self.stopping
        outcome = "interrupted" if interrupted else "failed"
        error = cut(told[-1] if told else f"runner exit code {code}")
        self.interrupted += interrupted
        state = await self.stored(f"batch {batch}: firm {firm}: recording attempt {attempt} {outcome}",
                                  self.store.end_attempt, batch, firm, attempt, outcome, error)
        say(f"batch {batch}: firm {firm}: attempt {attempt} {outcome} ({error}); firm now {state}")
        if state == "queued":
            raise RunAgain(f"attempt {attempt} {outcome}")

    async def stored(self, what: str, call, *args):
        """`call(*args)` in a thread, tried again until the store answers (a PostgreSQL restart): what a worker
        records at a job's start and end must not be lost, and without the store it has nothing else to do."""
        failed = False
        while True:
            try:
                result = await asyncio.to_thread(call, *args)
            except StoreUnavailable as exc:
                if not failed:
                    say(f"{what}: {cut(str(exc))}; trying again every {FLEET_STORE_RETRY_SECONDS:g} s")
                failed = True
                await asyncio.sleep(FLEET_STORE_RETRY_SECONDS)
                continue
            if failed:
                say(f"{what}: the store answers again")
            return result

    async def run_attempt(self, batch: str, firm: str, attempt: int) -> tuple[int | None, bytes, bytes]:
        """The runner's exit code and output, its lease renewed meanwhile."""
        s = self.settings
        # Spawned here, in the event loop's thread: the runner's PR_SET_PDEATHSIG follows the thread that made it.
        env = {**os.environ, ENV_STORE: s.store_url, PARENT_ENV: str(os.getpid())}
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "crawler.runs.fleet.runner", batch, firm, str(attempt), s.evidence,
            str(self.work / batch), env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        self.runners.add(proc)
        renewing = asyncio.create_task(self.renew(batch, firm, attempt))
        try:
            out, err = await proc.communicate()
        finally:
            self.runners.discard(proc)
            renewing.cancel()
        return proc.returncode, out, err

    async def renew(self, batch: str, firm: str, attempt: int) -> None:
        s = self.settings
        while True:
            await asyncio.sleep(s.lease / 3)
            try:
                if not await asyncio.to_thread(self.store.renew, batch, firm, attempt, s.lease):
                    say(f"batch {batch}: firm {firm}: attempt {attempt} was given up by another worker; "
                        f"whichever attempt commits first is the firm's scan")
                    return
            except Exception as exc:  # the store is unreachable for a moment: try again at the next renewal
                say(f"lease renewal failed: {cut(str(exc))}")

    async def watch(self, app) -> None:
        """Other workers' stalled jobs: retried as a new attempt, or failed past the limit."""
        from procrastinate.exceptions import ConnectorException
        from procrastinate.jobs import Status

        s = self.settings
        while True:
            await asyncio.sleep(s.poll)
            try:
                stalled = await app.job_manager.get_stalled_jobs(queue=FLEET_QUEUE, task_name=TASK,
                                                                 seconds_since_heartbeat=s.lease)
                for job in stalled:
                    action = await asyncio.to_thread(self.store.abandon_stalled, job.id)
                    if action == "skip":
                        continue
                    say(f"job {job.id} ({job.task_kwargs}) stalled: {action}")
                    with contextlib.suppress(ConnectorException):  # another watch loop got there first
                        if action == "retry":
                            await app.job_manager.retry_job(job)
                        else:
                            status = Status.FAILED if action == "failed" else Status.SUCCEEDED
                            await app.job_manager.finish_job(job, status=status, delete_job=False)
            except (ConnectorException, OSError) as exc:
                say(f"watch loop: {cut(str(exc))}; trying again")
            except Exception as exc:  # a store error: same, the next round may find the database back
                say(f"watch loop: {type(exc).__name__}: {cut(str(exc))}; trying again")


def serve(settings: WorkerSettings, store: Store) -> int:
    return asyncio.run(Worker(settings, store).serve())
