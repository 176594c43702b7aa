"""The ``--db`` option every ledger subcommand shares."""

from __future__ import annotations

import argparse

from sourcewise.store import DEFAULT_DB


def add_db_option(p: argparse.ArgumentParser, *, nested: bool = False) -> None:
    """``nested``: on a sub-action, where a default would overwrite a --db given before the action."""
    p.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS if nested else None,
        help=f"ledger: a SQLite file path or a postgresql:// URL (default: $SOURCEWISE_DB or ./{DEFAULT_DB})",
    )


def open_from(args: argparse.Namespace):
    from sourcewise.store import open_store

    return open_store(args.db)
