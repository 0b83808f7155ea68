"""One entry point for every table file: the format decided from the name and the first
bytes, the file size checked, then rows streamed (CSV or XLSX) and the header found.

>>> table = read_table("описание;CAS\\nАцетон;67-64-1\\n".encode("cp1251"), name="d.csv",
...                    spec=HeaderSpec({"description": ("описание",), "cas": ()}))
>>> table.format, table.encoding, table.header.columns
('csv', 'cp1251', {'description': 0, 'cas': 1})
>>> [(row.number, row.cells) for row in table]
[(2, ['Ацетон', '67-64-1'])]
"""

from __future__ import annotations

import io
import os
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO

from .csvread import iter_csv_rows
from .encoding import SNIFF_BYTES, detect_encoding, encoding_sample
from .errors import TableError, TableErrorCode
from .headers import HeaderMatch, HeaderSpec, find_header
from .limits import DEFAULT_LIMITS, MB, Limits
from .rows import Row
from .xlsxread import iter_xlsx_rows, xlsx_row_count

Source = bytes | str | Path | IO[bytes]
XLSX_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = ("", ".csv", ".txt", ".tsv")
_OLE = b"\xd0\xcf\x11\xe0"  # old Excel (.xls) and other OLE compound files


def table_format(name: str, head: bytes) -> str:
    """``csv`` or ``xlsx``; raises ``unsupported_format`` for old Excel and other types.

    A ZIP signature or an ``.xlsx``/``.xlsm`` name means XLSX; ``.csv``, ``.txt``, ``.tsv``
    or no suffix means CSV.

    >>> table_format("data.csv", b"PK\\x03\\x04..."), table_format("data.txt", b"a;b")
    ('xlsx', 'csv')
    >>> table_format("d.pdf", b"%PDF-1.4")
    Traceback (most recent call last):
    ...
    cadis.engines.tables.errors.TableError: d.pdf: the file type '.pdf' is not supported; save \
the sheet as XLSX or CSV
    """
    suffix = os.path.splitext(name)[1].lower()
    if suffix == ".xls" or head.startswith(_OLE):
        raise TableError(
            TableErrorCode.UNSUPPORTED_FORMAT,
            file=name,
            detail=".xls (old Excel)",
        )
    if suffix in XLSX_SUFFIXES or head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if suffix in CSV_SUFFIXES:
        return "csv"
    raise TableError(TableErrorCode.UNSUPPORTED_FORMAT, file=name, detail=f"'{suffix}'")


def _open(source: Source, name: str) -> tuple[IO[bytes], bool]:
    """A seekable binary stream of the source, and whether we opened it (and must close it)."""
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(source), True
    if isinstance(source, str | Path):
        try:
            return open(source, "rb"), True  # noqa: SIM115 - closed by the caller
        except FileNotFoundError:
            raise TableError(TableErrorCode.FILE_NOT_FOUND, file=name) from None
        except (IsADirectoryError, PermissionError):
            raise TableError(TableErrorCode.FILE_NOT_FOUND, file=name) from None
    return source, False


def iter_rows(
    source: Source,
    *,
    name: str = "",
    limits: Limits = DEFAULT_LIMITS,
    skip_blank: bool = True,
    fill_merged: bool = True,
    delimiter: str | None = None,
    format: str | None = None,
) -> Generator[Row, None, None]:
    """Every row of a CSV or XLSX file (bytes, a path or a seekable binary stream).

    ``name`` is the file name shown in errors (and used for the format when it has a
    suffix). Blank rows are skipped unless ``skip_blank`` is false. ``delimiter`` forces the
    CSV delimiter (for files of our own; sniffed otherwise) and ``format`` (``csv`` or
    ``xlsx``) the format of a file whose name does not say it. Raises
    :class:`TableError` and nothing else for bad input.
    """
    if not name:
        name = Path(source).name if isinstance(source, str | Path) else "file"
    stream, owned = _open(source, name)
    try:
        size = stream.seek(0, 2)
        stream.seek(0)
        if size == 0:
            raise TableError(TableErrorCode.EMPTY_FILE, file=name)
        if size > limits.max_file_bytes:
            raise TableError(
                TableErrorCode.FILE_TOO_LARGE, file=name, limit=limits.max_file_bytes // MB
            )
        head = stream.read(8)
        stream.seek(0)
        if (format or table_format(name, head)) == "xlsx":
            yield from iter_xlsx_rows(
                stream, name, limits=limits, skip_blank=skip_blank, fill_merged=fill_merged
            )
        else:
            yield from iter_csv_rows(
                stream, name, limits=limits, skip_blank=skip_blank, delimiter=delimiter
            )
    finally:
        if owned:
            stream.close()


class Table:
    """A table file with its header found; iterate it for the data rows after the header.

    ``format`` is ``csv`` or ``xlsx``; ``encoding`` the CSV codec (``xlsx`` for workbooks).
    Close it (or use it as a context manager, or read it to the end) to release the file.
    """

    def __init__(
        self,
        rows: Generator[Row, None, None],
        header: HeaderMatch,
        *,
        name: str,
        format: str,
        encoding: str,
    ) -> None:
        self._rows = rows
        self.header = header
        self.name = name
        self.format = format
        self.encoding = encoding

    def __iter__(self) -> Iterator[Row]:
        return self._rows

    def close(self) -> None:
        self._rows.close()

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _sniff(source: Source, name: str, format: str | None) -> tuple[str, str]:
    """(format, encoding) of the source without reading it through."""
    stream, owned = _open(source, name)
    try:
        head = stream.read(SNIFF_BYTES)
        stream.seek(0)
        fmt = format or table_format(name, head[:8])
        if fmt == "xlsx":
            return fmt, "xlsx"
        try:
            return fmt, detect_encoding(encoding_sample(stream, head))
        except TableError:
            return fmt, ""  # the reader raises it with the file name
    finally:
        if owned:
            stream.close()
        else:
            stream.seek(0)


def read_table(
    source: Source,
    *,
    name: str = "",
    spec: HeaderSpec | None = None,
    limits: Limits = DEFAULT_LIMITS,
    fill_merged: bool = True,
    delimiter: str | None = None,
    format: str | None = None,
) -> Table:
    """Open a table file and find its header (see :func:`find_header`); the data rows follow.

    Without a ``spec`` the first non-blank row is the header and every column is unknown.
    Raises :class:`TableError` for a file that cannot be read, has no rows or lacks a
    required column; later rows may still raise it while the table is iterated.
    """
    if not name:
        name = Path(source).name if isinstance(source, str | Path) else "file"
    fmt, encoding = _sniff(source, name, format)
    rows = iter_rows(
        source,
        name=name,
        limits=limits,
        fill_merged=fill_merged,
        delimiter=delimiter,
        format=fmt,
    )
    try:
        header = find_header(rows, spec or HeaderSpec({}), file=name)
    except BaseException:
        rows.close()
        raise
    return Table(rows, header, name=name, format=fmt, encoding=encoding)


def estimate_rows(source: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> int | None:
    """About how many rows a file has, without reading it through (for progress bars): the
    line count of a CSV, the declared extent of an XLSX sheet. None when unknown.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "d.csv"
    >>> _ = path.write_text("a\\n1\\n2\\n")
    >>> estimate_rows(path)
    3
    """
    path = Path(source)
    try:
        with path.open("rb") as handle:
            fmt = table_format(path.name, handle.read(8))
            if fmt == "xlsx":
                return xlsx_row_count(str(path), path.name, limits=limits)
            handle.seek(0)
            count = 0
            while chunk := handle.read(1 << 20):
                count += chunk.count(b"\n")
            return count
    except (OSError, TableError):
        return None
