"""What every route module needs: the request's ledger, write access, rendering."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from sourcewise.reconcile import IncidentView
from sourcewise.store import Store
from sourcewise.web.security import token_matches


@contextmanager
def ledger(request: Request) -> Iterator[Store]:
    """The ledger connection of the current thread (call it inside the endpoint, not in a dependency:
    FastAPI may run dependencies and the endpoint on different pool threads)."""
    with request.app.state.stores.get() as store:
        yield store


def incidents_of(request: Request, store: Store, document_id: str) -> list[IncidentView]:
    """The incidents a document reports on, from the cache while the ledger has not changed (see web/cache.py)."""
    token = store.change_token()
    if token is None:
        return store.incidents_of(document_id)
    state = request.app.state
    key = ("incidents", state.stores.generation, id(store), token, state.writes.value, document_id)
    views = state.page_cache.get(key)
    if views is None:
        views = store.incidents_of(document_id)
        state.page_cache.put(key, views)
    return list(views)


def wrote(request: Request) -> None:
    """Call after every write this server makes, so that cached views are recomputed."""
    request.app.state.writes.bump()


def token_required(request: Request) -> bool:
    return bool(request.app.state.config.token)


def may_write(request: Request, given: str | None) -> bool:
    return token_matches(request.app.state.config.token, given)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    context.setdefault("token_required", token_required(request))
    return templates.TemplateResponse(request, name, context, status_code=status_code)
