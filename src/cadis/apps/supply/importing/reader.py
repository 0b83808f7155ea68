"""Read a CSV (UTF-8, UTF-8 with BOM, cp1251; ``;``, ``,`` or tab) or XLSX file into a table.

Cells are strings, except XLSX cells that hold typed numbers (float) or dates (date), which
need no reading of regional number formats.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from cadis.apps.supply.importing.issues import FileRejected, issue

MAX_BYTES = 200 * 1024 * 1024
MAX_ROWS = 1_000_000
MAX_COLUMNS = 200

Cell = str | float | dt.date


@dataclass
class Table:
    file: str
    headers: list[str]
    rows: list[tuple[int, list[Cell]]]  # (row number in the file, cells)
    encoding: str


def _reject(file: str, code: str, **params: object) -> FileRejected:
    return FileRejected([issue(file, None, None, code, **params)])


def _decode(data: bytes, file: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            raise _reject(file, "unreadable_encoding") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise _reject(file, "unreadable_encoding")
    text = data.decode("cp1251", errors="replace")
    # cp1251 leaves 0x98 undefined; any undefined byte means this is not cp1251 text either.
    if "\ufffd" in text:
        raise _reject(file, "unreadable_encoding")
    return text, "cp1251"


def _delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", "\t", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes, file: str) -> Table:
    text, encoding = _decode(data, file)
    if "\x00" in text:
        raise _reject(file, "bad_csv", detail="NUL character")
    if not text.strip():
        raise _reject(file, "empty_file")
    first_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_delimiter(first_line), strict=True
    )
    headers: list[str] | None = None
    rows: list[tuple[int, list[Cell]]] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > MAX_COLUMNS:
                raise _reject(
                    file, "bad_csv", detail=f"more than {MAX_COLUMNS} columns in line {line}"
                )
            if headers is None:
                headers = [cell.strip() for cell in record]
                continue
            if len(rows) >= MAX_ROWS:
                raise _reject(file, "too_many_rows", limit=MAX_ROWS)
            rows.append((line, list(record)))
    except csv.Error as error:
        raise _reject(file, "bad_csv", detail=str(error)) from None
    if headers is None:
        raise _reject(file, "no_header")
    return Table(file, headers, rows, encoding)


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float):
        return float(value)
    return str(value)


def read_xlsx(data: bytes, file: str) -> Table:
    import openpyxl  # imported here: CSV imports need not load it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged files  # noqa: BLE001
        raise _reject(file, "bad_xlsx", detail=error.__class__.__name__) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise _reject(file, "no_header")
        headers: list[str] | None = None
        rows: list[tuple[int, list[Cell]]] = []
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_xlsx_cell(v) for v in values[:MAX_COLUMNS]]
                if not any(str(c).strip() for c in cells):
                    continue
                if headers is None:
                    headers = [str(c).strip() for c in cells]
                    continue
                if len(rows) >= MAX_ROWS:
                    raise _reject(file, "too_many_rows", limit=MAX_ROWS)
                rows.append((number, cells))
        except FileRejected:
            raise
        except Exception as error:  # noqa: BLE001 - damaged sheet XML surfaces while iterating
            raise _reject(file, "bad_xlsx", detail=error.__class__.__name__) from None
    finally:
        workbook.close()
    if headers is None:
        raise _reject(file, "no_header")
    while headers and not headers[-1]:
        headers.pop()
    return Table(file, headers, rows, "xlsx")


def read_table(data: bytes, file: str) -> Table:
    """The table in a file; raises FileRejected with the reason when it cannot be read."""
    if not data:
        raise _reject(file, "empty_file")
    if len(data) > MAX_BYTES:
        raise _reject(file, "file_too_large", limit=MAX_BYTES // (1024 * 1024))
    if data[:4] == b"PK\x03\x04" or file.lower().endswith((".xlsx", ".xlsm")):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise _reject(file, "bad_xlsx", detail="not a ZIP container")
        return read_xlsx(data, file)
    return read_csv(data, file)
