"""The ZIP container of a workbook opened with its size limits enforced twice.

First from the ZIP directory (before anything is inflated), then by counting the bytes while
inflating: every part is read through :class:`CountedStream`, which stops at the limit
whatever the directory said (a crafted file can understate its sizes).

>>> import io, zipfile
>>> buffer = io.BytesIO()
>>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
...     archive.writestr("xl/sharedStrings.xml", "x" * 3_000_000)
>>> Container(buffer, "bomb.xlsx", Limits(xlsx_max_ratio=100))
Traceback (most recent call last):
...
cadis.engines.tables.errors.TableError: bomb.xlsx: the workbook is compressed more than 100 \
times, which only a crafted file is; save it again from a spreadsheet program
"""

from __future__ import annotations

import copy
import zipfile
from typing import IO, Protocol

from .errors import TableError, TableErrorCode
from .limits import MB, Limits


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class CountedStream:
    """A readable part that refuses to yield more than its limits allow."""

    def __init__(
        self,
        stream: Readable,
        *,
        file: str,
        budget: list[int],
        packed: int,
        limits: Limits,
        part_limit: int | None = None,
        part_code: TableErrorCode = TableErrorCode.XLSX_TOO_LARGE,
    ) -> None:
        self._stream = stream
        self._file = file
        self._budget = budget  # bytes still allowed for the whole workbook (shared list)
        self._packed = max(packed, 1)
        self._limits = limits
        self._part_limit = part_limit
        self._part_code = part_code
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size if size and size > 0 else 1 << 20)
        self.count += len(data)
        self._budget[0] -= len(data)
        limits = self._limits
        if self._part_limit is not None and self.count > self._part_limit:
            raise TableError(self._part_code, file=self._file, limit=self._part_limit // MB)
        if self._budget[0] < 0:
            raise TableError(
                TableErrorCode.XLSX_TOO_LARGE,
                file=self._file,
                limit=limits.xlsx_max_unpacked_bytes // MB,
            )
        if (
            self.count > limits.xlsx_ratio_floor_bytes
            and self.count > limits.xlsx_max_ratio * self._packed
        ):
            raise TableError(
                TableErrorCode.XLSX_RATIO, file=self._file, limit=limits.xlsx_max_ratio
            )
        return data

    def close(self) -> None:
        self._stream.close()


def _bad(file: str, detail: str) -> TableError:
    return TableError(TableErrorCode.BAD_XLSX, file=file, detail=detail)


class Container:
    """An opened workbook archive whose directory passed the limits.

    ``source`` is a path or a seekable binary stream; ``size`` is its length in bytes.
    """

    def __init__(self, source: IO[bytes] | str, file: str, limits: Limits) -> None:
        self.file = file
        self.limits = limits
        try:
            self.archive = zipfile.ZipFile(source)
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - a damaged directory raises many kinds
            raise _bad(file, "not a ZIP container") from None
        try:
            if isinstance(source, str):
                with open(source, "rb") as handle:
                    self.size = handle.seek(0, 2)
            else:
                self.size = source.seek(0, 2)
            self._check_directory()
        except BaseException:
            self.archive.close()
            raise
        self.budget = [limits.xlsx_max_unpacked_bytes]

    def _check_directory(self) -> None:
        limits, file = self.limits, self.file
        infos = self.archive.infolist()
        if len(infos) > limits.xlsx_max_parts:
            raise _bad(file, f"more than {limits.xlsx_max_parts} parts")
        total = 0
        for info in infos:
            total += info.file_size
            # A packed size larger than the file itself is a lie; the file bounds it.
            packed = max(min(info.compress_size, self.size), 1)
            if (
                info.file_size > limits.xlsx_ratio_floor_bytes
                and info.file_size > limits.xlsx_max_ratio * packed
            ):
                raise TableError(TableErrorCode.XLSX_RATIO, file=file, limit=limits.xlsx_max_ratio)
            if (
                info.filename.lower().endswith("sharedstrings.xml")
                and info.file_size > limits.xlsx_max_shared_strings_bytes
            ):
                raise TableError(
                    TableErrorCode.XLSX_SHARED_STRINGS,
                    file=file,
                    limit=limits.xlsx_max_shared_strings_bytes // MB,
                )
        if total > limits.xlsx_max_unpacked_bytes:
            raise TableError(
                TableErrorCode.XLSX_TOO_LARGE, file=file, limit=limits.xlsx_max_unpacked_bytes // MB
            )

    def has(self, name: str) -> bool:
        try:
            self.archive.getinfo(name)
        except KeyError:
            return False
        return True

    def open(
        self,
        name: str,
        *,
        part_limit: int | None = None,
        part_code: TableErrorCode = TableErrorCode.XLSX_TOO_LARGE,
    ) -> CountedStream:
        """A counted stream of one part. The directory's size of the part is not trusted:
        Python's reader stops at the declared size, so it is replaced by our own limit."""
        try:
            info = copy.copy(self.archive.getinfo(name))
        except KeyError:
            raise _bad(self.file, f"the part {name} is missing") from None
        cap = self.limits.xlsx_max_unpacked_bytes if part_limit is None else part_limit
        # Python's reader stops (and fails the CRC) at file_size: set it past our own limit
        # by more than one read, so that the counting below is what stops a large part.
        info.file_size = cap + 4 * MB
        try:
            stream = self.archive.open(info)
        except MemoryError:
            raise
        except Exception as e:  # noqa: BLE001 - damaged headers, encryption, unknown methods
            raise _bad(self.file, f"the part {name} cannot be opened ({e})") from None
        return CountedStream(
            _Guarded(stream, self.file, name),
            file=self.file,
            budget=self.budget,
            packed=min(info.compress_size, self.size),
            limits=self.limits,
            part_limit=part_limit,
            part_code=part_code,
        )

    def read(self, name: str, *, part_limit: int = 16 * MB) -> bytes:
        """A small part (workbook, relationships, styles) read whole, within ``part_limit``."""
        stream = self.open(name, part_limit=part_limit)
        try:
            chunks = []
            while chunk := stream.read(1 << 20):
                chunks.append(chunk)
            return b"".join(chunks)
        finally:
            stream.close()

    def close(self) -> None:
        self.archive.close()


class _Guarded:
    """Turns the ZIP reader's own errors (damaged data, bad CRC) into ``bad_xlsx``."""

    def __init__(self, stream: IO[bytes], file: str, name: str) -> None:
        self._stream, self._file, self._name = stream, file, name

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read(size)
        except MemoryError:
            raise
        except Exception as error:  # noqa: BLE001 - damaged data, bad CRC, unknown methods
            raise _bad(self._file, f"the part {self._name} is damaged ({error})") from None

    def close(self) -> None:
        self._stream.close()
