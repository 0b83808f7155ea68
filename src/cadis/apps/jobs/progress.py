"""Progress reporting from inside a job, throttled so a hot loop does not hammer the database."""

from __future__ import annotations

import time

from cadis.apps.jobs.models import Job


class Progress:
    def __init__(self, job: Job, *, min_interval: float = 0.5) -> None:
        self.job = job
        self.min_interval = min_interval
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None, message: str | None = None, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.min_interval:
            return
        self._last = now
        fields = {"progress_done": done}
        if total is not None:
            fields["progress_total"] = total
        if message is not None:
            fields["message"] = message[:500]
        Job.objects.filter(pk=self.job.pk).update(**fields)
        for name, value in fields.items():
            setattr(self.job, name, value)
