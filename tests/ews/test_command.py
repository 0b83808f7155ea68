"""`cadis nps load|import|classify`."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command("nps", *args, stdout=out)
    return out.getvalue()


def test_classify_prints_one_json_object_per_input_and_errors_as_objects(library):
    lines = _run("classify", "CNC(C)C(=O)c1ccc(C)cc1", "C1CC((", "").strip().splitlines()
    good, bad, empty = (json.loads(line) for line in lines)
    assert good["category"] == "synthetic_cathinone" and good["known"]["name"] == "Mephedrone"
    assert set(good["status"]) == {"international", "KZ", "KG", "TJ", "TM", "UZ"}
    assert good["nearest"] and good["explanation"]
    assert bad["error_code"] == "invalid_structure" and "error" in bad
    assert empty["error_code"] == "empty_input"


def test_classify_reads_a_csv_file_and_keeps_its_id_column(tmp_path, library):
    path = tmp_path / "in.csv"
    path.write_text("id,smiles\nA1,CC(N)Cc1ccccc1\nA2,[Fe]\n", encoding="utf-8")
    rows = json.loads(_run("classify", "--file", str(path), "--format", "json"))
    assert [r["id"] for r in rows] == ["A1", "A2"]
    assert rows[0]["category"] == "phenethylamine" and rows[1]["error_code"] == "inorganic_or_metal"


def test_classify_without_input_is_an_error(library):
    with pytest.raises(CommandError):
        _run("classify")


def test_load_is_idempotent_and_import_reports(tmp_path, library):
    assert "0 created, 0 updated" in _run("load")
    path = tmp_path / "new.csv"
    path.write_text(
        "name_en,smiles,category\nCLI test (synthetic),CCCCNC(C)C(=O)c1ccc(Br)cc1,\n",
        encoding="utf-8",
    )
    assert "1 rows: 1 were created" in _run("import", str(path))
    with pytest.raises(CommandError):
        _run("import", str(tmp_path / "missing.csv"))
