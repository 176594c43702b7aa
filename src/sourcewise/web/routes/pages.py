"""The HTML pages: home, documents, a document with its claims highlighted, incidents, search, analyze."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from sourcewise.errors import SourcewiseError, TooLarge
from sourcewise.reconcile import IncidentView
from sourcewise.records import Report
from sourcewise.web.analysis import Metadata, load_pasted, load_upload
from sourcewise.web.cache import DocumentParts
from sourcewise.web.charts import claim_rows, claims_charts, timeline
from sourcewise.web.document_view import document_view
from sourcewise.web.routes.common import incidents_of, ledger, may_write, render, wrote

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
HOME_DOCUMENTS = 10
HOME_INCIDENTS = 100
LIST_INCIDENTS = 500
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def by_place(views: list[IncidentView]) -> list[tuple[str, list[IncidentView]]]:
    """Incidents grouped under their country, then by place and date: how a reader looks for one."""
    groups: dict[str, list[IncidentView]] = defaultdict(list)
    for v in views:
        groups[v.incident.country or "unknown country"].append(v)
    return [
        (country, sorted(vs, key=lambda v: ((v.incident.place or "").casefold(), v.incident.date_start or "")))
        for country, vs in sorted(groups.items(), key=lambda kv: kv[0].casefold())
    ]


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    with ledger(request) as store:
        stats = store.stats()
        recent = store.documents(limit=HOME_DOCUMENTS)
        incidents = list(store.incidents(limit=HOME_INCIDENTS))
    return render(
        request,
        "home.html",
        {"stats": stats, "recent": recent, "groups": by_place(incidents), "more": len(incidents) >= HOME_INCIDENTS},
    )


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
    with ledger(request) as store:
        docs = store.documents(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
        total = store.stats().documents
    return render(
        request,
        "documents.html",
        {
            "documents": docs[:PAGE_SIZE],
            "page": page,
            "has_next": len(docs) > PAGE_SIZE,
            "pages": max(1, math.ceil(total / PAGE_SIZE)),
            "total": total,
        },
    )


def document_parts(request: Request, report: Report) -> DocumentParts:
    """The report-only parts of a document page (escaped, highlighted), rendered once per report revision."""
    env = request.app.state.templates.env
    view = document_view(report)
    return DocumentParts(
        title=report.document.title or report.document.source,
        head=Markup(env.get_template("_doc_head.html").render(view=view)),
        main=Markup(env.get_template("_doc_main.html").render(view=view)),
        side=Markup(env.get_template("_doc_side.html").render(view=view)),
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, document_id: str, stored: str | None = None) -> Response:
    cache = request.app.state.page_cache
    with ledger(request) as store:
        revision = store.report_revision(document_id)
        parts = cache.get((document_id, revision)) if revision else None
        if parts is None:
            report = store.get_report(document_id)
            if report is None or revision is None:
                raise HTTPException(404, f"SW204 no document {document_id[:16]!r} in the ledger")
            parts = document_parts(request, report)
            cache.put((document_id, revision), parts)
        incidents = incidents_of(request, store, document_id)
    return render(
        request,
        "document.html",
        {"parts": parts, "incidents": incidents, "stored": stored, "transient": False},
    )


@router.get("/incidents", response_class=HTMLResponse)
def incidents(
    request: Request,
    place: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
) -> Response:
    place = (place or "").strip() or None
    with ledger(request) as store:
        views = list(store.incidents(place=place, date_from=date_from, date_to=date_to, limit=LIST_INCIDENTS))
    return render(
        request,
        "incidents.html",
        {
            "groups": by_place(views),
            "count": len(views),
            "more": len(views) >= LIST_INCIDENTS,
            "place": place or "",
            "date_from": date_from or "",
            "date_to": date_to or "",
        },
    )


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident(request: Request, incident_id: Annotated[str, PathParam(max_length=200)]) -> Response:
    with ledger(request) as store:
        view = store.incident(incident_id)
    return render(
        request,
        "incident.html",
        {"v": view, "rows": claim_rows(view), "charts": claims_charts(view), "timeline": timeline(view)},
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> Response:
    hits = []
    if q.strip():
        with ledger(request) as store:
            hits = store.search(q, limit=limit)
    return render(request, "search.html", {"q": q, "hits": hits})


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> Response:
    return render(request, "analyze.html", {"form": {}, "error": None})


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_submit(request: Request) -> Response:
    """Analyse pasted text or an uploaded file; store it only when the user ticked "store"."""
    config = request.app.state.config
    form = await request.form(max_files=1, max_fields=20, max_part_size=config.max_upload_bytes)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    upload = form.get("file")
    want_store = fields.get("store") in ("1", "on", "yes", "true")
    meta = Metadata.clean(fields.get("title"), fields.get("publisher"), fields.get("published"), fields.get("url"))
    shown = {k: fields.get(k, "") for k in ("text", "title", "publisher", "published", "url")}
    shown["store"] = "1" if want_store else ""

    def fail(status: int, message: str) -> Response:
        return render(request, "analyze.html", {"form": shown, "error": message}, status_code=status)

    if want_store and not may_write(request, fields.get("token")):
        return fail(401, "SW506 storing needs the server's token (it was started with --token)")
    try:
        if isinstance(upload, UploadFile) and upload.filename:
            raw = await upload.read()
            loaded = load_upload(upload.filename, raw, meta, config.settings)
        elif fields.get("text", "").strip():
            loaded = load_pasted(fields["text"], meta, config.settings)
        else:
            return fail(400, "SW103 paste a text or choose a file to analyse")
        report = await run_in_threadpool(request.app.state.analysis.analyze, loaded.document)
    except TooLarge as exc:
        return fail(413, str(exc))
    except SourcewiseError as exc:
        return fail(400, str(exc))
    if want_store:

        def put() -> str:
            try:
                with ledger(request) as store:
                    outcome = store.put(report, loaded.raw)
                    store.refresh_incidents()
            finally:
                wrote(request)
            return outcome

        outcome = await run_in_threadpool(put)
        return RedirectResponse(f"/documents/{report.document.id}?stored={outcome}", status_code=303)
    return render(
        request,
        "document.html",
        {"parts": document_parts(request, report), "incidents": [], "stored": None, "transient": True},
    )
