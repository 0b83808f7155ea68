"""``cadis import dhis2``: dry run, commit, idempotence and the JSON report, as the page does."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cadis.apps.treatment.models import HarmRecord, ImportedAggregate

from .test_dhis2_import import GOOD, _value, message


def _write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _run(*args) -> str:
    out = io.StringIO()
    call_command("import", "dhis2", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_dry_run_then_an_import_then_the_same_file_again(personas, tmp_path):
    path = _write(tmp_path, "kg.json", message(GOOD))
    org = ["--organisation", str(personas.kg_org.pk)]
    assert "Dry run" in _run(path, "--dry-run", *org)
    assert not HarmRecord.objects.exists()
    assert f"{len(GOOD)} new" in _run(path, *org)
    assert ImportedAggregate.objects.count() == 2 and HarmRecord.objects.count() == 4
    assert f"0 new, 0 changed, {len(GOOD)} unchanged" in _run(path, *org)


def test_the_json_report_lists_every_problem_and_the_exit_status_says_so(personas, tmp_path):
    bad = [*GOOD, _value("TDI_CLIENTS", "2023", "XX", "1")]
    path = _write(tmp_path, "kg.data", message(bad))
    with pytest.raises(CommandError) as failed:
        _run(path, "--format", "json", "--report", "json", "--user", "kg_focal")
    assert failed.value.returncode == 1
    assert not ImportedAggregate.objects.exists()


def test_the_json_report_shape(personas, tmp_path):
    bad = [*GOOD, _value("TDI_CLIENTS", "2023", "XX", "1")]
    path = _write(tmp_path, "kg.json", message(bad))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import", "dhis2", path, "--report", "json", "--user", "kg_focal", stdout=out)
    report = json.loads(out.getvalue())
    assert report["committed"] is False and report["values"] == len(bad)
    assert [(i["row"], i["column"], i["code"]) for i in report["issues"]] == [
        (len(bad), "orgUnit", "unknown_org_unit")
    ]


def test_a_user_of_another_country_is_refused_and_unknown_names_are_errors(personas, tmp_path):
    path = _write(tmp_path, "kg.json", message(GOOD))
    with pytest.raises(CommandError):
        _run(path, "--user", "tj_focal")
    assert not HarmRecord.objects.exists()
    with pytest.raises(CommandError, match="No DHIS2 instance"):
        _run(path, "--instance", "nope", "--user", "kg_focal")
    with pytest.raises(CommandError, match="--organisation"):
        _run(path)
