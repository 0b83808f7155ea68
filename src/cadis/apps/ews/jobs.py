"""Background jobs of the early-warning module: the signal tests (``ews.signals``).

The job is queued for a country when a detection is submitted (``enqueue_signals``), for the
countries of an import of seizures once it commits (``records_written("supply.seizures")``), and
for the five countries by every worker's timer every ``CADIS_SIGNALS_INTERVAL_SECONDS``
(``schedule_signals``), so that seizures and document facts, which have no submit hook of their
own, are tested without cron.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from cadis.apps.jobs.registry import job_handler
from cadis.apps.jobs.schedule import after_records, periodic
from cadis.apps.reference.models import CENTRAL_ASIA

SIGNAL_JOB = "ews.signals"
# Record sources whose imports queue the signal tests of their countries.
IMPORTED_SOURCES = ("supply.seizures",)


@job_handler(SIGNAL_JOB)
def run_signals(job, progress) -> dict:
    """Test the count series of the countries asked for (``params["countries"]``, default the
    five) and draft alerts from their signals."""
    from cadis.apps.ews.signalling.run import run_country

    countries = job.params.get("countries") or list(CENTRAL_ASIA)
    results = []
    for done, country in enumerate(countries):
        progress(done, len(countries), country)
        results.append(run_country(country))
    progress(len(countries), len(countries), "done")
    return {"countries": results}


def _queued_for(country: str) -> bool:
    """A signal job that has not started yet and will test the country (it reads the records
    when it runs, so it will see those just written)."""
    from cadis.apps.jobs.models import Job

    queued = Job.objects.filter(kind=SIGNAL_JOB, status=Job.Status.QUEUED)
    return any(country in (job.params.get("countries") or CENTRAL_ASIA) for job in queued)


def enqueue_signals(
    *, country: str, detection_id: int | None = None, reason: str = "detection"
) -> None:
    """Queue the signal job for one country once the current transaction commits (a detection
    just submitted by a form or the API, an import just written). After an import, a job already
    queued for the country is enough."""
    from cadis.apps.jobs.services import job_start

    def start() -> None:
        if reason != "detection" and _queued_for(country):
            return
        job_start(
            actor=None,
            kind=SIGNAL_JOB,
            title=f"Signals {country}",
            params={"countries": [country], "detection": detection_id, "reason": reason},
        )

    transaction.on_commit(start)


def _after_import(countries: list[str]) -> None:
    for country in countries:
        if country in CENTRAL_ASIA:
            enqueue_signals(country=country, reason="import")


for _source in IMPORTED_SOURCES:
    after_records(_source)(_after_import)


def signals_interval() -> float:
    return float(settings.CADIS_SIGNALS_INTERVAL_SECONDS)


@periodic(SIGNAL_JOB, interval=signals_interval)
def schedule_signals():
    """Queue the signal tests of the five countries, unless the timer of this or another worker
    did less than an interval ago (give or take a tenth), or such a job is still waiting.
    Returns the job queued, or None."""
    from cadis.apps.jobs.models import Job
    from cadis.apps.jobs.services import job_start

    seconds = signals_interval()
    if seconds <= 0:
        return None
    since = timezone.now() - dt.timedelta(seconds=seconds * 0.9)
    earlier = Job.objects.filter(kind=SIGNAL_JOB, params__scheduled=True).filter(
        Q(created_at__gte=since) | Q(status=Job.Status.QUEUED)
    )
    if earlier.exists():
        return None
    return job_start(
        actor=None,
        kind=SIGNAL_JOB,
        title="Signals (scheduled)",
        params={"countries": list(CENTRAL_ASIA), "scheduled": True},
    )
