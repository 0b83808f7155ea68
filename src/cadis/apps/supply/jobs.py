"""Background jobs for large imports: the dry run and the commit, with progress."""

from __future__ import annotations

from django.urls import reverse

from cadis.apps.jobs.recovery import tracked_cleanup
from cadis.apps.jobs.registry import job_handler
from cadis.apps.supply import imports
from cadis.apps.supply.models import ImportBatch


def _batch(job) -> ImportBatch:
    return ImportBatch.objects.select_related("organisation").get(pk=job.params["batch"])


@job_handler("supply.import_check")
def import_check_job(job, progress) -> dict:
    batch = _batch(job)
    progress(0, None, "checking", force=True)
    try:
        imports.import_check(actor=job.created_by, batch=batch)
    except Exception:
        batch.move_to(ImportBatch.Status.REJECTED, strict=False)
        raise
    progress(batch.row_count, batch.row_count, "checked", force=True)
    return {
        "url": reverse("supply:import_detail", args=[batch.pk]),
        "errors": batch.error_count,
        "rows": batch.row_count,
    }


@job_handler("supply.import_commit")
def import_commit_job(job, progress) -> dict:
    batch = _batch(job)
    try:
        imports.import_commit(actor=job.created_by, batch=batch, progress=progress)
    except Exception:
        batch.move_to(ImportBatch.Status.CHECKED, strict=False)
        raise
    return {
        "url": reverse("supply:import_detail", args=[batch.pk]),
        "created": batch.created_count,
        "unchanged": batch.unchanged_count,
    }


# Job recovery: a commit runs in one transaction, so a dead worker leaves nothing partial; the
# batch goes back to "checked" (committed again, or left) when the job is not run again.
tracked_cleanup("supply.import_commit", ImportBatch, running=[ImportBatch.Status.COMMITTING],
                failed=ImportBatch.Status.CHECKED)
tracked_cleanup("supply.import_check", ImportBatch, running=[ImportBatch.Status.CHECKING],
                failed=ImportBatch.Status.REJECTED)
