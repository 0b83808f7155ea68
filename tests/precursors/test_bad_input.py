"""Bad declarations files give a clear error through the web upload and the CLI, never a traceback."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadis.apps.jobs.tasks import run_job
from cadis.apps.precursors.models import ScreeningJob
from cadis.apps.precursors.screening import check_declarations_file
from cadis.platform.errors import BadInputFile
from tests.engines.tables.helpers import raw_workbook
from tests.precursors.conftest import csv_upload, xlsx_bytes

pytestmark = pytest.mark.django_db

MERGED_WITH_FORMULAS = xlsx_bytes(
    [
        ["№", "Наименование товара", "Количество", "Страна происхождения"],
        [1, "Ацетон технический", "=2*100", "Россия"],
        [2, "Cotton yarn", "=B3", None],
        [3, "Potassium permanganate", 25, None],
    ],
    merges=("D2:D4",),
)

BAD_FILES = {
    "wrong encoding": (
        "d.csv",
        "описание\nАцетон\n".encode("koi8-r") * 3 + bytes(range(0x80, 0x90)),
        "wrong_encoding",
    ),
    "binary": ("d.csv", b"\x00\x01\x02description\x00", "wrong_encoding"),
    "missing header": (
        "d.csv",
        "Ацетон технический;67-64-1\nТолуол;108-88-3\n".encode(),
        "missing_header",
    ),
    "missing description column": (
        "d.csv",
        b"id;cas;hs_code\n1;67-64-1;291411\n",
        "missing_description_column",
    ),
    "empty file": ("d.csv", b"", "empty_file"),
    "blank lines only": ("d.csv", b"\n\n  \n", "empty_file"),
    "broken xlsx": ("d.xlsx", b"PK\x03\x04 this is not a workbook", "malformed_file"),
    "old xls": ("d.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "unsupported_format"),
    "xlsx bomb": (
        "d.xlsx",
        raw_workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["x" * (25 * 2**20)]),
        "xlsx_compression_ratio",
    ),
}


# The platform's issue code of each bad file (the web upload and the job report these; the
# `cadis screen` command keeps the engine's own codes above).
PLATFORM_CODES = {
    "wrong encoding": "unreadable_encoding",
    "binary": "unreadable_encoding",
    "missing header": "no_header",
    "missing description column": "missing_column",
    "empty file": "empty_file",
    "blank lines only": "empty_file",
    "broken xlsx": "bad_xlsx",
    "old xls": "unsupported_format",
    "xlsx bomb": "xlsx_compression_ratio",
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_the_upload_check_gives_the_platform_issue_code(tmp_path, case):
    name, content, _code = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BadInputFile) as raised:
        check_declarations_file(path)
    details = raised.value.details
    assert details["code"] == PLATFORM_CODES[case]
    assert [i["code"] for i in details["issues"]] == [PLATFORM_CODES[case]]


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_upload_is_refused_with_a_clear_message(client_of, personas, case):
    name, content, code = BAD_FILES[case]
    response = client_of(personas.kg_provider).post(
        "/precursors/screening/new/", {"file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "errorlist" in page and "Traceback" not in page
    assert not ScreeningJob.objects.exists()


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_the_cli_reports_a_bad_file_as_a_command_error(tmp_path, refdata, case):
    name, content, code = BAD_FILES[case]
    path = tmp_path / name
    path.write_bytes(content)
    output = tmp_path / "out.jsonl"
    with pytest.raises(CommandError) as raised:
        call_command("screen", str(path), "-o", str(output), "--no-progress")
    assert f"[{code}]" in str(raised.value)
    assert not output.exists()


def test_a_file_over_the_size_limit_is_refused(client_of, personas, settings):
    settings.CADIS_SCREENING_MAX_BYTES = 1024
    content = b"description\n" + b"Acetone technical grade\n" * 100
    response = client_of(personas.kg_provider).post(
        "/precursors/screening/new/", {"file": SimpleUploadedFile("big.csv", content)}
    )
    assert (
        response.status_code == 400 and "слишком большой" in response.content.decode()
    )  # Russian is the default
    assert not ScreeningJob.objects.exists()


def test_a_field_larger_than_the_csv_limit_is_a_clear_cli_error(tmp_path, refdata):
    path = tmp_path / "huge.csv"
    path.write_bytes(b'description\n"' + b"x" * (17 * 1024 * 1024) + b'"\n')
    with pytest.raises(CommandError, match=r"\[malformed_file\]"):
        call_command("screen", str(path), "--no-progress", stdout=open(tmp_path / "o", "w"))


def test_an_xlsx_with_merged_cells_and_formulas_is_screened_correctly(client_of, personas):
    response = client_of(personas.kg_provider).post(
        "/precursors/screening/new/",
        {"file": SimpleUploadedFile("merged.xlsx", MERGED_WITH_FORMULAS)},
    )
    assert response.status_code == 302
    job = ScreeningJob.objects.get()
    run_job.call(job.job_id)
    results = {r.line_id: r for r in ScreeningJob.objects.get(pk=job.pk).results.all()}
    assert {k: r.flagged for k, r in results.items()} == {"1": True, "2": False, "3": True}
    assert {r.origin for r in results.values()} == {
        "Россия"
    }  # the merged cell applies to every line


def test_the_cli_screens_an_xlsx_with_merged_cells_and_formulas(tmp_path, refdata):
    path = tmp_path / "merged.xlsx"
    path.write_bytes(MERGED_WITH_FORMULAS)
    output = tmp_path / "out.jsonl"
    call_command("screen", str(path), "-o", str(output), "--no-progress")
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [(line["id"], bool(line["hits"])) for line in lines] == [
        ("1", True),
        ("2", False),
        ("3", True),
    ]


def test_a_file_that_breaks_half_way_fails_the_job_with_the_row(personas):
    from cadis.apps.precursors.screening import screening_start

    good = (
        "description\n" + "Ацетон технический\n" * 4000
    )  # past the 64 kB the encoding is sniffed from
    upload = SimpleUploadedFile("d.csv", good.encode("utf-8") + b"\xff\xfe broken\n")
    job = screening_start(actor=personas.kg_provider, upload=upload)
    run_job.call(job.job_id)
    job.refresh_from_db()
    assert job.status == ScreeningJob.Status.FAILED and job.error_code == "unreadable_encoding"
    assert "4002" in job.error and job.results.count() == 0  # the row the reader stopped at
    assert job.job.status == "failed" and "4002" in job.job.error


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_the_upload_check_never_fails_with_anything_but_a_bad_input_error(content, suffix):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"d{suffix}"
        path.write_bytes(content)
        try:
            check_declarations_file(path)
        except BadInputFile as error:
            assert error.details["code"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "koi8-r"])
def test_utf16_and_koi8r_declarations_are_screened_like_utf8(personas, encoding):
    from cadis.apps.precursors.screening import screening_start

    results = {}
    for used in ("utf-8", encoding):
        job = screening_start(actor=personas.kg_provider, upload=csv_upload(encoding=used))
        run_job.call(job.job_id)
        job.refresh_from_db()
        assert job.status == ScreeningJob.Status.DONE
        results[used] = sorted((r.line_id, r.description, r.flagged) for r in job.results.all())
    assert results[encoding] == results["utf-8"] and len(results["utf-8"]) == 5
