"""One row's cells read as dates, quantities and vocabulary ids, collecting issues."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from cadis.engines.units import (
    NumberFormatError,
    UnitsError,
    UnitsErrorCode,
    parse_date,
    parse_number,
    parse_quantity,
)
from cadis.engines.units.numbers import Convention
from cadis.platform.imports.issues import Issue, issue
from cadis.platform.imports.matcher import Match, Matcher, key
from cadis.platform.imports.reader import Cell, Table

_SPLIT = re.compile(r"\s*[;|]\s*|\s*,\s+")
LIMITS = {"place": 300, "substance": 300, "quantity": 100, "unit": 50, "notes": 5000}


class RowCells:
    """One row's cells by field, collecting issues."""

    def __init__(
        self, table: Table, mapping: dict[str, int], number: int, cells: list[Cell]
    ) -> None:
        self.table, self.mapping, self.number, self.cells = table, mapping, number, cells
        self.issues: list[Issue] = []
        self.shown: dict[str, str] = {}  # field -> what will be written, for the preview

    def preview(self) -> dict:
        """The row as written next to what will be written, for the dry-run page."""
        written = {}
        for name, index in self.mapping.items():
            if index < len(self.cells):
                value = self.cells[index]
                written[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return {
            "row": self.number,
            "written": written,
            "parsed": dict(self.shown),
            "issues": [i.code for i in self.issues],
        }

    def raw(self, name: str) -> Cell:
        index = self.mapping.get(name)
        if index is None or index >= len(self.cells):
            return ""
        value = self.cells[index]
        return value.strip() if type(value) is str else value

    def text(self, name: str) -> str:
        index = self.mapping.get(name)
        if index is None or index >= len(self.cells):
            return ""  # a column the file does not have
        value = self.cells[index]
        if type(value) is str:
            text = value.strip()
        elif isinstance(value, float):
            return f"{value:g}"
        else:
            text = value.isoformat()
        limit = LIMITS.get(name)
        if limit and len(text) > limit:
            self.fail(name, "too_long", limit=limit)
            return text[:limit]
        return text

    def fail(
        self, name: str, code: str, suggestions: tuple[str, ...] = (), **params: object
    ) -> None:
        index = self.mapping.get(name)
        column = (
            self.table.headers[index]
            if index is not None and index < len(self.table.headers)
            else name
        )
        self.issues.append(
            issue(
                self.table.file, self.number, column[:100], code, suggestions, field=name, **params
            )
        )

    def _match(self, name: str, matcher: Matcher | dict, code: str, text: str):
        if isinstance(matcher, dict):  # an exact-key table (countries)
            found = matcher.get(key(text))
            match = Match(found, "exact" if found is not None else "unknown", text)
        else:
            match = matcher.match(text)
        if match.value is None:
            if match.resolution == "ambiguous":
                self.fail(name, "ambiguous_value", match.suggestions, value=text)
            else:
                self.fail(name, code, match.suggestions, value=text)
        elif match.resolution == "fuzzy":
            self.fail(name, "value_matched", (match.label,), value=text, match=match.label)
        elif match.resolution == "mapped":
            self.fail(name, "value_mapped", (match.label,), value=text, match=match.label)
        return match

    def lookup_key(self, name: str, table: dict, code: str):
        """A value looked up by its exact key (subdivisions: checked against the row's country)."""
        text = self.text(name)
        if not text:
            return None
        found = table.get(key(text))
        if found is None:
            self.fail(name, code, value=text)
        return found

    def lookup(self, name: str, matcher: Matcher | dict, code: str):
        text = self.text(name)
        if not text:
            return None
        match = self._match(name, matcher, code, text)
        if match.value is not None:
            self.shown[name] = match.label
        return match.value

    def many(self, name: str, matcher: Matcher | dict, code: str) -> tuple[int, ...]:
        found: list[int] = []
        labels: list[str] = []
        for part in _SPLIT.split(self.text(name)):
            if not part:
                continue
            match = self._match(name, matcher, code, part)
            if match.value is not None and match.value not in found:
                found.append(match.value)
                labels.append(match.label)
        if labels:
            self.shown[name] = "; ".join(labels)
        return tuple(found)


# A file repeats its dates, quantities and numbers row after row; the engine's answers (frozen
# values) are kept for the next row that writes the same text. Errors are not cached.
@lru_cache(maxsize=8192)
def _date(text: str) -> tuple[dt.date, str]:
    day, precision = parse_date(text)
    return day, str(precision)


@lru_cache(maxsize=8192)
def _quantity(text: str):
    return parse_quantity(text)


@lru_cache(maxsize=8192)
def _number(text: str, convention: Convention | None):
    return parse_number(text, convention=convention)


def read_date(row: RowCells, today: dt.date) -> tuple[dt.date, str] | None:
    value = row.raw("date")
    if isinstance(value, dt.date):
        parsed: tuple[dt.date, str] = (value, "day")
    elif isinstance(value, float) or not value:
        if not value:
            row.fail("date", "missing_value")
        else:
            row.fail("date", "bad_date", value=f"{value:g}")
        return None
    else:
        try:
            parsed = _date(value)
        except UnitsError:
            row.fail("date", "bad_date", value=value)
            return None
    if parsed[0] > today:
        row.fail("date", "future_date", value=parsed[0].isoformat())
        return None
    return parsed


def read_quantity(row: RowCells, convention: Convention | None) -> tuple[float, str, str] | None:
    """(value, canonical unit code, unit as written); ``convention`` is the column's decimal
    mark when the file or the organisation's answer settles it."""
    raw, unit_text = row.raw("quantity"), row.text("unit")
    if raw == "" or raw is None:
        row.fail("quantity", "missing_value")
        return None
    if isinstance(raw, dt.date):
        row.fail("quantity", "bad_number", value=raw.isoformat())
        return None
    if isinstance(raw, float):
        value = raw
    elif re.search(r"[^\d\s.,'\u00a0\u202f\u2009+\-−–]", raw):
        try:
            quantity = _quantity(raw)
        except UnitsError as error:
            code = "no_unit" if error.code == UnitsErrorCode.NO_UNIT else "bad_quantity"
            row.fail("quantity", code, value=raw)
            return None
        if quantity.ambiguous and convention and quantity.alternative is not None:
            # the column's convention decides: a decimal dot reads "1.300" as 1.3
            dot_decimal = convention == "dot_decimal"
            value = quantity.alternative if dot_decimal else quantity.value
            return value, quantity.unit, unit_text
        if quantity.ambiguous:
            row.fail(
                "quantity",
                "ambiguous_number",
                value=raw,
                value_a=f"{quantity.value:g}",
                value_b=f"{quantity.alternative:g}",
                suggestions=("thousands", "decimal"),
            )
            return None
        return quantity.value, quantity.unit, unit_text
    else:
        try:
            number = _number(raw, convention)
        except NumberFormatError:
            row.fail("quantity", "bad_number", value=raw)
            return None
        if number.ambiguous:
            row.fail(
                "quantity",
                "ambiguous_number",
                value=raw,
                value_a=f"{number.value:g}",
                value_b=f"{number.alternative:g}",
                suggestions=("thousands", "decimal"),
            )
            return None
        value = number.value
    if not unit_text:
        row.fail("unit", "no_unit", value=row.text("quantity"))
        return None
    return value, unit_text, unit_text


def read_purity(row: RowCells) -> float | None:
    raw = row.raw("purity")
    if raw == "":
        return None
    text = raw if isinstance(raw, str) else f"{raw}"
    try:
        value = raw if isinstance(raw, float) else parse_number(text.rstrip("% ")).value
    except (NumberFormatError, AttributeError):
        value = None
    if value is None or not 0 <= value <= 100:
        row.fail("purity", "bad_purity", value=text)
        return None
    return float(value)
