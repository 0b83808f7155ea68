"""``cadis import <kind> FILE [--dry-run [--format json]] [--organisation ID]``: imports with the same rules as the web.

Kinds are subcommands in a registry so that other modules can add theirs
(``cadis.platform.imports.commands``: a module's ``importers.py``, e.g. ``cadis import dhis2``).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.platform.errors import CadisError
from cadis.platform.imports.commands import IMPORTERS, discover

discover()


class Command(BaseCommand):
    help = "Import data files: " + ", ".join(sorted(IMPORTERS)) + "."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True)
        for kind, registered in sorted(IMPORTERS.items()):
            p = sub.add_parser(kind, help=registered.help)
            p.add_argument("file", type=Path)
            p.add_argument(
                "--dry-run", action="store_true", help="Check the file and list every problem."
            )
            p.add_argument(
                "--organisation", type=int, help="Id of the organisation that owns the records."
            )
            p.add_argument("--user", help="Act as this user (their permissions apply).")
            if registered.arguments is not None:
                registered.arguments(p)
            else:
                p.add_argument(
                    "--format",
                    choices=["text", "json"],
                    default="text",
                    help="json: the dry-run report (rows, issues with row, column, code, value, "
                    "message, suggestions) as one JSON document.",
                )
            p.add_argument(
                "--confidentiality",
                default=None,
                help="Default: restricted (seizures, prices), confidential (tdi), public (harms).",
                choices=["public", "restricted", "confidential"],
            )

    def handle(self, *args, kind: str, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        try:
            status = IMPORTERS[kind].run(self, file, options)
        except CadisError as error:
            raise CommandError(error.message) from None
        if status:
            raise CommandError("The import failed; see the problems above.", returncode=status)
