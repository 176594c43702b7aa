"""A real headless Chromium (Debian's package) driven by Playwright, against a live server on loopback.

Skipped with a clear reason where /usr/bin/chromium (or Playwright) is absent;
on CI (CI=true) that is a failure instead, since .ci/run installs Chromium.
Playwright's own browser downloads are never used: ``executable_path`` points
at the system Chromium. Screenshots go to build/screenshots (ignored by git),
or to $SOURCEWISE_SCREENSHOTS (``docs/screenshots`` refreshes the README's).
Pages of real articles (the shared corpus) are only ever saved under build/:
the repository holds no text of real articles, not even as pictures.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SOURCEWISE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"the browser tests must run on CI (.ci/run installs chromium): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).is_file():
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium chromium-driver)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        # Playwright gives every launch a fresh temporary profile (the --user-data-dir of a manual run).
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True, timeout=60_000)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that records dialogs, console errors and every request it makes."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, java_script_enabled=True)
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("console", lambda m: m.type == "error" and pg.console_errors.append(m.text))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where screenshots of invented material go (the README's, with SOURCEWISE_SCREENSHOTS=docs/screenshots)."""
    out = Path(os.environ.get("SOURCEWISE_SCREENSHOTS") or ROOT / "build" / "screenshots")
    if not out.is_absolute():
        out = ROOT / out
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="session")
def corpus_screenshots() -> Path:
    """Screenshots of real articles: build/screenshots/corpus only, never committed."""
    out = ROOT / "build" / "screenshots" / "corpus"
    out.mkdir(parents=True, exist_ok=True)
    return out


class LiveServer:
    """uvicorn in a thread on a free loopback port, with the same host checks as ``sourcewise serve``."""

    def __init__(self, app) -> None:
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


def live_app(db: str, analyzer=None, **config):
    from sourcewise.web.app import WebConfig, create_app
    from sourcewise.web.security import LOOPBACK_HOSTS

    return create_app(WebConfig(db=db, allowed_hosts=frozenset(LOOPBACK_HOSTS), **config), analyzer=analyzer)


def _server_over(tmp_path_factory, analyzer, name: str, reports):
    from tests.web.conftest import fill

    db = str(tmp_path_factory.mktemp("e2e") / f"{name}.db")
    ids = fill(db, reports)
    server = LiveServer(live_app(db, analyzer=analyzer))
    server.ids = ids  # type: ignore[attr-defined]
    server.db = db  # type: ignore[attr-defined]
    return server


@pytest.fixture(scope="session")
def velmora_server(tmp_path_factory, analyzer):
    """Hand-built reports of one invented incident (tests/web/builders.py); analysis available."""
    from tests.web import builders

    with _server_over(tmp_path_factory, analyzer, "velmora", builders.all_reports()) as server:
        yield server


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory, analyzer):
    """A ledger holding the hostile article, in an incident with one of the Velmora reports."""
    from tests.web import builders

    reports = [builders.wire_story(), builders.hostile_article()]
    with _server_over(tmp_path_factory, analyzer, "hostile", reports) as server:
        yield server


@pytest.fixture(scope="session")
def examples_server(tmp_path_factory, analyzer):
    """The bundled (invented) examples ingested with the real pipeline: what `make demo` stores."""
    from sourcewise.ledger import ingest
    from sourcewise.store import open_store

    db = str(tmp_path_factory.mktemp("e2e") / "examples.db")
    with open_store(db) as store:
        summary = ingest(store, [ROOT / "examples"], analyzer=analyzer)
        assert summary.failed == 0, summary.failures
    with LiveServer(live_app(db, analyzer=analyzer)) as server:
        server.db = db  # type: ignore[attr-defined]
        yield server


@pytest.fixture(scope="session")
def corpus_server(tmp_path_factory, corpus, analyzer):
    """The shared corpus ingested with the real pipeline (skipped where ../shared is absent)."""
    from sourcewise.ledger import ingest
    from sourcewise.store import open_store

    db = str(tmp_path_factory.mktemp("e2e") / "corpus.db")
    with open_store(db) as store:
        summary = ingest(store, [corpus / "articles"], analyzer=analyzer)
        assert summary.failed == 0, summary.failures
    with LiveServer(live_app(db, analyzer=analyzer)) as server:
        server.db = db  # type: ignore[attr-defined]
        yield server
