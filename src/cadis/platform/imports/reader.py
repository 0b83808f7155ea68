"""A seizure file (CSV or XLSX) read into a table through the project's one reader.

Encodings, delimiters, typed XLSX cells and the limits are those of ``cadis.engines.tables``
(docs/tables.md). Cells are strings, except XLSX cells that hold typed numbers (float) or
dates (date), which need no reading of regional number formats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from cadis.engines import tables
from cadis.engines.tables import TableError, TableErrorCode
from cadis.platform.imports.issues import FileRejected, issue

MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000  # data rows, the header not counted
MAX_COLUMNS = 200
LIMITS = tables.DEFAULT_LIMITS.tightened(
    max_file_bytes=MAX_BYTES, max_rows=MAX_ROWS + 1, max_columns=MAX_COLUMNS
)
# The first non-blank row is the header; its columns are judged by headers.map_headers.
_FIRST_ROW = tables.HeaderSpec({}, search_rows=1, anchor=())

Cell = str | float | dt.date

# The reader's codes that the seizure importer names differently.
_CODES = {TableErrorCode.BAD_ENCODING: "unreadable_encoding"}


@dataclass
class Table:
    file: str
    headers: list[str]
    rows: list[tuple[int, list[Cell]]]  # (row number in the file, cells)
    encoding: str


def _cell(value: tables.Cell) -> Cell:
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        return float(value)
    return str(value)


def rejected(error: TableError, file: str, max_rows: int = MAX_ROWS) -> FileRejected:
    """The reader's error as the importer's file-level issue."""
    params = {k: v for k, v in error.params.items() if v != "" or k != "detail"}
    if error.code is TableErrorCode.TOO_MANY_ROWS:
        params["limit"] = str(max_rows)
    code = _CODES.get(error.code, error.code.value)
    return FileRejected([issue(file, error.row, None, code, (), **params)])


def read_table(data: bytes, file: str) -> Table:
    """The table in a file; raises FileRejected with the reason when it cannot be read."""
    try:
        with tables.read_table(data, name=file, spec=_FIRST_ROW, limits=LIMITS) as table:
            rows: list[tuple[int, list[Cell]]]
            if table.format == "csv":  # every cell is already text
                rows = [(row.number, cast(list[Cell], row.cells)) for row in table]
            else:
                rows = [(row.number, [_cell(c) for c in row.cells]) for row in table]
            return Table(file, table.header.headers, rows, table.encoding)
    except TableError as error:
        raise rejected(error, file) from None
