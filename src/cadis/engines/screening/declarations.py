"""Declarations in: the columns a trade declaration may name, read through the tables engine.

Encodings, delimiters, XLSX cells, merged cells and the limits are those of
``cadis.engines.tables`` (docs/tables.md); this module says which columns a declarations
file has and turns the engine's refusals into screening's stable input error codes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from cadis.engines.tables import (
    DEFAULT_LIMITS,
    HeaderSpec,
    Limits,
    TableError,
    TableErrorCode,
    cell_text,
    normalise_header,
    read_table,
)

FIELDS = ("id", "description", "hs_code", "cas", "quantity", "unit", "origin", "destination")
# Spreadsheets often carry a title or a form heading above the table.
HEADER_SEARCH_ROWS = 10


class InputErrorCode(StrEnum):
    FILE_NOT_FOUND = "file_not_found"
    EMPTY_FILE = "empty_file"
    UNSUPPORTED_FORMAT = "unsupported_format"
    WRONG_ENCODING = "wrong_encoding"
    MISSING_HEADER = "missing_header"
    MISSING_DESCRIPTION = "missing_description_column"
    MALFORMED_FILE = "malformed_file"
    FILE_TOO_LARGE = "file_too_large"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    XLSX_TOO_LARGE = "xlsx_too_large"
    XLSX_RATIO = "xlsx_compression_ratio"
    XLSX_SHARED_STRINGS = "xlsx_shared_strings_too_large"


class ScreeningInputError(Exception):
    """A declarations file that cannot be read; ``code`` is stable, ``message`` plain English."""

    def __init__(
        self,
        code: InputErrorCode,
        message: str,
        *,
        file: str = "",
        row: int | None = None,
        table_error: TableError | None = None,
    ) -> None:
        self.code = code
        self.file = file
        self.row = row
        # The tables engine's refusal behind it, for callers that report the reader's own codes.
        self.table_error = table_error
        where = file + (f", row {row}" if row is not None else "")
        self.message = f"{where}: {message}" if where else message
        super().__init__(self.message)


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
SPEC = HeaderSpec(
    {field: tuple(a.strip() for a in aliases.split(",")) for field, aliases in _ALIASES.items()},
    required=("description",),
    search_rows=HEADER_SEARCH_ROWS,
)
HEADER_ALIASES: dict[str, str] = dict(SPEC.lookup)


def map_header(cells: Sequence[object]) -> dict[str, int]:
    """Column index of each known field; the first matching column wins.

    >>> map_header(["№", "Наименование товара", "Код ТН ВЭД", "Ед. изм."])
    {'id': 0, 'description': 1, 'hs_code': 2, 'unit': 3}
    """
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        field = HEADER_ALIASES.get(normalise_header(cell))
        if field and field not in columns:
            columns[field] = index
    return columns


@dataclass(frozen=True, slots=True)
class DeclarationRow:
    row: int  # 1-based row number in the file (the header is row 1)
    values: dict[str, str]


_CODES = {
    TableErrorCode.FILE_NOT_FOUND: InputErrorCode.FILE_NOT_FOUND,
    TableErrorCode.EMPTY_FILE: InputErrorCode.EMPTY_FILE,
    TableErrorCode.UNSUPPORTED_FORMAT: InputErrorCode.UNSUPPORTED_FORMAT,
    TableErrorCode.BAD_ENCODING: InputErrorCode.WRONG_ENCODING,
    TableErrorCode.BAD_CSV: InputErrorCode.MALFORMED_FILE,
    TableErrorCode.BAD_XLSX: InputErrorCode.MALFORMED_FILE,
    TableErrorCode.NO_HEADER: InputErrorCode.MISSING_HEADER,
    TableErrorCode.MISSING_COLUMN: InputErrorCode.MISSING_DESCRIPTION,
    TableErrorCode.FILE_TOO_LARGE: InputErrorCode.FILE_TOO_LARGE,
    TableErrorCode.TOO_MANY_ROWS: InputErrorCode.TOO_MANY_ROWS,
    TableErrorCode.TOO_MANY_COLUMNS: InputErrorCode.TOO_MANY_COLUMNS,
    TableErrorCode.XLSX_TOO_LARGE: InputErrorCode.XLSX_TOO_LARGE,
    TableErrorCode.XLSX_RATIO: InputErrorCode.XLSX_RATIO,
    TableErrorCode.XLSX_SHARED_STRINGS: InputErrorCode.XLSX_SHARED_STRINGS,
}
_MESSAGES = {
    InputErrorCode.MISSING_DESCRIPTION: "no description column (accepted names: description, "
    "описание, наименование товара ...)",
    InputErrorCode.MISSING_HEADER: "the first row is not a header: no known column name "
    "(expected at least 'description' or 'описание')",
}


def _input_error(error: TableError, file: str) -> ScreeningInputError:
    code = _CODES[error.code]
    return ScreeningInputError(
        code,
        _MESSAGES.get(code, error.text),
        file=error.file or file,
        row=error.row,
        table_error=error,
    )


def read_declarations(
    path: str | Path, *, limits: Limits = DEFAULT_LIMITS
) -> Iterator[DeclarationRow]:
    """Stream the rows of a CSV or XLSX declarations file (any encoding the tables engine
    reads; the header may sit below up to ten title rows).

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
    try:
        with read_table(path, name=file, spec=SPEC, limits=limits) as table:
            fields = sorted(table.header.columns.items(), key=lambda item: item[1])
            for row in table:
                cells = row.cells
                width = len(cells)
                values: dict[str, str] = {}
                for field, index in fields:
                    cell = cells[index] if index < width else None
                    values[field] = cell.strip() if type(cell) is str else cell_text(cell)
                if not any(values.values()):
                    continue
                if not values.get("id"):
                    values["id"] = str(row.number)
                yield DeclarationRow(row.number, values)
    except TableError as error:
        raise _input_error(error, file) from None
