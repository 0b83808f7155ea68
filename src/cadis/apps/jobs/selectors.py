from __future__ import annotations

from django.db.models import QuerySet

from cadis.apps.jobs.models import Job
from cadis.platform.scope import Owner, visible

# Jobs are confidential: their creator, the creator's organisation, the country's focal point.
JOB_OWNER = Owner(level=None, creator="created_by")


def job_list(*, actor) -> QuerySet[Job]:
    return visible(Job.objects.all(), actor, owner=JOB_OWNER)
