"""Working days of a country: weekends, public holidays and moved working days.

The calendar is the ``holidays`` package (python-holidays, MIT licence), which keeps the
public holidays of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan as set
by their labour codes and government decrees, including days off moved by decree and the
Saturdays that are worked instead (``is_working_day`` knows both). Islamic holidays
(Orozo/Kurban Ait, Ramazon/Qurbon Hayit) follow the package's calendar, which the
governments may confirm a few days apart; the package version is pinned in
``requirements.txt``. A country the package does not know has Saturday and Sunday off.

>>> add_working_days(dt.date(2025, 3, 19), 3, "KZ")  # 21-25 March: Nauryz
datetime.date(2025, 3, 27)
>>> working_days_between(dt.date(2025, 3, 27), dt.date(2025, 3, 31), "KZ")
2
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

ONE_DAY = dt.timedelta(days=1)
MAX_DAYS = 366


@lru_cache(maxsize=64)
def _calendar(country: str, year: int):
    try:
        return holidays.country_holidays(country, years=year)
    except NotImplementedError:
        return None


def is_working_day(day: dt.date, country: str) -> bool:
    calendar = _calendar(country.upper(), day.year)
    if calendar is None:
        return day.weekday() < 5
    return bool(calendar.is_working_day(day))


def add_working_days(start: dt.date, days: int, country: str) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself does not count)."""
    if not 0 <= days <= MAX_DAYS:
        raise ValueError(f"{days} working days is outside 0..{MAX_DAYS}")
    day = start
    counted = 0
    while counted < days:
        day += ONE_DAY
        if is_working_day(day, country):
            counted += 1
    return day


def working_days_between(first: dt.date, last: dt.date, country: str) -> int:
    """Working days after ``first`` up to and including ``last`` (0 when ``last <= first``)."""
    count = 0
    day = first
    while day < last:
        day += ONE_DAY
        if is_working_day(day, country):
            count += 1
    return count
