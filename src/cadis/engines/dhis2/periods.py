"""DHIS2 periods in their two spellings: DHIS2 ISO codes and ADX ISO 8601 intervals.

========== ============ ====================
kind       DHIS2        ADX (start/duration)
========== ============ ====================
yearly     ``2024``     ``2024-01-01/P1Y``
quarterly  ``2024Q1``   ``2024-01-01/P3M``
monthly    ``202401``   ``2024-01-01/P1M``
weekly     ``2024W5``   ``2024-01-29/P7D``
========== ============ ====================

Weeks are ISO 8601 weeks (Monday start), DHIS2's default weekly type. DHIS2 writes the
week number without padding (``2024W5``); ``2024W05`` is read as well. ADX weeks are
written ``P7D`` (what DHIS2 emits); ``P1W`` is read as well.

>>> p = Period.from_dhis2("2024Q2")
>>> p.adx, Period.from_adx(p.adx) == p
('2024-04-01/P3M', True)
>>> Period.from_dhis2("2024W05").dhis2, Period.from_dhis2("2024W5").adx
('2024W5', '2024-01-29/P7D')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

YEARLY, QUARTERLY, MONTHLY, WEEKLY = "yearly", "quarterly", "monthly", "weekly"

_DHIS2 = re.compile(r"([0-9]{4})(?:(Q)([1-4])|W([0-9]{1,2})|([0-9]{2}))?")
_ADX = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})/P(1Y|3M|1M|7D|1W)")
_FIRST_YEAR, _LAST_YEAR = 1900, 2999


class PeriodError(ValueError):
    """A period text that is not a supported DHIS2 or ADX period."""


def _weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


@dataclass(frozen=True, order=True)
class Period:
    """A reporting period: ``number`` is the quarter, month or ISO week (0 for a year)."""

    kind: str
    year: int
    number: int = 0

    def __post_init__(self) -> None:
        if not _FIRST_YEAR <= self.year <= _LAST_YEAR:
            raise PeriodError(f"year {self.year} is out of range")
        limits = {YEARLY: (0, 0), QUARTERLY: (1, 4), MONTHLY: (1, 12)}
        if self.kind == WEEKLY:
            low, high = 1, _weeks_in(self.year)
        elif self.kind in limits:
            low, high = limits[self.kind]
        else:
            raise PeriodError(f"unknown period kind {self.kind!r}")
        if not low <= self.number <= high:
            raise PeriodError(f"{self.kind} period number {self.number} is out of range")

    @property
    def start(self) -> date:
        if self.kind == YEARLY:
            return date(self.year, 1, 1)
        if self.kind == QUARTERLY:
            return date(self.year, 3 * self.number - 2, 1)
        if self.kind == MONTHLY:
            return date(self.year, self.number, 1)
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def dhis2(self) -> str:
        if self.kind == YEARLY:
            return f"{self.year}"
        if self.kind == QUARTERLY:
            return f"{self.year}Q{self.number}"
        if self.kind == MONTHLY:
            return f"{self.year}{self.number:02d}"
        return f"{self.year}W{self.number}"

    @property
    def adx(self) -> str:
        duration = {YEARLY: "P1Y", QUARTERLY: "P3M", MONTHLY: "P1M", WEEKLY: "P7D"}[self.kind]
        return f"{self.start.isoformat()}/{duration}"

    @classmethod
    def from_dhis2(cls, text: str) -> Period:
        match = _DHIS2.fullmatch(text) if isinstance(text, str) else None
        if not match:
            raise PeriodError(f"{text!r} is not a DHIS2 period (2024, 2024Q1, 202401, 2024W5)")
        year = int(match[1])
        if match[2]:
            return cls(QUARTERLY, year, int(match[3]))
        if match[4]:
            return cls(WEEKLY, year, int(match[4]))
        if match[5]:
            return cls(MONTHLY, year, int(match[5]))
        return cls(YEARLY, year)

    @classmethod
    def from_adx(cls, text: str) -> Period:
        match = _ADX.fullmatch(text) if isinstance(text, str) else None
        if not match:
            raise PeriodError(f"{text!r} is not an ADX period (start/P1Y, P3M, P1M or P7D)")
        try:
            start = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError as exc:
            raise PeriodError(f"{text!r}: {exc}") from None
        duration = match[4]
        if duration == "1Y" and (start.month, start.day) == (1, 1):
            period = cls(YEARLY, start.year)
        elif duration == "3M" and start.day == 1 and start.month % 3 == 1:
            period = cls(QUARTERLY, start.year, (start.month + 2) // 3)
        elif duration == "1M" and start.day == 1:
            period = cls(MONTHLY, start.year, start.month)
        elif duration in ("7D", "1W") and start.isoweekday() == 1:
            iso_year, week, _day = start.isocalendar()
            period = cls(WEEKLY, iso_year, week)
        else:
            raise PeriodError(f"{text!r} does not start where a DHIS2 period of that length starts")
        return period
