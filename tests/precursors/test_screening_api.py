"""Screening through the API: upload, job, results; confidential to the organisation."""

from __future__ import annotations

import pytest

from cadis.apps.jobs.tasks import run_job
from cadis.apps.precursors.models import ScreeningJob
from tests.precursors.conftest import csv_upload

pytestmark = pytest.mark.django_db


def test_a_provider_uploads_through_the_api_and_reads_the_results(client_of, personas):
    client = client_of(personas.kg_provider)
    response = client.post("/api/v1/precursors/screenings", {"file": csv_upload(), "country": "KG"})
    assert response.status_code == 201, response.content
    job = ScreeningJob.objects.get(pk=response.json()["id"])
    run_job.call(job.job_id)
    body = client.get(f"/api/v1/precursors/screenings/{job.pk}").json()
    assert (
        body["status"] == "done"
        and body["flagged"] == 3
        and body["list_version"].startswith("table_I")
    )
    results = client.get(f"/api/v1/precursors/screenings/{job.pk}/results?flagged_only=true").json()
    assert results["count"] == 3 and all(item["flagged"] for item in results["items"])
    results = client.get(
        f"/api/v1/precursors/screenings/{job.pk}/results?list_name=national:KG"
    ).json()
    assert {item["line_id"] for item in results["items"]} == {"L3", "L5"}  # permanganate, acetone


def test_a_bad_file_through_the_api_is_a_bad_input_error(client_of, personas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_of(personas.kg_provider).post(
        "/api/v1/precursors/screenings",
        {"file": SimpleUploadedFile("d.csv", b"id;cas\n1;67-64-1\n")},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "bad_input_file"
    details = response.json()["details"]
    assert details["code"] == "missing_column" and details["column"] == "description"
    assert details["issues"][0]["code"] == "missing_column" and details["issues"][0]["row"] == 1


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("kg_provider", 200),
        ("kg_focal", 200),
        ("kg_other_provider", 404),
        ("tj_focal", 404),
        ("regional", 404),
        (None, 401),
    ],
)
def test_screening_jobs_in_the_api_are_confidential(client_of, personas, screened, who, status):
    client = client_of(getattr(personas, who) if who else None)
    assert client.get(f"/api/v1/precursors/screenings/{screened.pk}").status_code == status
    assert client.get(f"/api/v1/precursors/screenings/{screened.pk}/results").status_code == status


def test_an_analyst_cannot_upload_through_the_api(client_of, personas):
    response = client_of(personas.kg_analyst).post(
        "/api/v1/precursors/screenings", {"file": csv_upload()}
    )
    assert response.status_code == 403


def test_the_control_lists_in_force_are_public(client_of, refdata):
    body = client_of(None).get("/api/v1/precursors/control-lists/in-force?on=2025-06-01").json()
    assert body["version"].startswith("table_I 2024") and {x["kind"] for x in body["lists"]} >= {
        "table_I",
        "watch",
    }


def test_a_date_without_lists_in_force_is_not_found(client_of, refdata):
    response = client_of(None).get("/api/v1/precursors/control-lists/in-force?on=1990-01-01")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
