"""Hand-built reports for the web tests: invented text (the town of Velmora does not exist), exact offsets.

The pages must render every kind of record whatever the extractor finds today,
so these reports carry dates, places, attributions, techniques, checks, a
funding disclosure and an outlet entry written by hand, each located in the
text by ``str.index`` so that ``text[start:end] == quote`` always holds.
"""

from __future__ import annotations

import hashlib

from sourcewise import PIPELINE_VERSION
from sourcewise.records import (
    Act,
    Attribution,
    Check,
    DateMention,
    Document,
    Event,
    Figure,
    Framing,
    Outlet,
    Place,
    Report,
    Span,
    Technique,
    Total,
)

VELMORA = Place(0, 0, "", "Velmora", "Ostrava Plain", "ZZ", 12.5, 34.25, None)


def at(text: str, quote: str, after: int = 0) -> tuple[int, int]:
    start = text.index(quote, after)
    return start, start + len(quote)


def figure(
    text: str,
    fid: str,
    quote: str,
    *,
    category: str = "killed",
    value: int | None = None,
    low: int | None = None,
    high: int | None = None,
    qualifier: str = "exact",
    subgroup: str | None = None,
    part_of: str | None = None,
    attributed_to: str | None = None,
    event: str | None = "e1",
) -> Figure:
    s, e = at(text, quote)
    return Figure(
        fid, category, value, low, high, qualifier, subgroup, "people", part_of, event, attributed_to, s, e, quote
    )


def place(text: str, name: str) -> Place:
    s, e = at(text, name)
    return Place(s, e, name, VELMORA.name, VELMORA.admin1, VELMORA.country, VELMORA.lat, VELMORA.lon, None)


def event(text: str, figures: list[Figure], date: str, kind: str = "shelling") -> Event:
    heads = [f for f in figures if f.part_of is None and f.subgroup is None]
    totals = {}
    for f in heads:
        totals.setdefault(f.category, Total(f.value, f.low, f.high, (f.id,)))
    return Event("e1", kind, date, "Velmora", tuple(f.id for f in figures), totals, 0, len(text), text)


def finish(
    text: str,
    *,
    title: str | None,
    publisher: str | None,
    published: str | None,
    figures: list[Figure],
    date: str | None = "2031-05-14",
    url: str | None = None,
    source: str = "<test>",
    framing: Framing | None = None,
    dates: tuple[DateMention, ...] = (),
    acts: tuple[Act, ...] = (),
) -> tuple[Report, bytes]:
    raw = text.encode()
    doc = Document(
        id=hashlib.sha256(raw).hexdigest(),
        source=source,
        text=text,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
    )
    places = (place(text, "Velmora"),) if "Velmora" in text else ()
    events = (event(text, figures, date),) if date and places else ()
    return (
        Report(
            document=doc,
            figures=tuple(figures),
            dates=dates,
            places=places,
            events=events,
            acts=acts,
            framing=framing or Framing(genre="news"),
            pipeline=PIPELINE_VERSION,
        ),
        raw,
    )


def wire_story() -> tuple[Report, bytes]:
    """A news report: attributed figures with a subgroup, a date, a place."""
    text = (
        "Shelling hits Velmora market\n\n"
        "VELMORA, May 14 (Testwire) - Shelling of the covered market in Velmora on Wednesday killed "
        "at least 41 people, including 9 children, and wounded 120 others, according to the regional "
        "health office. The defence ministry of the Plain said the strike came from across the river."
    )
    f1 = figure(
        text, "f1", "at least 41 people", value=41, qualifier="at_least", attributed_to="regional health office"
    )
    f2 = figure(
        text, "f2", "9 children", value=9, subgroup="children", part_of="f1", attributed_to="regional health office"
    )
    f3 = figure(text, "f3", "wounded 120 others", category="injured", value=120, attributed_to="regional health office")
    attr = Attribution(
        *at(text, "according to the regional health office"),
        "according to the regional health office",
        "regional health office",
    )
    ds, de = at(text, "on Wednesday")
    framing = Framing(
        genre="news",
        genre_cues=("dateline", "wire agency credit"),
        attributions=(attr,),
        unattributed_share=0.0,
        checks=(Check("subgroups_within_total", True, "9 children is within 41", ("f2", "f1")),),
    )
    return finish(
        text,
        title="Shelling hits Velmora market",
        publisher="Testwire",
        published="2031-05-14",
        figures=[f1, f2, f3],
        framing=framing,
        dates=(DateMention(ds, de, "on Wednesday", "2031-05-14", "day"),),
        url="https://testwire.example/velmora-market",
    )


def sponsored_analysis() -> tuple[Report, bytes]:
    """An analysis piece: a funding disclosure, an outlet entry, unattributed figures, a flagged technique."""
    text = (
        "Velmora: a massacre the world ignores\n\n"
        "This analysis was prepared with support from the Plain Heritage Fund.\n\n"
        "The barbaric assault on Velmora on 14 May 2031 left 212 people dead, among them 40 women. "
        "A council resolution adopted on 20 May 2031 condemned the attack."
    )
    f1 = figure(text, "f1", "212 people dead", value=212)
    f2 = figure(text, "f2", "40 women", value=40, subgroup="women", part_of="f1")
    s = at(text, "This analysis was prepared with support from the Plain Heritage Fund.")
    t = at(text, "barbaric")
    ds, de = at(text, "14 May 2031")
    act_s, act_e = at(text, "A council resolution adopted on 20 May 2031 condemned the attack.")
    framing = Framing(
        genre="analysis_opinion",
        genre_cues=("first-person evaluation", "label ANALYSIS in title"),
        sponsorship=Span(s[0], s[1], text[s[0] : s[1]]),
        outlet=Outlet("Plain Review", "Plain Heritage Fund", "state grants", "regional government", "test registry"),
        unattributed_share=1.0,
        techniques=(Technique("loaded_language", t[0], t[1], "barbaric", 0.9, "'barbaric' is an evaluative term"),),
        checks=(Check("subgroups_within_total", False, "a subgroup exceeds its total (test)", ("f2",)),),
    )
    return finish(
        text,
        title="Velmora: a massacre the world ignores",
        publisher="Plain Review",
        published="2031-06-01",
        figures=[f1, f2],
        framing=framing,
        dates=(DateMention(ds, de, "14 May 2031", "2031-05-14", "day"),),
        acts=(Act("resolution", "council", "2031-05-20", act_s, act_e, text[act_s:act_e]),),
    )


def ngo_report() -> tuple[Report, bytes]:
    """A report with a range, published later, no title."""
    text = (
        "Between 30 and 60 civilians were killed when shells struck the market of Velmora on 14 May 2031, "
        "our field team found."
    )
    f1 = figure(
        text, "f1", "Between 30 and 60 civilians were killed", low=30, high=60, qualifier="range", subgroup="civilians"
    )
    return finish(
        text,
        title=None,
        publisher="Field Monitors",
        published="2031-09-02",
        figures=[f1],
        framing=Framing(genre="report"),
    )


HOSTILE_TITLE = "<script>document.title='pwned-title'</script><img src=x onerror=\"window.__pwned='title'\">"
HOSTILE_TEXT = (
    "Shelling report\n\n"
    "<script>window.__pwned='script'</script> At Velmora, 17 people were killed "
    "<img src=x onerror=\"window.__pwned='img'\"> said <a href=\"javascript:window.__pwned='link'\">the mayor</a>. "
    '"><svg onload="window.__pwned=\'svg\'"></svg> javascript:alert(1) '
    "<iframe src=\"javascript:window.top.__pwned='iframe'\"></iframe> "
    "<style>body{display:none}</style> {{ 7*7 }} {% raw %}"
)


def hostile_article() -> tuple[Report, bytes]:
    """Markup, event handlers and javascript: links everywhere a source controls: text, title, metadata."""
    text = HOSTILE_TEXT
    f1 = figure(text, "f1", "17 people were killed <img src=x onerror=\"window.__pwned='img'\">", value=17)
    attr_q = "said <a href=\"javascript:window.__pwned='link'\">the mayor</a>"
    a = at(text, attr_q)
    t = at(text, "<script>window.__pwned='script'</script>")
    framing = Framing(
        genre="news",
        genre_cues=("<b onmouseover=\"window.__pwned='cue'\">cue</b>",),
        attributions=(Attribution(a[0], a[1], attr_q, "<a href=\"javascript:window.__pwned='src'\">mayor</a>"),),
        techniques=(
            Technique(
                "loaded_language", t[0], t[1], text[t[0] : t[1]], 0.5, "<script>window.__pwned='reason'</script>"
            ),
        ),
        outlet=Outlet("<img src=x onerror=\"window.__pwned='outlet'\">", None, None, None, "javascript:alert(1)"),
    )
    return finish(
        text,
        title=HOSTILE_TITLE,
        publisher="<svg onload=\"window.__pwned='publisher'\">",
        published="2031-05-15",
        figures=[f1],
        framing=framing,
        url="javascript:window.__pwned='url'",
        source="<script>window.__pwned='source'</script>",
    )


def all_reports() -> list[tuple[Report, bytes]]:
    return [wire_story(), sponsored_analysis(), ngo_report()]
