"""Run a per-batch function in local worker processes (or in this process for one worker).

Each worker is a fresh interpreter (forkserver where the platform has it,
else spawn: never a fork of a parent holding open databases or threads)
that builds the spaCy pipeline once, then takes batch after batch. At most
``2 * workers`` batches are in flight, so memory stays flat however large the
input. Results come back to the caller, which writes them: the ledger has a
single writer, and a crash of any process leaves no half-written document.

A worker that dies (a segfault in a native library, the kernel's OOM killer)
breaks the pool. The batches that were in flight are then retried one
document at a time in a fresh pool, so the document that kills its worker
is found, reported through ``crashed`` and skipped, and the run goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from sourcewise.engines.batch import WorkerStats, worker_stats
from sourcewise.ingest.items import RawItem
from sourcewise.settings import Settings

R = TypeVar("R")
Batch = list[RawItem]
BatchFn = Callable[[Batch], R]
#: What to return for items whose worker died: (items, reason) -> a result like the batch function's.
CrashFn = Callable[[Batch, str], R]


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Map a batch function over batches with ``workers`` processes; yields (batch, result, stats).

    The worker pool starts with the first batch and lives until ``close()``,
    so several runs (a warm-up, then the measured one) share loaded pipelines.
    """

    name = "local"

    def __init__(self, workers: int | None = None, *, settings: Settings | None = None, in_flight: int | None = None):
        self.workers = max(1, workers or default_workers())
        self.settings = settings  # the pipeline each worker builds as it starts (None: on its first batch)
        self.in_flight = max(1, in_flight or 2 * self.workers)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def in_process(self) -> bool:
        return self.workers == 1

    def map(
        self, fn: BatchFn[R], batches: Iterable[Batch], crashed: CrashFn[R]
    ) -> Iterator[tuple[Batch, R, WorkerStats]]:
        if self.workers == 1:
            for batch in batches:
                started = time.perf_counter()
                result = fn(batch)
                yield batch, result, worker_stats(started)
            return
        yield from self._map_pool(fn, iter(batches), crashed)

    def close(self) -> None:
        self._discard_pool()

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _map_pool(
        self, fn: BatchFn[R], batches: Iterator[Batch], crashed: CrashFn[R]
    ) -> Iterator[tuple[Batch, R, WorkerStats]]:
        pending: dict[Future[Any], Batch] = {}
        try:
            while True:
                while len(pending) < self.in_flight and (batch := next(batches, None)) is not None:
                    pending[self._workers().submit(_run, fn, batch)] = batch
                if not pending:
                    return
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                suspects: list[Batch] = []
                for future in done:
                    batch = pending.pop(future)
                    try:
                        result, stats = future.result()
                    except BrokenProcessPool:
                        suspects.append(batch)
                        continue
                    yield batch, result, stats
                if suspects:  # the pool is dead: everything still in flight died with it
                    suspects += list(pending.values())
                    pending.clear()
                    self._discard_pool()
                    yield from self._isolate(fn, suspects, crashed)
        finally:
            if pending:  # interrupted: do not wait for the batches in flight
                self._discard_pool(terminate=True)

    def _isolate(
        self, fn: BatchFn[R], suspects: list[Batch], crashed: CrashFn[R]
    ) -> Iterator[tuple[Batch, R, WorkerStats]]:
        """Retry each document alone, so that only the one that kills its worker is lost."""
        for batch in suspects:
            for item in batch:
                future = self._workers().submit(_run, fn, [item])
                try:
                    result, stats = future.result()
                except BrokenProcessPool:
                    self._discard_pool()
                    stats = WorkerStats(pid=0, peak_rss=0, cpu_seconds=0.0, seconds=0.0)
                    result = crashed([item], "the worker process died while analysing this document")
                yield [item], result, stats

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self.settings, os.getpid()),
            )
        return self._pool

    def _discard_pool(self, terminate: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if terminate:
            for process in list(getattr(pool, "_processes", {}).values()):
                if process.is_alive():
                    process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def _run(fn: BatchFn[R], batch: Batch) -> tuple[R, WorkerStats]:
    started = time.perf_counter()
    result = fn(batch)
    return result, worker_stats(started)


def _start_worker(settings: Settings | None, parent: int) -> None:
    """In each worker: leave Ctrl-C to the parent, exit with it, and build the pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), name="sw-orphan-watch", daemon=True).start()
    if settings is not None:
        from sourcewise.nlp.build import shared_nlp

        shared_nlp(settings)


def _exit_with_parent(parent: int) -> None:
    """A parent killed with ``kill -9`` cannot stop its workers: they notice it is gone and leave.

    The parent is the process that made the pool, not ``os.getppid()``: under
    forkserver that is the fork server, which lives as long as its children.
    """
    while True:
        time.sleep(0.5)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:  # the pid was reused by another user's process: ours is gone
            os._exit(1)
