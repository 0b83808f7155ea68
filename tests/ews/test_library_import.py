"""The NPS library import is a specification on the platform's import flow: coded issues with
row and column, dry run, all or nothing, idempotent, the seizure import's JSON report."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.ews.library import profiles_import
from cadis.apps.ews.models import SubstanceProfile
from cadis.platform.errors import BadInputFile
from cadis.platform.imports.issues import IssueCode
from tests.supply.conftest import GOOD_ROWS, csv_bytes

pytestmark = pytest.mark.django_db

HEADER = "name_en,name_ru,smiles,category,national\n"
GOOD = (
    "Import cathinone A (synthetic),Тест А,CCCNC(C)C(=O)c1ccc(Br)cc1,synthetic_cathinone,KG\n"
    "Import cathinone B (synthetic),,CCCCCNC(C)C(=O)c1ccc(Cl)cc1,,*\n"
)
BAD = (
    "Import cathinone A (synthetic),Тест,CCCNC(C)C(=O)c1ccc(Br)cc1,,KG\n"
    "Broken,,C1CC((,other,\n"
    "Bad category,,CCO,nonsense,\n"
    ",,CCCO,other,KGZ\n"
)


def _file(tmp_path, body: str, name: str = "lab.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _run(*args) -> tuple[int, str]:
    """The command in English (the tests read its messages)."""
    out = io.StringIO()
    try:
        with translation.override("en"):
            call_command(*args, stdout=out, stderr=io.StringIO())
    except CommandError as error:
        return error.returncode, out.getvalue()
    return 0, out.getvalue()


def test_a_bad_file_gives_coded_issues_with_row_and_column_and_writes_nothing(tmp_path, library):
    before = SubstanceProfile.objects.count()
    report = profiles_import(path=_file(tmp_path, BAD))
    found = {(i.row, i.column, i.code) for i in report.issues if i.severity == "error"}
    assert found == {
        (3, "smiles", IssueCode.BAD_STRUCTURE),
        (4, "category", IssueCode.UNKNOWN_VALUE),
        (5, "name_en", IssueCode.MISSING_VALUE),
        (5, "national", IssueCode.UNKNOWN_VALUE),
    }
    assert not report.ok and not report.committed and report.rows == 4
    assert (report.created, report.updated, report.unchanged) == (0, 0, 0)
    assert SubstanceProfile.objects.count() == before
    national = next(i for i in report.issues if i.column == "national")
    assert national.value == "KGZ" and "KG" in national.suggestions


def test_a_good_file_imports_once_and_a_second_import_changes_nothing(tmp_path, library):
    path = _file(tmp_path, GOOD)
    first = profiles_import(path=path)
    assert first.ok and first.committed and (first.created, first.updated) == (2, 0)
    profile = SubstanceProfile.objects.get(name_en="Import cathinone B (synthetic)")
    assert profile.category == "synthetic_cathinone"  # computed by the engine: the cell is empty
    assert profile.national == "*" and profile.source == "import"
    audited = AuditEntry.objects.filter(object_type="ews.substanceprofile").count()
    count = SubstanceProfile.objects.count()

    again = profiles_import(path=path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert SubstanceProfile.objects.count() == count
    assert AuditEntry.objects.filter(object_type="ews.substanceprofile").count() == audited


def test_a_changed_row_updates_its_profile_by_structure(tmp_path, library):
    profiles_import(path=_file(tmp_path, GOOD))
    changed = GOOD.replace("Тест А", "Тест А2")
    report = profiles_import(path=_file(tmp_path, changed, "lab2.csv"))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert SubstanceProfile.objects.get(name_en="Import cathinone A (synthetic)").name_ru == (
        "Тест А2"
    )


def test_a_dry_run_counts_what_would_be_written_and_writes_nothing(tmp_path, library):
    before = SubstanceProfile.objects.count()
    report = profiles_import(path=_file(tmp_path, GOOD), dry_run=True)
    assert report.ok and report.created == 2 and not report.committed
    assert SubstanceProfile.objects.count() == before


def test_the_same_structure_twice_in_a_file_is_a_duplicate_row(tmp_path, library):
    line = GOOD.splitlines()[0]
    report = profiles_import(path=_file(tmp_path, f"{line}\n{line}\n"))
    assert [(i.row, i.column, i.code) for i in report.issues] == [
        (3, "smiles", IssueCode.DUPLICATE_ROW)
    ]


def test_a_column_the_catalogue_does_not_know_is_read_past_with_a_warning(tmp_path, library):
    path = tmp_path / "x.csv"
    path.write_text("name_en,smiles,colour\nA,CCO,red\n", encoding="utf-8")
    report = profiles_import(path=path)
    assert [(i.row, i.column, i.code, i.severity) for i in report.issues] == [
        (1, "colour", IssueCode.UNKNOWN_COLUMN, "warning")
    ]


def test_a_header_without_a_required_column_is_refused(tmp_path, library):
    path = tmp_path / "x.csv"
    path.write_text("name_en,colour\nA,red\n", encoding="utf-8")
    with pytest.raises(BadInputFile) as caught:
        profiles_import(path=path)
    assert caught.value.details["code"] == "header_mismatch"
    assert caught.value.details["missing"] == ["smiles"]
    assert caught.value.details["unknown"] == ["colour"]


def test_sdf_records_are_rows_numbered_from_one(tmp_path, library):
    from rdkit import Chem

    path = tmp_path / "lab.sdf"
    writer = Chem.SDWriter(str(path))
    for name, smiles, category in (
        ("SDF good (synthetic)", "CCCNC(C)C(=O)c1ccc(I)cc1", "synthetic_cathinone"),
        ("SDF bad category", "CCCNC(C)C(=O)c1ccc(F)cc1", "nonsense"),
    ):
        mol = Chem.MolFromSmiles(smiles)
        mol.SetProp("_Name", name)
        mol.SetProp("category", category)
        writer.write(mol)
    writer.close()
    report = profiles_import(path=path)
    assert [(i.row, i.column, i.code) for i in report.issues] == [
        (2, "category", IssueCode.UNKNOWN_VALUE)
    ]
    assert not SubstanceProfile.objects.filter(name_en="SDF good (synthetic)").exists()


def test_cadis_import_nps_json_report_has_the_seizure_report_shape(personas, tmp_path, library):
    status, out = _run("import", "nps", str(_file(tmp_path, BAD)), "--dry-run", "--format", "json")
    nps = json.loads(out)
    assert status == 1 and nps["rows"] == 4 and nps["errors"] == 4 and nps["valid_rows"] == 0

    seizures = tmp_path / "seizures.csv"
    seizures.write_bytes(csv_bytes([*GOOD_ROWS, "31.02.2024;KG;;героин;1;кг;;"]))
    org = str(personas.kg_org.pk)
    status, out = _run(
        "import", "seizures", str(seizures), "--dry-run", "--format", "json", "--organisation", org
    )
    seizure = json.loads(out)
    assert status == 1 and set(seizure) <= set(nps)
    assert {frozenset(i) for i in nps["issues"]} == {frozenset(i) for i in seizure["issues"]}
    issue = next(i for i in nps["issues"] if i["column"] == "smiles")
    assert issue == {
        "row": 3,
        "column": "smiles",
        "code": "bad_structure",
        "severity": "error",
        "value": "C1CC((",
        "message": issue["message"],
        "suggestions": [],
    }
    assert issue["message"].startswith("'C1CC((' is not a usable structure")


def test_cadis_nps_import_runs_the_same_import(tmp_path, library):
    path = _file(tmp_path, GOOD)
    status, out = _run("nps", "import", str(path), "--dry-run")
    assert status == 0 and "2 rows: 2 would be created" in out
    status, out = _run("nps", "import", str(path))
    assert status == 0 and "2 rows: 2 were created, 0 were updated, 0 unchanged." in out
    assert (
        AuditEntry.objects.filter(
            object_type="ews.substanceprofile", source_kind="cli", action="create"
        ).count()
        >= 2
    )
    status, out = _run("nps", "import", str(_file(tmp_path, BAD, "bad.csv")))
    assert status == 1 and "ERROR bad.csv:3:smiles bad_structure" in out


def test_a_named_user_who_is_not_an_administrator_is_refused(personas, tmp_path, library):
    with translation.override("en"), pytest.raises(CommandError, match="administrator"):
        call_command("import", "nps", str(_file(tmp_path, GOOD)), "--user", "kg_analyst")
