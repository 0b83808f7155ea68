"""Long documents are extracted in a background job; the highlighted text never loses a character."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadis.apps.extraction import bridge
from cadis.apps.extraction.highlight import segments
from cadis.apps.extraction.models import ExtractionRun
from cadis.apps.jobs.models import Job
from cadis.apps.jobs.tasks import run_job

from .conftest import KG_RELEASE


@pytest.mark.django_db
def test_a_long_document_is_extracted_in_a_job_with_progress(
    ingest, monkeypatch, client_of, personas
):
    monkeypatch.setattr(bridge, "BACKGROUND_CHARS", 100)
    document, run = ingest(KG_RELEASE)
    assert run.job_id and run.status == ExtractionRun.Status.QUEUED
    run_job.call(run.job_id)
    job = Job.objects.get(pk=run.job_id)
    run.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and (job.progress_done, job.progress_total) == (3, 3)
    assert job.result["url"] == f"/documents/{document.pk}/"
    assert run.status == ExtractionRun.Status.DONE and run.facts.filter(type="seizure").exists()


@dataclass
class FakeFact:
    span_start: int
    span_end: int
    type: str = "seizure"


spans = st.lists(
    st.tuples(st.integers(-5, 60), st.integers(-5, 60), st.sampled_from(["seizure", "country"]))
)


@settings(suppress_health_check=[HealthCheck.too_slow])  # slow only on a loaded machine
@given(text=st.text(max_size=50), raw=spans)
def test_segments_cover_the_text_exactly_whatever_the_spans(text, raw):
    facts = [FakeFact(a, b, t) for a, b, t in raw]
    parts = segments(text, facts)
    assert "".join(p.text for p in parts) == text
    marked = [p.fact for p in parts if p.fact is not None]
    assert all(
        text[f.span_start : f.span_end] == p.text
        for p, f in zip([p for p in parts if p.fact], marked, strict=True)
    )
