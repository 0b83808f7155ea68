"""``cadis worker``: runs background jobs with the configured task backend."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Run a task worker: the database worker (embedded) or an RQ worker (TASK_BACKEND=rq)."

    def add_arguments(self, parser):
        parser.add_argument("--burst", action="store_true", help="Run the queued jobs, then exit.")

    def handle(self, *args, burst: bool = False, **options):
        if settings.TASK_BACKEND == "database":
            call_command("db_worker", batch=burst, startup_delay=False, interval=0.5)
        elif settings.TASK_BACKEND == "rq":
            # RQ must build jobs with the django-tasks job class, or it cannot call Task objects.
            call_command("rqworker", "default", burst=burst, job_class="django_tasks_rq.backend.Job")
        else:
            raise CommandError(f"TASK_BACKEND={settings.TASK_BACKEND} runs tasks in-process; no worker is needed.")
