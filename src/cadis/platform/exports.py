"""CSV and XLSX downloads for every page and API: one writer (``cadis.engines.tables``), one
formula rule, streamed responses.

CSV is streamed row by row (``StreamingHttpResponse``); XLSX is written in openpyxl's
write-only mode to a temporary file that is then streamed (``FileResponse``), so neither
holds the whole table in memory. Numbers stay numbers, dates stay dates, a suppressed value
is an empty cell with a flag column next to it (see ``cadis.engines.tables.writer``).
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import quote

from django.http import FileResponse, Http404, StreamingHttpResponse

from cadis.engines.tables import Column, Sheet, Suppressed, iter_csv, write_xlsx

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("csv", "xlsx")

__all__ = [
    "CSV_CONTENT_TYPE",
    "FORMATS",
    "XLSX_CONTENT_TYPE",
    "Column",
    "Sheet",
    "Suppressed",
    "content_disposition",
    "csv_response",
    "table_response",
    "xlsx_file",
    "xlsx_response",
]


def content_disposition(filename: str) -> str:
    """An ``attachment`` header whose plain name is ASCII and whose ``filename*`` keeps the
    real name (Cyrillic included).

    >>> content_disposition("сводка KZ.csv")
    'attachment; filename="KZ.csv"; filename*=UTF-8\\'\\'%D1%81%D0%B2%D0%BE%D0%B4%D0%BA%D0%B0%20KZ.csv'
    >>> content_disposition("seizures.xlsx")
    'attachment; filename="seizures.xlsx"'
    """
    name = re.sub(r'[\x00-\x1f"\\]', "", filename)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_name).strip("-.") or "download"
    if "." in name and "." not in ascii_name:
        ascii_name += "." + name.rsplit(".", 1)[1]
    header = f'attachment; filename="{ascii_name}"'
    if ascii_name != name:
        header += f"; filename*=UTF-8''{quote(name)}"
    return header


def csv_response(
    filename: str, columns: Sequence[str | Column], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """A streamed CSV download (UTF-8 with a BOM so that spreadsheet programs read Cyrillic).

    ``filename`` is given without its ``.csv``.
    """
    response = StreamingHttpResponse(iter_csv(columns, rows), content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(f"{filename}.csv")
    return response


def xlsx_file(sheets: Iterable[Sheet]) -> Any:
    """A temporary file holding the workbook, positioned at its start (closed when read)."""
    handle = tempfile.TemporaryFile()
    write_xlsx(handle, sheets)
    handle.seek(0)
    return handle


def xlsx_response(filename: str, sheets: Iterable[Sheet]) -> FileResponse:
    """An XLSX download of one or more sheets. ``filename`` is given without ``.xlsx``."""
    response = FileResponse(xlsx_file(sheets), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition(f"{filename}.xlsx")
    return response


def table_response(
    fmt: str, filename: str, columns: Sequence[str | Column], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse | FileResponse:
    """One table as ``csv`` or ``xlsx`` (the sheet is named after the file); 404 otherwise."""
    if fmt == "csv":
        return csv_response(filename, columns, rows)
    if fmt == "xlsx":
        return xlsx_response(filename, [Sheet(filename, columns, rows)])
    raise Http404
