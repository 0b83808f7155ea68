"""XLSX read as a stream: the first worksheet's rows with typed cells, merged cells filled.

The sheet XML is parsed incrementally and each row is dropped once yielded, so memory stays
flat however long the sheet is; only the shared strings are held whole (within their limit).
A number shown as a percentage is read as the sheet shows it, as text ("45%" for 0.45).

>>> import io, openpyxl
>>> book = openpyxl.Workbook()
>>> book.active.append(["Дата", "Количество"])
>>> book.active.append([dt.date(2024, 2, 1), 1.5])
>>> buffer = io.BytesIO()
>>> book.save(buffer)
>>> [(row.number, row.cells) for row in iter_xlsx_rows(buffer, "a.xlsx")]
[(1, ['Дата', 'Количество']), (2, [datetime.date(2024, 2, 1), 1.5])]
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from decimal import Context, InvalidOperation
from typing import IO

from .errors import TableError, TableErrorCode
from .limits import DEFAULT_LIMITS, Limits
from .rows import Cell, Row, is_blank
from .xlsxguard import Container, Readable
from .xlsxparts import (
    DATE,
    DATETIME,
    DURATION,
    PERCENT,
    TIME,
    merged_ranges,
    shared_strings,
    style_kinds,
    workbook_parts,
)

_REF = re.compile(r"([A-Z]{1,3})(\d+)")
_MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
_TAGS = {
    name: frozenset(f"{{{ns}}}{name}" for ns in _MAIN) | {name}
    for name in ("row", "c", "v", "is", "sheetData", "t", "r")
}


_T, _V, _IS = _TAGS["t"], _TAGS["v"], _TAGS["is"]


def _bad(file: str, detail: str) -> TableError:
    return TableError(TableErrorCode.BAD_XLSX, file=file, detail=detail)


_COLUMNS: dict[str, int] = {}


def _column_of(ref: str | None, previous: int) -> int:
    """The 1-based column of a cell reference such as ``AB12`` (the next one when absent)."""
    if not ref:
        return previous + 1
    letters = ref.rstrip("0123456789")
    number = _COLUMNS.get(letters)
    if number is None:
        number = 0
        for ch in letters:
            if not "A" <= ch <= "Z":
                return previous + 1
            number = number * 26 + ord(ch) - 64
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = number
    return number or previous + 1


def _number(text: str) -> int | float:
    if "." in text or "e" in text or "E" in text or "n" in text.lower():
        return float(text)
    return int(text)


_FIFTEEN_DIGITS = Context(prec=15)


def percent_text(text: str) -> str:
    """A percentage cell as the sheet shows it: the stored fraction "0.45" is "45%". Text, so
    that a reader never takes the fraction for the percentage (0.45 % of purity)."""
    try:
        # 15 significant digits, as a spreadsheet shows a number: writers may store the
        # binary float's full expansion ("8.5000000000000006E-2").
        shown = _FIFTEEN_DIGITS.create_decimal(text).scaleb(2)
    except InvalidOperation:
        return text
    if not shown.is_finite() or abs(shown.adjusted()) > 30:
        return f"{shown}%"  # in exponent form: "1E+400" must not become 400 digits
    return f"{shown.normalize():f}%"


class _CellReader:
    def __init__(self, strings: list[str], kinds: list[str | None], epoch: dt.datetime) -> None:
        from openpyxl.utils.datetime import from_excel

        self.strings, self.kinds, self.epoch, self.from_excel = strings, kinds, epoch, from_excel

    def value(self, cell: ET.Element) -> Cell:
        kind = cell.get("t", "n")
        text: str | None = None
        inline: ET.Element | None = None
        for child in cell:
            tag = child.tag
            if tag in _V:
                text = child.text
            elif tag in _IS:
                inline = child
        if kind == "inlineStr":
            if inline is None:
                return None
            if len(inline) == 1 and inline[0].tag in _T:  # the usual <is><t>text</t></is>
                return inline[0].text or ""
            return "".join(t.text or "" for t in inline.iter() if t.tag in _T)
        if text is None or text == "":
            return None
        if kind == "s":
            return self.strings[int(text)]
        if kind in ("str", "e"):
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            parsed = dt.datetime.fromisoformat(text.replace("Z", ""))
            return parsed.date() if parsed.time() == dt.time() and "T" not in text else parsed
        number = _number(text)
        style = cell.get("s")
        if style is None or not self.kinds:
            return number
        date_kind = self.kinds[int(style)] if int(style) < len(self.kinds) else None
        if date_kind is None:
            return number
        if date_kind == PERCENT:
            return percent_text(text)
        if date_kind == DURATION:
            return self.from_excel(number, self.epoch, timedelta=True)  # type: ignore[no-any-return]
        moment = self.from_excel(number, self.epoch)
        if date_kind == TIME and isinstance(moment, dt.datetime):
            return moment.time()
        if isinstance(moment, dt.datetime) and date_kind == DATE and moment.time() == dt.time():
            return moment.date()
        if date_kind in (DATE, DATETIME, TIME):
            return moment  # type: ignore[no-any-return]
        return number


class _MergeFiller:
    """Copies the value of a merged range's top-left cell into the range's other cells."""

    def __init__(self, ranges: list[tuple[int, int, int, int]]) -> None:
        self.pending = sorted(ranges, reverse=True)  # popped from the end: by first row
        self.active: list[tuple[tuple[int, int, int, int], Cell]] = []

    def fill(self, number: int, cells: list[Cell]) -> list[Cell]:
        while self.pending and self.pending[-1][0] <= number:
            area = self.pending.pop()
            anchor = cells[area[1] - 1] if area[0] == number and area[1] <= len(cells) else None
            self.active.append((area, anchor))
        if not self.active:
            return cells
        self.active = [(a, v) for a, v in self.active if a[2] >= number]
        for (first_row, first_col, _last_row, last_col), anchor in self.active:
            if anchor is None:
                continue
            if len(cells) < last_col:
                cells.extend([None] * (last_col - len(cells)))
            for col in range(first_col, last_col + 1):
                if (number, col) != (first_row, first_col) and cells[col - 1] is None:
                    cells[col - 1] = anchor
        return cells


def iter_xlsx_rows(
    source: IO[bytes] | str,
    file: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    skip_blank: bool = True,
    fill_merged: bool = True,
) -> Iterator[Row]:
    """Rows of the first worksheet of an XLSX workbook (a path or a seekable binary stream).

    Formulas give their cached value (what the program showed when the file was saved).
    Raises :class:`TableError` (``bad_xlsx``, ``empty_file``, the size limits,
    ``too_many_rows``, ``too_many_columns``), never anything else for bad input.
    """
    container = Container(source, file, limits)
    try:
        yield from _rows(container, file, limits, skip_blank, fill_merged)
    except (TableError, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - a damaged archive raises many kinds
        raise _bad(file, f"{error.__class__.__name__}: {error}"[:200]) from None
    finally:
        container.close()


_ROOT_OPEN = re.compile(rb"<((?:[\w.-]+:)?worksheet)\b[^>]*>")
_DATA_OPEN = re.compile(rb"<(?:[\w.-]+:)?sheetData\b[^>]*?(/?)>")
_DATA_CLOSE = re.compile(rb"</(?:[\w.-]+:)?sheetData\s*>")
_ROW_OPEN = re.compile(rb"<(?:[\w.-]+:)?row[\s>/]")
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
BATCH_BYTES = 256 * 1024  # sheet XML parsed at a time: its tree is what a read holds
MAX_ROW_BYTES = 64 * 1024 * 1024


def _row_batches(stream: Readable, file: str) -> Iterator[ET.Element]:
    """The ``row`` elements of a sheet, parsed a batch of rows at a time.

    The sheet is cut into runs of whole rows (a row ends where the next one starts) that are
    parsed inside a copy of the root element's start tag, so namespaces resolve as in the
    whole document; memory holds one batch, whatever the sheet's length. The prolog (where a
    DTD would be) is never parsed.
    """
    buffer = b""
    root: bytes | None = None
    closing = b""
    in_data = False
    while True:
        chunk = stream.read(BATCH_BYTES)
        buffer += chunk
        if root is None:
            if _DTD.search(buffer[:4096]):
                raise _bad(file, "the sheet declares a DTD")
            found = _ROOT_OPEN.search(buffer)
            if found is None:
                if not chunk or len(buffer) > BATCH_BYTES:
                    raise _bad(file, "the sheet has no worksheet element")
                continue
            root, closing = found.group(0), b"</" + found.group(1) + b">"
            if root.endswith(b"/>"):
                return
            buffer = buffer[found.end() :]
        if not in_data:
            opened = _DATA_OPEN.search(buffer)
            if opened is None:
                if not chunk:
                    return
                buffer = buffer[-200:]
                continue
            if opened.group(1):  # <sheetData/>: no rows
                return
            in_data, buffer = True, buffer[opened.end() :]
        ended = _DATA_CLOSE.search(buffer)
        if ended is not None:
            cut, last = ended.start(), True
        elif not chunk:
            raise _bad(file, "the sheet ends inside its data")
        else:
            starts = [
                m.start() for m in _ROW_OPEN.finditer(buffer, max(0, len(buffer) - BATCH_BYTES))
            ]
            cut, last = (starts[-1] if starts else 0), False
            if cut == 0 and len(buffer) > MAX_ROW_BYTES:
                raise _bad(file, "a row larger than 64 MB")
        if cut:
            try:
                tree = ET.fromstring(root + buffer[:cut] + closing)
            except ET.ParseError as error:
                raise _bad(file, f"the sheet is not XML ({error})") from None
            yield from tree
            buffer = buffer[cut:]
        if last:
            return


def _rows(
    container: Container, file: str, limits: Limits, skip_blank: bool, fill_merged: bool
) -> Iterator[Row]:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    parts = workbook_parts(container)
    reader = _CellReader(
        shared_strings(container, parts.shared_strings),
        style_kinds(container, parts.styles),
        CALENDAR_MAC_1904 if parts.date1904 else CALENDAR_WINDOWS_1900,
    )
    filler = _MergeFiller(merged_ranges(container, parts.sheet)) if fill_merged else None
    stream = container.open(parts.sheet)
    row_tags, cell_tags = _TAGS["row"], _TAGS["c"]
    max_columns, max_rows = limits.max_columns, limits.max_rows
    previous_row = 0
    non_blank = 0
    value_of = reader.value
    try:
        for element in _row_batches(stream, file):
            if element.tag not in row_tags:
                continue
            number_text = element.get("r")
            number = int(number_text) if number_text else previous_row + 1
            previous_row = number
            cells: list[Cell] = []
            column = 0
            for cell in element:
                if cell.tag not in cell_tags:
                    continue
                column = _column_of(cell.get("r"), column)
                value = value_of(cell)
                if value is None:
                    continue
                if column > max_columns:
                    raise TableError(
                        TableErrorCode.TOO_MANY_COLUMNS, file=file, row=number, limit=max_columns
                    )
                if column > len(cells):
                    cells.extend([None] * (column - len(cells)))
                cells[column - 1] = value
            if filler is not None:
                cells = filler.fill(number, cells)
            if is_blank(cells):
                if not skip_blank:
                    yield Row(number, cells)
                continue
            non_blank += 1
            if non_blank > max_rows:
                raise TableError(TableErrorCode.TOO_MANY_ROWS, file=file, limit=max_rows)
            yield Row(number, cells)
    finally:
        stream.close()
    if non_blank == 0:
        raise TableError(TableErrorCode.EMPTY_FILE, file=file)


_DIMENSION = re.compile(
    rb'<(?:[\w.-]+:)?dimension\s+ref="\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?"'
)


def xlsx_row_count(
    source: IO[bytes] | str, file: str, *, limits: Limits = DEFAULT_LIMITS
) -> int | None:
    """The last row number the first sheet declares (its ``dimension``), read from the start
    of the sheet only; None when the sheet does not say or cannot be read."""
    try:
        container = Container(source, file, limits)
    except TableError:
        return None
    try:
        stream = container.open(workbook_parts(container).sheet)
        try:
            head = stream.read(64 * 1024)
        finally:
            stream.close()
    except Exception:  # noqa: BLE001 - an estimate only; the reader reports real problems
        return None
    finally:
        container.close()
    found = _DIMENSION.search(head)
    if found is None:
        return None
    return int(found.group(2) or found.group(1))
