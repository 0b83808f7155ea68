"""``cadis screen INPUT [-o OUTPUT] [--format jsonl|csv] [--all] [--country CC]``.

A thin command over the engine's ``run_screening`` with the control lists in force in the
database (the CSV files only when the database holds none, with a warning)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from cadis.apps.precursors import control_lists
from cadis.engines.screening import Screener, load_control_list_csv
from cadis.engines.screening.cli import PROGRESS_MIN_BYTES
from cadis.engines.screening.io import ScreeningInputError, TqdmProgress, run_screening


class Command(BaseCommand):
    help = "Screen a declarations file (CSV or XLSX) for controlled precursors."

    def add_arguments(self, parser):
        parser.add_argument(
            "input", help="declarations file: CSV (UTF-8 or cp1251) or XLSX, with a header"
        )
        parser.add_argument("-o", "--output", help="output file (default: standard output)")
        parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
        parser.add_argument(
            "--all",
            action="store_true",
            help="CSV: also write clear lines (JSON Lines always does)",
        )
        parser.add_argument(
            "--country", help="ISO code (KZ, KG, TJ, TM, UZ): apply its national list too"
        )
        parser.add_argument(
            "--date",
            type=dt.date.fromisoformat,
            help="use the control lists in force on this date (YYYY-MM-DD; default today)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")

    def _screener(self, on: dt.date | None) -> Screener:
        try:
            return control_lists.build(on).screener
        except (control_lists.NoControlLists, DatabaseError) as error:
            self.stderr.write(
                self.style.WARNING(
                    f"warning: {error} in the database; using the CSV files of the reference data instead "
                    "(run 'cadis refdata load')"
                )
            )
            return Screener.from_control_list(load_control_list_csv())

    def handle(
        self,
        *args,
        input: str,
        output: str | None = None,
        format: str = "jsonl",
        all: bool = False,
        country: str | None = None,
        date: dt.date | None = None,
        no_progress: bool = False,
        **options,
    ):
        path = Path(input)
        if not path.is_file():
            raise CommandError(f"{input}: file not found")
        country = country.upper() if country else None
        screener = self._screener(date)
        show_progress = not no_progress and path.stat().st_size >= PROGRESS_MIN_BYTES
        try:
            stream = open(output, "w", encoding="utf-8", newline="") if output else self.stdout  # noqa: SIM115
        except OSError as error:
            raise CommandError(f"{output}: cannot write the output ({error.strerror})") from None
        try:
            with TqdmProgress(disable=not show_progress) as bar:
                summary = run_screening(
                    path,
                    stream,
                    fmt=format,
                    include_all=all,
                    country=country,
                    screener=screener,
                    progress=bar,
                )
        except ScreeningInputError as error:
            if output:
                stream.close()
                Path(output).unlink(missing_ok=True)
            raise CommandError(f"[{error.code.value}] {error.message}") from None
        except OSError as error:
            raise CommandError(
                f"{input}: cannot read the file ({error.strerror or error})"
            ) from None
        finally:
            if output and not stream.closed:
                stream.close()
        self.stderr.write(
            f"{summary.lines} lines, {summary.flagged} flagged, {summary.warnings} warnings "
            f"(control list {summary.list_version})"
        )
