"""``cadis jobs selftest``: queue a small job to check that workers pick jobs up."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from cadis.apps.jobs.models import Job
from cadis.apps.jobs.services import job_start


class Command(BaseCommand):
    help = "Background-job utilities: `selftest` queues a job and optionally waits for a worker to run it."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        selftest = sub.add_parser("selftest", help="Queue a self-test job.")
        selftest.add_argument("--steps", type=int, default=5)
        selftest.add_argument("--wait", type=float, default=0, help="Seconds to wait for a worker to finish it.")

    def handle(self, *args, action: str, steps: int = 5, wait: float = 0, **options):
        job = job_start(actor=None, kind="jobs.selftest", title="Worker self-test", params={"steps": steps})
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
