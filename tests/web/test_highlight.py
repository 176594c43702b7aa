"""Highlighted HTML from offsets: nested and crossing records, every text piece escaped."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcewise.web.highlight import Mark, highlight

TAG = re.compile(r"<[^>]+>")


def text_of(markup: str) -> str:
    return html.unescape(TAG.sub("", markup))


class Balance(HTMLParser):
    """Checks that marks nest properly and records which refs cover each character."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.cover: list[frozenset[str]] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.ok &= tag == "mark"
        self.stack.append(dict(attrs)["data-ref"])

    def handle_endtag(self, tag):
        self.ok &= tag == "mark" and bool(self.stack)
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        self.cover += [frozenset(self.stack)] * len(data)


def parse(markup: str) -> Balance:
    p = Balance()
    p.feed(markup)
    p.close()
    return p


def test_nested_figures_nest():
    text = "They counted 63 children and 613 people killed."
    a = text.index("63 children")
    b = text.index("613 people killed")
    out = highlight(text, [Mark(a, len(text) - 1, "figure", "f2"), Mark(b, b + 17, "figure", "f4")])
    assert '<mark class="hl hl-figure" data-ref="f4" id="q-f4" tabindex="0">613 people killed</mark></mark>' in out
    assert text_of(out) == text


def test_crossing_marks_are_split_and_stay_nested():
    text = "abcdefghij"
    out = highlight(text, [Mark(0, 6, "figure", "f1"), Mark(3, 9, "date", "d1")])
    p = parse(out)
    assert p.ok and not p.stack
    assert [sorted(c) for c in p.cover] == [["f1"]] * 3 + [["d1", "f1"]] * 3 + [["d1"]] * 3 + [[]]
    assert out.count('id="q-d1"') == 1  # one anchor per record, on its first piece
    assert 'data-cont="1"' in out


def test_every_piece_is_escaped():
    text = "<script>alert(1)</script> & \"quotes\" 'single' <img src=x onerror=alert(2)>"
    out = highlight(text, [Mark(0, 8, "figure", "f1"), Mark(9, 30, "technique", "t1")])
    assert "<script" not in out and "<img" not in out
    assert text_of(out) == text


def test_hostile_ref_and_title_are_escaped():
    out = highlight("abc", [Mark(0, 3, "figure", '"><script>x</script>', title='"><b>t</b>')])
    assert "<script>" not in out and "<b>" not in out


def test_bad_offsets_are_dropped():
    text = "short"
    out = highlight(text, [Mark(-1, 2, "figure", "a"), Mark(2, 99, "figure", "b"), Mark(3, 3, "date", "c")])
    assert out == "short"


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=40), pairs=spans)
def test_any_marks_give_balanced_html_with_the_exact_text(text, pairs):
    marks = [Mark(min(a, b), max(a, b), "figure", f"f{i}") for i, (a, b) in enumerate(pairs)]
    out = highlight(text, marks)
    p = parse(out)
    assert p.ok and not p.stack
    assert text_of(out) == text
    n = len(text)
    for m in marks:
        if 0 <= m.start < m.end <= n:
            assert all(m.ref in p.cover[i] for i in range(m.start, m.end))
            assert not any(m.ref in p.cover[i] for i in range(n) if not m.start <= i < m.end)
