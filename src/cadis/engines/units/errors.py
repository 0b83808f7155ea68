"""Stable error codes for the units engine; the Django layer translates the messages."""

from __future__ import annotations

from enum import StrEnum


class UnitsErrorCode(StrEnum):
    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    BAD_GROUPING = "bad_grouping"
    NO_UNIT = "no_unit"
    UNKNOWN_UNIT = "unknown_unit"
    MIXED_DIMENSIONS = "mixed_dimensions"
    NOT_A_DATE = "not_a_date"
    NOT_A_PERIOD = "not_a_period"
    NEEDS_REFERENCE_DATE = "needs_reference_date"


class UnitsError(ValueError):
    """Raised for text that cannot be read; carries a stable `code` and a plain English message."""

    def __init__(self, code: UnitsErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class NumberFormatError(UnitsError):
    """The text is not a number in any supported regional style."""


class QuantityError(UnitsError):
    """The text is not a quantity with a known unit."""


class DateFormatError(UnitsError):
    """The text is not a date or period in a supported form."""
