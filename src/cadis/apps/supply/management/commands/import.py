"""``cadis import <kind> FILE [--dry-run] [--organisation ID]``: imports with the same rules as the web.

Kinds are subcommands in a registry so that other modules can add theirs (``IMPORTERS``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.apps.accounts.errors import CadisError

# kind -> (help text, fn(command, path, options) -> int exit status)
IMPORTERS: dict[str, tuple[str, Callable]] = {}


def importer(kind: str, help_text: str):
    def register(fn: Callable) -> Callable:
        IMPORTERS[kind] = (help_text, fn)
        return fn

    return register


def _actor(options):
    from cadis.apps.accounts.models import Role, User

    username = options.get("user")
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        return user
    # The command line acts as the system administrator unless a user is named.
    return User(username="cli", role=Role.ADMINISTRATOR, is_superuser=True, is_active=True)


@importer("seizures", "Seizures from a CSV or XLSX file.")
def import_seizures(command: BaseCommand, path: Path, options) -> int:
    from cadis.apps.accounts.models import Organisation, SourceKind
    from cadis.apps.supply.importing.commit import check_bytes, import_context, write_rows

    actor = _actor(options)
    organisation = None
    if options.get("organisation"):
        organisation = Organisation.objects.filter(pk=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"No organisation with id {options['organisation']}.")
    organisation = organisation or getattr(actor, "organisation", None)
    if organisation is None:
        raise CommandError("Give --organisation ID (the organisation that owns the records).")
    context = import_context(actor, organisation, options["confidentiality"])
    result = check_bytes(path.read_bytes(), path.name, context)
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


class Command(BaseCommand):
    help = "Import data files: " + ", ".join(sorted(IMPORTERS)) + "."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="kind", required=True)
        for kind, (help_text, _fn) in sorted(IMPORTERS.items()):
            p = sub.add_parser(kind, help=help_text)
            p.add_argument("file", type=Path)
            p.add_argument(
                "--dry-run", action="store_true", help="Check the file and list every problem."
            )
            p.add_argument(
                "--organisation", type=int, help="Id of the organisation that owns the records."
            )
            p.add_argument("--user", help="Act as this user (their permissions apply).")
            p.add_argument(
                "--confidentiality",
                default="restricted",
                choices=["public", "restricted", "confidential"],
            )

    def handle(self, *args, kind: str, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        try:
            status = IMPORTERS[kind][1](self, file, options)
        except CadisError as error:
            raise CommandError(error.message) from None
        if status:
            raise CommandError("The import failed; see the problems above.", returncode=status)
