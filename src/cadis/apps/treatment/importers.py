"""The treatment module's kinds of ``cadis import``, with the same rules, mappings and reports as
the upload pages:

- ``cadis import tdi FILE`` and ``cadis import harms FILE``: episodes and harms figures, with the
  same JSON report as ``cadis import seizures``;
- ``cadis import dhis2 FILE [--format adx|json] [--dry-run] [--instance CODE]``: TDI and harms
  aggregates from DHIS2 (``dhis2_import``)."""

from __future__ import annotations

import json
from argparse import ArgumentParser
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.platform.imports.commands import (
    CommandUserError,
    command_actor,
    importer,
    run_file_import,
)


def _arguments(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=["adx", "json"],
        help="adx: ADX XML; json: DHIS2 dataValueSets. Default: by the file's suffix.",
    )
    parser.add_argument(
        "--instance", default="cadis", help="The DHIS2 instance whose mapping reads the file."
    )
    parser.add_argument(
        "--report", choices=["text", "json"], default="text", help="json: the report as JSON."
    )


@importer(
    "dhis2",
    "TDI and harms aggregates from a DHIS2 ADX (XML) or dataValueSets (JSON) file.",
    arguments=_arguments,
)
def import_dhis2_file(command, path: Path, options) -> int:
    from cadis.apps.accounts.models import Organisation
    from cadis.apps.reference.models import Dhis2Instance
    from cadis.apps.treatment import dhis2_import as import_dhis2_module
    from cadis.apps.treatment.dhis2_import import import_dhis2

    try:
        actor = command_actor(options.get("user"))
    except CommandUserError as error:
        raise CommandError(str(error)) from None
    owner = import_dhis2_module.importing_organisation(actor)
    if options.get("organisation"):
        owner = Organisation.objects.filter(pk=options["organisation"]).first()
        if not owner:
            raise CommandError(f"No organisation with id {options['organisation']}.")
    if not owner:
        raise CommandError("Give --organisation ID (the organisation that owns the figures).")
    instance = Dhis2Instance.objects.filter(code=options["instance"]).first()
    if instance is None:
        raise CommandError(f"No DHIS2 instance {options['instance']!r} (see the admin).")
    report = import_dhis2(
        actor=actor,
        organisation=owner,
        instance=instance,
        data=path.read_bytes(),
        file_name=path.name,
        fmt=options.get("format"),
        dry_run=options["dry_run"],
        confidentiality=options["confidentiality"] or "public",
    )
    if options.get("report") == "json":
        summary = {
            "file": path.name,
            "values": report.rows,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "committed": report.committed,
            "issues": [problem.public() for problem in report.issues],
        }
        command.stdout.write(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0 if report.ok else 1
    for problem in report.issues:
        where = f"{path.name}:{problem.row or '-'}:{problem.column or '-'}"
        command.stdout.write(f"{problem.severity.upper()} {where} {problem.code}: {problem.reason}")
    command.stdout.write(
        f"{report.rows} values: {report.created} new, {report.updated} changed, "
        f"{report.unchanged} unchanged."
    )
    if not report.ok:
        command.stderr.write("Nothing was imported: the file has errors.")
        return 1
    if not report.committed:
        command.stdout.write("Dry run: nothing was written.")
    return 0


@importer("tdi", "Treatment episodes (TDI) from a CSV or XLSX file.")
def import_tdi(command: BaseCommand, path: Path, options) -> int:
    from cadis.apps.treatment.importing import import_episodes

    return run_file_import(command, path, options, import_episodes)


@importer("harms", "Harms figures (DRD, DRID) from a CSV or XLSX file.")
def import_harms_file(command: BaseCommand, path: Path, options) -> int:
    from cadis.apps.treatment.harms_import import import_harms

    return run_file_import(command, path, options, import_harms)
