"""The one task every job runs through; the task backend (database or RQ) carries it."""

from __future__ import annotations

import logging
import traceback

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from cadis.apps.jobs import progress as progress_module
from cadis.apps.jobs.models import Job
from cadis.apps.jobs.progress import Heartbeat, JobStopped, Progress
from cadis.apps.jobs.registry import handler_for

logger = logging.getLogger(__name__)


@task()
def run_job(job_id: int) -> str:
    now = timezone.now()
    # Claim the job: only a queued job starts, so two deliveries of one task cannot both run it.
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1
    )
    job = Job.objects.get(pk=job_id)
    if not claimed:
        return job.status
    heartbeat = Heartbeat(job.pk) if progress_module.IN_WORKER else None
    if heartbeat is not None:
        heartbeat.start()
    running = Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING)
    try:
        result = handler_for(job.kind)(job, Progress(job, heartbeat=heartbeat)) or {}
    except JobStopped:
        logger.warning("job %s (%s) was stopped while running", job.pk, job.kind)
        job.refresh_from_db(fields=["status"])
        return job.status
    except Exception as exc:  # the job record must say what went wrong, whatever it was
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        message = getattr(exc, "message", None) or str(exc) or exc.__class__.__name__
        running.update(
            status=Job.Status.FAILED, error=message[:2000], finished_at=timezone.now(),
            message=message[:500], result={"traceback": traceback.format_exc()[-4000:]},
        )
        return Job.Status.FAILED
    finally:
        if heartbeat is not None:
            heartbeat.finish()
    job.refresh_from_db(fields=["progress_done", "progress_total"])
    running.update(
        status=Job.Status.SUCCEEDED, result=result, finished_at=timezone.now(),
        progress_done=job.progress_total or job.progress_done,
    )
    return Job.Status.SUCCEEDED
