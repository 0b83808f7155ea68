"""The check of a declarations file before screening: a specification on the platform's import
pipeline. A screening is not a record import, so its "commit" is running the screening; the
check (the dry run) reads the file through the tables engine, as the screening does
(``cadis.engines.screening.declarations``), and reports every problem of the file and of its
lines with the platform's stable issue codes (``cadis.platform.imports.issues``) in the one
report (``ImportReport``):

- a file that cannot be read: the reader's code (``unreadable_encoding``, ``no_header``,
  ``missing_column``, ``bad_csv``, ``bad_xlsx``, ``empty_file``, ``too_many_rows`` ...), with the
  row when the reader knows it; a header without data lines: ``no_rows``;
- a line with declaration content (a quantity, a unit, a country ...) but no description, HS
  code nor CAS number: ``nothing_to_screen`` (an error: such a line would be reported clear);
- a CAS number that is malformed or has a wrong check digit: ``bad_cas``, and an HS code that is
  not 6 to 10 digits: ``bad_hs_code`` (warnings: the screening does not use them, and says so).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from django.utils.translation import gettext as _

from cadis.engines.screening.cas import check_cas, split_cas_field
from cadis.engines.screening.declarations import (
    FIELDS,
    DeclarationRow,
    ScreeningInputError,
    read_declarations,
)
from cadis.engines.screening.declarations import SPEC as HEADERS
from cadis.engines.screening.hs import hs6_codes
from cadis.platform.imports.issues import Issue, issue
from cadis.platform.imports.pipeline import Column, ImportReport, ImportSpec
from cadis.platform.imports.reader import rejected

KIND = "declarations"
SPEC = ImportSpec(
    KIND,
    tuple(
        Column(
            name,
            aliases=tuple(a for a in HEADERS.aliases[name] if a != name),
            required=name == "description",
        )
        for name in FIELDS
    ),
)
SCREENED = ("description", "hs_code", "cas")
PROGRESS_EVERY = 5000

Progress = Callable[[int], None]


def file_issues(error: ScreeningInputError, file: str) -> list[Issue]:
    """The reader's refusal as the platform's file-level issue (its code, its row)."""
    if error.table_error is not None:
        # A missing column is the problem of that column.
        return [
            replace(problem, column=problem.column or dict(problem.params).get("column"))
            for problem in rejected(error.table_error, file).issues
        ]
    return [issue(file, error.row, None, "file_not_found")]


def check_line(report: ImportReport, row: DeclarationRow) -> None:
    """The line's problems, added to the report."""
    values = row.values
    written = {name for name, value in values.items() if value and name != "id"}
    if written and not written & set(SCREENED):
        report.fail(row.row, "description", "nothing_to_screen")
    cas = values.get("cas", "")
    if cas:
        numbers = split_cas_field(cas)
        for number in numbers or [cas]:
            if not numbers or not check_cas(number).valid:
                report.fail(row.row, "cas", "bad_cas", value=number[:40])
    hs_code = values.get("hs_code", "")
    if hs_code and not hs6_codes(hs_code):
        report.fail(row.row, "hs_code", "bad_hs_code", value=hs_code[:40])


def check_declarations(
    path: str | Path,
    *,
    file_name: str = "",
    max_lines: int | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """The dry-run report of a declarations file: ``rows`` lines read (at most ``max_lines``),
    every problem with row, column and code; ``report.ok`` says the file may be screened."""
    path = Path(path)
    file = file_name or path.name
    report = ImportReport(file=file, dry_run=True)
    try:
        for row in read_declarations(path):
            report.rows += 1
            check_line(report, row)
            if progress is not None and report.rows % PROGRESS_EVERY == 0:
                progress(report.rows)
            if max_lines is not None and report.rows >= max_lines:
                return report
    except ScreeningInputError as error:
        report.issues.extend(file_issues(error, file))
        return report
    if not report.rows:
        report.fail(None, None, "no_rows")
    return report


def summary(report: ImportReport, limit: int = 5) -> str:
    """The first errors as one text: "row 4, description: …; …"."""
    parts = []
    for problem in [i for i in report.issues if i.severity == "error"][:limit]:
        row = _("row %(row)s") % {"row": problem.row} if problem.row else ""
        where = ", ".join(p for p in (row, problem.column or "") if p)
        parts.append(f"{where}: {problem.reason}" if where else problem.reason)
    more = len(report.errors) - limit
    return "; ".join(parts) + (f" (+{more})" if more > 0 else "")
