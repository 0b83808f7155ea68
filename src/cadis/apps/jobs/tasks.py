"""The one task every job runs through; the task backend (database or RQ) carries it."""

from __future__ import annotations

import logging
import traceback

from django.utils import timezone
from django_tasks import task

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.progress import Progress
from cadis.apps.jobs.registry import handler_for

logger = logging.getLogger(__name__)


@task()
def run_job(job_id: int) -> str:
    job = Job.objects.get(pk=job_id)
    if job.is_finished:
        return job.status
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, started_at=timezone.now())
    progress = Progress(job)
    try:
        result = handler_for(job.kind)(job, progress) or {}
    except Exception as exc:  # the job record must say what went wrong, whatever it was
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        message = getattr(exc, "message", None) or str(exc) or exc.__class__.__name__
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, error=message[:2000], finished_at=timezone.now(),
            message=message[:500], result={"traceback": traceback.format_exc()[-4000:]},
        )
        return Job.Status.FAILED
    job.refresh_from_db(fields=["progress_done", "progress_total"])
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.SUCCEEDED, result=result, finished_at=timezone.now(),
        progress_done=job.progress_total or job.progress_done,
    )
    return Job.Status.SUCCEEDED
