"""``cadis knowledge load``: load (or refresh) the starter programme registry."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.apps.knowledge.loader import load_programmes
from cadis.platform.errors import CadisError
from cadis.platform.records import SourceKind


class Command(BaseCommand):
    help = "Knowledge module data: `load` loads the starter programme registry written from the UNODC/WHO standards."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load"])
        parser.add_argument(
            "--file", type=Path, help="Another programmes JSON file in the same format."
        )

    def handle(self, *args, action: str, file: Path | None = None, **options):
        if file is not None and not file.is_file():
            raise CommandError(f"There is no file {file}.")
        try:
            result = load_programmes(path=file, source_kind=SourceKind.CLI)
        except CadisError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"programmes: {result.created} created, {result.updated} updated")
