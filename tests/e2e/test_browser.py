"""The web UI in a real browser: click a figure, compare sources, paste an article, and survive a hostile one."""

from __future__ import annotations

import json
import re
import urllib.request

import pytest

from sourcewise.store import open_store

pytestmark = pytest.mark.e2e


def api(server, path: str):
    with urllib.request.urlopen(server.url + path, timeout=30) as r:
        return json.loads(r.read())


def only_loopback(page, server) -> list[str]:
    """Requests that left this server (there must be none: no CDN, no fetch of an article's URL)."""
    return [u for u in page.requests if not u.startswith((server.url + "/", "data:", "about:"))]


def test_seed_article_click_613_shows_its_record(page, corpus_server, corpus_screenshots):
    [seed] = [d for d in api(corpus_server, "/api/documents?limit=100") if "00-newsaz-khojaly" in d["source"]]
    page.goto(f"{corpus_server.url}/documents/{seed['id']}")
    mark = page.locator("mark.hl-figure[id^='q-']").filter(has_text=re.compile(r"^613\b")).first
    ref = mark.get_attribute("data-ref")
    mark.click()
    detail = page.locator("#detail")
    detail.locator(".card").wait_for()
    fields = dict(zip(detail.locator("dt").all_inner_texts(), detail.locator("dd").all_inner_texts(), strict=True))
    assert fields["category"] == "killed" and fields["number"] == "613"
    quote = detail.locator("blockquote.quote").inner_text()
    assert "613" in quote and quote == mark.inner_text()  # the quote is the highlighted text itself
    assert page.locator(f"mark.is-active[data-ref='{ref}']").count() >= 1
    # its subgroups are parts of it: the 63 children's card links back to the 613
    children = page.locator("mark.hl-figure[id^='q-']").filter(has_text=re.compile(r"^63 children")).first
    children.click()
    assert detail.locator(f"a[data-select='{ref}']").count() == 1
    mark.click()
    assert only_loopback(page, corpus_server) == [] and page.console_errors == []
    page.screenshot(path=str(corpus_screenshots / "seed-document.png"))


def test_khojaly_incident_lines_up_sources(page, corpus_server, corpus_screenshots):
    incidents = api(corpus_server, "/api/incidents?place=Khojaly&limit=50")
    khojaly = max(incidents, key=lambda i: len(i["documents"]))
    assert len(khojaly["documents"]) >= 4
    page.goto(f"{corpus_server.url}/incidents/{khojaly['id']}")
    rows = page.locator("#claims tbody tr")
    assert rows.count() == len(khojaly["claims"])
    linked = {
        h.split("/documents/")[1].split("#")[0]
        for h in page.locator("#claims td:first-child a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    }
    assert linked == set(khojaly["documents"])
    assert page.locator("#claims").get_by_text("613", exact=True).count() >= 1
    assert page.locator("figure.chart svg").count() >= 2  # a chart per category and the timeline
    page.screenshot(path=str(corpus_screenshots / "khojaly-incident.png"), full_page=True)


def test_incident_table_chart_and_quote_links(page, velmora_server):
    with open_store(velmora_server.db) as store:
        [view] = [v for v in store.incidents(place="Velmora") if len(v.incident.documents) >= 3]
    page.goto(f"{velmora_server.url}/incidents/{view.incident.id}")
    assert page.locator("#claims tbody tr").count() == len(view.claims)
    header = page.locator("#claims thead th").all_inner_texts()
    assert header[:3] == ["publisher", "genre", "sponsored"] and "attributed to" in header and "quote" in header
    assert page.locator("svg rect.band").count() >= 1 and page.locator("svg circle.pt").count() >= len(view.claims)
    # a quote leads to its sentence in the document, selected
    page.locator("#claims td.quote-cell a").filter(has_text="Between 30 and 60").click()
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}#q-f1$"))
    page.locator("#detail .card").wait_for()
    assert "Between 30 and 60 civilians were killed" in page.locator("#detail blockquote").inner_text()
    assert page.locator("mark.is-active").count() >= 1
    assert only_loopback(page, velmora_server) == []


def test_paste_form_analyses_and_stores_only_when_asked(page, velmora_server, screenshots):
    text = "Militiamen raided the hamlet of Tosk on Tuesday and killed 27 villagers, among them 5 women, elders said."
    page.goto(f"{velmora_server.url}/analyze")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=publisher]", "Tosk Courier")
    page.click("button[type=submit]")
    page.get_by_text("Analysed, not stored").wait_for()
    figure = page.locator("mark.hl-figure[id^='q-']").filter(has_text=re.compile(r"27")).first
    figure.click()
    assert "27" in page.locator("#detail blockquote").inner_text()
    page.screenshot(path=str(screenshots / "analyze-result.png"))
    with open_store(velmora_server.db) as store:
        assert not any(d.publisher == "Tosk Courier" for d in store.documents(limit=100))
    page.goto(f"{velmora_server.url}/analyze")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=publisher]", "Tosk Courier")
    page.check("input[name=store]")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/documents/[0-9a-f]{64}\?stored=new$"))
    assert page.get_by_text("Stored in the ledger (new)").is_visible()
    with open_store(velmora_server.db) as store:
        assert any(d.publisher == "Tosk Courier" for d in store.documents(limit=100))


PWNED = "() => [window.__pwned, document.title, getComputedStyle(document.body).display]"


def test_the_probe_detects_a_script_that_runs(page):
    """The hostile-article test is only worth something if its probe sees a payload that does run."""
    page.set_content("<title>ok</title><script>window.__pwned='control'; document.title='pwned-title'</script>")
    assert page.evaluate(PWNED)[:2] == ["control", "pwned-title"]


def test_hostile_article_runs_nothing(page, hostile_server):
    from tests.web.builders import HOSTILE_TEXT, HOSTILE_TITLE

    doc_id = next(v for k, v in hostile_server.ids.items() if "svg" in k)
    with open_store(hostile_server.db) as store:
        incident = store.incidents_of(doc_id)[0].incident.id
    paths = [f"/documents/{doc_id}", "/", "/documents", "/search?q=pwned", f"/incidents/{incident}", "/incidents"]
    for path in paths:
        page.goto(hostile_server.url + path)
        for mark in page.locator("mark.hl").all()[:20]:
            mark.click()  # clones record cards (with hostile fields) into the side panel
            mark.hover()
        for link in page.get_by_text("mayor").filter(visible=True).all():
            link.hover()
        pwned, title, display = page.evaluate(PWNED)
        # the payloads set window.__pwned, or the title to exactly 'pwned-title' (shown as text, it is longer)
        assert pwned is None and title != "pwned-title" and display != "none", path
        assert page.locator("a[href^='javascript:' i], iframe, img, [onerror], [onload]").count() == 0, path
    assert page.dialogs == []
    page.goto(f"{hostile_server.url}/documents/{doc_id}")
    assert page.title() == HOSTILE_TITLE + " · sourcewise"  # the title, as text
    assert page.locator("#article").inner_text().startswith("Shelling report")
    assert "<script>window.__pwned='script'</script>" in page.locator("#article").inner_text()
    # the same text through the real pipeline, pasted into the form
    page.goto(f"{hostile_server.url}/analyze")
    page.fill("textarea[name=text]", HOSTILE_TEXT)
    page.fill("input[name=title]", "<img src=x onerror=\"window.__pwned='form'\">")
    page.fill("input[name=url]", "javascript:window.__pwned='form-url'")
    page.click("button[type=submit]")
    page.get_by_text("Analysed, not stored").wait_for()
    for mark in page.locator("mark.hl").all()[:20]:
        mark.click()
    pwned, title, _ = page.evaluate(PWNED)
    assert pwned is None and title != "pwned-title"
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert only_loopback(page, hostile_server) == []


def test_api_docs_work_offline(page, velmora_server, screenshots):
    page.goto(f"{velmora_server.url}/docs")
    page.locator(".swagger-ui .opblock").first.wait_for()
    assert page.locator(".swagger-ui .opblock").count() >= 12
    assert only_loopback(page, velmora_server) == []
    page.screenshot(path=str(screenshots / "api-docs.png"))


def test_home_page(page, velmora_server):
    page.goto(velmora_server.url + "/")
    assert page.get_by_role("heading", name="Incidents by place and date").is_visible()
    assert page.locator("a[href^='/incidents/I']").count() >= 1
    assert page.locator("a[href^='/documents/']").count() >= 3


def test_examples_ledger_home_search_and_a_sponsored_piece(page, examples_server, screenshots):
    """The demo's invented articles, analysed by the real pipeline: the README's screenshots."""
    page.goto(examples_server.url + "/")
    assert page.locator("ul.plain a[href^='/documents/']").count() == 5
    page.screenshot(path=str(screenshots / "home.png"))
    page.fill(".bigsearch input[name=q]", "Darvel")
    page.click(".bigsearch button")
    assert page.locator("ol.hits li").count() >= 4 and page.locator(".snippet mark").count() >= 4
    page.screenshot(path=str(screenshots / "search.png"))
    [sponsored] = [d for d in api(examples_server, "/api/documents") if "02-sponsored" in d["source"]]
    page.goto(f"{examples_server.url}/documents/{sponsored['id']}")
    assert page.locator("mark.hl-sponsorship").count() >= 1  # the disclosure, highlighted
    first_figure = page.locator("mark.hl-figure[id^='q-']").first
    first_figure.click()
    assert page.locator("#detail dt").first.inner_text() == "category"
    page.screenshot(path=str(screenshots / "document.png"))
    assert only_loopback(page, examples_server) == [] and page.console_errors == []
    incidents = api(examples_server, "/api/incidents")
    if incidents:  # once the pipeline groups the examples' events (the README's incident screenshot)
        darvel = max(incidents, key=lambda i: len(i["documents"]))
        page.goto(f"{examples_server.url}/incidents/{darvel['id']}")
        assert page.locator("#claims tbody tr").count() == max(1, len(darvel["claims"]))
        page.screenshot(path=str(screenshots / "incident.png"), full_page=True)
