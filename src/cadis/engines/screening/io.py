"""Declarations in (CSV/XLSX, streamed) and screening results out (JSON Lines/CSV).

The management command and the background job both call :func:`run_screening`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import IO, Any

from .data import load_control_list_csv
from .model import ControlList, LineResult
from .screener import Screener

FIELDS = ("id", "description", "hs_code", "cas", "quantity", "unit", "origin", "destination")
ProgressCallback = Callable[[int, int | None], None]
PROGRESS_EVERY = 2000
_SNIFF_BYTES = 64 * 1024

csv.field_size_limit(16 * 1024 * 1024)


class InputErrorCode(StrEnum):
    FILE_NOT_FOUND = "file_not_found"
    EMPTY_FILE = "empty_file"
    UNSUPPORTED_FORMAT = "unsupported_format"
    WRONG_ENCODING = "wrong_encoding"
    MISSING_HEADER = "missing_header"
    MISSING_DESCRIPTION = "missing_description_column"
    MALFORMED_FILE = "malformed_file"


class ScreeningInputError(Exception):
    """A declarations file that cannot be read; ``code`` is stable, ``message`` plain English."""

    def __init__(
        self, code: InputErrorCode, message: str, *, file: str = "", row: int | None = None
    ) -> None:
        self.code = code
        self.file = file
        self.row = row
        where = file + (f", row {row}" if row is not None else "")
        self.message = f"{where}: {message}" if where else message
        super().__init__(self.message)


# ---------------------------------------------------------------------------- headers
def _header_key(text: object) -> str:
    value = str(text or "").strip().lower().replace("ё", "е").replace("№", " no ")
    value = re.sub(r"[\s.:;,#()/\\_\-\"'*]+", " ", value)
    return value.strip()


_ALIASES = {
    "id": "id, no, nr, number, line, line id, item, item no, ref, reference, номер, "
    "п п, no п п, номер строки, позиция, строка, код строки",
    "description": "description, goods description, description of goods, goods, "
    "commercial description, product, product name, name, name of goods, item description, "
    "описание, описание товара, наименование, наименование товара, наименование товаров, "
    "товар, наименование продукции, продукция, коммерческое описание, сведения о товаре",
    "hs_code": "hs code, hs, hs6, hs code 6, commodity code, tariff code, tnved, tn ved, "
    "код тн вэд, тн вэд, код тнвэд, тнвэд, код тн вэд еаэс, тн вэд еаэс, код товара, "
    "классификационный код",
    "cas": "cas, cas no, cas number, cas nr, cas rn, cas registry number, номер cas, "
    "cas номер, кас, номер кас",
    "quantity": "quantity, qty, amount, net weight, weight, количество, кол во, "
    "вес нетто, масса нетто, масса, объем",
    "unit": "unit, units, uom, unit of measure, ед изм, единица измерения, ед, "
    "единица, единицы измерения",
    "origin": "origin, country of origin, origin country, from, export country, "
    "страна происхождения, происхождение, страна отправления, страна экспорта",
    "destination": "destination, country of destination, destination country, to, "
    "import country, страна назначения, назначение, страна импорта",
}
HEADER_ALIASES: dict[str, str] = {
    _header_key(alias): field
    for field, aliases in _ALIASES.items()
    for alias in [field, *aliases.split(",")]
}


def map_header(cells: Sequence[object]) -> dict[str, int]:
    """Column index of each known field; the first matching column wins.

    >>> map_header(["№", "Наименование товара", "Код ТН ВЭД", "Ед. изм."])
    {'id': 0, 'description': 1, 'hs_code': 2, 'unit': 3}
    """
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        field = HEADER_ALIASES.get(_header_key(cell))
        if field and field not in columns:
            columns[field] = index
    return columns


# ---------------------------------------------------------------------------- rows
@dataclass(frozen=True, slots=True)
class DeclarationRow:
    row: int  # 1-based row number in the file (the header is row 1)
    values: dict[str, str]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# Spreadsheets often carry a title or a form heading above the table.
HEADER_SEARCH_ROWS = 10


def _find_header(table: Iterator[Sequence[object]], file: str) -> tuple[int, dict[str, int]]:
    """Row number and column map of the header: the first of the first few non-blank rows that
    names a description column."""
    first_known: int | None = None
    first_row: int | None = None
    seen = 0
    row_number = 0
    for cells in table:
        row_number += 1
        if not any(_cell_text(cell) for cell in cells):
            continue
        seen += 1
        first_row = first_row or row_number
        columns = map_header(cells)
        if "description" in columns:
            return row_number, columns
        if columns and first_known is None:
            first_known = row_number
        if seen >= HEADER_SEARCH_ROWS:
            break
    if first_row is None:
        raise ScreeningInputError(InputErrorCode.EMPTY_FILE, "the file is empty", file=file)
    if first_known is not None:
        raise ScreeningInputError(
            InputErrorCode.MISSING_DESCRIPTION,
            "no description column (accepted names: description, описание, "
            "наименование товара ...)",
            file=file,
            row=first_known,
        )
    raise ScreeningInputError(
        InputErrorCode.MISSING_HEADER,
        "the first row is not a header: no known column name "
        "(expected at least 'description' or 'описание')",
        file=file,
        row=first_row,
    )


def _rows_from_table(table: Iterator[Sequence[object]], file: str) -> Iterator[DeclarationRow]:
    table = iter(table)
    row_number, columns = _find_header(table, file)
    fields = list(columns.items())
    for cells in table:
        row_number += 1
        if not any(cells):
            continue
        width = len(cells)
        values: dict[str, str] = {}
        for field, index in fields:
            cell = cells[index] if index < width else ""
            values[field] = cell.strip() if type(cell) is str else _cell_text(cell)
        if not any(values.values()):
            continue
        if not values.get("id"):
            values["id"] = str(row_number)
        yield DeclarationRow(row_number, values)


def _detect_encoding(head: bytes, file: str) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise ScreeningInputError(
            InputErrorCode.WRONG_ENCODING,
            "the file contains NUL bytes: it is binary or not UTF-8/Windows-1251 text",
            file=file,
        )
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    text = head.decode("cp1251", errors="replace")
    letters = sum(ch.isalpha() for ch in text)
    cyrillic = sum("\u0410" <= ch <= "\u044f" or ch in "Ёё" for ch in text)
    odd = sum(
        ch == "\ufffd"
        or ("\u0080" <= ch <= "\u00bf")
        or ("\u0400" <= ch < "\u0410")
        or ("\u0450" <= ch <= "\u04ff" and ch != "ё")
        or (ch < " " and ch not in "\r\n\t")
        for ch in text
    )
    if letters and cyrillic and odd * 50 <= len(text):
        return "cp1251"
    raise ScreeningInputError(
        InputErrorCode.WRONG_ENCODING,
        "the text is neither UTF-8 nor Windows-1251 (cp1251); save it as UTF-8 CSV",
        file=file,
    )


def _encoding_sample(raw: IO[bytes], head: bytes) -> bytes:
    """The bytes to detect the encoding on: the head, or, when the head is plain ASCII, the
    first stretch of the file that is not (a cp1251 file may start with English lines)."""
    if not head.isascii() or b"\x00" in head:
        return head
    raw.seek(len(head))
    while chunk := raw.read(1 << 20):
        if not chunk.isascii():
            first = next(i for i, byte in enumerate(chunk) if byte > 127)
            # Start on ASCII (a character boundary) and keep enough text to judge.
            return chunk[max(0, first - 256) : first + _SNIFF_BYTES]
    return head


def _csv_table(path: Path, file: str) -> Iterator[Sequence[object]]:
    with path.open("rb") as raw:
        head = raw.read(_SNIFF_BYTES)
        if not head.strip(b" \r\n\t\xef\xbb\xbf"):
            raise ScreeningInputError(InputErrorCode.EMPTY_FILE, "the file is empty", file=file)
        encoding = _detect_encoding(_encoding_sample(raw, head), file)
        raw.seek(0)
        text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        sample = head.decode(encoding, errors="ignore")[:8192]
        first_line = sample.splitlines()[0] if sample.splitlines() else ""
        delimiter = max(",;\t|", key=first_line.count) if first_line else ","
        if not any(sep in first_line for sep in ",;\t|"):
            delimiter = ","
        reader = csv.reader(text, delimiter=delimiter)
        line = 0
        try:
            for line, cells in enumerate(reader, start=1):  # noqa: B007 - used after the loop
                yield cells
        except UnicodeDecodeError as error:
            raise ScreeningInputError(
                InputErrorCode.WRONG_ENCODING,
                f"the text is not valid {encoding} after this row ({error.reason})",
                file=file,
                row=line + 1,
            ) from None
        except csv.Error as error:
            raise ScreeningInputError(
                InputErrorCode.MALFORMED_FILE, f"unreadable CSV ({error})", file=file, row=line + 1
            ) from None


_MERGE_RE = re.compile(rb'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters.decode():
        number = number * 26 + ord(ch) - 64
    return number


def _merged_ranges(archive: zipfile.ZipFile, sheet_path: str) -> list[tuple[int, int, int, int]]:
    """(min_row, min_col, max_row, max_col) of merged ranges, read by streaming the sheet XML
    (openpyxl's read-only mode does not expose them)."""
    ranges: set[tuple[int, int, int, int]] = set()
    tail = b""
    with archive.open(sheet_path) as handle:
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            for m in _MERGE_RE.finditer(data):
                ranges.add(
                    (
                        int(m.group(2)),
                        _column_number(m.group(1)),
                        int(m.group(4)),
                        _column_number(m.group(3)),
                    )
                )
            tail = data[-200:]  # a tag cut by the chunk boundary is found in the next round
    return sorted(ranges)


def _xlsx_table(path: Path, file: str) -> Iterator[Sequence[object]]:
    import openpyxl  # local import: CSV-only callers do not pay for it

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (zip, XML, key errors)
        raise ScreeningInputError(
            InputErrorCode.MALFORMED_FILE, f"not a readable XLSX workbook ({error})", file=file
        ) from None
    try:
        sheet = workbook.worksheets[0]
        try:
            merges = _merged_ranges(workbook._archive, sheet._worksheet_path)  # type: ignore[attr-defined]
        except Exception:
            merges = []
        # Values of merged areas are copied from their top-left cell (a merged "origin" cell
        # spanning several lines applies to each of them).
        fill_from: dict[tuple[int, int], tuple[int, int]] = {}
        for min_row, min_col, max_row, max_col in merges:
            if (max_row - min_row + 1) * (max_col - min_col + 1) > 100_000:
                continue
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    if (r, c) != (min_row, min_col):
                        fill_from[(r, c)] = (min_row, min_col)
        anchors: dict[tuple[int, int], object] = {}
        anchor_cells = set(fill_from.values())
        for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = list(row)
            for col_index, value in enumerate(cells, start=1):
                if (row_number, col_index) in anchor_cells:
                    anchors[(row_number, col_index)] = value
            if fill_from:
                width = max([len(cells)] + [c for (r, c) in fill_from if r == row_number])
                cells.extend([None] * (width - len(cells)))
                for col_index in range(1, width + 1):
                    source = fill_from.get((row_number, col_index))
                    if source is not None and cells[col_index - 1] is None:
                        cells[col_index - 1] = anchors.get(source)
            yield cells
    except ScreeningInputError:
        raise
    except Exception as error:
        raise ScreeningInputError(
            InputErrorCode.MALFORMED_FILE, f"not a readable XLSX workbook ({error})", file=file
        ) from None
    finally:
        workbook.close()


def _format_of(path: Path, file: str) -> str:
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        magic = handle.read(8)
    if suffix in (".xls",) or magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ScreeningInputError(
            InputErrorCode.UNSUPPORTED_FORMAT,
            "old Excel .xls files are not supported; save the sheet as .xlsx or CSV",
            file=file,
        )
    if suffix in (".xlsx", ".xlsm") or magic.startswith(b"PK\x03\x04"):
        return "xlsx"
    if suffix in ("", ".csv", ".txt", ".tsv"):
        return "csv"
    raise ScreeningInputError(
        InputErrorCode.UNSUPPORTED_FORMAT,
        f"unsupported file type '{suffix}'; use CSV or XLSX",
        file=file,
    )


def read_declarations(path: str | Path) -> Iterator[DeclarationRow]:
    """Stream the rows of a CSV (UTF-8, UTF-8 with BOM or cp1251) or XLSX declarations file.

    Raises :class:`ScreeningInputError` (never anything else) for unreadable input.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "d.csv"
    >>> _ = p.write_text("описание;CAS\\nАцетон;67-64-1\\n", encoding="cp1251")
    >>> [r.values for r in read_declarations(p)]
    [{'description': 'Ацетон', 'cas': '67-64-1', 'id': '2'}]
    """
    path = Path(path)
    file = path.name
    if not path.is_file():
        raise ScreeningInputError(InputErrorCode.FILE_NOT_FOUND, "file not found", file=str(path))
    if path.stat().st_size == 0:
        raise ScreeningInputError(InputErrorCode.EMPTY_FILE, "the file is empty", file=file)
    fmt = _format_of(path, file)
    table = _xlsx_table(path, file) if fmt == "xlsx" else _csv_table(path, file)
    yield from _rows_from_table(table, file)


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
    """One row per hit; with ``include_all`` clear lines get one row with empty hit columns."""

    def __init__(self, stream: IO[str], *, include_all: bool = False) -> None:
        self.include_all = include_all
        self._writer = csv.writer(stream, lineterminator="\n")
        self._writer.writerow(CSV_COLUMNS)
        self.stream = stream

    def write(self, result: LineResult, row: DeclarationRow | None = None) -> None:
        description = row.values.get("description", "") if row else ""
        warnings = " | ".join(w.message for w in result.warnings)
        for hit in result.hits:
            evidence = " | ".join(f"{e.kind.value}: {e.text}" for e in hit.evidence)
            self._writer.writerow(
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
            self._writer.writerow(
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
