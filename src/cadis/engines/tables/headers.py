"""Header rows: names normalised the same way everywhere, matched to the caller's aliases,
and searched for below title rows.

>>> spec = HeaderSpec({"description": ("описание", "наименование товара"), "cas": ("cas no",)},
...                   required=("description",))
>>> match_header(["№", "Наименование товара", "CAS No."], spec).columns
{'description': 1, 'cas': 2}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from .errors import TableError, TableErrorCode
from .rows import Cell, Row, cell_text

_SEPARATORS = re.compile(r"[\s_./\\,:;()\-\"'«»#*]+")


def normalise_header(text: object) -> str:
    """A header compared case-, space- and punctuation-insensitively; ``ё`` reads as ``е`` and
    ``№`` as ``no``.

    >>> normalise_header("  Ед. изм.")
    'ед изм'
    >>> normalise_header("№ п/п"), normalise_header("Start_Date"), normalise_header("\\ufeffДата")
    ('no п п', 'start date', 'дата')
    """
    value = str(text or "").replace("\ufeff", "").casefold().replace("ё", "е")
    value = value.replace("№", " no ")
    return _SEPARATORS.sub(" ", value).strip()


@dataclass(frozen=True)
class HeaderSpec:
    """The columns a caller knows: field -> accepted headers (the field name itself is always
    accepted). ``search_rows``: how many non-blank rows from the top may hold the header (1:
    the first non-blank row is the header). The header is the first of them that names every
    ``anchor`` field (the required fields when no anchor is given)."""

    aliases: Mapping[str, Iterable[str]]
    required: tuple[str, ...] = ()
    search_rows: int = 1
    anchor: tuple[str, ...] | None = None
    lookup: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup: dict[str, str] = {}
        for name, aliases in self.aliases.items():
            for alias in (name, *aliases):
                lookup.setdefault(normalise_header(alias), name)
        object.__setattr__(self, "lookup", lookup)

    def field_of(self, header: object) -> str | None:
        return self.lookup.get(normalise_header(header))

    def aliases_of(self, name: str) -> str:
        return ", ".join(self.aliases.get(name, ()) or (name,))


@dataclass(frozen=True)
class HeaderMatch:
    """A header row read against a spec."""

    row: int  # the header's row number
    headers: list[str]  # the header cells as text, trailing empty cells dropped
    columns: dict[str, int]  # field -> column index (the first matching column wins)
    unknown: list[tuple[int, str]]  # (column index, header) naming no known field
    duplicates: list[tuple[int, str]]  # (column index, header) naming a field already found
    missing: list[str]  # required fields not found


def match_header(cells: list[Cell], spec: HeaderSpec, row: int = 1) -> HeaderMatch:
    """Read one row as a header against ``spec``."""
    headers = [cell_text(cell) for cell in cells]
    while headers and not headers[-1]:
        headers.pop()
    columns: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    duplicates: list[tuple[int, str]] = []
    for index, header in enumerate(headers):
        if not header:
            continue
        name = spec.field_of(header)
        if name is None:
            unknown.append((index, header))
        elif name in columns:
            duplicates.append((index, header))
        else:
            columns[name] = index
    missing = [name for name in spec.required if name not in columns]
    return HeaderMatch(row, headers, columns, unknown, duplicates, missing)


def find_header(rows: Iterator[Row], spec: HeaderSpec, *, file: str = "") -> HeaderMatch:
    """Consume ``rows`` up to and including the header and return it.

    The header is the first of the first ``spec.search_rows`` non-blank rows that names every
    anchor field. When none does, the error says why: ``empty_file`` (no row at all),
    ``missing_column`` (a row named some known columns but not the anchor; the first such
    row is reported) or ``no_header`` (no row named any known column).

    >>> spec = HeaderSpec({"description": ("описание",)}, required=("description",), search_rows=5)
    >>> rows = iter([Row(1, ["Декларация № 1"]), Row(3, ["№", "Описание"]), Row(4, ["1", "Ацетон"])])
    >>> find_header(rows, spec).row, next(rows).number
    (3, 4)
    """
    anchor = spec.anchor if spec.anchor is not None else spec.required
    first_known: HeaderMatch | None = None
    first: HeaderMatch | None = None
    seen = 0
    for row in rows:
        match = match_header(row.cells, spec, row.number)
        if not match.headers:
            continue
        seen += 1
        first = first or match
        if all(name in match.columns for name in anchor):
            return match
        if match.columns and first_known is None:
            first_known = match
        if seen >= spec.search_rows:
            break
    if first is None:
        raise TableError(TableErrorCode.EMPTY_FILE, file=file)
    if first_known is not None or spec.search_rows == 1:
        culprit = first_known or first
        name = next(n for n in anchor if n not in culprit.columns)
        raise TableError(
            TableErrorCode.MISSING_COLUMN,
            file=file,
            row=culprit.row,
            column=name,
            aliases=spec.aliases_of(name),
        )
    raise TableError(
        TableErrorCode.NO_HEADER,
        file=file,
        row=first.row,
        expected=" or ".join(f"'{a}'" for a in list(spec.aliases_of(anchor[0]).split(", "))[:3])
        if anchor
        else "a known column",
    )
