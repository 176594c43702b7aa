"""Hostile requests: SQL injection in search and filters, path traversal, oversized uploads, writes without the token.

tests/web covers the API's contract in process (schemathesis, the body limit, the token on two endpoints) and
tests/e2e checks in Chromium that hostile article text, titles and metadata run nothing. Here injection strings go
to every query parameter and path that reaches SQL, and the rest is sent to the real server (``sourcewise serve``
over a socket, as a browser or an attacker would): raw, unnormalised traversal paths, bodies over the limit with
and without a length, and every write endpoint without the token.
"""

from __future__ import annotations

import http.client
import json
import sqlite3
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.reliability.conftest import LiveServer, ledger_integrity
from tests.web import builders
from tests.web.conftest import fill, make_client

INJECTIONS = [
    "' OR '1'='1",
    "zzqx' OR 1=1 --",
    '"; DROP TABLE documents; --',
    "1' UNION SELECT sql, 1, 1, 1, 1 FROM sqlite_master --",
    "%' AND 1=1 AND '%'='",
    "'; ATTACH DATABASE '/tmp/pwned.db' AS pwned; --",
    "zzqx'); DELETE FROM reports; --",
    "x' AND (SELECT count(*) FROM documents) > 0 AND 'a'='a",
    "2031-05-14' OR '1'='1",
    "*",
    '"',
    "NEAR(",
    "a OR",
    "title:zzqx",
    "^",
    "(",
    "\\",
    "%",
    "_",
    "x\x00y",
    "\u202e",
    "a" * 500,
]


def _tables(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("hostile") / "ledger.db"
    fill(str(db), [*builders.all_reports(), builders.hostile_article()])
    return db


def test_sql_injection_in_search_filters_and_ids_is_only_text(ledger, figures):
    before = _tables(ledger)
    sent = 0
    with make_client(str(ledger)) as c:
        for payload in INJECTIONS:
            queries = [
                ("/api/search", {"q": payload}),
                ("/search", {"q": payload}),
                ("/api/incidents", {"place": payload}),
                ("/incidents", {"place": payload}),
                ("/api/incidents", {"from": payload}),
                ("/api/incidents", {"to": payload}),
                ("/incidents", {"from": payload, "to": payload}),
                ("/api/documents", {"limit": payload}),
                ("/api/export", {"format": payload}),
            ]
            for path, params in queries:
                r = c.get(path, params=params)
                sent += 1
                assert r.status_code in (200, 400, 404, 422), (path, params, r.status_code, r.text[:300])
                if path == "/api/incidents" and r.status_code == 200 and "zzqx" in payload:
                    assert r.json() == [], (params, "an injected condition widened the filter")
                if path == "/api/search" and r.status_code == 200 and "zzqx" in payload:
                    assert r.json() == [], (params, "an injected condition widened the search")
            for path in ("/api/documents/", "/documents/", "/api/incidents/", "/incidents/"):
                r = c.get(path + quote(payload, safe=""))
                sent += 1
                assert r.status_code in (400, 404, 422), (path, payload, r.status_code, r.text[:300])
    assert _tables(ledger) == before  # nothing dropped, deleted or attached
    assert not Path("/tmp/pwned.db").exists()
    ledger_integrity(ledger)
    figures["hostile requests sent"] += sent


TRAVERSALS = [
    "/static/../../../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%252e%252e/%252e%252e/etc/passwd",
    "/static/....//....//....//etc/passwd",
    "/static/..%5c..%5c..%5c..%5cetc%5cpasswd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/../app.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e/app.py",
    "/static/../../sourcewise/web/app.py",
    "/vendor/swagger/../../../../../../etc/passwd",
    "/vendor/swagger/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/vendor/swagger/../__init__.py",
    "/static/sw.css%00.py",
    "/documents/../../../../etc/passwd",
    "/../../../../etc/passwd",
]


@pytest.fixture(scope="module")
def server(ledger, tmp_path_factory):
    log = tmp_path_factory.mktemp("server") / "server.log"
    live = LiveServer(ledger, "--token", "s3cret-token", "--max-upload-bytes", "100000", log=log)
    yield live
    stderr = live.stop()
    assert "Traceback" not in stderr, stderr[-3000:]


def _raw(server: LiveServer, method: str, target: str, body: bytes | None = None, headers=None):
    """A request sent as written: http.client does not normalise ``..`` or percent-escapes in the target."""
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None and "Transfer-Encoding" not in (headers or {}):
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def test_path_traversal_serves_no_file(server, figures):
    assert _raw(server, "GET", "/static/sw.css")[0] == 200  # the route itself works
    for target in TRAVERSALS:
        status, body = _raw(server, "GET", target)
        assert status in (400, 404), (target, status, body[:200])
        assert b"root:" not in body and b"import " not in body and b"def " not in body, target
    figures["hostile requests sent"] += len(TRAVERSALS)


def _chunked(data: bytes, size: int = 8192) -> bytes:
    parts = [b"%x\r\n%s\r\n" % (len(data[i : i + size]), data[i : i + size]) for i in range(0, len(data), size)]
    return b"".join(parts) + b"0\r\n\r\n"


def test_uploads_over_the_limit_are_413(server, ledger, figures):
    before = _tables(ledger)
    big = json.dumps({"text": "word " * 40_000}).encode()  # 200 kB, over the 100 kB limit
    json_h = {"Content-Type": "application/json"}
    assert _raw(server, "POST", "/api/analyze", big, json_h)[0] == 413
    chunked = {**json_h, "Transfer-Encoding": "chunked"}  # no length announced: counted as it streams
    assert _raw(server, "POST", "/api/analyze", _chunked(big), chunked)[0] == 413
    auth = {**json_h, "Authorization": "Bearer s3cret-token"}
    assert _raw(server, "POST", "/api/documents", big, auth)[0] == 413
    boundary = "sw-boundary"
    form = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n".encode()
        + b"word " * 40_000
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _ = _raw(server, "POST", "/analyze", form, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 413
    assert _tables(ledger) == before
    figures["hostile requests sent"] += 4


def test_every_write_endpoint_needs_the_token(server, ledger, figures):
    before = _tables(ledger)
    incidents = [i["id"] for i in json.loads(_raw(server, "GET", "/api/incidents")[1])]
    assert incidents
    text = {"text": "Gunmen killed 4 guards at the depot on Friday, the police said."}
    writes = [
        ("/api/documents", text),
        ("/api/incidents/merge", {"ids": incidents[:2] if len(incidents) > 1 else incidents * 2}),
        (f"/api/incidents/{incidents[0]}/split", {"members": ["x"], "note": "n"}),
    ]
    sent = 0
    for path, body in writes:
        for auth in (None, "Bearer wrong-token", "Bearer ", "Basic czNjcmV0LXRva2Vu", "bearer s3cret-token-x"):
            headers = {"Content-Type": "application/json", **({"Authorization": auth} if auth else {})}
            status, payload = _raw(server, "POST", path, json.dumps(body).encode(), headers)
            sent += 1
            assert status in (401, 403), (path, auth, status, payload[:200])
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    for extra in ("", "&token=wrong"):
        status, _ = _raw(server, "POST", "/analyze", f"text=Gunmen+killed+4+guards.&store=1{extra}".encode(), form)
        sent += 1
        assert status in (401, 403)
    assert _tables(ledger) == before  # nothing was written
    figures["hostile requests sent"] += sent


def test_text_over_max_chars_is_413_before_analysis(tmp_path):
    from sourcewise.settings import Settings

    text = "Two soldiers were wounded in the village. " * 100
    with make_client(str(tmp_path / "l.db"), settings=Settings(max_chars=1000), token="t") as c:
        for r in (
            c.post("/api/analyze", json={"text": text}),
            c.post("/api/documents", json={"text": text}, headers={"authorization": "Bearer t"}),
            c.post("/analyze", data={"text": text}),
            c.post("/analyze", files={"file": ("a.txt", text.encode(), "text/plain")}),
        ):
            assert r.status_code == 413 and "SW105" in r.text and "--max-chars" in r.text
        assert c.get("/api/stats").json()["documents"] == 0


def test_hostile_files_uploaded_to_the_paste_form(tmp_path, analyzer, figures):
    """The web form reads uploads with the CLI's readers: each hostile file is a report, or a coded 4xx page."""
    from sourcewise.ingest.paths import locator
    from tests.reliability import nasty

    folder = tmp_path / "files"
    expected = nasty.build(folder)
    with make_client(str(tmp_path / "l.db"), analyzer=analyzer, max_upload_bytes=3_000_000) as c:
        for name, outcome in expected.items():
            path = folder / name
            if path.stat().st_size > 3_000_000:
                continue  # over the body limit: shown above to be a 413
            shown = locator(Path(name))
            r = c.post("/analyze", files={"file": (shown, path.read_bytes(), "application/octet-stream")})
            if name.endswith((".jsonl", ".warc.gz")):
                assert r.status_code == 400 and "SW107" in r.text, name  # the form takes one .txt or .html page
            elif outcome is None:
                assert r.status_code == 200, (name, r.status_code)
            else:
                assert r.status_code in (400, 413) and outcome in r.text, (name, r.status_code)
            figures["hostile requests sent"] += 1
