"""``cadis import <kind> FILE [--dry-run [--format json]] [--organisation ID]``: imports with the same rules as the web.

Kinds are subcommands in a registry so that other modules can add theirs
(``cadis.platform.imports.commands``: a module's ``importers.py``, e.g. ``cadis import dhis2``).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.platform.errors import CadisError
from cadis.platform.imports.commands import (
    IMPORTERS,
    command_actor_and_organisation,
    discover,
    importer,
)


@importer("seizures", "Seizures from a CSV or XLSX file.")
def import_seizures(command: BaseCommand, path: Path, options) -> int:
    from cadis.apps.supply.importing.commit import check_bytes, import_context, write_rows
    from cadis.platform.records import SourceKind

    actor, organisation = command_actor_and_organisation(options)
    context = import_context(actor, organisation, options["confidentiality"] or "restricted")
    result = check_bytes(path.read_bytes(), path.name, context)
    if options.get("format") == "json":
        if not options["dry_run"]:
            raise CommandError("--format json is a dry-run report: add --dry-run.")
        command.stdout.write(
            json.dumps(
                {
                    "file": path.name,
                    "rows": result.row_count,
                    "valid_rows": len(result.rows),
                    "errors": len(result.errors),
                    "issues": [problem.public() for problem in result.issues],
                    "preview": result.preview,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return 1 if result.errors or not result.rows else 0
    for problem in result.issues:
        where = f"{problem.file}:{problem.row or '-'}:{problem.column or '-'}"
        command.stdout.write(f"{problem.severity.upper()} {where} {problem.code}: {problem.reason}")
    command.stdout.write(
        f"{result.row_count} rows, {len(result.errors)} errors, {len(result.warnings)} warnings"
    )
    if result.errors or not result.rows:
        command.stderr.write("Nothing was imported: the file has errors.")
        return 1
    if options["dry_run"]:
        command.stdout.write(
            f"Dry run: {len(result.rows)} rows would be imported; nothing was written."
        )
        return 0
    actor_for_records = actor if actor.pk else None
    created, unchanged = write_rows(
        actor=actor_for_records,
        organisation=organisation,
        rows=result.rows,
        file_name=path.name,
        progress=lambda done, total, _m=None: command.stdout.write(f"  {done}/{total}"),
    )
    command.stdout.write(f"{created} created, {unchanged} already imported ({SourceKind.IMPORT}).")
    return 0


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
