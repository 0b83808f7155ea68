"""Core of ``cadis screen INPUT [-o OUTPUT] [--format jsonl|csv] [--all] [--country CC]``.

The Django management command (and ``cadis.cli``) only has to call :func:`main`, or build its
own parser with :func:`add_arguments` and call :func:`screen_command`. Bad input gives a one-line
message on stderr and exit status 2, never a traceback.

    python -m cadis.engines.screening.cli declarations.xlsx -o hits.jsonl --country KZ
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from .io import ScreeningInputError, TqdmProgress, run_screening
from .model import ControlList

EXIT_OK = 0
EXIT_BAD_INPUT = 2
# Below this size the progress bar is only noise.
PROGRESS_MIN_BYTES = 2 * 1024 * 1024


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", help="declarations file: CSV (UTF-8 or cp1251) or XLSX")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument(
        "--all", action="store_true", help="CSV: also write clear lines (JSON Lines always does)"
    )
    parser.add_argument("--country", help="ISO code (KZ, KG, TJ, TM, UZ): apply its national list")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def screen_command(
    options: argparse.Namespace,
    *,
    control_list: ControlList | None = None,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run one screening from parsed options; returns the exit status."""
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    input_path = Path(options.input)
    show_progress = (
        not options.no_progress
        and input_path.is_file()
        and input_path.stat().st_size >= PROGRESS_MIN_BYTES
    )
    output: IO[str] = stdout
    try:
        if options.output:
            output = open(options.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        with TqdmProgress(disable=not show_progress) as bar:
            summary = run_screening(
                input_path,
                output,
                fmt=options.format,
                include_all=options.all,
                country=options.country,
                control_list=control_list,
                progress=bar,
            )
    except ScreeningInputError as error:
        stderr.write(f"error [{error.code.value}]: {error.message}\n")
        return EXIT_BAD_INPUT
    except OSError as error:
        stderr.write(f"error [io]: {error}\n")
        return EXIT_BAD_INPUT
    finally:
        if output is not stdout:
            output.close()
    stderr.write(
        f"{summary.lines} lines, {summary.flagged} flagged, {summary.warnings} warnings "
        f"(control list {summary.list_version})\n"
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cadis screen", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return screen_command(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
