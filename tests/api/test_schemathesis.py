"""Schemathesis over the whole API, in-process (WSGI), as a focal point's read-write token and as
the anonymous public: no server error, every answer documented for its operation and conforming
to its documented schema and content type.

The examples are bounded (``MAX_EXAMPLES`` per operation, each sent as both callers) so that the
run stays near two minutes; every operation gets positive and negative (invalid) data.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

MAX_EXAMPLES = 5

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
]


@pytest.fixture
def wsgi_app(db, refdata):
    """The server, called in-process like Django's test client does (the connection stays open
    across requests so that each test's transaction rolls everything back)."""
    from django.core import signals
    from django.core.wsgi import get_wsgi_application
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _served_schema() -> dict:
    from django.test import Client

    answer = Client().get("/api/v1/openapi.json")
    assert answer.status_code == 200
    return answer.json()


@pytest.fixture
def focal_point_token(personas):
    """A KG focal point's read-write token."""
    from cadis.apps.accounts import services
    from cadis.apps.accounts.models import ApiToken

    _, raw = services.api_token_create(
        actor=personas.kg_focal, user=personas.kg_focal, name="schemathesis",
        access=ApiToken.Access.READ_WRITE,
    )
    return {"Authorization": f"Bearer {raw}"}


schema = schemathesis.openapi.from_dict(_served_schema())
# The coverage phase alone sends hundreds of requests per operation; the bounded fuzzing phase
# (positive and negative data) and the documented examples keep the run near two minutes.
schema.config.phases.coverage.enabled = False
bounded = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@bounded
def test_every_generated_request_gets_a_documented_answer(case, wsgi_app, focal_point_token):
    # The same request as a focal point's read-write token and as the anonymous public.
    case.call_and_validate(app=wsgi_app, headers=focal_point_token, checks=CHECKS)
    case.call_and_validate(app=wsgi_app, checks=CHECKS)
