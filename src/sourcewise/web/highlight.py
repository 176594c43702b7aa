"""Article text as HTML with every record highlighted, built from character offsets.

Records overlap freely ("21 children, and 15 old people, among them 240
residents killed" holds three figures), so marks are nested: a mark that starts
inside another and ends after it is split into pieces, each piece properly
nested. Every piece of text between two boundaries is escaped on its own; no
byte of the article ever reaches the page unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

#: Which kind sits outside when two records cover exactly the same characters.
KIND_ORDER = ("sponsorship", "attribution", "act", "technique", "place", "date", "figure")


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted record: where it is, what kind it is, and the id of its card."""

    start: int
    end: int
    kind: str
    ref: str
    title: str = ""


def valid_marks(text: str, marks: Iterable[Mark]) -> list[Mark]:
    """Marks that point into the text, outermost first (a bad offset is dropped, never rendered)."""
    n = len(text)
    keep = [m for m in marks if 0 <= m.start < m.end <= n]
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    return sorted(keep, key=lambda m: (m.start, -m.end, rank.get(m.kind, len(KIND_ORDER)), m.ref))


def _open(mark: Mark, first: bool) -> str:
    attrs = [f'class="hl hl-{escape(mark.kind)}"', f'data-ref="{escape(mark.ref)}"']
    if first:
        attrs.append(f'id="q-{escape(mark.ref)}"')
        attrs.append('tabindex="0"')
    else:
        attrs.append('data-cont="1"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    return "<mark " + " ".join(attrs) + ">"


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """The text as escaped HTML with ``<mark>`` elements for every valid mark, properly nested."""
    ordered = valid_marks(text, marks)
    starts: dict[int, list[Mark]] = {}
    for m in ordered:
        starts.setdefault(m.start, []).append(m)
    bounds = sorted({0, len(text)} | {m.start for m in ordered} | {m.end for m in ordered})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[int] = set()  # id() of marks whose first piece has been written
    for i, pos in enumerate(bounds):
        # close what ends here; marks opened inside one that ends are closed and reopened around it
        if any(m.end == pos for m in stack):
            reopen = []
            while stack and any(m.end == pos for m in stack):
                top = stack.pop()
                out.append("</mark>")
                if top.end != pos:
                    reopen.append(top)
            for m in reversed(reopen):
                out.append(_open(m, first=False))
                stack.append(m)
        # open what starts here, longest first so that shorter marks nest inside
        for m in starts.get(pos, ()):
            out.append(_open(m, first=id(m) not in opened))
            opened.add(id(m))
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos : bounds[i + 1]])))
    while stack:  # pragma: no cover - every valid mark ends at a boundary
        stack.pop()
        out.append("</mark>")
    return Markup("".join(out))
