"""A screening whose worker died loses its partial result rows, then is retried or failed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.recovery import recover_stale_jobs
from cadis.apps.jobs.tasks import run_job
from cadis.apps.precursors.models import ScreeningJob, ScreeningResult
from cadis.apps.precursors.screening import screening_start
from tests.precursors.conftest import csv_upload

pytestmark = pytest.mark.django_db


def _killed_half_way(personas, *, attempts: int) -> ScreeningJob:
    """A screening as a worker killed after writing two result rows leaves it."""
    screening = screening_start(actor=personas.kg_provider, upload=csv_upload())
    screening.move_to(ScreeningJob.Status.RUNNING)
    for row in (2, 3):
        ScreeningResult.objects.create(job=screening, row=row, line_id=f"L{row}", description="x")
    long_ago = timezone.now() - dt.timedelta(hours=1)
    Job.objects.filter(pk=screening.job_id).update(
        status=Job.Status.RUNNING, attempts=attempts, started_at=long_ago, heartbeat_at=long_ago,
        progress_done=2)
    return screening


def test_the_partial_rows_are_deleted_and_the_retry_screens_every_line(personas):
    screening = _killed_half_way(personas, attempts=1)
    with translation.override("en"):
        assert recover_stale_jobs() == {screening.job_id: "retried"}
    assert screening.results.count() == 0
    run_job.call(screening.job_id)
    screening.refresh_from_db()
    assert screening.status == ScreeningJob.Status.DONE and screening.results.count() == 5
    assert Job.objects.get(pk=screening.job_id).attempts == 2


def test_without_retries_left_the_screening_fails_with_the_reason(personas):
    screening = _killed_half_way(personas, attempts=2)
    with translation.override("en"):
        assert recover_stale_jobs() == {screening.job_id: "failed"}
    screening.refresh_from_db()
    assert screening.status == ScreeningJob.Status.FAILED and screening.results.count() == 0
    assert screening.error_code == "interrupted" and "no sign of life" in screening.error
    job = Job.objects.get(pk=screening.job_id)
    assert job.status == Job.Status.FAILED and job.error == screening.error
