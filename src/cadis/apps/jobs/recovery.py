"""Job recovery: orphaned jobs (their worker died) are cleaned up, then retried or failed.

A running job whose heartbeat is older than ``CADIS_JOB_STALE_SECONDS`` is orphaned. Workers look
for such jobs when they start and every ``check_interval()`` seconds while they run (the
``Watcher``, which also runs the modules' periodic duties, ``schedule.periodic``), and
``cadis jobs recover`` does it on demand. For each one, in one transaction: the job is claimed
(so two workers cannot both recover it), its kind's cleanup removes the partial output and puts
its records back, and the job is queued again (at most ``CADIS_JOB_RETRIES`` times) or failed
with the reason, which the job page shows.

A model that inherits ``JobTracked`` registers its cleanup with ``tracked_cleanup``: the records
the job was working on move back to a state the retry (or the user) starts from.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable, Collection
from typing import Any

from django.conf import settings
from django.db import connections, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.progress import stale_seconds
from cadis.apps.jobs.registry import cleanup_for, job_cleanup
from cadis.apps.jobs.schedule import periodic_duties

logger = logging.getLogger(__name__)

RETRIED, FAILED, SKIPPED = "retried", "failed", "skipped"


def check_interval() -> float:
    return max(1.0, stale_seconds() / 2)


def stale_jobs(now: dt.datetime | None = None):
    cutoff = (now or timezone.now()) - dt.timedelta(seconds=stale_seconds())
    return Job.objects.filter(status=Job.Status.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    ).order_by("pk")


def _stop(job: Job, *, status: str, reason: str, **values: Any) -> bool:
    """Move the job out of RUNNING unless its worker touched it since we read it."""
    now = timezone.now()
    fields: dict[str, Any] = {"status": status, "heartbeat_at": None, **values}
    if status == Job.Status.FAILED:
        fields.update(error=reason[:2000], message=reason[:500], finished_at=now)
    else:
        fields.update(message=reason[:500], progress_done=0)
    return bool(
        Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING, heartbeat_at=job.heartbeat_at)
        .update(**fields)
    )


def recover_job(job: Job, *, reason: str, retry: bool | None = None) -> str:
    """Clean up an orphaned job, then queue it again or fail it with ``reason``."""
    from cadis.apps.jobs.services import job_enqueue

    if retry is None:
        retry = job.attempts <= int(settings.CADIS_JOB_RETRIES)
    with transaction.atomic():
        if retry:
            moved = _stop(job, status=Job.Status.QUEUED,
                          reason=gettext("%(reason)s It is being run again.") % {"reason": reason})
        else:
            moved = _stop(job, status=Job.Status.FAILED, reason=reason)
        if not moved:
            return SKIPPED
        cleanup = cleanup_for(job.kind)
        if cleanup is not None:
            cleanup(job, final=not retry, reason=reason)
        if retry:
            job_enqueue(job)
    logger.warning("job %s (%s) recovered: %s", job.pk, job.kind, RETRIED if retry else FAILED)
    return RETRIED if retry else FAILED


def recover_stale_jobs(*, now: dt.datetime | None = None,
                       report: Callable[[str], None] = lambda message: None) -> dict[int, str]:
    """Recover every orphaned job; returns job id -> outcome."""
    outcomes: dict[int, str] = {}
    for job in stale_jobs(now):
        retry = job.attempts <= int(settings.CADIS_JOB_RETRIES)
        if retry:
            reason = gettext(
                "The worker running this job stopped (no sign of life for %(seconds)s s)."
            ) % {"seconds": stale_seconds()}
        else:
            reason = gettext(
                "The worker running this job stopped (no sign of life for %(seconds)s s) "
                "%(attempts)s times; the job was not run again."
            ) % {"seconds": stale_seconds(), "attempts": job.attempts}
        outcomes[job.pk] = recover_job(job, reason=reason, retry=retry)
        report(f"job {job.pk} ({job.kind}): {outcomes[job.pk]}")
    outcomes.update(release_stuck_records(report=report))
    return outcomes


# --- records that follow a job (JobTracked) -------------------------------------------------

_TRACKED: list[tuple[Any, Collection[str], str]] = []


def tracked_cleanup(
    kind: str,
    model: Any,
    *,
    running: Collection[str],
    failed: str,
    retry: str | None = None,
    partial: Callable[[Any], None] | None = None,
    **failed_values: Any,
) -> None:
    """Register the cleanup of ``kind`` for the ``JobTracked`` records of ``model``.

    The records of the job in one of the ``running`` states lose their partial output
    (``partial(record)``) and move to ``retry`` (None: they stay) when the job runs again, or
    to ``failed`` (with ``failed_values``, and the reason in ``error`` when the model has one)
    when it does not. A record left in a ``running`` state by a job that is over is moved to
    ``failed`` by ``release_stuck_records``.
    """
    has_error = any(field.name == "error" for field in model._meta.get_fields())

    def cleanup(job: Job, *, final: bool, reason: str) -> None:
        for record in model._default_manager.filter(job=job, status__in=list(running)):
            if partial is not None:
                partial(record)
            if final:
                values = {**failed_values, **({"error": reason} if has_error else {})}
                record.move_to(failed, strict=False, **values)
            elif retry is not None:
                record.move_to(retry, strict=False)

    job_cleanup(kind)(cleanup)
    _TRACKED.append((model, tuple(running), failed))


def release_stuck_records(*, report: Callable[[str], None] = lambda message: None) -> dict[int, str]:
    """Records in a running state whose job is over (or gone) move to their failed state."""
    over = Q(job__isnull=True) | Q(job__status__in=[Job.Status.SUCCEEDED, Job.Status.FAILED])
    for model, running, failed in _TRACKED:
        for record in model._default_manager.filter(over, status__in=list(running)):
            if record.move_to(failed, strict=False):
                report(f"{model._meta.label} {record.pk}: released from {running} to {failed}")
    return {}


# --- the watcher inside a worker ------------------------------------------------------------


# The watcher wakes at least this often, so a changed interval (0 -> on) is noticed.
MAX_SLEEP = 60.0


class Watcher(threading.Thread):
    """The timer of a worker: runs ``recover_stale_jobs`` every ``check_interval()`` seconds, and
    the duties modules registered with ``schedule.periodic`` when the worker starts and then
    every interval. A duty that fails is logged and tried again at its next time."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(name="cadis-job-recovery", daemon=True)
        self._done = threading.Event()
        self._clock = clock

    def _duties(self) -> list[tuple[str, Callable[[], float], Callable[[], object]]]:
        duties = [("recovery", check_interval, recover_stale_jobs)]
        duties += [(d.name, d.interval, d.run) for d in periodic_duties()]
        return duties

    def run(self) -> None:
        duties = self._duties()
        start = self._clock()
        # The worker recovered orphans as it started; the periodic duties start now.
        due = {name: start + (check_interval() if name == "recovery" else 0.0)
               for name, _interval, _run in duties}
        try:
            while True:
                active = [name for name, interval, _run in duties if interval() > 0]
                wait = min((due[name] for name in active), default=self._clock() + MAX_SLEEP)
                if self._done.wait(min(max(0.0, wait - self._clock()), MAX_SLEEP)):
                    break
                for name, interval, run in duties:
                    seconds = interval()
                    if seconds > 0 and self._clock() >= due[name]:
                        self._run_duty(name, run)
                        due[name] = self._clock() + seconds
        finally:
            connections.close_all()

    @staticmethod
    def _run_duty(name: str, run: Callable[[], object]) -> None:
        try:
            run()
        except Exception:  # one failing duty must not stop recovery nor the other duties
            logger.exception("%s failed; trying again at its next time", name)

    def stop(self) -> None:
        self._done.set()
