"""``cadis geocode``: place mentions -> country, subdivision, place, point and confidence.

    cadis geocode "в Кара-Суйском районе Ошской области" "Sughd region"
    cadis geocode --file mentions.txt --format jsonl

One JSON object per input: {"input", "country", "subdivision", "place", "lat", "lon",
"confidence"}; JSON Lines by default, one JSON array with `--format json`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cadis.engines.geo.geocoder import default_geocoder


class Command(BaseCommand):
    help = (
        "Geocode place mentions (arguments, or one per line of --file; '-' reads standard input)."
    )

    def add_arguments(self, parser):
        parser.add_argument("texts", nargs="*", help="place mentions as written")
        parser.add_argument(
            "--file", help="a UTF-8 text file with one mention per line ('-' for standard input)"
        )
        parser.add_argument(
            "--format",
            choices=("jsonl", "json"),
            default="jsonl",
            help="jsonl (one object per line, default) or json (one array)",
        )

    def handle(self, *args, texts: list[str], file: str | None, format: str, **options):
        mentions = list(texts)
        if file:
            try:
                handle = sys.stdin if file == "-" else Path(file).open(encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
            with handle:
                mentions.extend(line.rstrip("\r\n") for line in handle if line.strip())
        if not mentions:
            raise CommandError("Give place mentions as arguments or with --file.")
        geocoder = default_geocoder()
        records = (geocoder.geocode(text).as_dict() for text in mentions)
        if format == "json":
            self.stdout.write(json.dumps(list(records), ensure_ascii=False, indent=2))
            return
        for record in records:
            self.stdout.write(json.dumps(record, ensure_ascii=False))
