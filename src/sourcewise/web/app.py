"""The web application: server-rendered pages over the ledger, a JSON API, offline docs.

``create_app(WebConfig(...))`` builds it; ``sourcewise serve`` runs it with
uvicorn. Everything the browser loads comes from this package (templates,
CSS, one small script) or from an installed package (Swagger UI for /docs):
the machine may be offline and documenters' material must not leak to a CDN.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from sourcewise import __version__
from sourcewise.errors import InputError, NotFound, SourcewiseError, StoreUnavailable, TooLarge
from sourcewise.settings import Settings
from sourcewise.web import DEFAULT_MAX_UPLOAD, filters
from sourcewise.web.analysis import AnalysisService
from sourcewise.web.cache import LRU, WriteCounter
from sourcewise.web.security import BodyLimit, CrossSiteWriteGuard, HostGuard, SecurityHeaders
from sourcewise.web.stores import StoreProvider

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class WebConfig:
    """How a server runs; built by ``sourcewise serve`` (or a test) and fixed for its lifetime."""

    db: str
    token: str | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD
    #: Host names the server answers to; None answers to any (set when listening beyond loopback).
    allowed_hosts: frozenset[str] | None = None
    settings: Settings = field(default_factory=Settings)
    #: Document pages whose report-only parts are kept rendered (keyed by the report's revision).
    page_cache_size: int = 256


def swagger_assets() -> Path | None:
    """Swagger UI's files from an installed package (fastapi-offline ships them), if present."""
    try:
        import fastapi_offline
    except ImportError:  # pragma: no cover - a dependency; /docs then falls back to the plain page
        return None
    path = Path(fastapi_offline.__file__).resolve().parent / "static"
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=True,  # every template, whatever its name: article text is untrusted
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    filters.install(env)
    env.globals["version"] = __version__
    return Jinja2Templates(env=env)


def create_app(config: WebConfig, *, analyzer: object | None = None) -> FastAPI:
    """The application for one ledger. ``analyzer``: an already loaded Analyzer (tests share one)."""
    stores = StoreProvider(config.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="sourcewise",
        version=__version__,
        summary="A citable ledger of claims from articles about wars and atrocities.",
        description=(
            "Read-only endpoints browse the ledger; `POST /api/analyze` analyses text without storing it. "
            "Endpoints that write (`POST /api/documents`, incident merge and split) require "
            "`Authorization: Bearer TOKEN` when the server was started with `--token`. "
            "The server never fetches URLs: a `url` field is recorded as given."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.stores = stores
    app.state.analysis = AnalysisService(config.settings, analyzer)
    app.state.templates = make_templates()
    app.state.swagger = swagger_assets()
    app.state.page_cache = LRU(config.page_cache_size)
    app.state.writes = WriteCounter()

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    if app.state.swagger is not None:
        app.mount("/vendor/swagger", StaticFiles(directory=str(app.state.swagger)), name="swagger")

    from sourcewise.web.routes import api, docs, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(docs.router)
    _install_error_handlers(app)
    if not config.token:
        _document_open_writes(app)

    # outermost last: headers on every answer, then host, cross-site and size checks before any work
    app.add_middleware(BodyLimit, limit=config.max_upload_bytes)
    app.add_middleware(CrossSiteWriteGuard)
    app.add_middleware(HostGuard, allowed=config.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _document_open_writes(app: FastAPI) -> None:
    """Without --token, writes need no credentials: the schema must not claim they do."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            for methods in spec.get("paths", {}).values():
                for op in methods.values():
                    op.pop("security", None)
                    op.get("responses", {}).pop("401", None)
            spec.get("components", {}).pop("securitySchemes", None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _status_of(exc: SourcewiseError) -> int:
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, TooLarge):
        return 413
    if isinstance(exc, InputError):
        return 400
    if isinstance(exc, StoreUnavailable):
        return 503
    if exc.code == "SW403":  # an impossible merge or split: it conflicts with the ledger's state
        return 409
    if exc.code.startswith("SW4"):
        return 400
    return 500


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _install_error_handlers(app: FastAPI) -> None:
    from sourcewise.web.schemas import error_body

    def page(request: Request, status: int, code: str, message: str) -> Response:
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "code": code, "message": message}, status_code=status
        )

    @app.exception_handler(SourcewiseError)
    async def sourcewise_error(request: Request, exc: SourcewiseError) -> Response:
        status = _status_of(exc)
        message = str(exc.args[0]) if exc.args else exc.code
        if _wants_json(request):
            return JSONResponse(error_body(exc.code, message), status_code=status)
        return page(request, status, exc.code, message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        code, _, message = detail.partition(" ")
        if not (code.startswith("SW") and message):
            code, message = f"HTTP{exc.status_code}", detail
        headers = getattr(exc, "headers", None)
        if _wants_json(request):
            return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=headers)
        return page(request, exc.status_code, code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        return page(request, 400, "SW505", f"invalid request: {problems}")
