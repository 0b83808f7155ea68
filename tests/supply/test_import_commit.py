"""Imports write all rows or none, keep file and row, and change nothing the second time."""

from __future__ import annotations

import pytest

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.supply import imports
from cadis.apps.supply.models import ImportBatch, Seizure
from cadis.platform.errors import PermissionDenied, ValidationError
from tests.supply.conftest import GOOD_ROWS, csv_bytes

pytestmark = pytest.mark.django_db


def upload_and_check(actor, data: bytes, name: str = "kg-2024.csv", **kwargs) -> ImportBatch:
    batch = imports.import_upload(actor=actor, data=data, file_name=name, **kwargs)
    return imports.import_check(actor=actor, batch=batch)


def test_a_clean_file_is_checked_then_imported_with_file_and_row(personas, good_csv):
    batch = upload_and_check(personas.kg_provider, good_csv)
    assert (
        batch.status == ImportBatch.Status.CHECKED and Seizure.objects.count() == 0
    )  # the dry run writes nothing
    batch = imports.import_commit(actor=personas.kg_provider, batch=batch)
    assert (batch.created_count, batch.unchanged_count) == (3, 0)
    rows = sorted(Seizure.objects.values_list("source_ref__row", flat=True))
    assert rows == [2, 3, 4]
    seizure = Seizure.objects.get(source_ref__row=2)
    assert seizure.source_ref["file"] == "kg-2024.csv" and seizure.import_batch == batch
    assert seizure.organisation == personas.kg_org and seizure.country.code == "KG"
    assert seizure.concealment_methods.count() == 1 and seizure.source_kind == "import"
    entry = AuditEntry.objects.get(object_type="supply.seizure", object_id=str(seizure.pk))
    assert entry.source_detail == {"file": "kg-2024.csv", "row": 2}


def test_importing_the_same_file_again_changes_nothing(personas, good_csv):
    imports.import_commit(
        actor=personas.kg_provider, batch=upload_and_check(personas.kg_provider, good_csv)
    )
    again = imports.import_commit(
        actor=personas.kg_provider, batch=upload_and_check(personas.kg_provider, good_csv)
    )
    assert (again.created_count, again.unchanged_count) == (0, 3)
    assert Seizure.objects.count() == 3


def test_a_file_with_one_bad_row_writes_nothing(personas):
    data = csv_bytes([*GOOD_ROWS, "31.02.2024;KG;;героин;1;кг;;"])
    batch = upload_and_check(personas.kg_provider, data)
    assert batch.status == ImportBatch.Status.REJECTED and batch.error_count == 1
    assert batch.report["issues"][0]["row"] == 5 and batch.report["issues"][0]["code"] == "bad_date"
    batch.status = ImportBatch.Status.CHECKED  # even when forced, the commit re-checks
    with pytest.raises(ValidationError):
        imports.import_commit(actor=personas.kg_provider, batch=batch)
    assert Seizure.objects.count() == 0


def test_analysts_and_regional_analysts_may_not_import(personas, good_csv):
    for user in (personas.kg_analyst, personas.regional):
        with pytest.raises(PermissionDenied):
            imports.import_upload(actor=user, data=good_csv, file_name="x.csv")


def test_a_provider_may_not_import_rows_of_another_country(personas):
    batch = upload_and_check(personas.tj_provider, csv_bytes(GOOD_ROWS))
    assert batch.status == ImportBatch.Status.REJECTED
    assert {i["code"] for i in batch.report["issues"]} == {"country_not_allowed"}


def test_an_administrator_imports_for_a_chosen_organisation(personas, good_csv):
    batch = upload_and_check(personas.admin, good_csv, organisation=personas.kg_other_org)
    imports.import_commit(actor=personas.admin, batch=batch)
    assert set(Seizure.objects.values_list("organisation", flat=True)) == {personas.kg_other_org.pk}


def test_a_large_file_is_checked_and_committed_by_background_jobs(personas, good_csv):
    from cadis.apps.jobs.models import Job
    from cadis.apps.jobs.tasks import run_job

    batch = imports.import_upload(actor=personas.kg_provider, data=good_csv, file_name="big.csv")
    job = imports.import_start(actor=personas.kg_provider, batch=batch, action="check")
    run_job.call(job.pk)
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED
    job = imports.import_start(actor=personas.kg_provider, batch=batch, action="commit")
    run_job.call(job.pk)
    job.refresh_from_db()
    batch.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.result["created"] == 3
    assert batch.status == ImportBatch.Status.COMMITTED and job.progress_done == 3


def test_on_the_upload_page_an_administrator_chooses_a_national_organisation(
    client_of, personas, good_csv
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_of(personas.admin)
    page = client.get("/supply/imports/")
    choices = page.context["form"].fields["organisation"].queryset
    assert personas.kg_org in choices and all(o.country_id for o in choices)

    def upload(**extra):
        file = SimpleUploadedFile("kg.csv", good_csv)
        return client.post(
            "/supply/imports/", {"file": file, "confidentiality": "restricted", **extra}
        )

    # The regional organisation (no country) is not offered, and none chosen is refused.
    for extra in ({}, {"organisation": personas.admin.organisation_id}):
        page = upload(**extra)
        assert page.status_code == 200 and "organisation" in page.context["form"].errors
    assert not ImportBatch.objects.exists()
    page = upload(organisation=personas.kg_org.pk)
    assert page.status_code == 302
    assert ImportBatch.objects.get().organisation == personas.kg_org
