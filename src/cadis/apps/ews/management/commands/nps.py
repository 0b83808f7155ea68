"""``cadis nps load|import|classify``: the NPS substance library and batch classification."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from cadis.engines.chem import default_classifier, read_inputs
from cadis.platform.errors import CadisError
from cadis.platform.records import SourceKind


def _classifier():
    """The database library when it is loaded, else the shipped seed files."""
    from cadis.apps.ews.library import classifier

    try:
        return classifier()
    except DatabaseError:
        return default_classifier()


class Command(BaseCommand):
    help = (
        "NPS library: `load` loads the starter library (idempotent), `import FILE [--dry-run] "
        "[--format json]` adds a CSV, XLSX or SDF file (all rows or none), `classify [SMILES ...] [--file F] [--format jsonl|json]` identifies structures."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="Load (or update) the starter library from the seed CSV files.")
        imp = sub.add_parser(
            "import",
            help="Import substances from a CSV or XLSX (the catalogue's columns) or SDF file; "
            "the same import as `cadis import nps`.",
        )
        imp.add_argument("file", type=Path)
        imp.add_argument("--dry-run", action="store_true", help="Check the file; write nothing.")
        imp.add_argument("--format", choices=["text", "json"], default="text")
        imp.add_argument("--user", help="Act as this user (an administrator).")
        cls = sub.add_parser(
            "classify", help="Classify SMILES (or names) and print one JSON object each."
        )
        cls.add_argument("inputs", nargs="*", help="SMILES, InChI or names.")
        cls.add_argument(
            "--file", type=Path, help="Text file (one SMILES a line) or CSV with a smiles column."
        )
        cls.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
        spec = sub.add_parser(
            "spectrum",
            help="Search spectra (MSP, MGF, JCAMP-DX): LC-HRMS suspects by exact mass against the "
            "catalogue; EI spectra against a reference library given with --library.",
        )
        spec.add_argument("file", type=Path)
        spec.add_argument(
            "--library", type=Path, help="Reference EI spectra (MSP, MGF or JCAMP-DX)."
        )
        spec.add_argument("--ppm", type=float, default=5.0)
        spec.add_argument("--format", choices=["jsonl", "json"], default="jsonl")

    def _spectrum(self, options) -> None:
        from cadis.engines.chem.spectra_search import reference_library, spectrum_report
        from cadis.engines.spectra import parse_any

        def read(path: Path):
            try:
                return parse_any(path.read_text(encoding="utf-8", errors="replace"),
                                 path.suffix.lstrip("."))  # fmt: skip
            except OSError as exc:
                raise CommandError(f"Cannot read {path}: {exc}") from exc

        spectra = read(options["file"])
        if not spectra:
            raise CommandError(f"No spectrum could be read from {options['file']}.")
        classifier = _classifier()
        library = None
        if options.get("library"):
            library = reference_library(read(options["library"]), classifier)
        results = spectrum_report(spectra, library=library, classifier=classifier,
                                  ppm=options["ppm"])  # fmt: skip
        if options["format"] == "json":
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            for result in results:
                self.stdout.write(json.dumps(result, ensure_ascii=False))

    def handle(self, *args, action: str, **options):
        if action == "spectrum":
            return self._spectrum(options)
        if action == "load":
            from cadis.apps.ews.library import profiles_load

            report = profiles_load(source_kind=SourceKind.CLI)
            self._report(report)
            if report.errors:
                raise CommandError("Nothing was loaded: the catalogue has errors.")
        elif action == "import":
            from cadis.apps.ews.importers import run_library_import

            if not options["file"].is_file():
                raise CommandError(f"{options['file']} is not a file.")
            try:
                status = run_library_import(self, options["file"], options)
            except CadisError as exc:
                raise CommandError(exc.message) from exc
            if status:
                raise CommandError("The import failed; see the problems above.", returncode=status)
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
