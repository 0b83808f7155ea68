"""The documents app became extraction: a database of the old app keeps its data on upgrade."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).with_name("old_app_database.py")


def test_an_old_documents_database_keeps_its_rows_content_types_permissions_and_history(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CADIS_", "DJANGO_"))}
    env.update(
        CADIS_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'old.sqlite3'}",
        CADIS_PROFILE="test",
    )
    result = subprocess.run(
        [sys.executable, str(SCRIPT)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    before = found["before"]
    assert found["fact"] == [
        "seizure",
        "2 кг героина",
        {"quantity": "2 кг"},
        "proposed",
        before["run_id"],
        "Synthetic release",
    ]
    assert found["run"] == [[before["run_id"], "done", 1, "1.0"]]
    assert found["tables"] == ["extraction_extractionrun", "extraction_fact"]
    # The same content type rows moved, so permissions and generic relations still point at them.
    assert (
        found["content_type_ids"] == before["content_type_ids"] and found["old_content_types"] == 0
    )
    assert found["permissions"] == before["permissions"] == 8
    assert found["group_permissions"] == ["extraction.view_fact"]
    assert found["audit_object_types"] == ["extraction.fact"]
    assert found["job_kinds"] == ["extraction.extract"]
    # The old app's history stays; the new app's migrations are recorded as applied.
    assert found["migrations"] == [
        "documents.0001_initial",
        "extraction.0001_initial",
        "extraction.0002_extractionrun_job_tracked",
        "extraction.0003_fact_geocoding",
    ]
    assert found["new_fact_saves"] == 1 and found["next_run_id"] == before["run_id"] + 1
