"""Why a table cannot be read: one exception with a stable code, parameters and a plain message.

>>> error = TableError(TableErrorCode.TOO_MANY_ROWS, file="a.csv", limit=10)
>>> error.code.value, error.message
('too_many_rows', 'a.csv: the file has more than 10 rows; split it')
"""

from __future__ import annotations

from enum import StrEnum


class TableErrorCode(StrEnum):
    """Stable codes; callers map them to their own issue codes and translated messages."""

    FILE_NOT_FOUND = "file_not_found"
    EMPTY_FILE = "empty_file"
    FILE_TOO_LARGE = "file_too_large"
    UNSUPPORTED_FORMAT = "unsupported_format"
    BAD_ENCODING = "bad_encoding"
    BAD_CSV = "bad_csv"
    BAD_XLSX = "bad_xlsx"
    NO_HEADER = "no_header"
    MISSING_COLUMN = "missing_column"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    XLSX_TOO_LARGE = "xlsx_too_large"
    XLSX_RATIO = "xlsx_compression_ratio"
    XLSX_SHARED_STRINGS = "xlsx_shared_strings_too_large"


# English message templates (the msgids of the Russian translations in the project catalogue).
MESSAGES: dict[TableErrorCode, str] = {
    TableErrorCode.FILE_NOT_FOUND: "the file was not found",
    TableErrorCode.EMPTY_FILE: "the file is empty",
    TableErrorCode.FILE_TOO_LARGE: "the file is larger than {limit} MB",
    TableErrorCode.UNSUPPORTED_FORMAT: (
        "the file type {detail} is not supported; save the sheet as XLSX or CSV"
    ),
    TableErrorCode.BAD_ENCODING: (
        "the text is not UTF-8, UTF-16, Windows-1251 (cp1251) or KOI8-R{detail}; "
        "save it as UTF-8 CSV"
    ),
    TableErrorCode.BAD_CSV: "the CSV file cannot be read: {detail}",
    TableErrorCode.BAD_XLSX: "the XLSX workbook cannot be read: {detail}",
    TableErrorCode.NO_HEADER: "no header row was found (expected a row naming {expected})",
    TableErrorCode.MISSING_COLUMN: (
        "the required column '{column}' is missing (accepted headers: {aliases})"
    ),
    TableErrorCode.TOO_MANY_ROWS: "the file has more than {limit} rows; split it",
    TableErrorCode.TOO_MANY_COLUMNS: "the file has more than {limit} columns",
    TableErrorCode.XLSX_TOO_LARGE: (
        "the workbook unpacks to more than {limit} MB; save a smaller sheet or a CSV"
    ),
    TableErrorCode.XLSX_RATIO: (
        "the workbook is compressed more than {limit} times, which only a crafted file is; "
        "save it again from a spreadsheet program"
    ),
    TableErrorCode.XLSX_SHARED_STRINGS: (
        "the workbook's text table unpacks to more than {limit} MB; save a CSV instead"
    ),
}


class TableError(Exception):
    """A file that cannot be read as a table.

    ``code`` is stable, ``params`` fill the English template ``MESSAGES[code]`` (also the
    translation msgid), ``message`` is the filled English text prefixed with the file and row.
    """

    def __init__(
        self, code: TableErrorCode, *, file: str = "", row: int | None = None, **params: object
    ) -> None:
        self.code = code
        self.file = file
        self.row = row
        self.params: dict[str, str] = {key: str(value) for key, value in params.items()}
        self.params.setdefault("detail", "")
        self.detail = self.params["detail"]
        where = file + (f", row {row}" if row is not None else "")
        self.text = self.template.format(**self.params)
        self.message = f"{where}: {self.text}" if where else self.text
        super().__init__(self.message)

    @property
    def template(self) -> str:
        return MESSAGES[self.code]

    def located(self, *, file: str, row: int | None = None) -> TableError:
        """The same error said of a file (and row).

        >>> TableError(TableErrorCode.EMPTY_FILE).located(file="a.csv").message
        'a.csv: the file is empty'
        """
        return TableError(
            self.code, file=file, row=row if row is not None else self.row, **self.params
        )
