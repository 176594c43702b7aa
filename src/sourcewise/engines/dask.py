"""Run a per-batch function over the partitions of a ``dask.bag`` on a Dask cluster.

Each batch of raw items becomes one partition; the function (the pure
``analyze_batch``, or ``ledger.store_batch`` where workers write to
PostgreSQL themselves) is mapped over the partitions with
``Bag.map_partitions`` and the partitions are computed on the cluster. Input
is read lazily and submitted a window at a time (two windows of one batch per
worker thread in flight), so a multi-gigabyte WARC never sits in the client's
memory or the scheduler's.

Without a scheduler address a ``LocalCluster`` is started with one
single-threaded worker process per core. On a real cluster start workers with
``--nthreads 1`` (a spaCy pipeline per thread is not worth its memory); every
worker needs sourcewise installed, and each builds its pipeline once.

A document that kills its worker makes Dask retry the partition elsewhere and
finally raise ``KilledWorker``; that partition is then retried one document
at a time, and the document that kills workers is reported through
``crashed`` and skipped.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import Any

from sourcewise.engines.batch import WorkerStats, worker_stats
from sourcewise.engines.local import Batch, BatchFn, CrashFn, default_workers
from sourcewise.errors import EngineUnavailable
from sourcewise.settings import Settings


class DaskEngine:
    name = "dask"
    remote = True  # results may be written by the workers themselves (PostgreSQL)

    def __init__(
        self,
        scheduler: str | None = None,
        *,
        workers: int | None = None,
        settings: Settings | None = None,
        processes: bool = True,
        connect_timeout: float = 20.0,
    ) -> None:
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self.workers = workers or default_workers()
        self.settings = settings
        self.processes = processes
        self._client: Any = None
        self._cluster: Any = None

    @property
    def client(self) -> Any:
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.scheduler:
                try:
                    self._client = Client(self.scheduler, timeout=f"{self.connect_timeout}s")
                except (OSError, TimeoutError, ValueError) as exc:
                    raise EngineUnavailable(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
            else:
                self._cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=self.processes,
                    dashboard_address=None,
                    silence_logs=40,  # logging.ERROR: the progress bar is the user's view of the run
                )
                self._client = Client(self._cluster)
        return self._client

    def threads(self) -> int:
        """Worker threads on the cluster: how many partitions can run at once."""
        info = self.client.scheduler_info()
        return max(1, sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()))

    def map(
        self, fn: BatchFn[Any], batches: Iterable[Batch], crashed: CrashFn[Any]
    ) -> Iterator[tuple[Batch, Any, WorkerStats]]:
        from distributed import as_completed

        window = self.threads()
        source = iter(batches)
        running = as_completed()
        pending: dict[Any, Batch] = {}

        def submit(n: int) -> None:
            chunk = [b for b in (next(source, None) for _ in range(n)) if b is not None]
            for future, batch in zip(self._compute(fn, chunk), chunk, strict=True):
                pending[future] = batch
                running.add(future)

        submit(2 * window)
        while pending:
            future = next(running)
            batch = pending.pop(future)
            try:
                [(result, stats)] = future.result()
            except Exception as exc:
                if type(exc).__name__ != "KilledWorker":
                    raise
                yield from self._isolate(fn, batch, crashed)
            else:
                yield batch, result, stats
            if len(pending) < window:
                submit(window)

    def _compute(self, fn: BatchFn[Any], batches: list[Batch]) -> list[Any]:
        """One partition per batch, the function mapped over them, computed on the cluster: one future each."""
        if not batches:
            return []
        import dask.bag as db
        from dask import delayed

        bag = db.from_delayed([delayed(b, traverse=False) for b in batches])
        parts = bag.map_partitions(_partition, fn).to_delayed()
        return list(self.client.compute(parts))

    def _isolate(
        self, fn: BatchFn[Any], batch: Batch, crashed: CrashFn[Any]
    ) -> Iterator[tuple[Batch, Any, WorkerStats]]:
        for item in batch:
            [future] = self._compute(fn, [[item]])
            try:
                [(result, stats)] = future.result()
            except Exception as exc:
                if type(exc).__name__ != "KilledWorker":
                    raise
                result = crashed([item], "the Dask worker died while analysing this document")
                stats = WorkerStats(pid=0, peak_rss=0, cpu_seconds=0.0, seconds=0.0)
            yield [item], result, stats

    def close(self) -> None:
        client, cluster, self._client, self._cluster = self._client, self._cluster, None, None
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _partition(part: Iterable[Any], fn: BatchFn[Any]) -> list[tuple[Any, WorkerStats]]:
    """Runs on a worker: the batch function over one partition, with the worker's figures."""
    started = time.perf_counter()
    result = fn(list(part))
    return [(result, worker_stats(started))]
