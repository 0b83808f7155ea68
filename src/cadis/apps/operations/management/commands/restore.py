"""``cadis restore FILE``: replace the database content and uploaded files with a backup's."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.apps.operations.backup import BackupError
from cadis.apps.operations.restore import backup_restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `cadis backup`: replaces ALL data in the database and the "
        "uploaded files in MEDIA_ROOT. Run `cadis migrate` on the target first (an empty, "
        "migrated database on a new server will do; SQLite and PostgreSQL both read any backup). "
        "The archive is checked (row counts, SHA-256 of every table and file) before anything "
        "changes; the database part is all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        parser.add_argument("--quiet", action="store_true", help="Print only the final line.")

    def handle(self, *args, file: Path, yes: bool = False, quiet: bool = False, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        if not yes and options.get("interactive", True):
            answer = input("This replaces all data in the database with the backup's. Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        report = (lambda message: None) if quiet else self.stdout.write
        try:
            manifest = backup_restore(file, report=report)
        except BackupError as exc:
            raise CommandError(f"{exc} Nothing was changed.") from exc
        self.stdout.write(self.style.SUCCESS(f"restored the backup of {manifest['created']}"))
