"""An import whose worker died, or that its owner cancels, never stays "committing"."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.recovery import recover_stale_jobs
from cadis.apps.jobs.tasks import run_job
from cadis.apps.supply import imports
from cadis.apps.supply.models import ImportBatch, Seizure

pytestmark = pytest.mark.django_db


def _committing(personas, good_csv) -> tuple[ImportBatch, Job]:
    batch = imports.import_upload(actor=personas.kg_provider, data=good_csv, file_name="kg.csv")
    batch = imports.import_check(actor=personas.kg_provider, batch=batch)
    job = imports.import_start(actor=personas.kg_provider, batch=batch, action="commit")
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.COMMITTING
    return batch, job


def _orphan(job: Job, *, attempts: int, seconds_ago: int = 3600) -> None:
    """What a worker killed in the middle of the commit leaves behind."""
    long_ago = timezone.now() - dt.timedelta(seconds=seconds_ago)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=attempts,
                                         started_at=long_ago, heartbeat_at=long_ago)


def test_a_commit_whose_worker_died_is_retried_and_imports_the_file(personas, good_csv):
    batch, job = _committing(personas, good_csv)
    _orphan(job, attempts=1)
    with translation.override("en"):
        assert recover_stale_jobs() == {job.pk: "retried"}
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and "stopped" in job.message
    run_job.call(job.pk)
    job.refresh_from_db()
    batch.refresh_from_db()
    assert (job.status, job.attempts) == (Job.Status.SUCCEEDED, 2)
    assert batch.status == ImportBatch.Status.COMMITTED and Seizure.objects.count() == 3


def test_a_commit_that_died_twice_fails_with_the_reason_and_can_be_committed_again(personas, good_csv):
    batch, job = _committing(personas, good_csv)
    _orphan(job, attempts=2)
    with translation.override("en"):
        assert recover_stale_jobs() == {job.pk: "failed"}
    job.refresh_from_db()
    batch.refresh_from_db()
    assert job.status == Job.Status.FAILED and "no sign of life" in job.error
    assert batch.status == ImportBatch.Status.CHECKED
    imports.import_commit(actor=personas.kg_provider, batch=batch)
    assert Seizure.objects.count() == 3


def test_a_job_with_a_fresh_heartbeat_is_left_alone(personas, good_csv):
    batch, job = _committing(personas, good_csv)
    _orphan(job, attempts=1, seconds_ago=5)
    with translation.override("en"):
        assert recover_stale_jobs() == {}
    job.refresh_from_db()
    assert job.status == Job.Status.RUNNING


def test_a_batch_left_committing_by_a_job_that_is_over_is_released(personas, good_csv):
    batch, job = _committing(personas, good_csv)
    Job.objects.filter(pk=job.pk).update(status=Job.Status.FAILED)
    recover_stale_jobs()
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED


def test_the_owner_cancels_a_stuck_commit_from_the_job_page(client_of, personas, good_csv):
    batch, job = _committing(personas, good_csv)
    _orphan(job, attempts=1, seconds_ago=5)
    page = client_of(personas.kg_provider).get(f"/jobs/{job.pk}/").content.decode()
    assert f'action="/jobs/{job.pk}/cancel/"' in page
    assert client_of(personas.tj_provider).post(f"/jobs/{job.pk}/cancel/").status_code == 404
    assert client_of(personas.kg_analyst).post(f"/jobs/{job.pk}/cancel/").status_code == 403
    response = client_of(personas.kg_provider).post(f"/jobs/{job.pk}/cancel/")
    assert response.status_code == 302
    job.refresh_from_db()
    batch.refresh_from_db()
    assert job.status == Job.Status.FAILED and job.error == "Отменено пользователем kg_provider."
    assert batch.status == ImportBatch.Status.CHECKED
    assert client_of(personas.kg_provider).post(f"/jobs/{job.pk}/cancel/").status_code == 409
