"""Options and output helpers shared by several subcommands."""

from __future__ import annotations

import argparse
import sys

from sourcewise import conventions, outlets
from sourcewise.settings import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, Settings


def add_analysis_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--convention",
        default="default",
        help=f"counting convention for vague quantities: {', '.join(conventions.names())}, "
        "or a JSON file of the same shape (default: default)",
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help=f"refuse documents larger than N bytes (default: {DEFAULT_MAX_BYTES:,})",
    )
    p.add_argument(
        "--max-chars",
        type=int,
        default=DEFAULT_MAX_CHARS,
        metavar="N",
        help=f"refuse texts longer than N characters: analysing one text takes about 3 GB of memory "
        f"per million characters (default: {DEFAULT_MAX_CHARS:,})",
    )
    p.add_argument(
        "--outlets",
        metavar="FILE",
        default=None,
        help=f"a JSON outlet registry consulted before the bundled one (default: ${outlets.ENV_VAR} if set)",
    )


def settings_from(args: argparse.Namespace) -> Settings:
    conventions.load(args.convention)  # fail early, with a clear message, on an unknown convention
    outlet_file = outlets.user_file_from_env(getattr(args, "outlets", None))
    outlets.load(outlet_file)  # likewise on an unreadable or malformed registry (SW403)
    return Settings(max_bytes=args.max_bytes, max_chars=args.max_chars, convention=args.convention, outlets=outlet_file)


def report_failure(source: str, code: str, message: str) -> None:
    print(f"{source}: {code} {message}", file=sys.stderr)
