"""The early-warning module's kind of ``cadis import``: ``cadis import nps FILE [--dry-run]
[--format json] [--user USERNAME]``, the NPS substance library (CSV, XLSX or SDF) with the same
JSON report as ``cadis import seizures``. ``cadis nps import FILE`` runs the same import."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cadis.platform.errors import PermissionDenied
from cadis.platform.imports.commands import (
    CommandUserError,
    command_actor,
    importer,
    write_report,
)
from cadis.platform.records import SourceKind
from cadis.platform.roles import Role


def run_library_import(command: BaseCommand, path: Path, options) -> int:
    """The library is shared reference data: an administrator imports it (the command line
    without ``--user`` acts as one). The audit entries say the command line made the changes."""
    from cadis.apps.ews.library import profiles_import

    try:
        actor = command_actor(options.get("user"))
    except CommandUserError as error:
        raise CommandError(str(error)) from None
    if not (actor.is_superuser or actor.role == Role.ADMINISTRATOR):
        raise PermissionDenied(_("Only an administrator may import the substance library."))
    as_json = options.get("format") == "json"
    if as_json and not options["dry_run"]:
        raise CommandError("--format json is a dry-run report: add --dry-run.")
    report = profiles_import(
        actor=actor if actor.pk else None,  # the command line's administrator is not stored
        path=path,
        dry_run=options["dry_run"],
        source_kind=SourceKind.CLI,
    )
    return write_report(command, report, as_json=as_json)


@importer("nps", "NPS substance library profiles from a CSV, XLSX or SDF file.")
def import_nps_library(command: BaseCommand, path: Path, options) -> int:
    return run_library_import(command, path, options)
