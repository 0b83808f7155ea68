"""Background extraction of long documents, with progress."""

from __future__ import annotations

from django.urls import reverse

from cadis.apps.extraction import services
from cadis.apps.extraction.models import ExtractionRun
from cadis.apps.jobs.recovery import tracked_cleanup
from cadis.apps.jobs.registry import job_handler


@job_handler("extraction.extract")
def extract_job(job, progress) -> dict:
    run = ExtractionRun.objects.select_related("document", "created_by").get(pk=job.params["run"])
    services.extraction_execute(run, progress=progress)
    return {"url": reverse("extraction:review", args=[run.document_id]), "facts": run.fact_count}


# Job recovery: facts of an interrupted run are removed; the retry extracts again.
tracked_cleanup(
    "extraction.extract",
    ExtractionRun,
    running=[ExtractionRun.Status.QUEUED, ExtractionRun.Status.RUNNING],
    failed=ExtractionRun.Status.FAILED,
    partial=lambda run: run.facts.all().delete(),
)
