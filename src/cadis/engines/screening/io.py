"""Screening results out (JSON Lines/CSV) and the run loop over a declarations file.

Reading the declarations is :mod:`.declarations` (on the tables engine); its names are
re-exported here for the callers that import them from ``io``. The management command and
the background job both call :func:`run_screening`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from cadis.engines.tables import CsvLines

from .data import load_control_list_csv
from .declarations import (
    FIELDS,
    HEADER_ALIASES,
    HEADER_SEARCH_ROWS,
    DeclarationRow,
    InputErrorCode,
    ScreeningInputError,
    map_header,
    read_declarations,
)
from .model import ControlList, LineResult
from .screener import Screener

__all__ = [
    "FIELDS",
    "HEADER_ALIASES",
    "HEADER_SEARCH_ROWS",
    "CsvWriter",
    "DeclarationRow",
    "InputErrorCode",
    "JsonLinesWriter",
    "ScreeningInputError",
    "ScreeningSummary",
    "TqdmProgress",
    "map_header",
    "read_declarations",
    "result_object",
    "run_screening",
]

ProgressCallback = Callable[[int, int | None], None]
PROGRESS_EVERY = 2000


# ---------------------------------------------------------------------------- writers
def result_object(result: LineResult) -> dict[str, Any]:
    return {
        "id": result.id,
        "hits": [hit.as_dict() for hit in result.hits],
        "warnings": [warning.as_dict() for warning in result.warnings],
        "list_version": result.list_version,
    }


class JsonLinesWriter:
    """One JSON object per input line (clear lines have ``"hits": []``)."""

    def __init__(self, stream: IO[str], *, include_all: bool = True) -> None:
        self.stream = stream
        self.include_all = include_all

    def write(self, result: LineResult, row: DeclarationRow | None = None) -> None:
        if result.hits or (self.include_all and result.warnings):
            self.stream.write(json.dumps(result_object(result), ensure_ascii=False) + "\n")
        elif self.include_all:
            # Most lines are clear: skip building and encoding the whole object.
            self.stream.write(
                f'{{"id": {json.dumps(result.id, ensure_ascii=False)}, "hits": [], '
                f'"warnings": [], "list_version": {json.dumps(result.list_version)}}}\n'
            )

    def close(self) -> None:
        self.stream.flush()


CSV_COLUMNS = (
    "id",
    "description",
    "flagged",
    "cas",
    "substance",
    "list",
    "score",
    "evidence",
    "explanation",
    "warnings",
    "list_version",
)


class CsvWriter:
    """One row per hit; with ``include_all`` clear lines get one row with empty hit columns.

    Cells follow the tables engine's formula rule (text from the declarations that a
    spreadsheet program would run as a formula gets a leading apostrophe).
    """

    def __init__(self, stream: IO[str], *, include_all: bool = False) -> None:
        self.include_all = include_all
        self._lines = CsvLines(stream, line_end="\n")
        self._lines.write(CSV_COLUMNS)
        self.stream = stream

    def writerow(self, cells: list[str]) -> None:
        self._lines.write(cells)

    def write(self, result: LineResult, row: DeclarationRow | None = None) -> None:
        description = row.values.get("description", "") if row else ""
        warnings = " | ".join(w.message for w in result.warnings)
        for hit in result.hits:
            evidence = " | ".join(f"{e.kind.value}: {e.text}" for e in hit.evidence)
            self.writerow(
                [
                    result.id,
                    description,
                    "yes",
                    hit.cas,
                    hit.substance,
                    hit.list,
                    f"{hit.score:.3f}",
                    evidence,
                    hit.explanation,
                    warnings,
                    result.list_version,
                ]
            )
        if not result.hits and self.include_all:
            self.writerow(
                [
                    result.id,
                    description,
                    "no",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    warnings,
                    result.list_version,
                ]
            )

    def close(self) -> None:
        self.stream.flush()


# ---------------------------------------------------------------------------- running
@dataclass(slots=True)
class ScreeningSummary:
    lines: int = 0
    flagged: int = 0
    hits: int = 0
    warnings: int = 0
    list_version: str = ""


def run_screening(
    input_path: str | Path,
    output_stream: IO[str],
    *,
    fmt: str = "jsonl",
    include_all: bool = False,
    country: str | None = None,
    control_list: ControlList | None = None,
    progress: ProgressCallback | None = None,
    screener: Screener | None = None,
) -> ScreeningSummary:
    """Screen a declarations file and write the results to ``output_stream``.

    ``fmt`` is ``"jsonl"`` (every input line gets an object) or ``"csv"`` (hits only unless
    ``include_all``). ``progress(done, total_or_None)`` is called every few thousand lines and
    at the end. Raises :class:`ScreeningInputError` for unreadable input.
    """
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown output format {fmt!r}; use 'jsonl' or 'csv'")
    if screener is None:
        screener = Screener.from_control_list(control_list or load_control_list_csv())
    writer: JsonLinesWriter | CsvWriter = (
        JsonLinesWriter(output_stream, include_all=True)
        if fmt == "jsonl"
        else CsvWriter(output_stream, include_all=include_all)
    )
    summary = ScreeningSummary(list_version=screener.version)
    screen = screener.screen
    for row in read_declarations(input_path):
        values = row.values
        result = screen(
            values.get("description", ""),
            values.get("hs_code"),
            values.get("cas"),
            country,
            line_id=values["id"],
        )
        writer.write(result, row)
        summary.lines += 1
        if result.hits:
            summary.flagged += 1
            summary.hits += len(result.hits)
        summary.warnings += len(result.warnings)
        if progress is not None and summary.lines % PROGRESS_EVERY == 0:
            progress(summary.lines, None)
    writer.close()
    if progress is not None:
        progress(summary.lines, summary.lines)
    return summary


class TqdmProgress:
    """A progress callback that draws a tqdm bar on stderr.

    >>> with TqdmProgress(disable=True) as bar:
    ...     bar(2000, None)
    """

    def __init__(self, *, description: str = "screening", disable: bool | None = None) -> None:
        from tqdm import tqdm

        self._bar = tqdm(desc=description, unit=" lines", file=sys.stderr, disable=disable)
        self._done = 0

    def __call__(self, done: int, total: int | None) -> None:
        if total is not None:
            self._bar.total = total
        self._bar.update(done - self._done)
        self._done = done

    def __enter__(self) -> TqdmProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._bar.close()
