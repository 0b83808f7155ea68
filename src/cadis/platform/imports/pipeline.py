"""What every import kind shares besides the reader and the matcher: the column specification,
rows read by it, and the one report (created / updated / unchanged, issues with stable codes).

Seizures (``cadis.apps.supply.importing``), treatment episodes and harms figures
(``cadis.apps.treatment.importing`` and ``harms_import``) and DHIS2 aggregates are
specifications on it: their columns, vocabularies and row rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from cadis.engines.tables import DEFAULT_LIMITS, HeaderSpec, Limits, TableError, read_table
from cadis.platform.errors import BadInputFile
from cadis.platform.imports.issues import Issue, issue
from cadis.platform.imports.reader import rejected


@dataclass(frozen=True)
class Column:
    """One column of an import kind: its name, accepted headers and the vocabulary it draws on."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    vocabulary: tuple[str, ...] = ()  # allowed values (for the docs and the template's lists)
    help: str = ""


@dataclass(frozen=True)
class ImportSpec:
    kind: str
    columns: tuple[Column, ...]

    @classmethod
    def of(
        cls,
        kind: str,
        names: Iterable[str],
        *,
        aliases: Mapping[str, tuple[str, ...]] | None = None,
        required: Iterable[str] = (),
        vocabularies: Mapping[str, Iterable[str]] | None = None,
    ) -> ImportSpec:
        """A kind's columns from its names, accepted headers, required names and allowed
        values (a ``TextChoices`` class's ``values`` or any list of codes)."""
        aliases, vocabularies, required = aliases or {}, vocabularies or {}, set(required)
        return cls(
            kind,
            tuple(
                Column(
                    name,
                    aliases=tuple(aliases.get(name, ())),
                    required=name in required,
                    vocabulary=tuple(vocabularies.get(name, ())),
                )
                for name in names
            ),
        )

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


@dataclass
class ImportReport:
    """The answer of a dry run or a commit, the same for every import kind."""

    file: str = ""
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    issues: list[Issue] = field(default_factory=list)
    dry_run: bool = True
    committed: bool = False
    preview: list[dict[str, Any]] = field(default_factory=list)  # rows with issues first

    def fail(self, row: int | None, column: str | None, code: str, /, **params: object) -> None:
        self.issues.append(issue(self.file, row, column, code, (), **params))

    @property
    def errors(self) -> list[dict[str, Any]]:
        """Row, column, stable code and message of every error (values are never quoted)."""
        return [
            {"row": i.row, "column": i.column, "code": str(i.code), "message": i.reason}
            for i in self.issues
            if i.severity == "error"
        ]

    @property
    def ok(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    def as_json(self) -> dict[str, Any]:
        """The report scripts read, the same shape for every import kind (``cadis import KIND
        FILE --dry-run --format json``): rows, issues (row, column, code, severity, value,
        message, suggestions) and the preview."""
        errors = sum(1 for i in self.issues if i.severity == "error")
        return {
            "file": self.file,
            "rows": self.rows,
            "valid_rows": 0 if errors else self.rows,
            "errors": errors,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "issues": [problem.public() for problem in self.issues],
            "preview": self.preview,
        }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class Rows(list[dict[str, str]]):
    """The rows of a file, and the headers of the columns that were not read."""

    ignored_columns: tuple[str, ...] = ()


def read_rows(
    data: bytes, file_name: str, spec: ImportSpec, limits: Limits = DEFAULT_LIMITS
) -> Rows:
    """Rows as dicts of stripped strings keyed by column name; BadInputFile otherwise.

    The row at index ``i`` is the file's row ``i + 2`` (an empty dict for a blank row or a
    row above the header), so that ``enumerate(rows, start=2)`` gives file row numbers.
    """
    header_spec = HeaderSpec({c.name: c.aliases for c in spec.columns}, search_rows=1, anchor=())
    try:
        with read_table(data, name=file_name, spec=header_spec, limits=limits) as table:
            header = table.header
            unknown = [text.strip() for _index, text in header.unknown if text.strip()]
            missing = [column for column in spec.required if column not in header.columns]
            if missing or header.duplicates:
                raise BadInputFile(
                    _("The header does not match the template."),
                    details={
                        "code": "header_mismatch",
                        "missing": missing,
                        "unknown": [text.lower() for text in unknown][:20],
                        "duplicate": [text for _index, text in header.duplicates][:20],
                    },
                )
            fields = sorted(header.columns.items(), key=lambda item: item[1])
            # A column the template does not know ("№ п/п", a clerk's own notes) is read past,
            # and the report says so (``check_rows`` turns these into notices).
            out = Rows({} for _ in range(header.row - 1))
            out.ignored_columns = tuple(unknown)
            for row in table:
                out.extend({} for _ in range(row.number - 2 - len(out)))
                cells = row.cells
                out.append({name: _cell(cells[i]) if i < len(cells) else "" for name, i in fields})
    except TableError as error:
        problem = rejected(error, file_name, max_rows=limits.max_rows - 1).issues[0]
        details: dict[str, Any] = {"code": str(problem.code), "row": error.row}
        if error.detail:
            details["detail"] = error.detail.strip(" ()")
        raise BadInputFile(problem.reason, details=details) from None
    return out
