"""Run the web application with uvicorn (what ``sourcewise serve`` calls)."""

from __future__ import annotations

import sys

from sourcewise.errors import UsageError
from sourcewise.settings import Settings
from sourcewise.web.app import WebConfig, create_app
from sourcewise.web.security import LOOPBACK_HOSTS, is_loopback


def config_for(db: str, host: str, token: str | None, max_upload_bytes: int, settings: Settings) -> WebConfig:
    """On loopback the server answers only to loopback host names (no DNS rebinding from a web page)."""
    return WebConfig(
        db=db,
        token=token or None,
        max_upload_bytes=max_upload_bytes,
        allowed_hosts=frozenset(LOOPBACK_HOSTS) if is_loopback(host) else None,
        settings=settings,
    )


def serve(config: WebConfig, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> int:
    import uvicorn

    if not 0 <= port <= 65535:
        raise UsageError(f"port {port} is not between 0 and 65535")
    if config.max_upload_bytes < 1:
        raise UsageError("--max-upload-bytes must be positive")
    app = create_app(config)
    shown = f"[{host}]" if ":" in host else host
    print(f"sourcewise: serving the ledger {config.db} on http://{shown}:{port}/ (API docs: /docs)", file=sys.stderr)
    if not is_loopback(host) and not config.token:
        print(
            "sourcewise: warning: listening beyond loopback without --token: anyone who can reach it may write",
            file=sys.stderr,
        )
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, proxy_headers=False)
    return 0
