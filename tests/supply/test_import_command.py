"""`cadis import seizures FILE [--dry-run] [--organisation ID]` applies the web's rules."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from cadis.apps.supply.models import Seizure
from tests.supply.conftest import GOOD_ROWS, csv_bytes

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_dry_run_lists_problems_and_writes_nothing(personas, tmp_path, good_csv):
    path = tmp_path / "kg.csv"
    path.write_bytes(good_csv)
    output = run("seizures", str(path), "--dry-run", "--organisation", str(personas.kg_org.pk))
    assert "3 rows: 3 would be created, 0 would be updated, 0 unchanged" in output
    assert Seizure.objects.count() == 0


def test_the_command_imports_once_and_then_changes_nothing(personas, tmp_path, good_csv):
    path = tmp_path / "kg.csv"
    path.write_bytes(good_csv)
    first = run("seizures", str(path), "--organisation", str(personas.kg_org.pk))
    assert "3 rows: 3 were created, 0 were updated, 0 unchanged" in first
    assert "  3/3" in first  # the chunks written, as progress
    assert "3 rows: 0 were created, 0 were updated, 3 unchanged" in run(
        "seizures", str(path), "--organisation", str(personas.kg_org.pk)
    )
    assert Seizure.objects.filter(source_ref__file="kg.csv").count() == 3


def test_a_file_with_errors_fails_with_every_problem_listed(personas, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_bytes([*GOOD_ROWS, "31.02.2024;KG;;героин;1;кг;;"]))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import",
            "seizures",
            str(path),
            "--organisation",
            str(personas.kg_org.pk),
            stdout=out,
            stderr=io.StringIO(),
        )
    assert "ERROR bad.csv:5:Дата bad_date" in out.getvalue() and Seizure.objects.count() == 0


def test_a_named_user_without_rights_is_refused(personas, tmp_path, good_csv):
    path = tmp_path / "kg.csv"
    path.write_bytes(good_csv)
    with pytest.raises(CommandError, match="may not"):
        run("seizures", str(path), "--user", "kg_analyst")
    with pytest.raises(CommandError, match="Give --organisation"):
        run("seizures", str(path))
