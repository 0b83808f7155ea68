"""Tables in and out: one CSV/XLSX reader and one CSV/XLSX writer for the whole project.

Reading (:func:`read_table`, :func:`iter_rows`): UTF-8 with or without BOM, UTF-16 with or
without BOM, Windows-1251 and KOI8-R decided by one rule (:mod:`.encoding`); ``;``, tab,
``,`` or ``|`` delimiters; XLSX cells typed (text, numbers, booleans, dates) with their row
numbers and merged cells filled; headers found below title rows and matched to the
caller's aliases; everything streamed in constant memory; hostile files refused by
:class:`Limits` with a :class:`TableError` whose ``code`` is stable.

Writing (:func:`iter_csv`, :func:`write_csv`, :func:`write_xlsx`): one formula-injection rule
(:func:`neutralise`) that keeps numbers numeric, dates as dates, and suppressed values as
empty cells with a flag column.

>>> from cadis.engines.tables import read_table, HeaderSpec
>>> spec = HeaderSpec({"substance": ("вещество",), "quantity": ("количество",)})
>>> table = read_table("Вещество;Количество\\nгероин;1,5\\n".encode(), name="s.csv", spec=spec)
>>> [row.cells for row in table]
[['героин', '1,5']]
"""

from __future__ import annotations

from .csvread import data_records
from .encoding import decode_text, detect_encoding
from .errors import MESSAGES, TableError, TableErrorCode
from .headers import HeaderMatch, HeaderSpec, find_header, match_header, normalise_header
from .limits import DEFAULT_LIMITS, MB, Limits
from .reader import Table, estimate_rows, iter_rows, read_table, table_format
from .rows import Cell, Row, cell_text, is_blank
from .writer import (
    FORMULA_START_CHARS,
    Column,
    CsvLines,
    Sheet,
    Suppressed,
    TemplateColumn,
    iter_csv,
    neutralise,
    template_xlsx,
    write_csv,
    write_xlsx,
)

__all__ = [
    "TemplateColumn",
    "template_xlsx",
    "DEFAULT_LIMITS",
    "FORMULA_START_CHARS",
    "MB",
    "MESSAGES",
    "Cell",
    "Column",
    "CsvLines",
    "HeaderMatch",
    "HeaderSpec",
    "Limits",
    "Row",
    "Sheet",
    "Suppressed",
    "Table",
    "TableError",
    "TableErrorCode",
    "cell_text",
    "data_records",
    "decode_text",
    "detect_encoding",
    "estimate_rows",
    "find_header",
    "is_blank",
    "iter_csv",
    "iter_rows",
    "match_header",
    "neutralise",
    "normalise_header",
    "read_table",
    "table_format",
    "write_csv",
    "write_xlsx",
]
