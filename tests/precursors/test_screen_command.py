"""``cadis screen``: the database lists in force, output formats, the CSV fallback."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from cadis.apps.precursors import control_lists
from cadis.apps.reference.models import ControlList
from tests.precursors.conftest import DECLARATIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def declarations(tmp_path):
    path = tmp_path / "declarations.csv"
    path.write_text(DECLARATIONS, encoding="cp1251")
    return path


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("screen", *map(str, args), "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_lines_have_one_object_per_line_with_the_database_list_version(refdata, declarations):
    out, err = run(declarations)
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["L1", "L2", "L3", "L4", "L5"]
    assert lines[0]["hits"][0]["substance"] == "Acetic anhydride" and lines[1]["hits"] == []
    version = control_lists.build().version
    assert lines[0]["list_version"] == version and version in err and "5 lines, 3 flagged" in err


def test_csv_output_has_hits_only_unless_all(refdata, declarations, tmp_path):
    output = tmp_path / "out.csv"
    run(declarations, "-o", output, "--format", "csv")
    assert [row["id"] for row in csv.DictReader(output.open(encoding="utf-8"))] == [
        "L1",
        "L3",
        "L5",
    ]
    run(declarations, "-o", output, "--format", "csv", "--all")
    assert len(list(csv.DictReader(output.open(encoding="utf-8")))) == 5


def test_the_national_list_of_a_country_adds_national_hits(refdata, declarations):
    out, _ = run(declarations, "--country", "kz")
    acetone = [json.loads(line) for line in out.splitlines()][4]
    assert sorted(hit["list"] for hit in acetone["hits"]) == ["national:KZ", "table_II"]


def test_the_lists_in_force_on_a_date_are_used(refdata, declarations):
    with pytest.raises(CommandError):  # not a date
        run(declarations, "--date", "yesterday")
    out, err = run(declarations, "--date", "2024-06-01")  # before Tables I/II of 2024-12-03
    assert "watch 2024" in err and "table_I" not in err.split("control list")[-1]


def test_without_lists_in_the_database_it_warns_and_uses_the_csv_files(refdata, declarations):
    ControlList.objects.all().delete()
    out, err = run(declarations)
    assert "warning" in err and "CSV files" in err and "csv-" in err
    assert json.loads(out.splitlines()[0])["hits"]


def test_a_missing_file_is_a_command_error(refdata, tmp_path):
    with pytest.raises(CommandError, match="file not found"):
        run(tmp_path / "nope.csv")


def test_an_unwritable_output_is_a_command_error(refdata, declarations, tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        run(declarations, "-o", tmp_path / "no-such-dir" / "out.jsonl")


def test_a_big_file_gets_a_progress_bar_on_stderr(refdata, tmp_path, capsys):
    path = tmp_path / "big.csv"
    line = "Cotton yarn, bleached, 100% cotton, for weaving, not put up for retail sale;520512\n"
    path.write_text(
        "description;hs_code\n" + line * (2 * 1024 * 1024 // len(line) + 10), encoding="utf-8"
    )
    output = tmp_path / "out.jsonl"
    call_command("screen", str(path), "-o", str(output), stderr=io.StringIO())
    bar = capsys.readouterr().err
    assert "screening" in bar and " lines" in bar
