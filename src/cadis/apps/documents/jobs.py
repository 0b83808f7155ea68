"""Background extraction of long documents, with progress."""

from __future__ import annotations

from django.urls import reverse

from cadis.apps.documents import services
from cadis.apps.documents.models import ExtractionRun
from cadis.apps.jobs.registry import job_handler


@job_handler("documents.extract")
def extract_job(job, progress) -> dict:
    run = ExtractionRun.objects.select_related("document", "created_by").get(pk=job.params["run"])
    services.extraction_execute(run, progress=progress)
    return {"url": reverse("documents:review", args=[run.document_id]), "facts": run.fact_count}
