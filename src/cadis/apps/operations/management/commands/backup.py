"""``cadis backup FILE``: the database and uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from cadis.apps.operations.backup import backup_create


class Command(BaseCommand):
    help = "Back up the database and uploaded files into FILE (a zip archive)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        manifest = backup_create(file)
        self.stdout.write(self.style.SUCCESS(
            f"backup written to {file} ({manifest['database_vendor']}, {manifest['media_files']} uploaded files)"))
