"""Synthetic declarations (written for these tests) and a screened job of the KG police."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.jobs.tasks import run_job
from cadis.apps.precursors import control_lists

DECLARATIONS = (
    "id;description;hs_code;cas;quantity;unit;origin;destination\n"
    "L1;Ангидрид уксусной кислоты техн., 99%;2915240000;;1000;kg;CN;KG\n"
    "L2;Acetic acid glacial, food grade;291521;;500;kg;RU;KG\n"
    "L3;Калия перманганат, х.ч.;;7722-64-7;25;kg;IN;TJ\n"
    "L4;Cotton fabric, dyed <blue>;520812;;300;m;UZ;KG\n"
    "L5;Ацетон технический;;;200;l;RU;KG\n"
)


def csv_upload(text: str = DECLARATIONS, name: str = "declarations.csv", encoding: str = "utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_bytes(rows: list[list[object]], merges: tuple[str, ...] = ()) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _fresh_control_list_cache():
    control_lists.clear_cache()
    yield
    control_lists.clear_cache()


@pytest.fixture
def screened(personas):
    """The KG police's screening of the five synthetic lines, run to completion."""
    from cadis.apps.precursors.screening import screening_start

    job = screening_start(
        actor=personas.kg_provider, upload=csv_upload(), title="KG synthetic declarations"
    )
    run_job.call(job.job_id)
    job.refresh_from_db()
    return job
