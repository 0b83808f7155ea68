"""One writer for CSV and XLSX downloads, with one rule against formula injection.

The rule (:func:`neutralise`): a number is written as a number, a date as a date, a boolean
as a boolean; text that a spreadsheet program would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe, unless
the text is itself a plain decimal number such as ``-5`` or ``+1.5`` (no program runs that).
A value withheld to protect small counts is a :class:`Suppressed`: its cell is empty and the
flag column declared next to its column says why; never a mark inside a numeric column.

>>> [neutralise(v) for v in (-5, 1.5, "=1+1", "-5", "@SUM(A1)", "героин", None)]
[-5, 1.5, "'=1+1", '-5', "'@SUM(A1)", 'героин', None]
>>> import io
>>> out = io.StringIO()
>>> write_csv(out, ["year", Column("cases", flag="cases: flag")],
...           [[2023, 14], [2024, Suppressed("small count")]], bom=False)
>>> out.getvalue().splitlines()
['year,cases,cases: flag', '2023,14,', '2024,,small count']
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

FORMULA_START_CHARS = FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")
XLSX_MAX_TEXT = 32_767  # the longest text a spreadsheet cell holds
XLSX_MAX_ROWS = 1_048_576  # rows in one sheet, the header included
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A value withheld (small-cell suppression): an empty cell, ``flag`` in the flag column."""

    flag: str = "suppressed"


@dataclass(frozen=True, slots=True)
class Column:
    """A column title; with ``flag`` set, a flag column of that title follows it."""

    title: str
    flag: str | None = None


ColumnSpec = str | Column


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook (or one CSV): a name, its columns and its rows."""

    name: str
    columns: Sequence[ColumnSpec]
    rows: Iterable[Sequence[Any]]


def neutralise(value: Any) -> Any:
    """The value as it may safely be written to a spreadsheet cell (see the module rule).

    >>> neutralise(True), neutralise(dt.date(2024, 1, 5)), neutralise(float("nan"))
    (True, datetime.date(2024, 1, 5), None)
    >>> neutralise("\\tcmd"), neutralise("+7 701 000 00 00")
    ("'\\tcmd", "'+7 701 000 00 00")
    """
    if value is None or isinstance(value, bool | int | dt.date | dt.time):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def _titles(columns: Sequence[ColumnSpec]) -> list[str]:
    titles: list[str] = []
    for column in columns:
        if isinstance(column, Column):
            titles.append(column.title)
            if column.flag is not None:
                titles.append(column.flag)
        else:
            titles.append(column)
    return [str(neutralise(t) or "") for t in titles]


def _flagged(columns: Sequence[ColumnSpec]) -> list[bool]:
    return [isinstance(c, Column) and c.flag is not None for c in columns]


def _cells(row: Sequence[Any], flagged: list[bool]) -> list[Any]:
    """The row's values neutralised, with a flag cell after each flagged column."""
    cells: list[Any] = []
    for index, value in enumerate(row):
        has_flag = index < len(flagged) and flagged[index]
        if isinstance(value, Suppressed):
            if not has_flag:
                raise ValueError(f"column {index + 1} holds a suppressed value but has no flag")
            cells.extend((None, value.flag))
            continue
        cells.append(neutralise(value))
        if has_flag:
            cells.append(None)
    return cells


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return value


def iter_csv(
    columns: Sequence[ColumnSpec],
    rows: Iterable[Sequence[Any]],
    *,
    bom: bool = True,
    delimiter: str = ",",
) -> Iterator[str]:
    """The CSV text line by line (streaming). ``bom``: start with a UTF-8 byte-order mark so
    that spreadsheet programs open Cyrillic text correctly.

    >>> list(iter_csv(["a", "b"], [[1, "=x"]], bom=False))
    ['a,b\\r\\n', "1,'=x\\r\\n"]
    """
    writer = csv.writer(_Echo(), delimiter=delimiter)
    flagged = _flagged(columns)
    yield ("\ufeff" if bom else "") + writer.writerow(_titles(columns))
    for row in rows:
        yield writer.writerow([_csv_value(c) for c in _cells(row, flagged)])


class CsvLines:
    """CSV written row by row to a text stream, for writers that stream their own rows (screening
    results, SDMX-CSV). ``formula_rule`` applies :func:`neutralise` to every cell; data meant
    for machines (SDMX) turns it off, since an apostrophe would change its codes.

    >>> out = io.StringIO()
    >>> lines = CsvLines(out, line_end="\\n")
    >>> lines.write(["=1+1", -5])
    >>> out.getvalue()
    "'=1+1,-5\\n"
    """

    def __init__(self, stream: IO[str], *, line_end: str = "\r\n", formula_rule: bool = True):
        self._write = csv.writer(stream, lineterminator=line_end).writerow
        self.formula_rule = formula_rule

    def write(self, row: Iterable[Any]) -> None:
        self._write([neutralise(cell) for cell in row] if self.formula_rule else row)


def write_csv(
    stream: IO[str],
    columns: Sequence[ColumnSpec],
    rows: Iterable[Sequence[Any]],
    *,
    bom: bool = True,
    delimiter: str = ",",
) -> None:
    """Write a CSV to a text stream (see :func:`iter_csv`)."""
    for line in iter_csv(columns, rows, bom=bom, delimiter=delimiter):
        stream.write(line)


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet title: at most 31 characters, none of ``[]:*?/\\``.

    >>> used = set()
    >>> sheet_title("kz/tdi", used), sheet_title("kz/tdi", used)
    ('kz-tdi', 'kz-tdi_1')
    """
    title = re.sub(r"[\[\]:*?/\\]", "-", name).strip("'")[:31] or "sheet"
    base, number = title, 0
    while title in used:
        number += 1
        suffix = f"_{number}"
        title = base[: 31 - len(suffix)] + suffix
    used.add(title)
    return title


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)[:XLSX_MAX_TEXT]
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # spreadsheets have no time zones
    return value


def write_xlsx(target: IO[bytes] | str | Path, sheets: Iterable[Sheet]) -> None:
    """Write a workbook in openpyxl's write-only mode (rows are streamed to disk, not held).

    Rows past the sheet's capacity (1,048,576 rows) are left out.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    used: set[str] = set()
    for sheet in sheets:
        ws = workbook.create_sheet(sheet_title(sheet.name, used))
        flagged = _flagged(sheet.columns)
        ws.append(_titles(sheet.columns))
        for count, row in enumerate(sheet.rows, start=2):
            if count > XLSX_MAX_ROWS:
                break
            ws.append([_xlsx_value(c) for c in _cells(row, flagged)])
    if not used:
        workbook.create_sheet("sheet")
    workbook.save(target)


# An import template: the columns, a help sheet and drop-down lists of the vocabularies
# (data validation on a hidden "lists" sheet; a value outside the list only warns, since the
# importer understands synonyms).
TEMPLATE_ROWS = 5000


@dataclass(frozen=True)
class TemplateColumn:
    header: str
    help: str = ""
    required: bool = False
    choices: Sequence[str] = field(default_factory=tuple)


def template_xlsx(  # the one workbook with data validation: an import template
    columns: Sequence[TemplateColumn], *, title: str, help_title: str, notes: Sequence[str] = ()
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    data: Any = book.active
    data.title = title[:31]
    data.append([c.header for c in columns])
    help_sheet = book.create_sheet(help_title[:31])
    for note in notes:
        help_sheet.append([str(note)])
    if notes:
        help_sheet.append([])
    for column in columns:
        help_sheet.append([str(column.header), "*" if column.required else "", str(column.help)])
    lists = book.create_sheet("lists")
    lists.sheet_state = "hidden"
    list_column = 0
    for index, column in enumerate(columns, start=1):
        data.column_dimensions[get_column_letter(index)].width = max(14, len(column.header) + 2)
        if not column.choices:
            continue
        list_column += 1
        letter = get_column_letter(list_column)
        lists.cell(row=1, column=list_column, value=column.header)
        for row, choice in enumerate(column.choices, start=2):
            lists.cell(row=row, column=list_column, value=choice)
        end = len(column.choices) + 1
        # errorStyle "warning": a value not in the list is allowed (the importer matches synonyms)
        validation = DataValidation(
            type="list",
            formula1=f"=lists!${letter}$2:${letter}${end}",
            allow_blank=True,
            errorStyle="warning",
        )
        target = get_column_letter(index)
        validation.add(f"{target}2:{target}{TEMPLATE_ROWS}")
        data.add_data_validation(validation)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
