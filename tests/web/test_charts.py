"""Chart geometry: ticks, bands and points that stay on the axis; the timeline's ends and undated sources."""

from __future__ import annotations

from datetime import date

from sourcewise.store import open_store
from sourcewise.web.charts import _date_ticks, claims_charts, nice_ticks, timeline
from tests.web import builders
from tests.web.conftest import fill


def test_nice_ticks_cover_the_top_with_round_steps():
    assert nice_ticks(212) == [0, 50, 100, 150, 200, 250]
    assert nice_ticks(1275)[-1] >= 1275 and nice_ticks(1275)[1] in (200, 500)
    assert nice_ticks(3) == [0, 1, 2, 3]
    assert nice_ticks(0) == [0.0, 1.0]


def test_date_ticks_years_or_months():
    years = _date_ticks(date(1992, 2, 25), date(2023, 1, 1))
    assert years[0][1] == "1993" and all(label.isdigit() for _, label in years) and len(years) <= 7
    months = _date_ticks(date(2031, 5, 14), date(2031, 9, 2))
    assert [label for _, label in months] == ["2031-06", "2031-07", "2031-08", "2031-09"]


def test_claims_chart_and_timeline_of_an_incident(tmp_path):
    db = str(tmp_path / "c.db")
    fill(db, builders.all_reports())
    with open_store(db) as store:
        [view] = [v for v in store.incidents() if len(v.incident.documents) == 3]
    charts = {c.category: c for c in claims_charts(view)}
    killed = charts["killed"]
    assert len(killed.rows) == 3 and len(killed.points) == 5  # 41, 9, 212, 40, 30-60
    xs = [p.x for p in killed.points] + [p.x2 for p in killed.points if p.x2 is not None]
    assert all(killed.plot_left <= x <= killed.plot_right for x in xs)
    assert killed.band is not None and killed.band.low == 30 and killed.band.high == 212
    assert killed.band.x_low < killed.band.x_best < killed.band.x_high  # type: ignore[operator]
    ranged = [p for p in killed.points if p.x2 is not None]
    assert len(ranged) == 1 and ranged[0].x < ranged[0].x2  # type: ignore[operator]
    assert sum(p.headline for p in killed.points) == 3  # 41, 212 and the range; 9 and 40 are parts
    assert all("#q-f" in p.href for p in killed.points)
    tl = timeline(view)
    assert [i.date for i in tl.items] == ["2031-05-14", "2031-06-01", "2031-09-02"]
    assert tl.incident_x is not None and tl.incident_x[0] <= tl.items[0].x
    assert tl.undated == ()


def test_claim_rows_show_each_source_once(tmp_path):
    from sourcewise.web.charts import claim_rows

    db = str(tmp_path / "r.db")
    fill(db, builders.all_reports())
    with open_store(db) as store:
        [view] = [v for v in store.incidents() if len(v.incident.documents) == 3]
    rows = claim_rows(view)
    assert [r.claim for r in rows] == list(view.claims)
    firsts = [r for r in rows if r.span]
    assert [r.claim.document_id for r in firsts] == list(dict.fromkeys(c.document_id for c in view.claims))
    assert sum(r.span for r in firsts) == len(rows)
    assert {r.label for r in firsts} == {"Testwire", "Plain Review", "Field Monitors"}
