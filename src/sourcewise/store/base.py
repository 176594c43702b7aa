"""The Store protocol: what the ledger promises, whatever database holds it.

Every backend keeps the same things (documents with their raw bytes and hash,
one report per document with the pipeline version that made it, the events and
claims of each report, computed incidents, users' decisions, failures) and
makes the same promises:

* idempotent on ``document.id``: the same bytes stored twice are one document;
* one transaction per document: a crash (even ``kill -9``) leaves a document
  either fully stored (bytes, report, events, claims, search index) or absent;
* computed incidents are derived data: partitions touched by a write are marked
  dirty in the same transaction and regrouped by ``refresh_incidents``, so a
  crash between the two is repaired by the next refresh;
* users' decisions are kept apart from computed groupings and re-applied on
  every regrouping, so they survive re-ingest and re-analysis.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from sourcewise.reconcile import Decision, IncidentView
from sourcewise.records import Document, Report

#: Marks around matched words in search snippets; renderers turn them into bold.
HL_START = "\u27e6"
HL_END = "\u27e7"


@dataclass(frozen=True, slots=True)
class SearchHit:
    document_id: str
    title: str | None
    publisher: str | None
    source: str
    snippet: str  # matched words between HL_START and HL_END


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """A stored document as a listing shows it (no text, no report)."""

    id: str
    source: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    genre: str | None
    sponsored: bool
    ingested_at: str
    claims: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "genre": self.genre,
            "sponsored": self.sponsored,
            "ingested_at": self.ingested_at,
            "claims": self.claims,
        }


@dataclass(frozen=True, slots=True)
class FailureRecord:
    source: str
    code: str
    message: str
    count: int
    last_at: str


@dataclass(frozen=True, slots=True)
class Stats:
    documents: int
    reports: int
    events: int
    claims: int
    incidents: int
    failures: int
    decisions: int
    pipelines: dict[str, int] = field(default_factory=dict)
    stale_reports: int = 0
    schema_version: int = 0
    backend: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "schema_version": self.schema_version,
            "documents": self.documents,
            "reports": self.reports,
            "events": self.events,
            "claims": self.claims,
            "incidents": self.incidents,
            "failures": self.failures,
            "decisions": self.decisions,
            "pipelines": dict(self.pipelines),
            "stale_reports": self.stale_reports,
        }


@runtime_checkable
class Store(Protocol):
    """A ledger backend. ``open_store(url)`` returns one; use it as a context manager."""

    backend: str

    # documents and reports
    def put(self, report: Report, raw: bytes) -> str:
        """Store a report with its document's raw bytes: ``new``, ``updated`` or ``unchanged``."""
        ...

    def has_report(self, document_id: str, pipeline: str) -> bool: ...
    def reported(self, document_ids: Sequence[str], pipeline: str) -> set[str]:
        """The subset of ``document_ids`` that already have a report from ``pipeline`` (one round trip)."""
        ...

    def get_document(self, document_id: str) -> Document | None: ...
    def get_report(self, document_id: str) -> Report | None: ...
    def report_revision(self, document_id: str) -> str | None:
        """A digest of the stored report: it changes whenever the report does (for caches); None if absent."""
        ...

    def get_raw(self, document_id: str) -> bytes:
        """The stored bytes, checked against their SHA-256 (IntegrityError if they no longer match)."""
        ...

    def documents(self, limit: int = 20, offset: int = 0) -> list[DocumentSummary]:
        """Stored documents, the most recently ingested first (for listings: the web UI, the API)."""
        ...

    def stale_documents(self, pipeline: str) -> Iterator[str]:
        """Ids of documents whose report was made by another pipeline version."""
        ...

    def record_failure(self, source: str, code: str, message: str) -> None: ...
    def failures(self) -> list[FailureRecord]: ...

    # incidents
    def refresh_incidents(self, everything: bool = False) -> int:
        """Regroup dirty partitions (or all); returns how many partitions were regrouped."""
        ...

    def incidents(
        self,
        place: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int | None = None,
    ) -> Iterator[IncidentView]: ...

    def incident(self, incident_id: str) -> IncidentView:
        """One incident by id or unique id prefix (NotFound otherwise)."""
        ...

    def incidents_of(self, document_id: str) -> list[IncidentView]:
        """The incidents one document reports on (empty when it has no grouped event)."""
        ...

    def most_reported(self) -> IncidentView:
        """The incident reported by the most documents (NotFound on an empty ledger)."""
        ...

    def merge(self, incident_ids: Sequence[str], note: str = "") -> str: ...
    def split(self, incident_id: str, members: Sequence[str], note: str = "") -> str: ...
    def decisions(self) -> list[Decision]: ...

    # overview
    def stats(self, pipeline: str | None = None) -> Stats: ...
    def search(self, query: str, limit: int = 20) -> list[SearchHit]: ...
    def change_token(self) -> object | None:
        """A value that differs from the last one this store returned whenever another connection (another
        process, or another store object) has committed since; this store's own writes may not change it.
        None when the backend cannot tell. For caches of derived views (the web UI's incidents panel)."""
        ...

    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...
