"""Problems found in an import file, each with file, row, column, a stable code and a reason."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

Severity = Literal["error", "warning"]

# Stable codes with the English message template; the template is translated when rendered.
MESSAGES: dict[str, str] = {
    "empty_file": gettext_noop("The file is empty."),
    "file_too_large": gettext_noop("The file is larger than {limit} MB."),
    "unreadable_encoding": gettext_noop(
        "The file is neither UTF-8 nor Windows-1251 (cp1251) text, nor an XLSX workbook."
    ),
    "bad_csv": gettext_noop("The CSV file cannot be read: {detail}."),
    "bad_xlsx": gettext_noop("The XLSX workbook cannot be read: {detail}."),
    "no_header": gettext_noop("The file has no header row."),
    "no_rows": gettext_noop("The file has a header but no data rows."),
    "too_many_rows": gettext_noop("The file has more than {limit} rows; split it."),
    "missing_column": gettext_noop(
        "The required column '{column}' is missing (accepted headers: {aliases})."
    ),
    "duplicate_column": gettext_noop("The column '{column}' appears twice."),
    "unknown_column": gettext_noop("The column '{column}' is not known and is ignored."),
    "missing_value": gettext_noop("A value is required."),
    "bad_date": gettext_noop(
        "'{value}' is not a date (write dd.mm.yyyy, yyyy-mm-dd, mm.yyyy or yyyy)."
    ),
    "future_date": gettext_noop("The date {value} is in the future."),
    "bad_number": gettext_noop("'{value}' is not a number."),
    "ambiguous_number": gettext_noop(
        "'{value}' is ambiguous: {value_a} or {value_b}; write it with a decimal comma "
        "or without the dot."
    ),
    "no_unit": gettext_noop("'{value}' has no unit; fill the unit column."),
    "unknown_unit": gettext_noop("'{value}' is not a known unit."),
    "bad_quantity": gettext_noop("'{value}' is not a quantity with a known unit."),
    "negative_quantity": gettext_noop("The quantity must not be negative."),
    "bad_purity": gettext_noop("Purity must be a percentage between 0 and 100, not '{value}'."),
    "unknown_country": gettext_noop("'{value}' is not a known country."),
    "country_not_allowed": gettext_noop("You may not import records for {value}."),
    "unknown_subdivision": gettext_noop(
        "'{value}' is not a known subdivision of the row's country."
    ),
    "unknown_agency": gettext_noop("'{value}' is not a known agency."),
    "unknown_form": gettext_noop("'{value}' is not a known drug form."),
    "unknown_concealment": gettext_noop("'{value}' is not a known concealment method."),
    "unknown_transport": gettext_noop("'{value}' is not a known transport mode."),
    "unknown_case": gettext_noop(
        "No case with the reference '{value}' exists in the row's country."
    ),
    "bad_confidentiality": gettext_noop(
        "'{value}' is not a confidentiality level (public, restricted, confidential)."
    ),
    "too_long": gettext_noop("The value is longer than {limit} characters."),
    "substance_fuzzy": gettext_noop("'{value}' was read as '{match}' (similarity {score})."),
    "substance_unresolved": gettext_noop(
        "'{value}' is not in the substance vocabulary; it is kept as written and flagged "
        "as unresolved."
    ),
}

WARNING_CODES = frozenset({"unknown_column", "substance_fuzzy", "substance_unresolved"})


@dataclass(frozen=True)
class Issue:
    file: str
    row: int | None
    column: str | None
    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def severity(self) -> Severity:
        return "warning" if self.code in WARNING_CODES else "error"

    @property
    def reason(self) -> str:
        """The message in the active language."""
        params = dict(self.params)
        try:
            return _(MESSAGES[self.code]).format(**params)
        except (KeyError, IndexError, ValueError):
            return self.code

    def as_dict(self) -> dict:
        data = asdict(self)
        data["params"] = dict(self.params)
        data["severity"] = self.severity
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Issue:
        return cls(
            file=data["file"],
            row=data.get("row"),
            column=data.get("column"),
            code=data["code"],
            params=tuple(sorted((str(k), str(v)) for k, v in (data.get("params") or {}).items())),
        )


def issue(file: str, row: int | None, column: str | None, code: str, /, **params: object) -> Issue:
    return Issue(file, row, column, code, tuple(sorted((k, str(v)) for k, v in params.items())))


class FileRejected(Exception):
    """The file as a whole cannot be read; carries the issues that say why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.code for i in issues))
        self.issues = issues
