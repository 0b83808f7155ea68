"""``cadis demo``: migrate, load reference and demo data, then serve with a task worker."""

from __future__ import annotations

import signal
import subprocess
import sys
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cadis.apps.operations.demo_accounts import DEMO_PASSWORD, ensure_demo_accounts


def demo_loaders():
    """``<app>.demo.load_demo(stdout)`` of every installed cadis app, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if not config.name.startswith("cadis.apps."):
            continue
        try:
            module = import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        yield config.label, module.load_demo


class Command(BaseCommand):
    help = "Set up and serve the demo: migrate, reference data, demo users and synthetic data, web + worker."

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Prepare the data only; do not start servers.")
        parser.add_argument("--addr", default="127.0.0.1:8000", help="Address to serve on (default 127.0.0.1:8000).")

    def handle(self, *args, no_serve: bool = False, addr: str = "127.0.0.1:8000", **options):
        if settings.PRODUCTION:
            # The demo creates accounts with a published password: never on a real installation.
            raise CommandError(
                "cadis demo refuses to run with CADIS_PROFILE=production: it creates accounts with the "
                "published demo password and synthetic data. Use a development installation for the demo."
            )
        self.stdout.write("1/4 migrating the database …")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("2/4 loading reference data …")
        call_command("refdata", "load", stdout=self.stdout)
        self.stdout.write("3/4 creating demo organisations and users …")
        users = ensure_demo_accounts()
        self.stdout.write("4/4 loading synthetic demo data …")
        for label, load in demo_loaders():
            self.stdout.write(f"   {label} …")
            load(stdout=self.stdout)
        self._print_users(users)
        if no_serve:
            return
        if settings.CADIS_REQUIRE_2FA:
            self.stdout.write(self.style.WARNING(
                "Two-factor authentication is required for administrators and focal points "
                "(set CADIS_REQUIRE_2FA=0 to switch it off for the demo; `make demo` does)."))
        self._serve(addr)

    def _print_users(self, users) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo users (password for all: {DEMO_PASSWORD}):"))
        for user in users:
            self.stdout.write(f"  {user.username:<16} {user.role:<18} {user.organisation}")
        self.stdout.write("These accounts exist for the demo only; never create them in production.")

    def _serve(self, addr: str) -> None:
        # A plain SIGTERM would end this process without stopping the worker it started.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        worker = subprocess.Popen([sys.executable, "-m", "cadis.cli", "worker"])
        self.stdout.write(self.style.SUCCESS(f"Serving on http://{addr}/ with a task worker (pid {worker.pid}). Ctrl+C stops both."))
        try:
            call_command("runserver", addr, use_reloader=False, skip_checks=True)
        finally:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
