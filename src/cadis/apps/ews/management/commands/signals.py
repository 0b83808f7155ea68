"""``cadis signals``: run the signal tests now (for cron: seizures and document facts have no
submit hook of their own) and draft alerts from them."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from cadis.apps.reference.models import CENTRAL_ASIA


class Command(BaseCommand):
    help = "Test the daily and weekly count series of the countries and draft alerts from signals."

    def add_arguments(self, parser):
        parser.add_argument("--country", action="append", help="ISO code (repeatable); default: the five")

    def handle(self, *args, country=None, **options):
        from cadis.apps.ews.signalling.run import run_country

        for code in country or CENTRAL_ASIA:
            self.stdout.write(json.dumps(run_country(code.upper())))
