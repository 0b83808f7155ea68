"""``cadis backup FILE``: the database and uploaded files in one archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from cadis.apps.operations.backup import backup_create


class Command(BaseCommand):
    help = (
        "Back up the database (every table, as JSON lines) and the uploaded files (MEDIA_ROOT) "
        "into FILE, a zip archive with a manifest of row counts and SHA-256 checksums. Works on "
        "SQLite and PostgreSQL with any task backend; restore it with `cadis restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive to write (e.g. cadis-2026-01-31.zip).")
        parser.add_argument("--quiet", action="store_true", help="Print only the final line.")

    def handle(self, *args, file: Path, quiet: bool = False, **options):
        report = (lambda message: None) if quiet else self.stdout.write
        manifest = backup_create(file, report=report)
        self.stdout.write(self.style.SUCCESS(
            f"backup written to {file} ({manifest['database_vendor']}, {manifest['rows']} rows, "
            f"{manifest['media_files']} uploaded files)"))
