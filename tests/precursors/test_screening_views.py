"""Screening pages: upload, results with filters and highlighted evidence, exports, personas."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from cadis.apps.jobs.tasks import run_job
from cadis.apps.precursors.models import ScreeningJob
from tests.precursors.conftest import csv_upload

pytestmark = pytest.mark.django_db


def test_a_provider_uploads_a_file_and_is_sent_to_the_job_progress_page(client_of, personas):
    response = client_of(personas.kg_provider).post(
        "/precursors/screening/new/", {"file": csv_upload(), "screen_country": "KG"}
    )
    job = ScreeningJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.job_id}/"
    assert job.screen_country == "KG" and job.organisation == personas.kg_org
    run_job.call(job.job_id)
    page = client_of(personas.kg_provider).get(f"/jobs/{job.job_id}/").content.decode()
    assert f"/precursors/screening/{job.pk}/" in page


def test_results_show_flagged_lines_first_with_the_evidence_highlighted(
    client_of, personas, screened
):
    page = (
        client_of(personas.kg_provider)
        .get(f"/precursors/screening/{screened.pk}/")
        .content.decode()
    )
    assert page.index("Ангидрид") < page.index("Cotton fabric")
    assert "<mark" in page and "Ангидрид уксусной кислоты</mark>" in page
    assert "Cotton fabric, dyed &lt;blue&gt;" in page  # descriptions are escaped
    assert screened.list_version in page


@pytest.mark.parametrize(
    ("query", "lines"),
    [
        ("flagged=1", {"L1", "L3", "L5"}),
        ("list=table_I", {"L1", "L3"}),
        ("substance=acetone", {"L5"}),
        ("min_score=0.99", {"L3"}),  # name + CAS
        ("q=Cotton", {"L4"}),
    ],
)
def test_results_can_be_filtered(client_of, personas, screened, query, lines):
    response = client_of(personas.kg_provider).get(
        f"/precursors/screening/{screened.pk}/export.csv?{query}"
    )
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert {row["id"] for row in rows} == lines


def test_results_export_as_csv_and_xlsx(client_of, personas, screened):
    client = client_of(personas.kg_provider)
    response = client.get(f"/precursors/screening/{screened.pk}/export.csv")
    rows = list(
        csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    )
    assert {row["id"] for row in rows[:3]} == {"L1", "L3", "L5"} and len(rows) == 5  # flagged first
    l1 = next(row for row in rows if row["id"] == "L1")
    assert l1["substances"] == "Acetic anhydride" and l1["list_version"] == screened.list_version
    response = client.get(f"/precursors/screening/{screened.pk}/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 6 and sheet.cell(2, 2).value == rows[0]["id"]
    assert client.get(f"/precursors/screening/{screened.pk}/export.pdf").status_code == 404


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("kg_provider", 200),
        ("kg_analyst", 200),
        ("kg_focal", 200),
        ("admin", 200),
        ("kg_other_provider", 404),
        ("tj_focal", 404),
        ("regional", 404),
    ],
)
def test_results_are_visible_to_the_organisation_and_the_focal_point_only(
    client_of, personas, screened, who, status
):
    client = client_of(getattr(personas, who))
    assert client.get(f"/precursors/screening/{screened.pk}/").status_code == status
    assert client.get(f"/precursors/screening/{screened.pk}/export.csv").status_code == status


def test_anonymous_visitors_are_sent_to_sign_in(client_of, screened):
    assert client_of(None).get(f"/precursors/screening/{screened.pk}/").status_code == 302
    assert client_of(None).get("/precursors/screening/new/").status_code == 302


def test_the_job_list_shows_only_visible_jobs(client_of, personas, screened):
    assert (
        "KG synthetic declarations"
        in client_of(personas.kg_focal).get("/precursors/screening/").content.decode()
    )
    assert (
        "KG synthetic declarations"
        not in client_of(personas.tj_focal).get("/precursors/screening/").content.decode()
    )


def test_an_analyst_cannot_upload(client_of, personas):
    response = client_of(personas.kg_analyst).post(
        "/precursors/screening/new/", {"file": csv_upload()}
    )
    assert (
        response.status_code == 400 and "не можете проводить скрининг" in response.content.decode()
    )
    assert not ScreeningJob.objects.exists()


def test_a_date_without_control_lists_is_refused_at_upload(client_of, personas):
    response = client_of(personas.kg_provider).post(
        "/precursors/screening/new/", {"file": csv_upload(), "lists_on": "1990-01-01"}
    )
    assert response.status_code == 400 and "1990-01-01" in response.content.decode()
    assert not ScreeningJob.objects.exists()
