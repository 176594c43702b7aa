"""Incidents in the ledger: grouping across documents, estimates, and users' decisions surviving re-ingest."""

from __future__ import annotations

import pytest

from sourcewise.errors import NotFound, UsageError
from tests.store.reports import Fig, Where, make_report

TOWN = Where("Velmora", gazetteer_id="test:1001", admin1="Upper Province", country="ZZ", lat=10.5, lon=20.25)
OTHER = Where("Dunmere", gazetteer_id="test:2002", admin1="Upper Province", country="ZZ", lat=11.0, lon=21.0)


def three_sources():
    a = make_report(
        "Shells hit Velmora overnight. At least 40 people were killed, the mayor said.",
        figures=[Fig("At least 40 people were killed", value=40, qualifier="at_least", attributed_to="the mayor")],
        date="2031-05-05/2031-05-06",
        place=TOWN,
        publisher="Example Wire",
    )
    b = make_report(
        "The bombardment of Velmora killed 95 civilians and 30 children, the ministry announced.",
        figures=[
            Fig("killed 95 civilians", value=95),
            Fig("30 children", value=30, subgroup="children", part_of="f1"),
        ],
        date="2031-05",
        place=Where("Velmora", country="ZZ"),  # resolved by name only
        publisher="State Daily",
        genre="analysis_opinion",
        sponsorship="the ministry announced",
    )
    c = make_report(
        "Residents of Velmora buried 52 people killed in the shelling on 6 May.",
        figures=[Fig("52 people killed", value=52)],
        date="2031-05-06",
        place=TOWN,
        publisher="Rights Watchers",
        genre="report",
    )
    far = make_report(
        "Dunmere saw 3 people killed by a car bomb.",
        figures=[Fig("3 people killed", value=3)],
        date="2031-05-06",
        place=OTHER,
        publisher="Example Wire",
    )
    return a, b, c, far


def put_all(store, reports):
    for report, raw in reports:
        store.put(report, raw)
    store.refresh_incidents()


def test_sources_on_one_incident_line_up(store):
    a, b, c, far = three_sources()
    put_all(store, [a, b, c, far])
    views = list(store.incidents())
    assert len(views) == 2
    velmora = next(v for v in views if v.incident.place == "Velmora")
    assert set(velmora.incident.documents) == {a[0].document.id, b[0].document.id, c[0].document.id}
    est = velmora.estimates["killed"]
    assert (est.low, est.high) == (40, 95)
    assert est.best == 52  # median of 40, 52, 95
    assert est.independent_sources == 3
    assert [f.category for f in velmora.flags] == ["killed"]  # 95 / 40 > 1.5
    claim = next(c for c in velmora.to_dict()["claims"] if c["value"] == 95)
    assert claim["publisher"] == "State Daily" and claim["sponsored"] is True and claim["genre"] == "analysis_opinion"
    assert claim["quote"] == "killed 95 civilians"
    assert velmora.incident.lat == 10.5 and velmora.incident.geo_precision == 1
    assert velmora.incident.date == "2031-05-06"


def test_filters_by_place_and_date(store):
    put_all(store, three_sources())
    assert {v.incident.place for v in store.incidents(place="velmora")} == {"Velmora"}
    assert len(list(store.incidents(place="Upper Province"))) == 2
    assert len(list(store.incidents(place="ZZ"))) == 2
    assert len(list(store.incidents(date_from="2031-05-06", date_to="2031-05"))) == 2
    assert list(store.incidents(date_to="2031-04")) == []
    assert list(store.incidents(date_from="2031-05-07")) == []


def test_incident_by_prefix_and_not_found(store):
    put_all(store, three_sources())
    some = next(iter(store.incidents()))
    assert store.incident(some.incident.id[:6]).incident.id == some.incident.id
    with pytest.raises(NotFound):
        store.incident("Izzzzzzzz")


def test_ids_are_stable_as_documents_arrive(store):
    a, b, c, far = three_sources()
    put_all(store, [a])
    first = next(iter(store.incidents())).incident.id
    put_all(store, [b, c, far])
    assert store.incident(first).incident.documents[0] == a[0].document.id


def test_merge_and_split_survive_reingest(store):
    a, b, c, far = three_sources()
    put_all(store, [a, b, c, far])
    velmora = next(v for v in store.incidents() if v.incident.place == "Velmora").incident.id
    dunmere = next(v for v in store.incidents() if v.incident.place == "Dunmere").incident.id
    merged = store.merge([velmora, dunmere], note="same offensive")
    assert len(list(store.incidents())) == 1
    assert len(store.incident(merged).incident.documents) == 4
    # re-ingest with a new pipeline version: the merge still holds
    for report, raw in (a, b, c, far):
        store.put(type(report)(**{**{f: getattr(report, f) for f in report.__slots__}, "pipeline": "9.9"}), raw)
    store.refresh_incidents(everything=True)
    assert len(list(store.incidents())) == 1
    # split the sponsored source out, then re-ingest again
    alone = store.split(merged, [b[0].document.id[:10]], note="different night")
    assert store.incident(alone).incident.documents == (b[0].document.id,)
    for report, raw in (a, b, c, far):
        store.put(report, raw)
    store.refresh_incidents(everything=True)
    views = list(store.incidents())
    assert len(views) == 2
    assert sorted(len(v.incident.documents) for v in views) == [1, 3]
    assert [d.kind for d in store.decisions()] == ["merge", "split"]
    assert "split off by a user" in store.incident(alone).incident.reason


def test_bad_decisions_are_refused(store):
    put_all(store, three_sources())
    some = next(v for v in store.incidents() if v.incident.place == "Velmora")
    with pytest.raises(UsageError):
        store.merge([some.incident.id, some.incident.id])
    with pytest.raises(UsageError):
        store.split(some.incident.id, list(some.incident.documents))
    with pytest.raises(NotFound):
        store.split(some.incident.id, ["ffffffffffff"])


def test_a_crash_before_regrouping_is_repaired_on_next_read(store):
    a, b, _, _ = three_sources()
    for report, raw in (a, b):
        store.put(report, raw)  # no refresh: as if killed right after the documents committed
    views = list(store.incidents())  # a read regroups the dirty partitions first
    assert len(views) == 1 and len(views[0].incident.documents) == 2


def test_decisions_follow_events_renumbered_by_a_newer_pipeline(store):
    import dataclasses

    a, b, c, far = three_sources()
    put_all(store, [a, b, c, far])
    velmora = next(v for v in store.incidents() if v.incident.place == "Velmora").incident.id
    dunmere = next(v for v in store.incidents() if v.incident.place == "Dunmere").incident.id
    store.merge([velmora, dunmere])
    # a newer pipeline finds the same event but numbers it e7
    report, raw = far
    event = dataclasses.replace(report.events[0], id="e7")
    figures = tuple(dataclasses.replace(f, event="e7") for f in report.figures)
    store.put(dataclasses.replace(report, events=(event,), figures=figures, pipeline="9.9"), raw)
    store.refresh_incidents()
    (only,) = list(store.incidents())
    assert f"{report.document.id}:e7" in only.incident.members
