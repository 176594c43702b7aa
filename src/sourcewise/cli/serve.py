"""``sourcewise serve [--db URL] [--host 127.0.0.1] [--port 8000] [--token TOKEN]``: the web UI and JSON API."""

from __future__ import annotations

import argparse
import os

from sourcewise.cli.common import add_analysis_options, settings_from
from sourcewise.cli.ledger_options import add_db_option


def add_parser(sub: argparse._SubParsersAction) -> None:
    from sourcewise.web import DEFAULT_MAX_UPLOAD

    p = sub.add_parser(
        "serve",
        help="web UI and JSON API over the ledger (loopback only unless --host says otherwise)",
        description="Pages: documents with every claim highlighted, incidents side by side, search, and a form "
        "to analyse pasted text. JSON API under /api/ with docs at /docs. Nothing is fetched from the network.",
    )
    add_db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--token",
        default=None,
        help="require this token for writes (storing, merge, split); default: $SOURCEWISE_TOKEN if set",
    )
    p.add_argument(
        "--max-upload-bytes",
        type=int,
        default=DEFAULT_MAX_UPLOAD,
        metavar="N",
        help=f"largest request body accepted, answered 413 above it (default: {DEFAULT_MAX_UPLOAD:,})",
    )
    add_analysis_options(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from sourcewise.store import default_url
    from sourcewise.web.server import config_for, serve

    token = args.token if args.token is not None else os.environ.get("SOURCEWISE_TOKEN")
    config = config_for(args.db or default_url(), args.host, token, args.max_upload_bytes, settings_from(args))
    return serve(config, host=args.host, port=args.port)
