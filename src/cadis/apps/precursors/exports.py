"""Screening results as CSV (streamed) or XLSX: one row per declaration line."""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet

from cadis.apps.precursors.models import ScreeningJob, ScreeningResult

COLUMNS = (
    "row",
    "id",
    "description",
    "hs_code",
    "cas_column",
    "quantity",
    "unit",
    "origin",
    "destination",
    "flagged",
    "score",
    "substances",
    "cas",
    "lists",
    "evidence",
    "explanation",
    "warnings",
    "list_version",
)
XLSX_MAX_ROWS = 1_048_575


def _cells(result: ScreeningResult, version: str) -> list[object]:
    hits = result.hits or []
    return [
        result.row,
        result.line_id,
        result.description,
        result.hs_code,
        result.cas,
        result.quantity,
        result.unit,
        result.origin,
        result.destination,
        "yes" if result.flagged else "no",
        round(result.score, 3) if result.flagged else "",
        "; ".join(h.get("substance", "") for h in hits),
        "; ".join(h.get("cas", "") for h in hits),
        "; ".join(h.get("list", "") for h in hits),
        " | ".join(
            f"{e.get('kind')}: {e.get('text')}" for h in hits for e in h.get("evidence") or []
        ),
        " | ".join(h.get("explanation", "") for h in hits),
        " | ".join(w.get("message", "") for w in result.warnings or []),
        version,
    ]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_rows(job: ScreeningJob, results: QuerySet[ScreeningResult]) -> Iterator[str]:
    writer = csv.writer(_Echo(), lineterminator="\n")
    yield "\ufeff" + writer.writerow(COLUMNS)  # BOM: Excel opens UTF-8 with Cyrillic correctly
    for result in results.iterator(chunk_size=2000):
        yield writer.writerow([_safe(c) for c in _cells(result, job.list_version)])


def _safe(value: object) -> object:
    """Neutralise spreadsheet formulas in text that came from the uploaded file."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def xlsx_file(job: ScreeningJob, results: Iterable[ScreeningResult]):
    """A temporary file holding the workbook (write-only mode: constant memory)."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("screening")
    sheet.append(list(COLUMNS))
    for count, result in enumerate(results, start=1):
        if count > XLSX_MAX_ROWS:
            break
        sheet.append([_safe(c) for c in _cells(result, job.list_version)])
    handle = tempfile.TemporaryFile()
    workbook.save(handle)
    handle.seek(0)
    return handle
