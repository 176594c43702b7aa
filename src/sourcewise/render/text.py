"""The terminal report: metadata, a figures table with quotes, then the rest."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sourcewise.records import Report
from sourcewise.render.console import stdout_console
from sourcewise.render.summary import (
    contested_terms,
    headline,
    metadata_lines,
    number_text,
    qualifier_text,
    technique_flags,
)


def print_report(report: Report, console: Console | None = None) -> None:
    console = console or stdout_console()
    console.rule(f"[bold]{_esc(headline(report))}")
    for key, value in metadata_lines(report):
        console.print(f"[dim]{key}:[/dim] {_esc(value)}")
    if report.figures:
        table = Table(title="Casualty figures", show_lines=False, expand=True)
        for col, kw in (
            ("id", {"style": "dim", "no_wrap": True}),
            ("category", {"no_wrap": True}),
            ("number", {"justify": "right", "no_wrap": True}),
            ("qualifier", {"no_wrap": True}),
            ("subgroup", {"no_wrap": True}),
            ("part of", {"no_wrap": True}),
            ("attributed to", {}),
            ("quote", {"ratio": 3}),
        ):
            table.add_column(col, **kw)
        for f in report.figures:
            table.add_row(
                f.id,
                f.category,
                number_text(f),
                qualifier_text(f),
                f.subgroup or "",
                f.part_of or "",
                _esc(f.attributed_to or "—"),
                _esc(f.quote),
            )
        console.print(table)
    else:
        console.print("[dim]No casualty figures found.[/dim]")
    if report.events:
        table = Table(title="Events", expand=True)
        for col in ("id", "kind", "date", "place", "totals", "quote"):
            table.add_column(col)
        for e in report.events:
            totals = ", ".join(f"{k} {t.value if t.value is not None else t.low}" for k, t in e.totals.items())
            table.add_row(e.id, e.kind, e.date or "", _esc(e.place or ""), totals, _esc(e.quote))
        console.print(table)
    if report.acts:
        table = Table(title="Official acts", expand=True)
        for col in ("kind", "actor", "date", "quote"):
            table.add_column(col)
        for a in report.acts:
            table.add_row(a.kind, _esc(a.actor or ""), a.date or "", _esc(a.quote))
        console.print(table)
    fr = report.framing
    if fr.attributions:
        console.print("[bold]Attributions[/bold]: " + "; ".join(_esc(a.source) for a in fr.attributions))
    flags = technique_flags(report)
    if flags:
        console.print("[bold]Persuasion techniques[/bold]:")
        for t in flags:
            console.print(f"  {t.label} [dim]({t.score:.2f})[/dim] “{_esc(t.quote)}” — {_esc(t.reason)}")
    contested = contested_terms(report)
    if contested:
        console.print("[bold]Contested terms[/bold] [dim](flagged, not judged)[/dim]:")
        for term, n, note in contested:
            console.print(f"  “{_esc(term)}” ×{n} — {_esc(note)}")
    for c in fr.checks:
        mark = "[green]ok[/green]" if c.ok else "[red]FAILS[/red]"
        refs = f" [dim]({', '.join(c.refs)})[/dim]" if c.refs else ""
        console.print(f"check {c.kind}: {mark} {_esc(c.message)}{refs}")


def _esc(s: str) -> str:
    """Article text is untrusted: never let it be read as rich markup."""
    from rich.markup import escape

    return escape(s)
