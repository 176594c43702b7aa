"""Property-based API testing from the OpenAPI schema (schemathesis): whatever a client sends, no 500.

Every operation gets a few generated requests, checked against the schema
(status codes, content types, response bodies) and above all for server
errors. Bounded on purpose so that the suite stays fast; more examples by
hand: SOURCEWISE_SCHEMATHESIS_EXAMPLES=200. Driven through schemathesis's
Python API (``as_strategy``): its pytest plugin does not run under pytest 9.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings

from sourcewise.web.app import WebConfig, create_app
from tests.web import builders
from tests.web.conftest import fill

EXAMPLES = int(os.environ.get("SOURCEWISE_SCHEMATHESIS_EXAMPLES", "10"))
OPERATIONS = sorted(
    f"{method.upper()} {path}"
    for path, methods in create_app(WebConfig(db=":memory:")).openapi()["paths"].items()
    for method in methods
)
BOUNDED = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, analyzer):
    db = str(tmp_path_factory.mktemp("st") / "ledger.db")
    fill(db, builders.all_reports())
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(WebConfig(db=db), analyzer=analyzer))


@pytest.fixture(scope="module")
def guarded_schema(tmp_path_factory, analyzer):
    db = str(tmp_path_factory.mktemp("st") / "guarded.db")
    fill(db, builders.all_reports())
    app = create_app(WebConfig(db=db, token="t0ken", max_upload_bytes=2_000), analyzer=analyzer)
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def exercise(schema, label: str) -> None:
    operation = schema.find_operation_by_label(label)
    assert operation is not None, label

    @BOUNDED
    @given(case=operation.as_strategy())
    def run(case):
        case.call_and_validate()

    run()


def test_every_operation_is_exercised():
    assert len(OPERATIONS) == 12


@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_conforms_and_never_fails(api_schema, label):
    exercise(api_schema, label)


@pytest.mark.parametrize("label", [op for op in OPERATIONS if op.startswith("POST")])
def test_writes_with_a_token_and_a_small_body_limit(guarded_schema, label):
    exercise(guarded_schema, label)
