"""The JSON API: the CLI's verbs over HTTP, with the same records and error codes."""

from __future__ import annotations

import json

import pytest

from sourcewise.records import Report, offset_errors
from sourcewise.store import open_store
from tests.web import builders
from tests.web.conftest import make_client


def test_documents_and_reports(client, web_ledger):
    _, ids = web_ledger
    listed = client.get("/api/documents", params={"limit": 10}).json()
    assert {d["id"] for d in listed} == set(ids.values())
    assert listed[0]["ingested_at"] and isinstance(listed[0]["sponsored"], bool)
    assert len(client.get("/api/documents", params={"limit": 1, "offset": 1}).json()) == 1
    report = client.get(f"/api/documents/{ids['Plain Review']}").json()
    assert report["schema"] == "sourcewise.report/1"
    parsed = Report.from_dict(report)
    assert offset_errors(parsed) == []
    assert parsed.framing.outlet is not None and parsed.framing.outlet.owner == "Plain Heritage Fund"
    assert client.get("/api/documents/" + "f" * 64).json()["error"]["code"] == "SW204"


def test_incidents(client, web_ledger):
    _, ids = web_ledger
    incidents = client.get("/api/incidents", params={"place": "Velmora"}).json()
    big = next(i for i in incidents if len(i["documents"]) >= 3)
    assert {c["publisher"] for c in big["claims"]} >= {"Testwire", "Plain Review", "Field Monitors"}
    assert big["estimates"]["killed"]["low"] <= 41 and big["estimates"]["killed"]["high"] >= 212
    one = client.get(f"/api/incidents/{big['id'][:6]}").json()
    assert one["id"] == big["id"]
    of_doc = client.get(f"/api/documents/{ids['Testwire']}/incidents").json()
    assert [i["id"] for i in of_doc] == [big["id"]]
    r = client.get("/api/incidents/Inope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "SW204"
    assert client.get("/api/incidents", params={"from": "May"}).status_code == 422


def test_search_stats_export(client, web_ledger):
    hits = client.get("/api/search", params={"q": '"covered market"'}).json()
    assert len(hits) == 1 and "\u27e6" in hits[0]["snippet"]
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 4 and stats["backend"] == "sqlite"
    csv = client.get("/api/export", params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and "incident_id" in csv.text
    lines = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    assert all(json.loads(line)["id"].startswith("I") for line in lines)
    geo = client.get("/api/export", params={"format": "geojson"}).json()
    assert geo["type"] == "FeatureCollection" and geo["features"]


def test_analyze_stores_nothing_and_ingest_stores(tmp_path, analyzer):
    db = str(tmp_path / "api.db")
    text = "Raiders abducted 23 passengers from a bus near Kesh on Monday, police said."
    with make_client(db, analyzer=analyzer) as c:
        r = c.post("/api/analyze", json={"text": text, "publisher": "Kesh Daily", "url": "https://kesh.example/a"})
        assert r.status_code == 200
        report = Report.from_dict(r.json())
        assert offset_errors(report) == []
        assert report.document.publisher == "Kesh Daily" and report.document.url == "https://kesh.example/a"
        assert any(f.category == "hostage" and f.value == 23 for f in report.figures)
        assert c.get("/api/stats").json()["documents"] == 0
        r = c.post("/api/documents", json={"text": text})
        assert r.status_code == 201 and r.json()["outcome"] == "new"
        assert c.post("/api/documents", json={"text": text}).json()["outcome"] == "unchanged"
        assert c.get("/api/stats").json()["documents"] == 1
        assert c.post("/api/analyze", json={"text": "  \n "}).status_code == 422  # the schema says why
        assert c.post("/api/analyze", json={"text": "a\x00b"}).status_code == 422
        # text is text: no binary-format sniffing of what was pasted
        assert c.post("/api/analyze", json={"text": "GIF89 was the year of the format."}).status_code == 200
        assert c.post("/api/analyze", json={"text": text, "extra": 1}).status_code == 422


def test_writes_need_the_token(tmp_path):
    db = str(tmp_path / "tok.db")
    from tests.web.conftest import fill

    fill(db, builders.all_reports())
    with open_store(db) as store:
        incidents = [v.incident.id for v in store.incidents()]
    with make_client(db, token="tok-123") as c:
        body = {"text": "x"}
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic tok-123"}):
            r = c.post("/api/documents", json=body, headers=headers)
            assert r.status_code == 401 and r.json()["error"]["code"] == "SW506"
            assert r.headers["www-authenticate"] == "Bearer"
        if len(incidents) >= 2:
            r = c.post("/api/incidents/merge", json={"ids": incidents[:2]})
            assert r.status_code == 401
            ok = c.post(
                "/api/incidents/merge", json={"ids": incidents[:2]}, headers={"Authorization": "Bearer tok-123"}
            )
            assert ok.status_code == 200 and ok.json()["incident"].startswith("I")


def test_merge_and_split(tmp_path):
    from tests.web.conftest import fill

    db = str(tmp_path / "ms.db")
    ids = fill(db, builders.all_reports())
    with make_client(db) as c:
        [inc] = [i for i in c.get("/api/incidents").json() if len(i["documents"]) == 3]
        r = c.post(f"/api/incidents/{inc['id']}/split", json={"members": [ids["Field Monitors"][:10]], "note": "t"})
        assert r.status_code == 200
        new = r.json()["incident"]
        assert new != inc["id"]
        r = c.post("/api/incidents/merge", json={"ids": [inc["id"], new]})
        assert r.status_code == 200
        assert len(c.get(f"/api/incidents/{r.json()['incident']}").json()["documents"]) == 3
        bad = c.post("/api/incidents/merge", json={"ids": [inc["id"], inc["id"]]})
        assert bad.status_code == 409 and bad.json()["error"]["code"] == "SW403"


def test_openapi_is_complete(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    expected = {
        ("post", "/api/analyze"),
        ("get", "/api/documents"),
        ("post", "/api/documents"),
        ("get", "/api/documents/{document_id}"),
        ("get", "/api/documents/{document_id}/incidents"),
        ("get", "/api/incidents"),
        ("get", "/api/incidents/{incident_id}"),
        ("post", "/api/incidents/merge"),
        ("post", "/api/incidents/{incident_id}/split"),
        ("get", "/api/search"),
        ("get", "/api/stats"),
        ("get", "/api/export"),
    }
    assert {(m, p) for p, ms in paths.items() for m in ms} == expected
    for _, ops in paths.items():
        for op in ops.values():
            assert op.get("summary") and op.get("description"), op
            assert "200" in op["responses"] or "201" in op["responses"]
    assert {"ReportModel", "IncidentModel", "ErrorModel"} <= set(spec["components"]["schemas"])
    # without a token writes are open, and the schema says so; with one, it declares the bearer token
    assert "security" not in paths["/api/documents"]["post"] and "securitySchemes" not in spec["components"]


def test_openapi_declares_the_token_when_there_is_one(web_ledger):
    with make_client(web_ledger[0], token="x") as c:
        spec = c.get("/openapi.json").json()
    assert "HTTPBearer" in spec["components"]["securitySchemes"]
    for path, method in (("/api/documents", "post"), ("/api/incidents/merge", "post")):
        assert spec["paths"][path][method]["security"] == [{"HTTPBearer": []}]
        assert "401" in spec["paths"][path][method]["responses"]
    assert "security" not in spec["paths"]["/api/analyze"]["post"]


@pytest.mark.parametrize("path", ["/docs", "/openapi.json"])
def test_docs_are_served_locally(client, path):
    r = client.get(path)
    assert r.status_code == 200
    if path == "/docs":
        assert "/vendor/swagger/swagger-ui-bundle.js" in r.text
        assert "https://" not in r.text and "http://" not in r.text and "cdn" not in r.text.lower()
        assert client.get("/vendor/swagger/swagger-ui-bundle.js").status_code == 200
        assert client.get("/static/docs.js").status_code == 200
