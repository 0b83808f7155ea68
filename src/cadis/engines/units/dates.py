"""Dates as written in Russian and English, with their precision (day, month or year)."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from cadis.engines.units.errors import DateFormatError, UnitsErrorCode


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


# Stems cover every case form: "май", "мая", "мае"; "январь", "января", "январе".
_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    (r"январ\w*|january|jan\.?", 1),
    (r"феврал\w*|february|feb\.?", 2),
    (r"март\w*|march|mar\.?", 3),
    (r"апрел\w*|april|apr\.?", 4),
    (r"ма[йяе]|may", 5),
    (r"июн\w*|june|jun\.?", 6),
    (r"июл\w*|july|jul\.?", 7),
    (r"август\w*|august|aug\.?", 8),
    (r"сентябр\w*|september|sept?\.?", 9),
    (r"октябр\w*|october|oct\.?", 10),
    (r"ноябр\w*|november|nov\.?", 11),
    (r"декабр\w*|december|dec\.?", 12),
)
MONTH_PATTERN = "(?:" + "|".join(p for p, _ in _MONTH_STEMS) + r")(?![\w])"
_MONTH_RES = [(re.compile(rf"(?:{p})\Z", re.IGNORECASE), n) for p, n in _MONTH_STEMS]
YEAR_SUFFIX = r"(?:\s*(?:года|году|год|гг?\.?|y\.))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_DATE_FORMS: tuple[tuple[re.Pattern[str], DatePrecision], ...] = tuple(
    (re.compile(pattern + YEAR_SUFFIX + r"\s*\Z", re.IGNORECASE), precision)
    for pattern, precision in (
        (r"(?P<day>\d{1,2})[./](?P<month>\d{1,2})[./]" + _YEAR, DatePrecision.DAY),
        (_YEAR + r"-(?P<month>\d{1,2})-(?P<day>\d{1,2})", DatePrecision.DAY),
        (rf"(?P<day>\d{{1,2}})\s+(?P<mname>{MONTH_PATTERN})\s*,?\s*{_YEAR}", DatePrecision.DAY),
        (rf"(?P<mname>{MONTH_PATTERN})\s+(?P<day>\d{{1,2}}),?\s*{_YEAR}", DatePrecision.DAY),
        (rf"(?P<mname>{MONTH_PATTERN})\s*,?\s*{_YEAR}", DatePrecision.MONTH),
        (_YEAR + r"-(?P<month>\d{1,2})", DatePrecision.MONTH),
        (r"(?P<month>\d{1,2})[./]" + _YEAR, DatePrecision.MONTH),
        (_YEAR, DatePrecision.YEAR),
    )
)


def month_number(name: str) -> int | None:
    """Month number for a month name in any case form.

    >>> month_number("мая")
    5
    """
    cleaned = name.strip()
    for regex, number in _MONTH_RES:
        if regex.match(cleaned):
            return number
    return None


def parse_date(text: str) -> tuple[date, DatePrecision]:
    """Read a date; the date returned is the first day of what is stated.

    >>> parse_date("12 мая 2024 г.")
    (datetime.date(2024, 5, 12), <DatePrecision.DAY: 'day'>)
    >>> parse_date("May 2024")[1].value
    'month'
    """
    if not isinstance(text, str) or not text.strip():
        raise DateFormatError(UnitsErrorCode.EMPTY, "The date is empty.")
    cleaned = re.sub(r"\s+", " ", text.strip()).rstrip(",;")
    # A time of day (spreadsheet exports: "2024-05-12 00:00:00", "12.05.2024 10:30") adds nothing.
    cleaned = re.sub(
        r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$", "", cleaned
    )
    for regex, precision in _DATE_FORMS:
        match = regex.match(cleaned)
        if not match:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        month = 1
        if parts.get("mname"):
            month = month_number(parts["mname"]) or 0
        elif parts.get("month"):
            month = int(parts["month"])
        day = int(parts["day"]) if parts.get("day") else 1
        try:
            return date(year, month, day), precision
        except ValueError as error:
            raise DateFormatError(
                UnitsErrorCode.NOT_A_DATE, f"'{text.strip()}' is not a valid date."
            ) from error
    raise DateFormatError(UnitsErrorCode.NOT_A_DATE, f"'{text.strip()}' is not a date.")
