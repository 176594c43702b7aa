"""Fixtures for the web tests: a ledger of hand-built reports and a client for the app over it."""

from __future__ import annotations

import pytest

from sourcewise.store import open_store
from tests.web import builders


def fill(db: str, reports) -> dict[str, str]:
    """Store the reports; returns publisher -> document id."""
    ids = {}
    with open_store(db) as store:
        for report, raw in reports:
            store.put(report, raw)
            ids[report.document.publisher or report.document.source] = report.document.id
        store.refresh_incidents()
    return ids


@pytest.fixture(scope="session")
def web_ledger(tmp_path_factory):
    """(db path, publisher -> document id) for the three Velmora reports and the hostile article."""
    db = str(tmp_path_factory.mktemp("web") / "ledger.db")
    ids = fill(db, [*builders.all_reports(), builders.hostile_article()])
    return db, ids


def make_client(db: str, analyzer=None, **config):
    from fastapi.testclient import TestClient

    from sourcewise.web.app import WebConfig, create_app

    return TestClient(create_app(WebConfig(db=db, **config), analyzer=analyzer))


@pytest.fixture(scope="session")
def client(web_ledger):
    with make_client(web_ledger[0]) as c:
        yield c


@pytest.fixture
def fresh_db(tmp_path):
    return str(tmp_path / "fresh.db")
