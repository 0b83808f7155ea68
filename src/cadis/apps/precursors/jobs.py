"""The background job that screens an uploaded declarations file."""

from __future__ import annotations

from cadis.apps.jobs.recovery import tracked_cleanup
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
        # strict=False: a failure the screening already recorded (a bad file) keeps its code.
        screening.move_to(
            ScreeningJob.Status.FAILED,
            strict=False,
            error_code=code,
            error=getattr(error, "message", None) or str(error),
        )
        raise
    return {
        "url": result_url(screening),
        "lines": screening.lines,
        "flagged": screening.flagged,
        "list_version": screening.list_version,
    }


# Job recovery: the partial result rows of a screening whose worker died are deleted; the retry
# screens the file again from RUNNING, or the screening fails with the reason.
tracked_cleanup(
    JOB_KIND,
    ScreeningJob,
    running=[ScreeningJob.Status.QUEUED, ScreeningJob.Status.RUNNING],
    failed=ScreeningJob.Status.FAILED,
    partial=lambda screening: screening.results.all().delete(),
    error_code="interrupted",
)
