"""``cadis extract FILE... [--format jsonl|json] [--date YYYY-MM-DD]``: facts of documents as JSON.

Thin over the engine: one JSON object per document (``{"document", "language", "facts"}``),
with the reference vocabulary and agencies when the database has them.
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from cadis.apps.extraction import bridge
from cadis.apps.extraction.messages import loader_message
from cadis.engines import extract as engine


class Command(BaseCommand):
    help = "Extract facts (seizures, groups, trends, ...) from .txt, .html, .pdf or .docx files."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=("jsonl", "json"), default="jsonl")
        parser.add_argument(
            "--date", help="The documents' date (YYYY-MM-DD), anchoring relative periods."
        )
        parser.add_argument(
            "--builtin", action="store_true", help="Use the engine's own vocabulary only."
        )

    def handle(self, *args, **options):
        document_date = None
        if options["date"]:
            try:
                document_date = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must be YYYY-MM-DD.") from None
        vocabulary = gazetteer = None
        if not options["builtin"]:
            try:
                vocabulary = bridge.reference_vocabulary()
                gazetteer = bridge.reference_gazetteer()
            except DatabaseError:
                vocabulary = gazetteer = None  # no database: the engine's built-in lists
        failures = 0
        for path in options["files"]:
            try:
                text, _meta = engine.load_document_text(path)
            except engine.ExtractError as exc:
                failures += 1
                self.stderr.write(
                    f"{path}: {exc.code}: {loader_message(str(exc.code), exc.message)}"
                )
                continue
            result = engine.extract(
                text,
                document=path,
                document_date=document_date,
                vocabulary=vocabulary,
                gazetteer=gazetteer,
            )
            if options["format"] == "json":
                self.stdout.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
            else:
                self.stdout.write(result.to_json_line())
        if failures:
            raise CommandError(f"{failures} of {len(options['files'])} files could not be read.")
