"""The JSON API under /api/: the CLI's verbs over HTTP (analyze, documents, incidents, search, stats, export)."""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from sourcewise.web.analysis import Metadata, load_pasted
from sourcewise.web.routes.common import ledger, may_write, wrote
from sourcewise.web.schemas import (
    AnalyzeRequest,
    DecisionResult,
    DocumentSummaryModel,
    ErrorModel,
    IncidentModel,
    IngestResult,
    MergeRequest,
    ReportModel,
    SearchHitModel,
    SplitRequest,
    StatsModel,
)

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorModel, "description": "bad input (a coded error)"},
    413: {"model": ErrorModel, "description": "request body over the server's limit"},
}
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorModel, "description": "an impossible merge or split (SW403)"}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorModel, "description": "no such record (SW204)"}}
WRITE: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorModel, "description": "the server has a token and the request did not give it (SW506)"}
}

router = APIRouter(prefix="/api", responses={403: {"model": ErrorModel, "description": "cross-site write refused"}})
_bearer = HTTPBearer(auto_error=False, description="the token given to `sourcewise serve --token`")


def write_access(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)] = None
) -> None:
    """Writes need the server's token when it has one (compared in constant time)."""
    if not may_write(request, credentials.credentials if credentials else None):
        raise HTTPException(
            401,
            "SW506 this server requires a token to write: Authorization: Bearer TOKEN",
            {"WWW-Authenticate": "Bearer"},
        )


def _analyze(request: Request, body: AnalyzeRequest):  # -> tuple[Report, bytes]
    meta = Metadata.clean(body.title, body.publisher, body.published, body.url)
    loaded = load_pasted(body.text, meta, request.app.state.config.settings, source="<api>")
    return request.app.state.analysis.analyze(loaded.document), loaded.raw


@router.post("/analyze", response_model=ReportModel, tags=["analysis"], responses=ERRORS)
def analyze(request: Request, body: AnalyzeRequest) -> Any:
    """Analyse a text and return its report (report-v1). Nothing is stored; nothing is fetched."""
    report, _ = _analyze(request, body)
    return report.to_dict()


@router.get("/documents", response_model=list[DocumentSummaryModel], tags=["documents"])
def list_documents(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Any:
    """Stored documents, the most recently ingested first."""
    with ledger(request) as store:
        return [d.to_dict() for d in store.documents(limit=limit, offset=offset)]


@router.post(
    "/documents",
    response_model=IngestResult,
    status_code=201,
    tags=["documents"],
    responses={**ERRORS, **WRITE},
    dependencies=[Depends(write_access)],
)
def ingest_document(request: Request, body: AnalyzeRequest) -> Any:
    """Analyse a text and store it in the ledger (like `sourcewise ingest`); idempotent on its bytes."""
    report, raw = _analyze(request, body)
    with ledger(request) as store:
        try:
            outcome = store.put(report, raw)
            store.refresh_incidents()
        finally:
            wrote(request)
        incidents = [v.incident.id for v in store.incidents_of(report.document.id)]
    doc_id = report.document.id
    return {"id": doc_id, "outcome": outcome, "document": f"/documents/{doc_id}", "incidents": incidents}


@router.get("/documents/{document_id}", response_model=ReportModel, tags=["documents"], responses=NOT_FOUND)
def get_document(request: Request, document_id: Annotated[str, PathParam(max_length=200)]) -> Any:
    """A stored document with its report (report-v1)."""
    with ledger(request) as store:
        report = store.get_report(document_id)
    if report is None:
        raise HTTPException(404, f"SW204 no document {document_id[:16]!r} in the ledger")
    return report.to_dict()


@router.get(
    "/documents/{document_id}/incidents", response_model=list[IncidentModel], tags=["documents"], responses=NOT_FOUND
)
def document_incidents(request: Request, document_id: Annotated[str, PathParam(max_length=200)]) -> Any:
    """The incidents a stored document reports on."""
    with ledger(request) as store:
        if store.get_document(document_id) is None:
            raise HTTPException(404, f"SW204 no document {document_id[:16]!r} in the ledger")
        return [v.to_dict() for v in store.incidents_of(document_id)]


@router.get("/incidents", response_model=list[IncidentModel], tags=["incidents"])
def list_incidents(
    request: Request,
    place: Annotated[str | None, Query(max_length=200, description="place, region or country (name or code)")] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE, description="not ending before")] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE, description="not starting after")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Any:
    """Incidents across documents (like `sourcewise incidents --format json`), by date."""
    with ledger(request) as store:
        return [v.to_dict() for v in store.incidents(place=place, date_from=date_from, date_to=date_to, limit=limit)]


@router.get("/incidents/{incident_id}", response_model=IncidentModel, tags=["incidents"], responses=NOT_FOUND)
def get_incident(request: Request, incident_id: Annotated[str, PathParam(max_length=200)]) -> Any:
    """One incident by id or unique id prefix: its claims side by side (like `sourcewise compare`)."""
    with ledger(request) as store:
        return store.incident(incident_id).to_dict()


@router.post(
    "/incidents/merge",
    response_model=DecisionResult,
    tags=["incidents"],
    responses={**ERRORS, **NOT_FOUND, **CONFLICT, **WRITE},
    dependencies=[Depends(write_access)],
)
def merge_incidents(request: Request, body: MergeRequest) -> Any:
    """Merge incidents into one; the decision is stored and survives re-ingest."""
    with ledger(request) as store:
        try:
            return {"incident": store.merge(body.ids, note=body.note)}
        finally:
            wrote(request)


@router.post(
    "/incidents/{incident_id}/split",
    response_model=DecisionResult,
    tags=["incidents"],
    responses={**ERRORS, **NOT_FOUND, **CONFLICT, **WRITE},
    dependencies=[Depends(write_access)],
)
def split_incident(request: Request, incident_id: Annotated[str, PathParam(max_length=200)], body: SplitRequest) -> Any:
    """Take documents (id prefixes) or DOC:EVENT members out of an incident into a new one."""
    with ledger(request) as store:
        try:
            return {"incident": store.split(incident_id, body.members, note=body.note)}
        finally:
            wrote(request)


@router.get("/search", response_model=list[SearchHitModel], tags=["documents"])
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description='words (stemmed); "quoted words" together')],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> Any:
    """Full-text search over stored documents, with snippets (like `sourcewise search --format json`)."""
    with ledger(request) as store:
        return [
            {
                "document_id": h.document_id,
                "title": h.title,
                "publisher": h.publisher,
                "source": h.source,
                "snippet": h.snippet,
            }
            for h in store.search(q, limit=limit)
        ]


@router.get("/stats", response_model=StatsModel, tags=["ledger"])
def stats(request: Request) -> Any:
    """Counts of documents, reports, incidents, claims, failures and pipeline versions."""
    with ledger(request) as store:
        return store.stats().to_dict()


EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson", "geojson": "application/geo+json"}


@router.get(
    "/export",
    tags=["ledger"],
    response_class=Response,
    responses={
        200: {
            "description": "incidents as CSV (ACLED/UCDP-like), JSON Lines or GeoJSON",
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
                "application/geo+json": {"schema": {"type": "object"}},
            },
        }
    },
)
def export(
    request: Request,
    format: Annotated[Literal["csv", "jsonl", "geojson"], Query()] = "csv",
    place: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
) -> Response:
    """Incidents for other tools (like `sourcewise export`)."""
    from sourcewise import export as exporter

    buf = io.StringIO()
    with ledger(request) as store:
        views = store.incidents(place=place, date_from=date_from, date_to=date_to)
        if format == "csv":
            exporter.write_csv(views, buf)
        elif format == "jsonl":
            exporter.write_jsonl(views, buf)
        else:
            exporter.write_geojson(views, buf)
    return Response(
        buf.getvalue(),
        media_type=EXPORT_TYPES[format],
        headers={"content-disposition": f'attachment; filename="incidents.{format}"'},
    )
