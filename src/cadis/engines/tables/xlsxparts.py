"""The parts of a workbook other than the sheet data: which sheet is first, the date styles,
the shared strings and the merged ranges."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import TableError, TableErrorCode
from .xlsxguard import Container

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def local(tag: str) -> str:
    """The element name without its namespace: ``{ns}row`` -> ``row``."""
    return tag.rpartition("}")[2]


def _bad(file: str, detail: str) -> TableError:
    return TableError(TableErrorCode.BAD_XLSX, file=file, detail=detail)


def parse_small(container: Container, name: str) -> ET.Element:
    data = container.read(name)
    if _DOCTYPE.search(data[:4096]):
        raise _bad(container.file, f"the part {name} declares a DTD")
    try:
        return ET.fromstring(data)
    except ET.ParseError as error:
        raise _bad(container.file, f"the part {name} is not XML ({error})") from None


def _relationships(container: Container, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part path) of a part."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if not container.has(rels):
        return {}
    out = {}
    for rel in parse_small(container, rels):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(path))
    return out


@dataclass(frozen=True)
class WorkbookParts:
    sheet: str
    shared_strings: str | None
    styles: str | None
    date1904: bool


def workbook_parts(container: Container) -> WorkbookParts:
    """Where the first worksheet, the shared strings and the styles are."""
    workbook = "xl/workbook.xml"
    for _rid, (kind, target) in _relationships(container, "").items():
        if kind.endswith("/officeDocument"):
            workbook = target
    if not container.has(workbook):
        raise _bad(container.file, "no workbook part")
    root = parse_small(container, workbook)
    rels = _relationships(container, workbook)
    sheet = None
    date1904 = False
    for element in root.iter():
        name = local(element.tag)
        if name == "workbookPr":
            date1904 = element.get("date1904", "").lower() in ("1", "true")
        elif name == "sheet" and sheet is None:
            rid = element.get(f"{{{REL_NS}}}id") or element.get(f"{{{STRICT_REL_NS}}}id") or ""
            kind, target = rels.get(rid, ("", ""))
            if kind.endswith("/worksheet") and container.has(target):
                sheet = target
    if sheet is None:
        raise _bad(container.file, "the workbook has no worksheet")
    shared = styles = None
    for kind, target in rels.values():
        if kind.endswith("/sharedStrings"):
            shared = target
        elif kind.endswith("/styles"):
            styles = target
    return WorkbookParts(
        sheet=sheet,
        shared_strings=shared if shared and container.has(shared) else None,
        styles=styles if styles and container.has(styles) else None,
        date1904=date1904,
    )


# What a number format makes of a number: a date, a datetime, a time, a duration or a
# percentage (0.45 shown as 45 %).
DATE, DATETIME, TIME, DURATION, PERCENT = "date", "datetime", "time", "duration", "percent"


def style_kinds(container: Container, styles: str | None) -> list[str | None]:
    """For each cell style index, what its number format shows: a kind of date, a percentage,
    or None for a plain number."""
    if styles is None:
        return []
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    root = parse_small(container, styles)
    custom: dict[int, str] = {}
    kinds: list[str | None] = []
    for element in root:
        if local(element.tag) == "numFmts":
            for fmt in element:
                try:
                    custom[int(fmt.get("numFmtId", ""))] = fmt.get("formatCode", "")
                except ValueError:
                    continue
    for element in root:
        if local(element.tag) != "cellXfs":
            continue
        for xf in element:
            try:
                number = int(xf.get("numFmtId", "0"))
            except ValueError:
                number = 0
            code = custom.get(number) or BUILTIN_FORMATS.get(number) or "General"
            kinds.append(_kind_of(code, is_date_format, is_timedelta_format))
    return kinds


def _kind_of(code: str, is_date_format, is_timedelta_format) -> str | None:  # type: ignore[no-untyped-def]
    if is_timedelta_format(code):
        return DURATION
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code).lower()
    if not is_date_format(code):
        # A literal "%" (quoted or escaped) is text; a bare one multiplies the number by 100.
        return PERCENT if "%" in bare else None
    has_date = any(ch in bare for ch in "dy") or "mmm" in bare
    has_time = any(ch in bare for ch in "hs")
    if has_date and has_time:
        return DATETIME
    return DATE if has_date else TIME


def shared_strings(container: Container, name: str | None) -> list[str]:
    """The shared strings, read as a stream within the shared-strings limit."""
    if name is None:
        return []
    limit = container.limits.xlsx_max_shared_strings_bytes
    stream = container.open(name, part_limit=limit, part_code=TableErrorCode.XLSX_SHARED_STRINGS)
    strings: list[str] = []
    try:
        for element in _iterparse(stream, container.file, name):
            if local(element.tag) != "si":
                continue
            strings.append(_text_of(element))
            element.clear()
    finally:
        stream.close()
    return strings


def _text_of(element: ET.Element) -> str:
    """The text of a string item: its ``t`` elements, phonetic runs left out."""
    parts = []
    for child in element:
        name = local(child.tag)
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child if local(t.tag) == "t")
    return "".join(parts)


def _iterparse(stream: object, file: str, name: str) -> Iterator[ET.Element]:
    guard = _DoctypeGuard(stream, file, name)
    try:
        for _event, element in ET.iterparse(guard, events=("end",)):
            yield element
    except ET.ParseError as error:
        raise _bad(file, f"the part {name} is not XML ({error})") from None


class _DoctypeGuard:
    """Refuses a part whose first chunk declares a DTD (entity expansion is never needed)."""

    def __init__(self, stream: object, file: str, name: str) -> None:
        self._stream, self._file, self._name, self._first = stream, file, name, True

    def read(self, size: int = -1) -> bytes:
        data: bytes = self._stream.read(size)  # type: ignore[attr-defined]
        if self._first:
            self._first = False
            if _DOCTYPE.search(data[:4096]):
                raise _bad(self._file, f"the part {self._name} declares a DTD")
        return data


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"')


def column_number(letters: str) -> int:
    """``A`` -> 1, ``AB`` -> 28.

    >>> column_number("A"), column_number("AB")
    (1, 28)
    """
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def merged_ranges(container: Container, sheet: str) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column) of every merged range, found by
    scanning the sheet once (the ranges are listed after the data)."""
    limits = container.limits
    ranges: set[tuple[int, int, int, int]] = set()
    tail = b""
    stream = container.open(sheet)
    try:
        while chunk := stream.read(1 << 20):
            data = tail + chunk
            tail = data[-200:]  # a tag cut by the chunk boundary is found in the next round
            if b"mergeCell" not in data:  # most chunks: a plain search is far cheaper
                continue
            for m in _MERGE.finditer(data):
                first_col = column_number(m.group(1).decode())
                if first_col > limits.max_columns:
                    continue
                ranges.add(
                    (
                        int(m.group(2)),
                        first_col,
                        int(m.group(4)),
                        min(column_number(m.group(3).decode()), limits.max_columns),
                    )
                )
                if len(ranges) > limits.xlsx_max_merged_ranges:
                    raise _bad(
                        container.file, f"more than {limits.xlsx_max_merged_ranges} merged ranges"
                    )
    finally:
        stream.close()
    return sorted(ranges)
