"""Built-in job handlers."""

from __future__ import annotations

from cadis.apps.jobs.registry import job_handler


@job_handler("jobs.selftest")
def selftest(job, progress) -> dict:
    """Walks through ``steps`` steps reporting progress: proves a worker picks jobs up."""
    steps = int(job.params.get("steps", 10))
    for done in range(1, steps + 1):
        progress(done, steps, f"step {done} of {steps}", force=True)
    return {"steps": steps}
