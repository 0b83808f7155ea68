"""``cadis jobs selftest`` and ``cadis jobs recover``."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.progress import stale_seconds
from cadis.apps.jobs.recovery import recover_stale_jobs
from cadis.apps.jobs.services import job_start


class Command(BaseCommand):
    help = (
        "Background-job utilities. `selftest` queues a job and optionally waits for a worker to "
        "run it; `recover` finds orphaned jobs (running, heartbeat older than "
        "CADIS_JOB_STALE_SECONDS), removes their partial output and queues them again (once, "
        "CADIS_JOB_RETRIES) or marks them failed with the reason."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        selftest = sub.add_parser("selftest", help="Queue a self-test job.")
        selftest.add_argument("--steps", type=int, default=5)
        selftest.add_argument("--delay", type=float, default=0, help="Seconds each step takes.")
        selftest.add_argument("--wait", type=float, default=0, help="Seconds to wait for a worker to finish it.")
        sub.add_parser("recover", help="Recover orphaned jobs now.")

    def handle(self, *args, action: str, **options):
        if action == "recover":
            outcomes = recover_stale_jobs(report=self.stdout.write)
            self.stdout.write(f"{len(outcomes)} orphaned jobs (stale after {stale_seconds()} s)")
            return
        self._selftest(steps=options["steps"], delay=options["delay"], wait=options["wait"])

    def _selftest(self, *, steps: int, delay: float, wait: float) -> None:
        job = job_start(actor=None, kind="jobs.selftest", title="Worker self-test",
                        params={"steps": steps, "delay": delay})
        self.stdout.write(f"job {job.pk} queued")
        deadline = time.monotonic() + wait
        while wait and time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_finished:
                break
            time.sleep(0.2)
        job.refresh_from_db()
        self.stdout.write(f"job {job.pk} {job.status} {job.progress_done}/{job.progress_total or '?'}")
        if wait and job.status != Job.Status.SUCCEEDED:
            raise CommandError(f"job {job.pk} did not succeed within {wait} s (status: {job.status})")
