from __future__ import annotations

from typing import Any

from django.db import transaction

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.registry import handler_for


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

    def enqueue() -> None:
        from cadis.apps.jobs.tasks import run_job

        result = run_job.enqueue(job.pk)
        Job.objects.filter(pk=job.pk).update(task_id=str(result.id))

    transaction.on_commit(enqueue)
    return job
