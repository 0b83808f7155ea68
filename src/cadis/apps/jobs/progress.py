"""Progress and heartbeat from inside a job.

A running job's ``heartbeat_at`` says its worker is alive: every progress report refreshes it,
and in a worker a background thread touches it every ``heartbeat_interval()`` seconds even when
the handler reports nothing. A job whose heartbeat is older than ``CADIS_JOB_STALE_SECONDS`` is
taken for orphaned (``cadis.apps.jobs.recovery``). A write that finds the job no longer running
(cancelled, or recovered from a worker that was taken for dead) raises ``JobStopped`` in the
handler, so that it stops instead of finishing work nobody waits for.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, connections
from django.utils import timezone

from cadis.apps.jobs.models import Job

logger = logging.getLogger(__name__)


# Set by `cadis worker`: jobs run in this process (or its forks) get a heartbeat thread.
IN_WORKER = False


class JobStopped(Exception):
    """The job was cancelled or recovered while this worker was running it."""


def stale_seconds() -> int:
    return int(settings.CADIS_JOB_STALE_SECONDS)


def heartbeat_interval() -> float:
    return max(0.5, stale_seconds() / 6)


class Heartbeat(threading.Thread):
    """Touches the job's heartbeat on a connection of its own; carries progress reported from
    inside a transaction (which the handler's connection would only publish at commit)."""

    def __init__(self, job_id: int) -> None:
        super().__init__(name=f"job-{job_id}-heartbeat", daemon=True)
        self.job_id = job_id
        self.stopped = False  # the job is no longer running here
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._pending: dict[str, Any] = {}

    def push(self, fields: dict[str, Any]) -> None:
        with self._lock:
            self._pending.update(fields)

    def _beat(self) -> None:
        with self._lock:
            fields, self._pending = self._pending, {}
        try:
            moved = Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).update(
                heartbeat_at=timezone.now(), **fields
            )
        except DatabaseError:  # SQLite: the handler holds the write lock; try again next beat
            logger.debug("heartbeat of job %s postponed", self.job_id, exc_info=True)
            self.push(fields)
            return
        if not moved:
            self.stopped = True

    def run(self) -> None:
        try:
            while not self._done.wait(heartbeat_interval()):
                self._beat()
                if self.stopped:
                    return
            if self._pending:
                self._beat()  # the last progress reported inside a transaction
        finally:
            connections.close_all()

    def finish(self) -> None:
        self._done.set()
        self.join(timeout=5)


class Progress:
    def __init__(self, job: Job, *, min_interval: float = 0.5, heartbeat: Heartbeat | None = None) -> None:
        self.job = job
        self.min_interval = min_interval
        self.heartbeat = heartbeat
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None, message: str | None = None, *, force: bool = False) -> None:
        if self.heartbeat is not None and self.heartbeat.stopped:
            raise JobStopped(f"job {self.job.pk} is no longer running in this worker")
        now = time.monotonic()
        if not force and now - self._last < self.min_interval:
            return
        self._last = now
        fields: dict[str, Any] = {"progress_done": done}
        if total is not None:
            fields["progress_total"] = total
        if message is not None:
            fields["message"] = message[:500]
        for name, value in fields.items():
            setattr(self.job, name, value)
        if self.heartbeat is not None and connection.in_atomic_block:
            self.heartbeat.push(fields)  # published now by the heartbeat's own connection
            return
        moved = Job.objects.filter(pk=self.job.pk, status=Job.Status.RUNNING).update(
            heartbeat_at=timezone.now(), **fields
        )
        if not moved and self.heartbeat is not None:
            raise JobStopped(f"job {self.job.pk} is no longer running in this worker")

