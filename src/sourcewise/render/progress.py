"""The progress bar of a long ingest, on stderr: documents, documents per second, failures, ETA.

The bar measures input bytes (the only total known before reading a JSONL or
WARC file to its end), so the ETA holds for one huge file as for a folder.
It is drawn only on a terminal; failures are printed above it as they come.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sourcewise.ledger import FailureHook, IngestSummary


@dataclass
class ProgressHooks:
    on_progress: Any  # Callable[[IngestSummary], None] | None
    on_failure: FailureHook | None


@contextmanager
def ingest_progress(total_bytes: int, *, show_bar: bool, show_failures: bool = True) -> Iterator[ProgressHooks]:
    """Hooks for ``ledger.ingest``: a live bar when ``show_bar`` (and stderr is a terminal)."""
    if not (show_bar and sys.stderr.isatty()):
        yield ProgressHooks(None, _print_failure if show_failures else None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    progress = Progress(
        TextColumn("[bold]ingest[/]"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[docs]} docs"),
        TextColumn("{task.fields[rate]}"),
        TextColumn("{task.fields[failed]}"),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("ingest", total=total_bytes or None, docs="0", rate="", failed="")

    def on_progress(summary: IngestSummary) -> None:
        secs = summary.elapsed()
        rate = f"{summary.analysed / secs:,.1f} docs/s" if secs > 0 and summary.analysed else ""
        failed = f"[red]{summary.failed:,} failed[/]" if summary.failed else ""
        progress.update(task, completed=summary.position, docs=f"{summary.seen:,}", rate=rate, failed=failed)

    def on_failure(source: str, code: str, message: str) -> None:
        if show_failures:
            console.print(f"{source}: {code} {message}", markup=False, highlight=False, soft_wrap=True)

    with progress:
        yield ProgressHooks(on_progress, on_failure)


def _print_failure(source: str, code: str, message: str) -> None:
    print(f"{source}: {code} {message}", file=sys.stderr)
