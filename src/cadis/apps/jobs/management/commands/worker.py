"""``cadis worker``: runs background jobs with the configured task backend."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cadis.apps.jobs import progress
from cadis.apps.jobs.recovery import Watcher, check_interval, recover_stale_jobs


class Command(BaseCommand):
    help = (
        "Run a task worker: the database worker (embedded) or an RQ worker (TASK_BACKEND=rq). "
        "On start-up and every CADIS_JOB_STALE_SECONDS/2 seconds it recovers orphaned jobs "
        "(see `cadis jobs recover`) and runs the modules' periodic duties (the early-warning "
        "signal tests every CADIS_SIGNALS_INTERVAL_SECONDS); while a job runs it refreshes the "
        "job's heartbeat."
    )

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="Run the queued jobs, then exit.")

    def handle(self, *args, burst: bool = False, **options):
        if settings.TASK_BACKEND not in ("database", "rq"):
            raise CommandError(f"TASK_BACKEND={settings.TASK_BACKEND} runs tasks in-process; no worker is needed.")
        progress.IN_WORKER = True
        for job_id, outcome in recover_stale_jobs().items():
            self.stdout.write(f"orphaned job {job_id}: {outcome}")
        watcher = None if burst else Watcher()
        if watcher is not None:
            watcher.start()
            self.stdout.write(f"worker ready; looking for orphaned jobs every {check_interval():g} s")
            self.stdout.flush()
        try:
            if settings.TASK_BACKEND == "database":
                call_command("db_worker", batch=burst, startup_delay=False, interval=0.5)
            else:
                # RQ must build jobs with the django-tasks job class, or it cannot call Task objects.
                call_command("rqworker", "default", burst=burst, job_class="django_tasks_rq.backend.Job")
        finally:
            if watcher is not None:
                watcher.stop()
