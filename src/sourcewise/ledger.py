"""Fill the ledger: read inputs, analyse what is new, store each document in its own transaction.

Re-running an ingest is cheap and safe: a document whose report from the
current pipeline is already stored is skipped before analysis, so an ingest
interrupted at any point (even ``kill -9``) resumes where it stopped.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sourcewise import PIPELINE_VERSION
from sourcewise.ingest import Failure, Loaded, iter_inputs
from sourcewise.records import Document, Report
from sourcewise.settings import Settings
from sourcewise.store.base import Store

#: Called for every input that fails: (source, code, message).
FailureHook = Callable[[str, str, str], None]


@dataclass
class IngestSummary:
    """What an ingest did, for its summary line and for scripts."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # already stored with a report of the current pipeline: not analysed again
    failed: int = 0
    regrouped: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.new + self.updated + self.unchanged

    @property
    def seen(self) -> int:
        return self.stored + self.skipped + self.failed

    def line(self) -> str:
        return (
            f"{self.seen} document(s): {self.new} new, {self.updated} updated, "
            f"{self.unchanged + self.skipped} already stored, {self.failed} failed"
        )


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


def ingest(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | None = None,
    *,
    analyzer: object | None = None,
    on_failure: FailureHook | None = None,
    force: bool = False,
) -> IngestSummary:
    """Analyse and store every document under ``paths``; failures are recorded in the ledger too."""
    settings = settings or Settings()
    summary = IngestSummary()

    def fail(source: str, code: str, message: str) -> None:
        summary.failed += 1
        summary.failures.append((source, code, message))
        store.record_failure(source, code, message)
        if on_failure:
            on_failure(source, code, message)

    pending: deque[Loaded] = deque()

    def to_analyse() -> Iterator[Document]:
        for item in iter_inputs(paths, settings):
            if isinstance(item, Failure):
                fail(item.source, item.code, item.message)
            elif not force and store.has_report(item.document.id, PIPELINE_VERSION):
                summary.skipped += 1
            else:
                pending.append(item)
                yield item.document

    for out in _LazyAnalyzer(settings, analyzer).analyze_many(to_analyse()):
        loaded = pending.popleft()  # reports come back in input order, one per document
        if isinstance(out, Failure):
            fail(out.source, out.code, out.message)
            continue
        _count(summary, store.put(out, loaded.raw))
    summary.regrouped = store.refresh_incidents()
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


def _count(summary: IngestSummary, outcome: str) -> None:
    if outcome == "new":
        summary.new += 1
    elif outcome == "updated":
        summary.updated += 1
    else:
        summary.unchanged += 1
