"""The supply module's kinds of ``cadis import``, each run the one way (``run_file_import``):

- ``cadis import seizures FILE [--dry-run [--format json]]``: seizures, with the same rules,
  mappings and report as the upload page (``importing.commit``);
- ``cadis import prices FILE [--dry-run [--format json]]``: price and purity records, with the
  same rules, mappings and report as the upload page (``prices.importing``)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from cadis.platform.imports.commands import importer, run_file_import


@importer("seizures", "Seizures from a CSV or XLSX file.")
def import_seizures_file(command: BaseCommand, path: Path, options) -> int:
    from cadis.apps.supply.importing.commit import import_seizures

    return run_file_import(command, path, options, import_seizures)


@importer("prices", "Drug price and purity records from a CSV or XLSX file.")
def import_prices_file(command: BaseCommand, path: Path, options) -> int:
    from cadis.apps.supply.prices.importing import import_prices

    return run_file_import(command, path, options, import_prices)
