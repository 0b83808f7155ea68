"""The background job that screens an uploaded declarations file."""

from __future__ import annotations

from django.utils import timezone

from cadis.apps.jobs.registry import job_handler
from cadis.apps.precursors.control_lists import NoControlLists
from cadis.apps.precursors.models import ScreeningJob
from cadis.apps.precursors.screening import JOB_KIND, result_url, run_screening_job


@job_handler(JOB_KIND)
def screen_declarations(job, progress) -> dict:
    screening = ScreeningJob.objects.get(pk=job.params["screening_job"])
    try:
        screening = run_screening_job(screening, progress)
    except Exception as error:  # the screening record must say it failed, whatever happened
        code = "no_control_lists" if isinstance(error, NoControlLists) else "internal_error"
        ScreeningJob.objects.filter(pk=screening.pk).exclude(
            status=ScreeningJob.Status.FAILED
        ).update(
            status=ScreeningJob.Status.FAILED,
            error_code=code,
            error=getattr(error, "message", None) or str(error),
            finished_at=timezone.now(),
        )
        raise
    return {
        "url": result_url(screening),
        "lines": screening.lines,
        "flagged": screening.flagged,
        "list_version": screening.list_version,
    }
