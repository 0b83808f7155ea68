"""``cadis restore FILE``: replace the database content and uploaded files with a backup's."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.apps.operations.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Restore a backup made by `cadis backup`. Replaces ALL current data. Run `cadis migrate` first."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, file: Path, yes: bool = False, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        if not yes and options.get("interactive", True):
            answer = input("This replaces all data in the database with the backup's. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        try:
            manifest = backup_restore(file)
        except BackupError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        self.stdout.write(self.style.SUCCESS(f"restored the backup of {manifest['created']}"))
