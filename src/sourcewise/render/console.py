"""The rich console that terminal renderings print to."""

from __future__ import annotations

import sys

from rich.console import Console

#: Columns when output is piped (a file, a pager, CI logs): side-by-side tables need more than rich's 80.
PIPED_WIDTH = 150


def stdout_console() -> Console:
    """The terminal's own width on a terminal; ``PIPED_WIDTH`` columns when piped."""
    return Console(highlight=False, width=None if sys.stdout.isatty() else PIPED_WIDTH)
