"""``cadis nps load|import|classify``: the NPS substance library and batch classification."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from cadis.apps.accounts.errors import CadisError
from cadis.apps.accounts.models import SourceKind
from cadis.engines.chem import default_classifier, read_inputs


def _classifier():
    """The database library when it is loaded, else the shipped seed files."""
    from cadis.apps.ews.library import classifier

    try:
        return classifier()
    except DatabaseError:
        return default_classifier()


class Command(BaseCommand):
    help = (
        "NPS library: `load` loads the starter library (idempotent), `import FILE` adds a CSV or "
        "SDF file, `classify [SMILES ...] [--file F] [--format jsonl|json]` identifies structures."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="Load (or update) the starter library from the seed CSV files.")
        imp = sub.add_parser(
            "import", help="Import substances from a CSV (seed columns) or SDF file."
        )
        imp.add_argument("file", type=Path)
        cls = sub.add_parser(
            "classify", help="Classify SMILES (or names) and print one JSON object each."
        )
        cls.add_argument("inputs", nargs="*", help="SMILES, InChI or names.")
        cls.add_argument(
            "--file", type=Path, help="Text file (one SMILES a line) or CSV with a smiles column."
        )
        cls.add_argument("--format", choices=["jsonl", "json"], default="jsonl")

    def handle(self, *args, action: str, **options):
        if action == "load":
            from cadis.apps.ews.library import profiles_load

            report = profiles_load(source_kind=SourceKind.CLI)
            self._report(report)
        elif action == "import":
            from cadis.apps.ews.library import profiles_import

            try:
                report = profiles_import(path=options["file"], source_kind=SourceKind.CLI)
            except CadisError as exc:
                raise CommandError(exc.message) from exc
            self._report(report)
        else:
            self._classify(options["inputs"], options.get("file"), options["format"])

    def _report(self, report) -> None:
        for line in report.errors:
            self.stderr.write(line)
        self.stdout.write(report.line())

    def _classify(self, inputs: list[str], file: Path | None, fmt: str) -> None:
        if file is not None and not file.is_file():
            raise CommandError(f"There is no file {file}.")
        if not inputs and file is None:
            raise CommandError("Give SMILES arguments or --file.")
        rows = [{"smiles": s} for s in inputs]
        if file is not None:
            rows.extend(read_inputs(file))
        classifier = _classifier()
        collected = []
        for row in rows:
            result = classifier.classify(row["smiles"])
            payload = {**{k: v for k, v in row.items() if k != "smiles"}, **result.to_json()}
            if fmt == "jsonl":
                self.stdout.write(json.dumps(payload, ensure_ascii=False))
            else:
                collected.append(payload)
        if fmt == "json":
            self.stdout.write(json.dumps(collected, ensure_ascii=False, indent=2))
