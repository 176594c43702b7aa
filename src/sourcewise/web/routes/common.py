"""What every route module needs: the request's ledger, write access, rendering."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from sourcewise.store import Store
from sourcewise.web.security import token_matches


@contextmanager
def ledger(request: Request) -> Iterator[Store]:
    """The ledger connection of the current thread (call it inside the endpoint, not in a dependency:
    FastAPI may run dependencies and the endpoint on different pool threads)."""
    with request.app.state.stores.get() as store:
        yield store


def token_required(request: Request) -> bool:
    return bool(request.app.state.config.token)


def may_write(request: Request, given: str | None) -> bool:
    return token_matches(request.app.state.config.token, given)


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    context.setdefault("token_required", token_required(request))
    return templates.TemplateResponse(request, name, context, status_code=status_code)
