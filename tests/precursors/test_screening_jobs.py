"""Screening jobs: upload, background run, per-line results, confidentiality."""

from __future__ import annotations

import pytest

from cadis.apps.accounts.models import AuditEntry
from cadis.apps.jobs.models import Job
from cadis.apps.precursors.models import ScreeningJob
from cadis.apps.precursors.screening import screening_start
from cadis.platform.errors import PermissionDenied
from tests.precursors.conftest import csv_upload

pytestmark = pytest.mark.django_db


def test_a_screening_job_stores_every_line_with_its_hits(screened):
    assert screened.status == ScreeningJob.Status.DONE
    assert (screened.lines, screened.flagged) == (5, 3)
    assert screened.list_version.startswith("table_I 2024")
    results = {r.line_id: r for r in screened.results.all()}
    assert [h["substance"] for h in results["L1"].hits] == ["Acetic anhydride"]
    assert results["L1"].flagged and results["L1"].score >= 0.9
    assert not results["L2"].flagged and results["L2"].hits == []
    assert results["L3"].lists == "|table_I|"
    assert results["L1"].hits[0]["evidence"][0]["span"] is not None


def test_the_job_links_to_the_results_and_is_recorded_in_the_audit_log(screened):
    job = Job.objects.get(pk=screened.job_id)
    assert job.status == Job.Status.SUCCEEDED
    assert job.result["url"] == f"/precursors/screening/{screened.pk}/"
    assert AuditEntry.objects.filter(
        object_type="precursors.screeningjob", object_id=str(screened.pk)
    ).exists()


def test_screening_jobs_are_confidential_to_the_organisation(screened):
    assert screened.confidentiality == "confidential"


def test_the_national_list_of_the_chosen_country_is_applied(personas):
    from cadis.apps.jobs.tasks import run_job

    job = screening_start(actor=personas.kg_provider, upload=csv_upload(), screen_country="KG")
    run_job.call(job.job_id)
    lists = {r.line_id: r.lists for r in ScreeningJob.objects.get(pk=job.pk).results.all()}
    assert lists["L5"] == "|national:KG|table_II|"


@pytest.mark.parametrize("who", ["kg_analyst", "tj_provider"])
def test_analysts_and_other_countries_cannot_run_a_screening_for_an_organisation(personas, who):
    user = getattr(personas, who)
    if who == "kg_analyst":
        with pytest.raises(PermissionDenied):
            screening_start(actor=user, upload=csv_upload())
    else:  # a TJ provider screens for the TJ organisation, never for the KG one
        job = screening_start(actor=user, upload=csv_upload())
        assert job.country.code == "TJ" and job.organisation == personas.tj_org
