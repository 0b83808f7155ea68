from __future__ import annotations

from django.db.models import QuerySet

from cadis.apps.accounts.scope import scope_of
from cadis.apps.jobs.models import Job


def job_list(*, actor) -> QuerySet[Job]:
    """Jobs are confidential: their creator, the creator's organisation, the country's focal point."""
    scope = scope_of(actor)
    jobs = Job.objects.all()
    if scope.is_admin:
        return jobs
    if not scope.authenticated:
        return jobs.none()
    visible = jobs.filter(created_by=actor)
    if scope.organisation_id:
        visible = visible | jobs.filter(organisation_id=scope.organisation_id)
    if scope.is_focal_point and scope.country_id:
        visible = visible | jobs.filter(country_id=scope.country_id)
    return visible.distinct()
