"""A shareable Markdown report: every figure with its quote, so a reader can check it."""

from __future__ import annotations

from sourcewise.records import Report
from sourcewise.render.summary import (
    contested_terms,
    headline,
    metadata_lines,
    number_text,
    qualifier_text,
    technique_flags,
)


def render_markdown(report: Report) -> str:
    lines = [f"# {_cell(headline(report))}", ""]
    for key, value in metadata_lines(report):
        lines.append(f"- **{key}**: {_cell(value)}")
    lines += ["", "## Casualty figures", ""]
    if report.figures:
        lines.append("| id | category | number | qualifier | subgroup | part of | attributed to | quote |")
        lines.append("|---|---|---:|---|---|---|---|---|")
        for f in report.figures:
            lines.append(
                f"| {f.id} | {f.category} | {number_text(f)} | {qualifier_text(f)} | {f.subgroup or ''} "
                f"| {f.part_of or ''} | {_cell(f.attributed_to or '—')} | “{_cell(f.quote)}” "
                f"(chars {f.start}–{f.end}) |"
            )
    else:
        lines.append("_No casualty figures found._")
    if report.events:
        lines += [
            "",
            "## Events",
            "",
            "| id | kind | date | place | totals | quote |",
            "|---|---|---|---|---|---|",
        ]
        for e in report.events:
            totals = ", ".join(f"{k} {t.value if t.value is not None else t.low}" for k, t in e.totals.items())
            lines.append(
                f"| {e.id} | {e.kind} | {e.date or ''} | {_cell(e.place or '')} | {totals} | “{_cell(e.quote)}” |"
            )
    if report.acts:
        lines += ["", "## Official acts", "", "| kind | actor | date | quote |", "|---|---|---|---|"]
        for a in report.acts:
            lines.append(f"| {a.kind} | {_cell(a.actor or '')} | {a.date or ''} | “{_cell(a.quote)}” |")
    fr = report.framing
    if fr.attributions:
        lines += ["", "## Attributions", ""]
        lines += [f"- {_cell(a.source)}: “{_cell(a.quote)}”" for a in fr.attributions]
    flags = technique_flags(report)
    if flags:
        lines += ["", "## Persuasion techniques", ""]
        lines += [f"- **{t.label}** ({t.score:.2f}): “{_cell(t.quote)}” — {_cell(t.reason)}" for t in flags]
    contested = contested_terms(report)
    if contested:
        lines += ["", "## Contested terms", "", "_Flagged so a reader sees them; not a judgement of their use._", ""]
        lines += [f"- “{_cell(term)}” ({n}×): {_cell(note)}" for term, n, note in contested]
    if fr.checks:
        lines += ["", "## Consistency checks", ""]
        lines += [
            f"- {'✅' if c.ok else '❌'} {c.kind}: {_cell(c.message)}" + (f" [{', '.join(c.refs)}]" if c.refs else "")
            for c in fr.checks
        ]
    lines += ["", f"_sourcewise {report.pipeline}: claims as the source states them, not facts._"]
    return "\n".join(lines)


def _cell(s: str) -> str:
    """Keep untrusted text from breaking the table or injecting markup."""
    out = " ".join(s.split()).replace("|", "\\|")
    for ch in "<>[]`*_":
        out = out.replace(ch, "\\" + ch)
    return out
