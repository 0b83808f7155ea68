"""The one import flow under every import kind: seizures, treatment episodes, harms figures,
price and purity records, NPS library profiles and DHIS2 aggregates.

- **Check.** ``check_each`` is the one row loop: each row read by the kind's rules (its row
  reader collects issues with stable codes and what will be written), duplicates refused, a
  preview with rows with issues first. Tables read by column name use ``check_rows`` with a
  ``RowReader`` (vocabulary values through the one matcher, whole and decimal numbers under the
  one rule for "1.300", dates and period bounds in Russian and ISO forms); the seizure table
  reads positional cells with its own row reader. Either way the answer is a ``Checked``: the
  report and the valid rows keyed by their natural key.
- **Commit.** ``commit_rows`` counts every row as created, updated or unchanged against what is
  stored and, unless a dry run, writes them all or none (the caller's transaction),
  idempotently, row by row or in bulk for large files.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple, Protocol, TypeVar

from cadis.engines.units import (
    DateFormatError,
    DatePrecision,
    NumberFormatError,
    column_convention,
    parse_date,
    parse_number,
)
from cadis.engines.units.numbers import Convention
from cadis.platform.imports.issues import Issue, issue
from cadis.platform.imports.matcher import Matcher
from cadis.platform.imports.pipeline import ImportReport

PREVIEW_ROWS = 50
# Saved answers ("decimal" / "thousands") as the engine's conventions.
_CONVENTIONS: dict[str, Convention] = {"decimal": "dot_decimal", "thousands": "comma_decimal"}


class RowReader:
    """One row's cells by column name, read into values while collecting issues."""

    def __init__(
        self,
        file: str,
        number: int,
        row: Mapping[str, str],
        conventions: Mapping[str, Convention] | None = None,
    ) -> None:
        self.file, self.number, self.row = file, number, row
        self.conventions = conventions or {}
        self.issues: list[Issue] = []
        self.shown: dict[str, str] = {}  # column -> what will be written, for the preview

    def text(self, name: str) -> str:
        return str(self.row.get(name, "")).strip()

    def preview(self) -> dict[str, Any]:
        """The row as written next to what will be written, for the dry-run page."""
        return {
            "row": self.number,
            "written": {k: v for k, v in self.row.items() if v},
            "parsed": dict(self.shown),
            "issues": [str(i.code) for i in self.issues],
        }

    def fail(
        self, name: str, code: str, suggestions: tuple[str, ...] = (), **params: object
    ) -> None:
        self.issues.append(
            issue(self.file, self.number, name, code, suggestions, field=name, **params)
        )

    def choice(self, name: str, matcher: Matcher, default: Hashable | None = None) -> Any:
        """The vocabulary entry written in the column (``default`` when empty); an unknown or
        ambiguous value is an error with ranked suggestions, a fuzzy or mapped one a notice."""
        text = self.text(name)
        if not text:
            return default
        match = matcher.match(text)
        if match.value is None:
            code = "ambiguous_value" if match.resolution == "ambiguous" else "unknown_value"
            self.fail(name, code, match.suggestions, value=text)
            return None
        if match.resolution == "fuzzy":
            self.fail(name, "value_matched", (match.label,), value=text, match=match.label)
        elif match.resolution == "mapped":
            self.fail(name, "value_mapped", (match.label,), value=text, match=match.label)
        self.shown[name] = match.label
        return match.value

    def whole_number(self, name: str) -> int | None:
        """A whole number ("1 300", "1300", "1.300" by the column's convention); ``None`` when
        empty or not valid (the issue is recorded)."""
        text = self.text(name)
        if not text:
            return None
        convention = self.conventions.get(name)
        try:
            number = parse_number(text, convention=convention or None)
        except NumberFormatError:
            self.fail(name, "bad_whole_number")
            return None
        if number.ambiguous and number.alternative is not None:
            self.fail(
                name,
                "ambiguous_number",
                ("thousands", "decimal"),
                value=text,
                value_a=f"{number.value:g}",
                value_b=f"{number.alternative:g}",
            )
            return None
        if not float(number.value).is_integer() or number.value < 0:
            self.fail(name, "bad_whole_number")
            return None
        self.shown[name] = str(int(number.value))
        return int(number.value)

    def _number(self, name: str, text: str) -> float | None:
        """The number written (the column's convention decides "1.300"); ``None`` with the issue
        recorded when it is not a number or is ambiguous."""
        convention = self.conventions.get(name)
        try:
            number = parse_number(text, convention=convention or None)
        except NumberFormatError:
            self.fail(name, "bad_number", value=text)
            return None
        if number.ambiguous and number.alternative is not None:
            self.fail(
                name,
                "ambiguous_number",
                ("thousands", "decimal"),
                value=text,
                value_a=f"{number.value:g}",
                value_b=f"{number.alternative:g}",
            )
            return None
        return number.value

    def decimal(
        self, name: str, *, places: int = 2, maximum: Decimal | None = None, suffix: str = ""
    ) -> Decimal | None:
        """A non-negative decimal ("1 300,50", "1300.5", "1.300" by the column's convention)
        with at most ``places`` decimal places and not above ``maximum``; ``suffix`` (such as
        "%") may follow the number. ``None`` when empty or not valid (the issue is recorded)."""
        text = self.text(name)
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)].rstrip()
        if not text:
            return None
        number = self._number(name, text)
        if number is None:
            return None
        try:
            value = Decimal(str(number))
        except InvalidOperation:  # pragma: no cover - parse_number gives finite floats
            self.fail(name, "bad_number", value=text)
            return None
        if value < 0:
            self.fail(name, "negative_number", value=text)
            return None
        if value != value.quantize(Decimal(1).scaleb(-places)):
            self.fail(name, "too_many_decimals", value=text, limit=places)
            return None
        if maximum is not None and value > maximum:
            self.fail(name, "number_too_large", value=text, limit=maximum)
            return None
        value = value.quantize(Decimal(1).scaleb(-places))
        self.shown[name] = f"{value:f}"
        return value

    def period_bound(self, name: str, *, end: bool = False) -> dt.date | None:
        """The first (or with ``end`` the last) day of what the cell states: a day, a month
        ("03.2024", "март 2024") or a year ("2024"); ``None`` when empty or not a date (the
        issue is recorded)."""
        text = self.text(name)
        if not text:
            return None
        try:
            value, precision = parse_date(text)
        except DateFormatError:
            self.fail(name, "bad_date", value=text)
            return None
        if end and precision is DatePrecision.MONTH:
            value = value.replace(day=calendar.monthrange(value.year, value.month)[1])
        elif end and precision is DatePrecision.YEAR:
            value = value.replace(month=12, day=31)
        self.shown[name] = value.isoformat()
        return value

    def date(self, name: str, *, identifying: bool = False) -> dt.date | None:
        """A day ("05.02.2024", "2024-02-05", "5 февраля 2024 г."); an identifying date is
        never quoted in the message."""
        text = self.text(name)
        try:
            value, precision = parse_date(text)
        except DateFormatError:
            value, precision = None, None
        if value is None or precision is not DatePrecision.DAY:
            self.fail(name, "bad_date", value="…" if identifying else text)
            return None
        self.shown[name] = value.isoformat()
        return value


def conventions_of(
    rows: Iterable[Mapping[str, str]], columns: Iterable[str], saved: Mapping[str, Hashable]
) -> dict[str, Convention]:
    """The decimal convention of each number column: what the file shows, else the
    organisation's saved answer for the column (``decimal`` / ``thousands``), else none."""
    rows = list(rows)
    out: dict[str, Convention] = {}
    for name in columns:
        shown = column_convention(row.get(name, "") for row in rows if row)
        convention = shown or _CONVENTIONS.get(str(saved.get(name, "")))
        if convention:
            out[name] = convention
    return out


@dataclass
class Planned:
    """A valid row: its file row number, natural key and values to write."""

    number: int
    key: Hashable
    values: Any


class Checked(NamedTuple):
    """A checked file: the report (issues, preview, row count) and the valid rows to write.
    Every import kind's check gives one; nothing is written while the report has an error."""

    report: ImportReport
    planned: list[Planned]

    @property
    def values(self) -> list[Any]:
        return [row.values for row in self.planned]


Parse = Callable[[RowReader], tuple[Hashable, Any] | None]
R = TypeVar("R", bound="CheckedRow")


class CheckedRow(Protocol):
    """What the row loop needs of a kind's row reader (``RowReader``, or the seizure table's
    positional ``RowCells``): its file row number, the issues it collected, its preview."""

    number: int
    issues: list[Issue]

    def fail(self, name: str, code: str, /) -> None: ...

    def preview(self) -> dict[str, Any]: ...


def check_each(
    report: ImportReport,
    readers: Iterable[R],
    parse: Callable[[R], tuple[Hashable, Any] | None],
    *,
    duplicates: bool = False,
    duplicate_column: str = "",
    preview_rows: int = PREVIEW_ROWS,
    hidden: Iterable[str] = (),
) -> list[Planned]:
    """The one row loop of every import kind: each row read by the kind's rules (``parse``
    gives its natural key and values, or None), its issues added to the report, rows with the
    same key refused (``duplicate_row``) unless ``duplicates`` (seizures: two equal seizures
    are two events), and a preview of up to ``preview_rows`` rows with issues first (as many
    of each kind are kept, so a problem late in a large file is still shown). ``hidden``
    columns (identifiers) are never shown. Returns the valid rows."""
    hidden = set(hidden)
    planned: list[Planned] = []
    seen: set[Hashable] = set()
    previews: list[tuple[bool, int, dict[str, Any]]] = []
    kept = {False: 0, True: 0}
    for reader in readers:
        parsed = parse(reader)
        if parsed is not None and not any(i.severity == "error" for i in reader.issues):
            key, values = parsed
            if not duplicates and key in seen:
                reader.fail(duplicate_column, "duplicate_row")
            else:
                seen.add(key)
                planned.append(Planned(reader.number, key, values))
        report.issues.extend(reader.issues)
        with_issues = bool(reader.issues)
        if kept[with_issues] < preview_rows:
            kept[with_issues] += 1
            preview = reader.preview()
            if hidden:
                preview["written"] = {
                    k: v for k, v in preview["written"].items() if k not in hidden
                }
            previews.append((not with_issues, reader.number, preview))
    previews.sort(key=lambda item: (item[0], item[1]))  # rows with issues first
    report.preview = [p for _ok, _n, p in previews[:preview_rows]]
    return planned


def check_rows(
    rows: list[dict[str, str]],
    parse: Parse,
    *,
    file: str,
    dry_run: bool,
    conventions: Mapping[str, Convention] | None = None,
    duplicate_column: str = "",
    hidden: Iterable[str] = (),
    start: int = 2,
) -> Checked:
    """Every row of a table read by column name (``rows[i]`` is the file's row ``i + start``,
    an empty dict for a blank one; ``start`` is 2 below a header, 1 for files without one such
    as SDF records) through the one row loop: the report with its preview, and the rows to
    write when no row has an error.

    ``hidden`` columns (identifiers) are never shown in the preview."""
    report = ImportReport(file=file, rows=sum(1 for r in rows if r), dry_run=dry_run)
    for header in getattr(rows, "ignored_columns", ()):
        report.issues.append(issue(file, 1, header[:100], "unknown_column", column=header[:100]))
    readers = (
        RowReader(file, number, row, conventions)
        for number, row in enumerate(rows, start=start)
        if row
    )
    planned = check_each(report, readers, parse, duplicate_column=duplicate_column, hidden=hidden)
    return Checked(report, planned if report.ok else [])


def commit_rows(
    report: ImportReport,
    planned: list[Planned],
    *,
    existing: Callable[[list[Planned]], Mapping[Hashable, Any]],
    same: Callable[[Any, Planned], bool],
    write: Callable[[Planned, Any], None] | None = None,
    write_many: Callable[[list[tuple[Planned, Any]]], None] | None = None,
) -> ImportReport:
    """Count (and unless a dry run, write) every planned row: created, updated or unchanged.

    ``existing(planned)`` maps the natural keys already stored to the stored record; ``same``
    says whether a stored record already holds a row's values. A kind writes row by row
    (``write(row, current)``, ``current`` None for a new row) or, for large files, all changed
    rows at once (``write_many([(row, current), ...])``, in file order). The caller holds the
    transaction, so a failure writes nothing."""
    if (write is None) == (write_many is None):
        raise TypeError("commit_rows takes exactly one of write and write_many")
    if not report.ok:
        return report
    stored = existing(planned)
    changed: list[tuple[Planned, Any]] = []
    for row in planned:
        current = stored.get(row.key)
        if current is None:
            report.created += 1
        elif same(current, row):
            report.unchanged += 1
            continue
        else:
            report.updated += 1
        changed.append((row, current))
    if not report.dry_run:
        if write_many is not None:
            write_many(changed)
        else:
            assert write is not None
            for row, current in changed:
                write(row, current)
    report.committed = not report.dry_run
    return report
