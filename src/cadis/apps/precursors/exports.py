"""Screening results as CSV (streamed) or XLSX: one row per declaration line.

Written by the platform's one writer: text from the uploaded file that looks like a formula
is neutralised, the row number and score stay numbers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db.models import QuerySet

from cadis.apps.precursors.models import ScreeningJob, ScreeningResult
from cadis.engines.tables import Sheet, iter_csv
from cadis.platform import exports

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
        round(result.score, 3) if result.flagged else None,
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


def csv_rows(job: ScreeningJob, results: QuerySet[ScreeningResult]) -> Iterator[str]:
    """The CSV lines, streamed (UTF-8 with a BOM: Excel opens Cyrillic correctly)."""
    rows = (_cells(result, job.list_version) for result in results.iterator(chunk_size=2000))
    return iter_csv(COLUMNS, rows)


def xlsx_file(job: ScreeningJob, results: Iterable[ScreeningResult]):
    """A temporary file holding the workbook (write-only mode: constant memory)."""
    rows = (_cells(result, job.list_version) for result in islice(results, XLSX_MAX_ROWS))
    return exports.xlsx_file([Sheet("screening", COLUMNS, rows)])
