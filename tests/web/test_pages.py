"""The HTML pages over a ledger of hand-built reports."""

from __future__ import annotations

import re

import pytest

from sourcewise.store import open_store
from tests.web import builders
from tests.web.conftest import make_client


def test_home_lists_recent_documents_and_incidents_by_place(client, web_ledger):
    _, ids = web_ledger
    r = client.get("/")
    assert r.status_code == 200
    for doc_id in ids.values():
        assert f"/documents/{doc_id}" in r.text
    assert "ZZ" in r.text and "Velmora" in r.text  # grouped under the country, then the place
    assert re.search(r'href="/incidents/I[0-9a-f]+"', r.text)
    assert 'action="/search"' in r.text and 'href="/analyze"' in r.text


def test_document_page_highlights_every_kind_and_explains_it(client, web_ledger):
    _, ids = web_ledger
    r = client.get(f"/documents/{ids['Plain Review']}")
    assert r.status_code == 200
    page = r.text
    for kind in ("figure", "date", "place", "technique", "sponsorship", "act"):
        assert f'class="hl hl-{kind}"' in page, kind
    # the card of the 40 women is part of the 212
    card = page[page.index('id="card-f2"') :]
    card = card[: card.index("</article>")]
    assert "women" in card and 'data-select="f1"' in card and "40 women" in card
    # the side panel: genre and cues, the disclosure, the registry entry, unattributed share, checks, techniques
    side = page[page.index('class="doc-side"') :]
    assert "analysis opinion" in side and "label ANALYSIS in title" in side
    assert "prepared with support from the Plain Heritage Fund" in side
    assert "Plain Heritage Fund" in side and "state grants" in side and "test registry" in side
    assert "100%" in side and "2 of 2" in side
    assert "a subgroup exceeds its total (test)" in side and 'class="fail"' in side
    assert "loaded language <strong>×1</strong>" in side
    assert "&#39;barbaric&#39; is an evaluative term" in page
    assert "/incidents/I" in side


def test_attributed_document_shows_its_sources(client, web_ledger):
    _, ids = web_ledger
    page = client.get(f"/documents/{ids['Testwire']}").text
    assert 'class="hl hl-attribution"' in page
    assert "regional health office" in page
    assert "0%" in page and "0 of 3" in page
    assert 'href="https://testwire.example/velmora-market" rel="noopener noreferrer nofollow"' in page


def test_incident_page_lines_up_every_source(client, web_ledger):
    _, ids = web_ledger
    with open_store(web_ledger[0]) as store:
        [view] = [v for v in store.incidents(place="Velmora") if len(v.incident.documents) >= 3]
    r = client.get(f"/incidents/{view.incident.id}")
    assert r.status_code == 200
    page = r.text
    table = page[page.index('id="claims"') : page.index("</table>", page.index('id="claims"'))]
    rows = table.count("<tr data-document=")
    assert rows == len(view.claims)
    for publisher in ("Testwire", "Plain Review", "Field Monitors"):
        assert publisher in table
    assert f'href="/documents/{ids["Testwire"]}#q-f1"' in table  # the quote links to its anchor
    assert "≥ 41" in table and "30–60" in table and "regional health office" in table
    assert '<span class="tag tag-warn">yes</span>' in table  # the sponsored source
    # the chart: a band, a best line, a dot per claim; the timeline: one dot per dated document
    assert page.count('<rect class="band"') >= 1 and '<line class="best"' in page
    assert page.count('class="pt pt-') >= len(view.claims) + 3
    assert "2031-06-01" in page and 'class="incident-band"' in page
    assert "sources range from" in page  # 41 vs 212: flagged


def test_incident_prefix_and_unknown(client, web_ledger):
    with open_store(web_ledger[0]) as store:
        inc = next(iter(store.incidents())).incident.id
    assert client.get(f"/incidents/{inc[:6]}").status_code == 200
    r = client.get("/incidents/Izzzzzzz")
    assert r.status_code == 404 and "SW204" in r.text


def test_incidents_filters(client):
    assert "Velmora" in client.get("/incidents?place=velmora&from=2031-05&to=2031-05-31").text
    assert "No incidents match" in client.get("/incidents?place=nowhere").text
    r = client.get("/incidents?from=yesterday")
    assert r.status_code == 400 and "SW505" in r.text


def test_search_snippets_mark_words_and_escape_the_rest(client, web_ledger):
    _, ids = web_ledger
    r = client.get("/search", params={"q": "covered market"})
    assert r.status_code == 200
    assert f"/documents/{ids['Testwire']}" in r.text
    assert "<mark>covered</mark>" in r.text
    hostile = client.get("/search", params={"q": "pwned"}).text
    assert "<script>window" not in hostile and "&lt;script&gt;" in hostile


def test_documents_listing_pages(client):
    r = client.get("/documents")
    assert r.status_code == 200 and "page 1 of 1" in r.text
    assert client.get("/documents?page=0").status_code == 400


def test_unknown_document_is_404(client):
    r = client.get("/documents/" + "0" * 64)
    assert r.status_code == 404 and "SW204" in r.text


@pytest.fixture(scope="module")
def analyze_client(tmp_path_factory, analyzer):
    db = str(tmp_path_factory.mktemp("analyze") / "a.db")
    with make_client(db, analyzer=analyzer, max_upload_bytes=50_000) as c:
        yield c, db


TEXT = "Gunmen attacked the village of Orlen on Sunday, killing 14 people, including three children."


def test_paste_without_store_shows_the_report_and_stores_nothing(analyze_client):
    c, db = analyze_client
    r = c.post("/analyze", data={"text": TEXT.replace(" ", " ", 1), "title": "Orlen attack"})
    assert r.status_code == 200
    assert "Analysed, not stored" in r.text
    assert 'class="hl hl-figure"' in r.text and "14 people" in r.text
    with open_store(db) as store:
        assert store.stats().documents == 0


def test_paste_with_store_redirects_to_the_stored_document(analyze_client):
    c, db = analyze_client
    r = c.post(
        "/analyze",
        data={"text": TEXT.replace(" ", "\r\n", 1), "store": "1", "publisher": "Orlen Post"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    doc_id = r.headers["location"].split("/documents/")[1].split("?")[0]
    with open_store(db) as store:
        doc = store.get_document(doc_id)
    assert doc is not None and doc.publisher == "Orlen Post" and "\r" not in doc.text
    page = c.get(r.headers["location"])
    assert "Stored in the ledger (new)" in page.text


def test_upload_a_file(analyze_client):
    c, _ = analyze_client
    r = c.post("/analyze", files={"file": ("orlen.txt", TEXT.encode(), "text/plain")})
    assert r.status_code == 200 and "14 people" in r.text


def test_upload_errors_are_one_line_with_a_code(analyze_client):
    c, _ = analyze_client
    r = c.post("/analyze", files={"file": ("x.pdf", b"%PDF-1.4 binary", "application/pdf")})
    assert r.status_code == 400 and "SW107" in r.text
    r = c.post("/analyze", files={"file": ("x.txt", b"\x00\x01\x02", "text/plain")})
    assert r.status_code == 400 and "SW102" in r.text
    r = c.post("/analyze", data={"text": "   "})
    assert r.status_code == 400 and "SW103" in r.text


def test_upload_over_the_limit_is_413(analyze_client):
    c, _ = analyze_client
    r = c.post("/analyze", files={"file": ("big.txt", b"a" * 60_000, "text/plain")})
    assert r.status_code == 413


def test_storing_needs_the_token_when_the_server_has_one(tmp_path, analyzer):
    db = str(tmp_path / "t.db")
    with make_client(db, analyzer=analyzer, token="s3cret") as c:
        r = c.post("/analyze", data={"text": TEXT, "store": "1"})
        assert r.status_code == 401 and "SW506" in r.text
        assert 'name="token"' in c.get("/analyze").text
        r = c.post("/analyze", data={"text": TEXT, "store": "1", "token": "s3cret"}, follow_redirects=False)
        assert r.status_code == 303
        assert c.post("/analyze", data={"text": TEXT}).status_code == 200  # analysing alone needs no token


def test_hostile_article_is_escaped_everywhere(client, web_ledger):
    _, ids = web_ledger
    doc_id = next(v for k, v in ids.items() if "svg" in k)
    pages = [client.get(f"/documents/{doc_id}").text, client.get("/").text, client.get("/documents").text]
    with open_store(web_ledger[0]) as store:
        inc = store.incidents_of(doc_id)[0].incident.id
    pages.append(client.get(f"/incidents/{inc}").text)
    for page in pages:
        assert "<script>window" not in page and "<script>document" not in page
        assert "<img src=x" not in page and "<svg onload" not in page and "<iframe" not in page
        assert 'href="javascript:' not in page.lower()
        assert "onerror=" not in page.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert "{{ 7*7 }}" in pages[0]
    assert "&lt;script&gt;window.__pwned=&#39;script&#39;&lt;/script&gt;" in pages[0]


def test_a_reanalysed_report_is_never_served_from_the_cache(fresh_db):
    import dataclasses

    report, raw = builders.ngo_report()
    from tests.web.conftest import fill

    fill(fresh_db, [(report, raw)])
    with make_client(fresh_db) as c:
        url = f"/documents/{report.document.id}"
        assert "30–60" in c.get(url).text
        assert len(c.app.state.page_cache) >= 1
        f = dataclasses.replace(report.figures[0], low=35, high=65)
        with open_store(fresh_db) as store:
            assert store.put(dataclasses.replace(report, figures=(f,)), raw) == "updated"
        page = c.get(url).text
        assert "35–65" in page and "30–60" not in page


def test_the_incidents_panel_follows_writes_from_elsewhere_and_from_the_server(fresh_db):
    import dataclasses

    from tests.web.conftest import fill

    wire, ngo = builders.wire_story(), builders.ngo_report()
    fill(fresh_db, [wire])
    with make_client(fresh_db) as c:
        url = f"/documents/{wire[0].document.id}"

        def panel() -> str:
            page = c.get(url).text
            return page[page.index("<h2>Incidents</h2>") :]

        assert "1 source<" in panel()
        fill(fresh_db, [ngo])  # another process ingests a second source of the same incident
        assert "2 sources" in panel()
        # the server's own write: split the new source out again, through the API
        [inc] = c.get(f"/api/documents/{wire[0].document.id}/incidents").json()
        r = c.post(f"/api/incidents/{inc['id']}/split", json={"members": [ngo[0].document.id]})
        assert r.status_code == 200
        assert "1 source<" in panel()
        # and a re-analysis elsewhere changes the estimates shown
        f = dataclasses.replace(wire[0].figures[0], value=44)
        with open_store(fresh_db) as store:
            store.put(dataclasses.replace(wire[0], figures=(f, *wire[0].figures[1:])), wire[1])
        assert "44" in panel()
