"""Problems found in an import file, each with file, row, column, a stable code and a reason.

The codes are an Enum (``IssueCode``) whose values never change: scripts read them from
``cadis import ... --format json`` and from the API. Every import kind (seizures, treatment
episodes, harms figures, DHIS2 aggregates, the NPS library) and the check of a precursor
declarations file before screening report with these codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

Severity = Literal["error", "warning", "notice"]

# Stable codes with the English message template; the template is translated when rendered.
MESSAGES: dict[str, str] = {
    "empty_file": gettext_noop("The file is empty."),
    "file_too_large": gettext_noop("The file is larger than {limit} MB."),
    "unreadable_encoding": gettext_noop(
        "The file is not text in UTF-8, UTF-16, Windows-1251 (cp1251) or KOI8-R, nor an XLSX "
        "workbook."
    ),
    "unsupported_format": gettext_noop(
        "The file type {detail} is not supported; save the sheet as XLSX or CSV."
    ),
    "too_many_columns": gettext_noop("The file has more than {limit} columns."),
    "xlsx_too_large": gettext_noop(
        "The workbook unpacks to more than {limit} MB; save a smaller sheet or a CSV."
    ),
    "xlsx_compression_ratio": gettext_noop(
        "The workbook is compressed more than {limit} times, which only a crafted file is; "
        "save it again from a spreadsheet program."
    ),
    "xlsx_shared_strings_too_large": gettext_noop(
        "The workbook's text table unpacks to more than {limit} MB; save a CSV instead."
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
        "'{value}' is not a date (write DD.MM.YYYY, YYYY-MM-DD, MM.YYYY or YYYY)."
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
    "value_matched": gettext_noop("'{value}' was read as '{match}'."),
    "value_mapped": gettext_noop(
        "'{value}' was read as '{match}' (a mapping of your organisation)."
    ),
    "ambiguous_value": gettext_noop(
        "'{value}' may mean several entries; choose one of the suggestions."
    ),
    "unknown_value": gettext_noop("'{value}' is not a known value of this column."),
    "unknown_code": gettext_noop("Unknown code."),
    "bad_whole_number": gettext_noop("Not a whole number."),
    "bad_year": gettext_noop("Not a year."),
    "invalid_value": gettext_noop("{detail}"),
    "identity_missing": gettext_noop(
        "Give the national identifier, or the name and date of birth."
    ),
    "identity_too_short": gettext_noop("The identifier or name is too short."),
    "duplicate_row": gettext_noop("The same record appears twice in the file."),
    "no_denominator": gettext_noop("Deaths have no 'people tested' denominator."),
    "cases_over_tested": gettext_noop("More positive cases than people tested."),
    "header_mismatch": gettext_noop("The header does not match the template."),
    "unknown_element": gettext_noop(
        "'{value}' is not a mapped data element or category option combination."
    ),
    "unknown_org_unit": gettext_noop("'{value}' is not a mapped organisation unit."),
    "bad_period": gettext_noop("'{value}' is not a yearly period."),
    "bad_structure": gettext_noop("'{value}' is not a usable structure: {detail}"),
    "nothing_to_screen": gettext_noop(
        "The line has no description, HS code nor CAS number: there is nothing to screen."
    ),
    "bad_cas": gettext_noop("'{value}' is not a valid CAS number; screening does not use it."),
    "bad_hs_code": gettext_noop(
        "'{value}' is not an HS code of 6 to 10 digits; screening does not use it."
    ),
    "file_not_found": gettext_noop("The file does not exist."),
    "negative_number": gettext_noop("The number must not be negative."),
    "too_many_decimals": gettext_noop("'{value}' has more than {limit} decimal places."),
    "number_too_large": gettext_noop("'{value}' is larger than {limit}."),
    "min_above_max": gettext_noop("The minimum is above the maximum."),
    "typical_outside_range": gettext_noop(
        "The typical value lies outside the minimum and maximum."
    ),
    "missing_period": gettext_noop("Give the period: its start and end, or the year."),
    "period_reversed": gettext_noop("The period ends before it starts."),
    "period_spans_years": gettext_noop("A record covers one calendar year at most."),
    "period_conflict": gettext_noop("The period and the year do not agree."),
    "no_figures": gettext_noop("Give at least one price or one purity figure."),
    "price_needs_currency": gettext_noop("A price needs its currency."),
    "price_needs_unit": gettext_noop("A price needs its unit (per gram, per kilogram...)."),
    "substance_unresolved": gettext_noop(
        "'{value}' is not in the substance vocabulary; it is kept as written and flagged "
        "as unresolved."
    ),
}


IssueCode = StrEnum("IssueCode", {code.upper(): code for code in MESSAGES})  # type: ignore[misc]
"""Every stable issue code (``IssueCode.UNKNOWN_AGENCY == "unknown_agency"``)."""

WARNING_CODES = frozenset(
    {"unknown_column", "substance_fuzzy", "substance_unresolved", "bad_cas", "bad_hs_code"}
)
NOTICE_CODES = frozenset({"value_matched", "value_mapped"})


class _Blank(dict[str, str]):
    def __missing__(self, name: str) -> str:
        return ""


@dataclass(frozen=True)
class Issue:
    file: str
    row: int | None
    column: str | None
    code: str
    params: tuple[tuple[str, str], ...] = ()
    suggestions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.code not in MESSAGES:
            raise ValueError(f"unknown issue code {self.code!r}")

    @property
    def severity(self) -> Severity:
        if self.code in NOTICE_CODES:
            return "notice"
        return "warning" if self.code in WARNING_CODES else "error"

    @property
    def value(self) -> str:
        return dict(self.params).get("value", "")

    @property
    def reason(self) -> str:
        """The message in the active language (a parameter the file did not give is blank)."""
        params = _Blank(self.params)
        try:
            return _(MESSAGES[self.code]).format_map(params).replace(": .", ".")
        except (KeyError, IndexError, ValueError):
            return str(self.code)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "row": self.row,
            "column": self.column,
            "code": str(self.code),
            "params": dict(self.params),
            "severity": self.severity,
            "suggestions": list(self.suggestions),
        }

    def public(self) -> dict[str, Any]:
        """The shape scripts read (CLI JSON, API): row, column, code, value, message, suggestions."""
        return {
            "row": self.row,
            "column": self.column,
            "code": str(self.code),
            "severity": self.severity,
            "value": self.value,
            "message": self.reason,
            "suggestions": list(self.suggestions),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Issue:
        return cls(
            file=data["file"],
            row=data.get("row"),
            column=data.get("column"),
            code=data["code"],
            params=tuple(sorted((str(k), str(v)) for k, v in (data.get("params") or {}).items())),
            suggestions=tuple(data.get("suggestions") or ()),
        )


def issue(
    file: str,
    row: int | None,
    column: str | None,
    code: str,
    /,
    suggestions: tuple[str, ...] = (),
    **params: Any,
) -> Issue:
    return Issue(
        file,
        row,
        column,
        code,
        tuple(sorted((k, str(v)) for k, v in params.items())),
        tuple(suggestions),
    )


class FileRejected(Exception):
    """The file as a whole cannot be read; carries the issues that say why."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__("; ".join(i.code for i in issues))
        self.issues = issues
