"""/docs: the API's interactive documentation, served entirely from this machine.

FastAPI's default page loads Swagger UI from a CDN and initialises it with an
inline script; both are impossible here (offline, and a CSP without inline
scripts). This page loads Swagger UI from an installed package and starts it
from a bundled script. Without Swagger UI, it lists the operations itself.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from sourcewise.web.routes.common import render

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> Response:
    operations = []
    if request.app.state.swagger is None:
        spec = request.app.openapi()
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                operations.append((method.upper(), path, op.get("summary", ""), op.get("description", "")))
    return render(request, "apidocs.html", {"swagger": request.app.state.swagger is not None, "operations": operations})
