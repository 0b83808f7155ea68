"""CSV read as a stream: encoding and delimiter decided once, rows yielded one by one.

>>> import io
>>> rows = iter_csv_rows(io.BytesIO("Дата;Вещество\\n01.02.2024;героин\\n".encode("cp1251")), "a.csv")
>>> [(row.number, row.cells) for row in rows]
[(1, ['Дата', 'Вещество']), (2, ['01.02.2024', 'героин'])]
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .encoding import SNIFF_BYTES, detect_encoding, encoding_sample
from .errors import TableError, TableErrorCode
from .limits import DEFAULT_LIMITS, Limits
from .rows import Cell, Row

DELIMITERS = (";", "\t", ",", "|")
# One cell may hold a long text (a goods description, notes); 16 MB is far above any real one.
FIELD_LIMIT = 16 * 1024 * 1024
csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            count += 1
    return count


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter of a CSV from its first non-blank lines.

    The first line (the header) decides: the candidate it holds most often outside quotes.
    A tie is settled by the following lines (the candidate found the same number of times in
    most of them), then by the order ``;`` tab ``,`` ``|``. No candidate at all: ``,``.

    >>> sniff_delimiter(["Дата;Количество", "01.02.2024;1,5"])
    ';'
    >>> sniff_delimiter(["a,b;c", "1,2;3;4", "5,6"])
    ','
    >>> sniff_delimiter(["description"])
    ','
    """
    lines = [line for line in lines if line.strip()]
    if not lines:
        return ","
    counts = {d: _count_outside_quotes(lines[0], d) for d in DELIMITERS}
    best = max(counts.values())
    if best == 0:
        return ","
    tied = [d for d in DELIMITERS if counts[d] == best]
    if len(tied) == 1:
        return tied[0]
    agreement = {
        d: sum(_count_outside_quotes(line, d) == best for line in lines[1:20]) for d in tied
    }
    return max(tied, key=lambda d: (agreement[d], -tied.index(d)))


_UNDECODED = re.compile("[\udc80-\udcff]")  # bytes kept by ``surrogateescape``


def _undecodable_row(raw: IO[bytes], encoding: str, delimiter: str, file: str) -> TableError:
    """The error for the first record holding bytes the codec cannot decode, found again
    from the start (the fast strict decoder only says that a block of rows failed)."""
    raw.seek(0)
    text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
    number = 0
    try:
        for number, record in enumerate(csv.reader(text, delimiter=delimiter), start=1):  # noqa: B007
            if any(_UNDECODED.search(cell) for cell in record):
                break
    except (csv.Error, UnicodeDecodeError):  # a UTF-16 text cut in the middle of a character
        number += 1
    finally:
        text.detach()
    return TableError(
        TableErrorCode.BAD_ENCODING,
        file=file,
        row=number,
        detail=f" (the text stops being {encoding} in this row)",
    )


def iter_csv_rows(
    raw: IO[bytes],
    file: str,
    *,
    limits: Limits = DEFAULT_LIMITS,
    skip_blank: bool = True,
    encoding: str | None = None,
    delimiter: str | None = None,
) -> Iterator[Row]:
    """Rows of a CSV read from a seekable binary stream, in constant memory.

    ``encoding`` forces a codec (the detection of :func:`detect_encoding` otherwise) and
    ``delimiter`` a delimiter (:func:`sniff_delimiter` otherwise): for files of our own.
    Raises :class:`TableError` (``empty_file``, ``bad_encoding``, ``bad_csv``,
    ``too_many_rows``, ``too_many_columns``), never anything else for bad input.
    """
    head = raw.read(SNIFF_BYTES)
    if len(head) < SNIFF_BYTES and not head.strip(b" \r\n\t\x00\xef\xbb\xbf\xff\xfe"):
        raise TableError(TableErrorCode.EMPTY_FILE, file=file)
    if encoding is None:
        try:
            encoding = detect_encoding(encoding_sample(raw, head))
        except TableError as error:
            raise error.located(file=file) from None
    raw.seek(0)
    sample = head[: len(head) - len(head) % 2] if encoding.startswith("utf-16") else head
    lines = sample.decode(encoding, errors="ignore").splitlines()[:21]
    if delimiter is None:
        delimiter = sniff_delimiter(lines[:-1] if len(lines) > 1 else lines)
    text = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
    reader = csv.reader(text, delimiter=delimiter, strict=True)
    number = 0
    non_blank = 0
    max_rows, max_columns = limits.max_rows, limits.max_columns
    try:
        for record in reader:
            number += 1
            joined = "".join(record)  # one copy answers both: NUL (binary data)? blank?
            if "\x00" in joined:
                raise TableError(
                    TableErrorCode.BAD_ENCODING,
                    file=file,
                    row=number,
                    detail=" (the file holds zero bytes: it is binary)",
                )
            cells: list[Cell] = record  # type: ignore[assignment]  # str is a Cell
            if not joined or joined.isspace():
                if not skip_blank:
                    yield Row(number, cells)
                continue
            non_blank += 1
            if non_blank > max_rows:
                raise TableError(TableErrorCode.TOO_MANY_ROWS, file=file, limit=max_rows)
            if len(record) > max_columns:
                while record and not record[-1].strip():
                    record.pop()
                if len(record) > max_columns:
                    raise TableError(
                        TableErrorCode.TOO_MANY_COLUMNS, file=file, row=number, limit=max_columns
                    )
            yield Row(number, cells)
    except csv.Error as error:
        text.detach()
        raise TableError(
            TableErrorCode.BAD_CSV, file=file, row=number + 1, detail=str(error)
        ) from None
    except UnicodeDecodeError:
        text.detach()
        raise _undecodable_row(raw, encoding, delimiter, file) from None
    except BaseException:
        text.detach()
        raise
    text.detach()
    if non_blank == 0:
        raise TableError(TableErrorCode.EMPTY_FILE, file=file)


def data_records(source: Path | str) -> Iterator[dict[str, str]]:
    """The rows of a data file shipped with the code (UTF-8 CSV, a byte-order mark allowed,
    the header first), as dicts by column name; ``source`` is the file or its text. Only for
    the project's own files: uploads go through :func:`~cadis.engines.tables.read_table`,
    which detects encodings and refuses hostile files.

    >>> list(data_records('cas,name\\n64-19-7,"Acetic acid\\n(glacial)"\\n'))
    [{'cas': '64-19-7', 'name': 'Acetic acid\\n(glacial)'}]
    """
    text = source.read_text(encoding="utf-8-sig") if isinstance(source, Path) else source
    # newline="" keeps line ends inside quoted cells, which splitlines() would cut.
    yield from csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
