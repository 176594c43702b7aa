"""The web UI and JSON API (``sourcewise serve``): pages over the ledger, offline, safe on untrusted text.

``sourcewise.web.app.create_app(WebConfig(db=...))`` builds the application.
This package imports nothing heavy itself, so the CLI stays quick to start.
"""

#: Largest request body the server reads (uploads, pasted text, API bodies); above it: 413.
DEFAULT_MAX_UPLOAD = 10 * 1024 * 1024
