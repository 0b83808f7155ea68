from __future__ import annotations

import pytest

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.services import job_start
from cadis.apps.jobs.tasks import run_job

pytestmark = pytest.mark.django_db


def test_a_job_runs_its_handler_and_records_progress(personas):
    job = job_start(actor=personas.kg_analyst, kind="jobs.selftest", title="t", params={"steps": 3})
    run_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert (job.progress_done, job.progress_total) == (3, 3)
    assert job.result == {"steps": 3, "attempts": 1}


def test_a_failing_handler_marks_the_job_failed_with_its_message(personas):
    job = job_start(
        actor=personas.kg_analyst, kind="jobs.selftest", title="t", params={"steps": "many"}
    )
    run_job.call(job.pk)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "many" in job.error


def test_an_unknown_job_kind_is_refused_before_queueing(personas):
    with pytest.raises(LookupError):
        job_start(actor=personas.kg_analyst, kind="no.such", title="t")


def test_a_job_page_is_visible_to_its_organisation_only(client_of, personas):
    job = job_start(actor=personas.kg_provider, kind="jobs.selftest", title="t")
    assert (
        client_of(personas.kg_analyst).get(f"/jobs/{job.pk}/").status_code == 200
    )  # same organisation
    assert client_of(personas.tj_analyst).get(f"/jobs/{job.pk}/").status_code == 404
    assert client_of(personas.kg_other_provider).get(f"/jobs/{job.pk}/").status_code == 404
    assert client_of(personas.kg_focal).get(f"/jobs/{job.pk}/").status_code == 200
    assert client_of(None).get(f"/jobs/{job.pk}/").status_code == 302


def test_the_progress_fragment_polls_until_the_job_finishes(client_of, personas):
    job = job_start(actor=personas.kg_provider, kind="jobs.selftest", title="t")
    fragment = (
        client_of(personas.kg_provider)
        .get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert 'hx-trigger="every 1s"' in fragment
    run_job.call(job.pk)
    fragment = (
        client_of(personas.kg_provider)
        .get(f"/jobs/{job.pk}/", HTTP_HX_REQUEST="true")
        .content.decode()
    )
    assert "hx-trigger" not in fragment
