"""Fill the ledger: read inputs, analyse what is new, store each document in its own transaction.

Re-running an ingest is cheap and safe: a document whose report from the
current pipeline is already stored is skipped before analysis (its id is the
hash of its bytes: hashing is cheap, analysis is not), so an ingest
interrupted at any point (even ``kill -9``) resumes where it stopped and
stores nothing twice.

The analysis runs on an engine (``engines/``): in this process, in local
worker processes, or on a Dask cluster. Engines map the pure
``analyze_batch`` over batches of raw items; the results are written here,
by one writer, one transaction per document (``write_outcomes``). On a
cluster writing to PostgreSQL, the workers may write their own batches
instead (``store_batch``), with the same function and the same promises.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from sourcewise import PIPELINE_VERSION
from sourcewise.engines.batch import WorkerStats, analyze_batch
from sourcewise.errors import AnalysisError
from sourcewise.ingest import Failure, RawItem, iter_items
from sourcewise.records import Document, Report
from sourcewise.settings import Settings
from sourcewise.store.base import Store

#: Called for every input that fails: (source, code, message).
FailureHook = Callable[[str, str, str], None]


@dataclass
class Written:
    """What writing one batch did: counts, analysed words, and the failures it recorded."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    words: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class IngestSummary:
    """What an ingest did, for its summary line, its progress bar and scripts."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # already stored with a report of the current pipeline: not analysed again
    failed: int = 0
    regrouped: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    words: int = 0  # in the documents analysed and stored by this run
    position: int = 0  # input bytes done (see ingest.input_size for the total)
    started: float = field(default_factory=time.perf_counter)
    seconds: float = 0.0
    workers: dict[int, WorkerStats] = field(default_factory=dict)  # by process id, latest figures

    @property
    def stored(self) -> int:
        return self.new + self.updated + self.unchanged

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    @property
    def analysed(self) -> int:
        """Documents this run analysed (stored or failed), as opposed to skipped."""
        return self.stored + self.failed

    @property
    def peak_rss(self) -> int:
        """The largest peak memory of any process that analysed documents, in bytes."""
        return max((w.peak_rss for w in self.workers.values()), default=0)

    def elapsed(self) -> float:
        return self.seconds or (time.perf_counter() - self.started)

    def add(self, written: Written) -> None:
        self.new += written.new
        self.updated += written.updated
        self.unchanged += written.unchanged
        self.failed += written.failed
        self.words += written.words
        self.failures += written.failures

    def line(self) -> str:
        return (
            f"{self.seen} document(s): {self.new} new, {self.updated} updated, "
            f"{self.unchanged + self.skipped} already stored, {self.failed} failed"
        )

    def rate_line(self) -> str:
        """How fast this run analysed, and the memory its workers needed."""
        secs = max(self.elapsed(), 1e-9)
        text = f"{secs:.1f} s: {self.analysed / secs:.1f} documents/s, {self.words / secs:,.0f} words/s"
        if self.workers:
            text += f"; {len(self.workers)} worker(s), peak memory {self.peak_rss / 2**20:,.0f} MB per worker"
        return text


class _LazyAnalyzer:
    """Load the spaCy pipeline only when a document actually needs analysis."""

    def __init__(self, settings: Settings, analyzer: object | None) -> None:
        self.settings = settings
        self._analyzer = analyzer

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Report | Failure]:
        iterator = iter(documents)
        first = next(iterator, None)
        if first is None:
            return
        if self._analyzer is None:
            from sourcewise.analyze import Analyzer

            self._analyzer = Analyzer(self.settings)

        def chain() -> Iterator[Document]:
            yield first
            yield from iterator

        yield from self._analyzer.analyze_many(chain())  # type: ignore[attr-defined]


def write_outcomes(store: Store, items: Sequence[RawItem], outcomes: Sequence[Report | Failure]) -> Written:
    """Store each report with its raw bytes (one transaction per document) and record each failure."""
    written = Written()
    for item, out in zip(items, outcomes, strict=True):
        if isinstance(out, Failure):
            written.failed += 1
            written.failures.append((out.source, out.code, out.message))
            store.record_failure(out.source, out.code, out.message)
            continue
        outcome = store.put(out, item.raw)
        if outcome == "new":
            written.new += 1
        elif outcome == "updated":
            written.updated += 1
        else:
            written.unchanged += 1
        written.words += len(out.document.text.split())
    return written


_worker_stores: dict[str, Store] = {}


def store_batch(items: Sequence[RawItem], settings: Settings, db: str) -> Written:
    """Analyse a batch and write it to the ledger at ``db`` from where it ran (a cluster worker).

    Each worker process keeps one connection per ledger. The promises are the
    store's: one transaction per document, idempotent on document id.
    """
    from sourcewise.store import open_store

    store = _worker_stores.get(db)
    if store is None:
        store = _worker_stores[db] = open_store(db)
    return write_outcomes(store, items, analyze_batch(items, settings))


def crashed_outcomes(items: Sequence[RawItem], reason: str) -> list[Report | Failure]:
    """The outcome of documents whose worker process died: a failure each, so the run goes on."""
    return [Failure(item.source, AnalysisError(reason)) for item in items]


def _crashed_written(store: Store) -> Callable[[Sequence[RawItem], str], Written]:
    def crashed(items: Sequence[RawItem], reason: str) -> Written:
        return write_outcomes(store, items, crashed_outcomes(items, reason))

    return crashed


def ingest(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    *,
    analyzer: object | None = None,
    engine: Any = None,
    batch_size: int | None = None,
    on_failure: FailureHook | None = None,
    on_progress: Callable[[IngestSummary], None] | None = None,
    force: bool = False,
    workers_write: str | None = None,
) -> IngestSummary:
    """Analyse and store every document under ``paths``; failures are recorded in the ledger too.

    ``engine``: a ``LocalEngine`` or ``DaskEngine`` (default: this process).
    ``analyzer``: an already loaded Analyzer, used where the engine runs in
    this process (worker processes build their own). ``workers_write``: the ledger URL the engine's workers write to
    themselves (PostgreSQL on a cluster); by default results come back here.
    """
    from sourcewise.engines.local import LocalEngine

    settings = settings or Settings()
    engine = engine or LocalEngine(1)
    if workers_write is None and getattr(engine, "remote", False) and store.backend == "postgresql":
        workers_write = getattr(store, "url", None)  # a cluster writes to PostgreSQL from its workers
    size = max(1, batch_size or settings.batch_size)
    summary = IngestSummary()

    def failed(source: str, code: str, message: str) -> None:
        summary.failed += 1
        summary.failures.append((source, code, message))
        store.record_failure(source, code, message)
        if on_failure:
            on_failure(source, code, message)

    def unstored(batch: list[RawItem]) -> list[RawItem]:
        if force:
            return batch
        done = store.reported([item.id for item in batch], PIPELINE_VERSION)
        summary.skipped += len(done)
        fresh = [item for item in batch if item.id not in done]
        if not fresh:
            summary.position = max(summary.position, batch[-1].end)
            if on_progress:
                on_progress(summary)
        return fresh

    def batches() -> Iterator[list[RawItem]]:
        seen: set[str] = set()
        batch: list[RawItem] = []
        for item in iter_items(paths, settings):
            if isinstance(item, Failure):
                failed(item.source, item.code, item.message)
                continue
            if item.id in seen:  # the same bytes twice in one input: one document
                summary.skipped += 1
                continue
            seen.add(item.id)
            batch.append(item)
            if len(batch) >= size:
                if fresh := unstored(batch):
                    yield fresh
                batch = []
        if batch and (fresh := unstored(batch)):
            yield fresh

    if workers_write:
        runs: Iterator[tuple[list[RawItem], Any, WorkerStats]] = engine.map(
            partial(store_batch, settings=settings, db=workers_write), batches(), _crashed_written(store)
        )
    else:
        here = analyzer if getattr(engine, "in_process", False) else None  # a loaded pipeline does not travel
        runs = engine.map(partial(analyze_batch, settings=settings, analyzer=here), batches(), crashed_outcomes)
    for batch, result, stats in runs:
        written = result if workers_write else write_outcomes(store, batch, result)
        summary.add(written)
        if on_failure:
            for failure in written.failures:
                on_failure(*failure)
        if stats.pid:
            summary.workers[stats.pid] = stats
        summary.position = max(summary.position, batch[-1].end)
        if on_progress:
            on_progress(summary)
    summary.regrouped = store.refresh_incidents()
    summary.seconds = time.perf_counter() - summary.started
    return summary


def reanalyze(
    store: Store,
    settings: Settings | None = None,
    *,
    analyzer: object | None = None,
    on_failure: FailureHook | None = None,
    everything: bool = False,
) -> IngestSummary:
    """Refresh reports made by another pipeline version (or all with ``everything``) from the stored text.

    The stored document (its text and metadata, as read at ingest) is analysed
    again; its raw bytes stay as they are, the evidence the text came from.
    """
    settings = settings or Settings()
    summary = IngestSummary()
    ids = list(_all_ids(store) if everything else store.stale_documents(PIPELINE_VERSION))
    raws: deque[tuple[str, bytes]] = deque()

    def documents() -> Iterator[Document]:
        for doc_id in ids:
            doc = store.get_document(doc_id)
            if doc is None:
                continue
            raws.append((doc_id, store.get_raw(doc_id)))
            yield doc

    for out in _LazyAnalyzer(settings, analyzer).analyze_many(documents()):
        _doc_id, raw = raws.popleft()
        if isinstance(out, Failure):
            summary.failed += 1
            summary.failures.append((out.source, out.code, out.message))
            store.record_failure(out.source, out.code, out.message)
            if on_failure:
                on_failure(out.source, out.code, out.message)
            continue
        _count(summary, store.put(out, raw))
    summary.regrouped = store.refresh_incidents()
    return summary


def _all_ids(store: Store) -> Iterator[str]:
    # every report is "stale" relative to a version no report can carry
    yield from store.stale_documents("\x00none")


def _count(summary: IngestSummary, outcome: str) -> None:  # for reanalyze
    if outcome == "new":
        summary.new += 1
    elif outcome == "updated":
        summary.updated += 1
    else:
        summary.unchanged += 1
