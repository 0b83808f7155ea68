"""``cadis refdata load``: load reference vocabularies and control lists (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cadis.apps.reference.gazetteer_loader import gazetteer_load
from cadis.apps.reference.loader import refdata_load


class Command(BaseCommand):
    help = (
        "Reference data: `load` loads countries, subdivisions, agencies, substances, units, control lists "
        "and the gazetteer (places, districts, crossing points, airports)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "load", help="Load (or update) all reference data; running it twice changes nothing."
        )

    def handle(self, *args, action: str, **options):
        try:
            with transaction.atomic():  # all or nothing, gazetteer included
                report = refdata_load()
                gazetteer_load(report)
        except (ValueError, KeyError) as exc:
            raise CommandError(f"Reference data not loaded (nothing was written): {exc}") from exc
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"reference data loaded: {report.changed} records created or updated"
            )
        )
