"""The OpenAPI schema is snapshotted: an API change shows as a diff of openapi.json.

After an intended change, refresh it with: UPDATE_SNAPSHOTS=1 make test
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).with_name("openapi.json")


@pytest.mark.django_db
def test_the_openapi_schema_matches_the_snapshot():
    from cadis.api.api import api

    schema = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1"), sort_keys=True, default=str))
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not SNAPSHOT.exists():
        SNAPSHOT.write_text(json.dumps(schema, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    assert schema == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_the_docs_page_is_served(client):
    assert client.get("/api/v1/docs").status_code == 200
