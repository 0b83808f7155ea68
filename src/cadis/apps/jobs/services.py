from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.registry import cleanup_for, handler_for
from cadis.platform.errors import Conflict, PermissionDenied
from cadis.platform.scope import can_change


def job_start(*, actor, kind: str, title: str, params: dict[str, Any] | None = None,
              organisation=None, country=None) -> Job:
    """Record a job and queue it once the surrounding transaction commits."""
    handler_for(kind)  # fail now, not in the worker, for an unknown kind
    job = Job.objects.create(
        kind=kind, title=title[:300], params=params or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        organisation=organisation if organisation is not None else getattr(actor, "organisation", None),
        country=country,
    )

    job_enqueue(job)
    return job


def job_enqueue(job: Job) -> None:
    """Hand a queued job to the task backend once the surrounding transaction commits."""

    def enqueue() -> None:
        from cadis.apps.jobs.tasks import run_job

        result = run_job.enqueue(job.pk)
        Job.objects.filter(pk=job.pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue)


@transaction.atomic
def job_cancel(*, actor, job: Job) -> Job:
    """Stop a queued or running job: it fails with who cancelled it, its records are put back
    (an import being committed returns to "checked"), and a worker still running it stops at
    its next progress report."""
    from cadis.apps.jobs.selectors import JOB_OWNER

    if not can_change(actor, job, owner=JOB_OWNER):
        raise PermissionDenied(gettext("You may not cancel this job."))
    reason = gettext("Cancelled by %(user)s.") % {"user": actor.get_username()}
    cancelled = Job.objects.filter(
        pk=job.pk, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).update(status=Job.Status.FAILED, error=reason, message=reason, finished_at=timezone.now(),
             heartbeat_at=None)
    if not cancelled:
        raise Conflict(gettext("This job has already finished."))
    cleanup = cleanup_for(job.kind)
    if cleanup is not None:
        cleanup(job, final=True, reason=reason)
    job.refresh_from_db()
    return job
