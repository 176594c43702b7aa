"""The ``sourcewise`` command: parses arguments and calls the library, nothing more.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``; ``COMMANDS`` lists them in the order ``--help`` shows.
A user's mistake ends in one line with a stable code, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from sourcewise import __version__
from sourcewise.errors import SourcewiseError

COMMANDS: tuple[str, ...] = (
    "analyze",
    "ingest",
    "reanalyze",
    "incidents",
    "compare",
    "stats",
    "search",
    "export",
    "serve",
    "prepare",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sourcewise",
        description="Turn articles about wars and atrocities into a citable ledger of claims.",
    )
    parser.add_argument("--version", action="version", version=f"sourcewise {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f"sourcewise.cli.{name}")
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except SourcewiseError as exc:
        print(f"sourcewise: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sourcewise: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "sourcewise analyze ... | head"
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
