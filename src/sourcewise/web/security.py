"""What keeps a page built from untrusted articles safe to open, as small ASGI middlewares.

Article text, titles and metadata come from anyone. Jinja2 escapes them; these
layers make sure that, even if something slipped through, the browser would
not run it (a strict Content-Security-Policy: no inline script or style, no
framing, nothing loaded from elsewhere), that a page on another site cannot
drive this server (DNS rebinding: the Host must be a loopback name when the
server listens on loopback; cross-site writes: a foreign Origin is refused),
and that one request cannot exhaust memory (a body limit, answered with 413).
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

from starlette.exceptions import HTTPException

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI sets style attributes and <style> elements from its script; the docs page shows only our schema.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


def is_loopback(host: str) -> bool:
    h = host.strip().lower()
    return h in LOOPBACK_HOSTS or h.startswith("127.")


def token_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; with no token configured, every caller may write."""
    if not expected:
        return True
    if not given:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers") or ():
        if k == name:
            return str(v.decode("latin-1"))
    return None


async def _plain(send: Send, status: int, text: str) -> None:
    body = (text + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                (b"content-security-policy", CSP.encode()),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the CSP and the other protective headers to every HTTP response."""

    def __init__(self, app: ASGIApp, docs_paths: Iterable[str] = ("/docs",)) -> None:
        self.app = app
        self.docs_paths = tuple(docs_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = CSP_DOCS if scope.get("path") in self.docs_paths else CSP

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                headers.append((b"content-security-policy", csp.encode()))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HEADERS if k not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HostGuard:
    """Refuses requests whose Host is not allowed (a loopback server answers loopback names only)."""

    def __init__(self, app: ASGIApp, allowed: Iterable[str] | None) -> None:
        self.app = app
        self.allowed = None if allowed is None else {h.lower() for h in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.allowed is not None:
            host = (_header(scope, b"host") or "").strip().lower()
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name not in self.allowed:
                await _plain(send, 400, "SW501 this server answers only to its own host name")
                return
        await self.app(scope, receive, send)


class CrossSiteWriteGuard:
    """Refuses state-changing requests sent by a page of another origin (a cross-site form or fetch).

    Browsers say where a request comes from in ``Sec-Fetch-Site``; only ``same-origin`` (and ``none``,
    the user's own navigation) may write. ``same-site`` is refused too: another port of localhost is
    the same site. Without that header (an older browser, or a script such as curl), the ``Origin``
    must be absent or this server's own; with ``Referrer-Policy: no-referrer`` a browser's own form
    posts say ``Origin: null``, which is accepted only together with ``Sec-Fetch-Site: same-origin``.
    """

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method", "GET") not in self.SAFE and not self._allowed(scope):
            await _plain(send, 403, "SW502 cross-site request refused")
            return
        await self.app(scope, receive, send)

    @staticmethod
    def _allowed(scope: Scope) -> bool:
        site = _header(scope, b"sec-fetch-site")
        if site is not None:
            return site.strip().lower() in ("same-origin", "none")
        origin = _header(scope, b"origin")
        if origin is None:
            return True
        host = (_header(scope, b"host") or "").strip().lower()
        return origin != "null" and origin.split("://", 1)[-1].strip().lower() == host


class BodyTooLarge(HTTPException):
    """Raised from ``receive``: an HTTPException, so the framework's body parsing passes it on as a 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"SW504 request body over the limit of {limit:,} bytes")


class BodyLimit:
    """Answers 413 to a request body over ``limit`` bytes, declared or streamed, before it is all read."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.limit
            except ValueError:
                await _plain(send, 400, "SW503 bad Content-Length")
                return
            if too_big:
                await _plain(send, 413, f"SW504 request body over the limit of {self.limit:,} bytes")
                return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await _plain(send, 413, f"SW504 request body over the limit of {self.limit:,} bytes")
