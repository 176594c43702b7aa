"""Batch engines: run the pure ``analyze_batch`` over batches of raw items, here or elsewhere.

* ``LocalEngine``: this process (one worker) or local worker processes;
* ``DaskEngine``: partitions of a ``dask.bag`` on a Dask cluster (a local one
  when no scheduler address is given).

Both have ``map(fn, batches, crashed)`` yielding ``(batch, result, stats)``
and ``close()``; the ledger (``ledger.ingest``) decides what to map and
writes the results.
"""

from __future__ import annotations

from typing import Any

from sourcewise.engines.batch import WorkerStats, analyze_batch
from sourcewise.engines.local import LocalEngine, default_workers
from sourcewise.errors import EngineUnavailable, UsageError
from sourcewise.settings import Settings

ENGINES = ("local", "dask")


def make_engine(
    name: str = "local", *, workers: int | None = None, scheduler: str | None = None, settings: Settings | None = None
) -> Any:
    """The engine a user asked for by name (``--engine``), with its workers or scheduler address."""
    if name == "local":
        if scheduler:
            raise UsageError("--scheduler needs --engine dask")
        return LocalEngine(workers, settings=settings)
    if name == "dask":
        from sourcewise.engines.dask import DaskEngine

        return DaskEngine(scheduler, workers=workers, settings=settings)
    raise EngineUnavailable(f"unknown engine {name!r}: expected one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "LocalEngine", "WorkerStats", "analyze_batch", "default_workers", "make_engine"]
