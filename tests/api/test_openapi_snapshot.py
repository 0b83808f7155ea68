"""The OpenAPI schema is snapshotted: an API change shows as a diff of openapi.json.

After an intended change, refresh it with: UPDATE_SNAPSHOTS=1 make test. A missing snapshot
fails the test (it would otherwise pass by writing whatever the API is now).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

SNAPSHOT = Path(__file__).with_name("openapi.json")


@pytest.mark.django_db
def test_the_openapi_schema_matches_the_snapshot(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    from cadis.api.api import api

    schema = json.loads(
        json.dumps(api.get_openapi_schema(path_prefix="/api/v1"), sort_keys=True, default=str)
    )
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(
            json.dumps(schema, indent=1, sort_keys=True, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    # A missing snapshot is a failure, not a fresh start: only UPDATE_SNAPSHOTS=1 writes one.
    assert SNAPSHOT.exists(), f"{SNAPSHOT} is missing; write it on purpose with UPDATE_SNAPSHOTS=1"
    assert schema == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_the_docs_page_is_served(client):
    assert client.get("/api/v1/docs").status_code == 200


@pytest.mark.django_db
def test_a_missing_snapshot_fails_instead_of_being_written(tmp_path, monkeypatch, settings):
    monkeypatch.delenv("UPDATE_SNAPSHOTS", raising=False)
    monkeypatch.setattr(sys.modules[__name__], "SNAPSHOT", tmp_path / "openapi.json")
    with pytest.raises(AssertionError, match="is missing"):
        test_the_openapi_schema_matches_the_snapshot(settings)
    assert not (tmp_path / "openapi.json").exists()
