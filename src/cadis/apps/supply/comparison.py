"""Which periods may be compared: complete ones only.

A period is *complete* when it has ended and every reporting country (each country with data
in the selection, whatever the dates) reported through it: its data begins no later than the
period's first quarter and reaches the period's last quarter. A small import of a few rows
dated in a new year makes that year *partial*; the dashboard then shows the latest complete
year by default, labels a partial period as such, and shows a change only between two
complete periods (else it says why not).

The previous period of a calendar period is the same calendar period one step earlier
(2024 → 2023, 2024 Q2 → 2024 Q1, whole months → as many months before); of any other range,
the range of the same number of days just before it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

# How far from a period's edges a country's data may begin or end and still cover it.
EDGE = dt.timedelta(days=92)


@dataclass(frozen=True)
class Coverage:
    """First and last day with data per reporting country (country code -> (first, last))."""

    spans: dict[str, tuple[dt.date, dt.date]]

    @classmethod
    def of(cls, queryset) -> Coverage:
        rows = queryset.values("country__code").annotate(first=Min("date"), last=Max("date"))
        return cls({r["country__code"]: (r["first"], r["last"]) for r in rows if r["first"]})

    @property
    def latest(self) -> dt.date | None:
        return max((last for _first, last in self.spans.values()), default=None)

    def missing(self, date_from: dt.date, date_to: dt.date) -> list[str]:
        """Reporting countries whose data does not cover [date_from, date_to]."""
        return sorted(
            code
            for code, (first, last) in self.spans.items()
            if first > date_from + EDGE or last < date_to - EDGE
        )

    def is_complete(self, date_from: dt.date, date_to: dt.date, today: dt.date) -> bool:
        return bool(self.spans) and date_to < today and not self.missing(date_from, date_to)

    def latest_complete_year(self, today: dt.date) -> int | None:
        latest = self.latest
        if latest is None:
            return None
        first_year = min(first for first, _last in self.spans.values()).year
        for year in range(latest.year, first_year - 1, -1):
            if self.is_complete(dt.date(year, 1, 1), dt.date(year, 12, 31), today):
                return year
        return None


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def previous_period(date_from: dt.date, date_to: dt.date) -> tuple[dt.date, dt.date]:
    """The period just before [date_from, date_to] (calendar-aligned when the period is)."""
    next_day = date_to + dt.timedelta(days=1)
    if date_from.day == 1 and next_day.day == 1:
        months = (next_day.year - date_from.year) * 12 + next_day.month - date_from.month
        return _add_months(date_from, -months), date_from - dt.timedelta(days=1)
    previous_to = date_from - dt.timedelta(days=1)
    return previous_to - (date_to - date_from), previous_to


def today() -> dt.date:
    return timezone.localdate()


def compare(coverage: Coverage, date_from, date_to, totals) -> dict:
    """The change between [date_from, date_to] (or the default period) and the one before.

    ``totals(date_from, date_to)`` gives the totals of a period. Without a period the default
    is the latest complete year (else the latest year with data, labelled partial).
    """
    now = today()
    if date_from is None or date_to is None:
        if coverage.latest is None:
            return {"current": None, "previous": None}
        year = coverage.latest_complete_year(now) or coverage.latest.year
        date_from, date_to = dt.date(year, 1, 1), dt.date(year, 12, 31)
    previous_from, previous_to = previous_period(date_from, date_to)
    current_complete = coverage.is_complete(date_from, date_to, now)
    previous_complete = coverage.is_complete(previous_from, previous_to, now)
    current, previous = totals(date_from, date_to), totals(previous_from, previous_to)
    comparable = current_complete and previous_complete

    def pct(a: float, b: float) -> float | None:
        return None if not b or not comparable else round(100.0 * (a - b) / b, 1)

    reason = ""
    if not comparable:
        partial, start, end = (
            (_("the selected period"), date_from, date_to)
            if not current_complete
            else (_("the previous period"), previous_from, previous_to)
        )
        missing = coverage.missing(start, end)
        if end >= now:
            reason = _("No change is shown: %(period)s has not ended yet.") % {"period": partial}
        elif missing:
            reason = _(
                "No change is shown: %(period)s is incomplete (no data through it from %(countries)s)."
            ) % {"period": partial, "countries": ", ".join(missing)}
        else:
            reason = _("No change is shown: %(period)s has no data.") % {"period": partial}
    return {
        "current": {"from": date_from, "to": date_to, "complete": current_complete, **current},
        "previous": {
            "from": previous_from,
            "to": previous_to,
            "complete": previous_complete,
            **previous,
        },
        "comparable": comparable,
        "reason": reason,
        "change_pct": {k: pct(current[k], previous[k]) for k in ("kg", "units", "seizures")},
    }
