"""Dashboard aggregates computed in the database (GROUP BY), over the seizures a user may see.

Event data (seizures, cases) and official period statistics are kept apart: nothing here
adds a period statistic to an event total.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils.translation import get_language, gettext

from cadis.apps.supply import analytics_rollup, comparison
from cadis.apps.supply.models import Case, LabDismantled, Seizure
from cadis.apps.supply.periods import period_label
from cadis.platform.scope import visible

GRAINS = {"year": TruncYear, "quarter": TruncQuarter, "month": TruncMonth}
DIMENSIONS = (
    "period",
    "substance_group",
    "substance",
    "country",
    "subdivision",
    "agency",
    "concealment",
    "transport",
    "route",
)


@dataclass(frozen=True)
class Filters:
    country: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    substance_group: str | None = None
    agency: str | None = None
    grain: str = "year"

    @classmethod
    def from_params(cls, params) -> Filters:
        def day(name: str) -> dt.date | None:
            value = (params.get(name) or "").strip()
            if not value:
                return None
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                if value.isascii() and value.isdigit() and len(value) == 4:
                    year = int(value)
                    return dt.date(year, 1, 1) if name == "date_from" else dt.date(year, 12, 31)
                return None

        grain = params.get("grain") or "year"
        return cls(
            country=(params.get("country") or "").strip().upper() or None,
            date_from=day("date_from"),
            date_to=day("date_to"),
            substance_group=(params.get("substance_group") or "").strip() or None,
            agency=(params.get("agency") or "").strip() or None,
            grain=grain if grain in GRAINS else "year",
        )

    def as_query(self) -> dict[str, str]:
        values = {
            "country": self.country,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "substance_group": self.substance_group,
            "agency": self.agency,
            "grain": self.grain,
        }
        return {k: str(v) for k, v in values.items() if v}


def seizures(user, filters: Filters):
    qs = visible(Seizure.objects.all(), user)
    if filters.country:
        qs = qs.filter(country__code=filters.country)
    if filters.date_from:
        qs = qs.filter(date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date__lte=filters.date_to)
    if filters.substance_group:
        qs = qs.filter(substance_group__code=filters.substance_group)
    if filters.agency:
        qs = qs.filter(agency__code=filters.agency)
    return qs


def _measures(prefix: str = "") -> dict:
    quantity, unit = f"{prefix}normalised_quantity", f"{prefix}normalised_unit"
    return {
        "kg": Sum(quantity, filter=Q(**{unit: "kg"})),
        "units": Sum(quantity, filter=Q(**{unit: "count"})),
        "seizures": Count("id"),
    }


def _name(row: dict, prefix: str) -> str:
    lang = (get_language() or "ru")[:2]
    return (
        row.get(f"{prefix}__name_{lang}")
        or row.get(f"{prefix}__name_en")
        or row.get(f"{prefix}__code")
        or gettext("not stated")
    )


def _rows(qs, prefix: str, limit: int | None = None, measures: str = "") -> list[dict]:
    grouped = (
        qs.values(f"{prefix}__code", f"{prefix}__name_ru", f"{prefix}__name_en")
        .annotate(**_measures(measures))
        .order_by("-seizures", f"{prefix}__code")
    )
    if limit:
        grouped = grouped[:limit]
    return [
        {
            "code": r[f"{prefix}__code"],
            "label": _name(r, prefix),
            "kg": r["kg"] or 0.0,
            "units": r["units"] or 0.0,
            "seizures": r["seizures"],
        }
        for r in grouped
    ]


def by_period(user, filters: Filters) -> list[dict]:
    trunc = GRAINS[filters.grain]
    grouped = (
        seizures(user, filters)
        .annotate(period=trunc("date"))
        .values("period")
        .annotate(**_measures())
        .order_by("period")
    )
    return [
        {
            "code": r["period"].isoformat(),
            "label": period_label(r["period"], filters.grain),
            "kg": r["kg"] or 0.0,
            "units": r["units"] or 0.0,
            "seizures": r["seizures"],
        }
        for r in grouped
    ]


def by_dimension(user, filters: Filters, dimension: str, limit: int | None = None) -> list[dict]:
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    if analytics_rollup.fits(filters, dimension):
        return analytics_rollup.by_dimension(user, filters, dimension, limit)
    if filters.agency and dimension != "agency":
        return by_dimension_from_seizures(user, filters, dimension, limit)
    # Whole months from the rollup, the partial months at either end from the seizure table.
    whole, partial = analytics_rollup.split(filters)
    everything = 10**9
    parts = [analytics_rollup.by_dimension(user, whole, dimension, everything)] if whole else []
    parts += [by_dimension_from_seizures(user, p, dimension, everything) for p in partial]
    merged: dict = {}
    for rows in parts:
        for r in rows:
            m = merged.setdefault(r["code"], {**r, "kg": 0.0, "units": 0.0, "seizures": 0})
            m["kg"] += r["kg"]
            m["units"] += r["units"]
            m["seizures"] += r["seizures"]
    if dimension == "period":
        return sorted(merged.values(), key=lambda r: r["code"])
    limit = limit or (10 if dimension in ("concealment", "route") else None)
    rows = sorted(merged.values(), key=lambda r: (-r["seizures"], r["code"] or ""))
    return rows[:limit] if limit else rows


def by_dimension_from_seizures(
    user, filters: Filters, dimension: str, limit: int | None = None
) -> list[dict]:
    """The same aggregate straight from the seizure table (any filters)."""
    qs = seizures(user, filters)
    if dimension == "period":
        return by_period(user, filters)
    if dimension == "concealment":
        through = Seizure.concealment_methods.through.objects.filter(seizure__in=qs)
        return _rows(through, "concealmentmethod", limit or 10, measures="seizure__")
    if dimension == "route":
        return routes(user, filters, limit or 10)
    if dimension not in DIMENSIONS:
        raise ValueError(dimension)
    prefix = {"transport": "transport_mode"}.get(dimension, dimension)
    return _rows(qs, prefix, limit)


def routes(user, filters: Filters, limit: int = 10) -> list[dict]:
    grouped = (
        seizures(user, filters)
        .filter(departure_country__isnull=False, destination_country__isnull=False)
        .values(
            *(
                f"{end}_country__{field}"
                for end in ("departure", "destination")
                for field in ("code", "name_ru", "name_en")
            )
        )
        .annotate(**_measures())
        .order_by("-seizures", "departure_country__code")[:limit]
    )
    return [
        {
            "code": f"{r['departure_country__code']}-{r['destination_country__code']}",
            "label": f"{_name(r, 'departure_country')} → {_name(r, 'destination_country')}",
            "kg": r["kg"] or 0.0,
            "units": r["units"] or 0.0,
            "seizures": r["seizures"],
        }
        for r in grouped
    ]


def totals(user, filters: Filters) -> dict:
    if analytics_rollup.fits(filters, "totals"):
        return analytics_rollup.totals(user, filters)
    if filters.agency:
        return totals_from_seizures(user, filters)
    whole, partial = analytics_rollup.split(filters)
    parts = ([analytics_rollup.totals(user, whole)] if whole else []) + [
        totals_from_seizures(user, p) for p in partial
    ]
    return {k: sum(p[k] for p in parts) for k in ("kg", "units", "seizures")}


def totals_from_seizures(user, filters: Filters) -> dict:
    result = seizures(user, filters).aggregate(**_measures())
    return {
        "kg": result["kg"] or 0.0,
        "units": result["units"] or 0.0,
        "seizures": result["seizures"],
    }


def change(user, filters: Filters) -> dict:
    """Totals of the selected period against the period before it, when both are complete.

    Without a period, the latest complete year is compared with the year before
    (``cadis.apps.supply.comparison``)."""
    undated = _with(filters, None, None)
    coverage = comparison.Coverage.of(seizures(user, undated))
    return comparison.compare(
        coverage,
        filters.date_from,
        filters.date_to,
        lambda date_from, date_to: totals(user, _with(filters, date_from, date_to)),
    )


def _with(filters: Filters, date_from: dt.date | None, date_to: dt.date | None) -> Filters:
    return Filters(
        filters.country, date_from, date_to, filters.substance_group, filters.agency, filters.grain
    )


def case_totals(user, filters: Filters) -> dict:
    qs = visible(Case.objects.all(), user)
    if filters.country:
        qs = qs.filter(country__code=filters.country)
    if filters.date_from:
        qs = qs.filter(date_start__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date_start__lte=filters.date_to)
    if filters.agency:
        qs = qs.filter(agencies__code=filters.agency).distinct()
    fields = (
        "groups_dismantled",
        "group_members",
        "persons_arrested",
        "persons_prosecuted",
        "women",
        "minors",
        "foreigners",
    )
    result = Case.objects.filter(pk__in=qs.values("pk")).aggregate(
        cases=Count("id"), **{f: Sum(f) for f in fields}
    )
    result = {k: v or 0 for k, v in result.items()}
    result["labs"] = LabDismantled.objects.filter(case__in=qs.values("pk")).count()
    return result
