"""The pure per-batch function every engine maps: raw items in, one outcome per item out.

``analyze_batch`` loads (decodes, extracts HTML) and analyses a batch of raw
items and returns, in order, a Report or a Failure for each. It writes
nothing and depends only on its arguments, so any engine can run it anywhere:
in this process, in a local worker process, or on a Dask worker. The spaCy
pipeline is built once per process (``shared_nlp`` caches it per Settings)
and reused by every batch that process is given.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from sourcewise.ingest.base import Failure, Loaded
from sourcewise.ingest.items import RawItem, load
from sourcewise.records import Report
from sourcewise.settings import Settings

Outcome = Report | Failure


def analyze_batch(items: Sequence[RawItem], settings: Settings, analyzer: object | None = None) -> list[Outcome]:
    """One Report or Failure per item, in the items' order; a bad item never sinks the batch.

    ``analyzer`` (an ``Analyzer``) may be passed by a caller that already holds
    one; otherwise the process's shared pipeline for ``settings`` is used.
    """
    loaded = [load(item, settings.max_bytes) for item in items]
    documents = [x.document for x in loaded if isinstance(x, Loaded)]
    if not documents:
        return [x for x in loaded if isinstance(x, Failure)]
    if analyzer is None:
        from sourcewise.analyze import Analyzer

        analyzer = Analyzer(settings)
    reports = iter(analyzer.analyze_many(documents))  # type: ignore[attr-defined]
    return [next(reports) if isinstance(x, Loaded) else x for x in loaded]


@dataclass(frozen=True, slots=True)
class WorkerStats:
    """Who did a batch and what that process has used so far: for summaries and benchmarks."""

    pid: int
    peak_rss: int  # bytes, the process's high-water mark
    cpu_seconds: float
    seconds: float  # wall time of this batch


def worker_stats(started: float) -> WorkerStats:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return WorkerStats(
        pid=os.getpid(),
        peak_rss=usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024),  # kilobytes on Linux
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        seconds=time.perf_counter() - started,
    )
