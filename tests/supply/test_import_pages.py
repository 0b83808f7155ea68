"""The import pages: upload, dry-run report with every row's problems, commit."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.supply.models import ImportBatch, Seizure
from tests.supply.conftest import GOOD_ROWS, csv_bytes

pytestmark = pytest.mark.django_db


def upload(client, data: bytes, name: str = "kg.csv"):
    return client.post(
        "/supply/imports/", {"file": SimpleUploadedFile(name, data), "confidentiality": "public"}
    )


def test_upload_shows_the_dry_run_then_commits(client_of, personas, good_csv):
    client = client_of(personas.kg_provider)
    response = upload(client, good_csv)
    assert response.status_code == 302
    report = client.get(response["Location"])
    assert report.context["can_commit"] and Seizure.objects.count() == 0
    response = client.post(response["Location"] + "commit/")
    assert response.status_code == 302 and Seizure.objects.count() == 3
    assert client_of(None).get("/supply/").context["totals"]["seizures"] == 3


def test_the_report_lists_every_row_error_with_file_row_column(client_of, personas):
    data = csv_bytes(
        [*GOOD_ROWS, "31.02.2024;KG;;героин;1;кг;;", "01.01.2024;KG;;героин;много;кг;;"]
    )
    client = client_of(personas.kg_provider)
    report = client.get(upload(client, data, "bad.csv")["Location"])
    html = report.content.decode()
    assert not report.context["can_commit"]
    assert [(i.row, i.column, i.code) for i in report.context["page"]] == [
        (5, "Дата", "bad_date"),
        (6, "Количество", "bad_quantity"),
    ]
    assert "bad.csv" in html and "много" in html
    batch = ImportBatch.objects.get()
    assert client.post(f"/supply/imports/{batch.pk}/commit/").status_code == 302
    assert Seizure.objects.count() == 0


def test_import_reports_are_visible_to_the_organisation_and_focal_point_only(
    client_of, personas, good_csv
):
    upload(client_of(personas.kg_provider), good_csv)
    path = f"/supply/imports/{ImportBatch.objects.get().pk}/"
    assert client_of(personas.kg_focal).get(path).status_code == 200
    assert client_of(personas.kg_other_provider).get(path).status_code == 404
    assert client_of(personas.tj_focal).get(path).status_code == 404
    assert client_of(None).get(path).status_code == 302
    assert client_of(personas.kg_other_provider).post(path + "commit/").status_code == 404


def test_a_large_upload_goes_to_a_background_job(client_of, personas, settings, monkeypatch):
    from cadis.apps.supply import imports

    monkeypatch.setattr(imports, "BACKGROUND_BYTES", 10)
    response = upload(client_of(personas.kg_provider), csv_bytes(GOOD_ROWS))
    assert response.status_code == 302 and response["Location"].startswith("/jobs/")
