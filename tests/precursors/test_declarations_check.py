"""The check of a declarations file before screening: the platform's issue codes with row and
column, the one report shape, and a job that does not screen a file with errors."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.jobs.tasks import run_job
from cadis.apps.precursors.declarations_check import check_declarations
from cadis.apps.precursors.models import ScreeningJob
from cadis.apps.precursors.screening import CHECK_AT_UPLOAD, screening_start
from cadis.platform.errors import BadInputFile
from tests.precursors.conftest import csv_upload

SEIZURE_ISSUE_KEYS = {"row", "column", "code", "severity", "value", "message", "suggestions"}
LINES = (
    "id;description;hs_code;cas;quantity;unit\n"
    "1;Ацетон технический;291411;67-64-1;100;кг\n"
    "2;;;;50;кг\n"  # a quantity and a unit, nothing to screen
    "3;Толуол;29;108-88-4;10;л\n"  # HS code too short, CAS check digit wrong
    "4;;;;;\n"  # only the number of an empty form line: not a declaration
    "5;Перманганат калия;;CAS 7722-64-7;1;кг\n"
)


def _write(tmp_path, text: str, name: str = "d.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_lines_give_coded_issues_with_row_and_column(tmp_path):
    report = check_declarations(_write(tmp_path, LINES))
    assert [(i.row, i.column, i.code, i.severity) for i in report.issues] == [
        (3, "description", "nothing_to_screen", "error"),
        (4, "cas", "bad_cas", "warning"),
        (4, "hs_code", "bad_hs_code", "warning"),
    ]
    assert report.rows == 5 and not report.ok
    public = report.as_json()
    assert {"file", "rows", "valid_rows", "errors", "issues", "preview"} <= set(public)
    assert all(set(i) == SEIZURE_ISSUE_KEYS for i in public["issues"])
    assert public["issues"][1]["value"] == "108-88-4"


def test_a_clean_file_may_be_screened(tmp_path):
    report = check_declarations(_write(tmp_path, "description;cas\nАцетон;67-64-1\n"))
    assert report.ok and report.rows == 1 and report.issues == []


def test_a_header_without_lines_is_refused_before_screening(tmp_path):
    report = check_declarations(_write(tmp_path, "description;cas\n"))
    assert [(i.row, i.code) for i in report.issues] == [(None, "no_rows")]


def test_a_file_the_reader_refuses_is_a_file_issue_with_its_row(tmp_path):
    path = tmp_path / "d.csv"
    path.write_bytes(b"description\n" + "Ацетон\n".encode() * 3 + b"\xff\xfe\x00 x\n")
    report = check_declarations(path, file_name="upload.csv")
    (problem,) = report.issues
    assert problem.code == "unreadable_encoding" and problem.file == "upload.csv"


@pytest.mark.django_db
def test_the_upload_is_refused_with_every_line_issue(personas):
    with pytest.raises(BadInputFile) as raised:
        screening_start(actor=personas.kg_provider, upload=csv_upload(LINES))
    details = raised.value.details
    assert (details["code"], details["row"], details["column"]) == (
        "nothing_to_screen",
        3,
        "description",
    )
    assert [i["code"] for i in details["issues"]] == ["nothing_to_screen", "bad_cas", "bad_hs_code"]
    assert not ScreeningJob.objects.exists()


@pytest.mark.django_db
def test_the_job_checks_the_whole_file_before_it_screens(personas):
    clean = "".join(f"{n};Ацетон технический;1\n" for n in range(CHECK_AT_UPLOAD))
    text = "id;description;quantity\n" + clean + "late;;5\n"  # past the upload's check
    upload = SimpleUploadedFile("d.csv", text.encode("utf-8"))
    job = screening_start(actor=personas.kg_provider, upload=upload)
    run_job.call(job.job_id)
    job.refresh_from_db()
    assert job.status == ScreeningJob.Status.FAILED and job.error_code == "nothing_to_screen"
    assert str(CHECK_AT_UPLOAD + 2) in job.error and job.results.count() == 0
