"""Built-in job handlers."""

from __future__ import annotations

import os
import time

from cadis.apps.jobs.registry import job_handler


@job_handler("jobs.selftest")
def selftest(job, progress) -> dict:
    """Walks through ``steps`` steps (``delay`` seconds each) reporting progress: proves a worker
    picks jobs up, and gives the recovery tests a job to kill a worker in."""
    steps = int(job.params.get("steps", 10))
    delay = float(job.params.get("delay", 0))
    for done in range(1, steps + 1):
        if delay:
            time.sleep(delay)
        progress(done, steps, f"step {done} of {steps} (process {os.getpid()})", force=True)
    return {"steps": steps, "attempts": job.attempts}
