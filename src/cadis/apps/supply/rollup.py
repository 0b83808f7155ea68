"""Monthly rollups of seizures for the dashboards, rebuilt per (country, month) bucket.

Every write path (services, imports, demo) calls ``refresh`` for the buckets it touched, inside
its transaction; recomputing whole buckets from the seizures keeps the rollup exact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Count, DateField, F, Func, Sum

from cadis.apps.supply.models import Seizure, SeizureRollup
from cadis.platform.imports.fastinsert import RowBuilder, insert_many

# dimension -> (key1 field, key2 field) on Seizure; "none" carries only the common keys.
DIMENSIONS: dict[str, tuple[str | None, str | None]] = {
    "none": (None, None),
    "substance": ("substance_id", None),
    "agency": ("agency_id", None),
    "subdivision": ("subdivision_id", None),
    "transport": ("transport_mode_id", None),
    "route": ("departure_country_id", "destination_country_id"),
    "concealment": ("concealmentmethod_id", None),
}
_COMMON = (
    "month",
    "country_id",
    "organisation_id",
    "confidentiality",
    "substance_group_id",
    "normalised_unit",
)


class MonthStart(Func):
    """First day of the month, computed in SQL (TruncMonth calls Python per row on SQLite)."""

    output_field = DateField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="strftime('%%%%Y-%%%%m-01', %(expressions)s)", **extra
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="date_trunc('month', %(expressions)s)::date", **extra
        )


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def _grouped(dimension: str, country_ids: list[int], first: dt.date, last: dt.date):
    key1, key2 = DIMENSIONS[dimension]
    if dimension == "concealment":
        qs = Seizure.concealment_methods.through.objects.filter(
            seizure__country_id__in=country_ids, seizure__date__range=(first, last)
        )
        prefix = "seizure__"
    else:
        qs = Seizure.objects.filter(country_id__in=country_ids, date__range=(first, last))
        prefix = ""
        if key2:  # a route needs both ends
            qs = qs.filter(**{f"{key1}__isnull": False, f"{key2}__isnull": False})
    names = {name: F(f"{prefix}{name}") for name in _COMMON if name != "month"}
    keys = {
        f"k{i}": F(f"{prefix}{field}" if field != "concealmentmethod_id" else field)
        for i, field in ((1, key1), (2, key2))
        if field
    }
    return (
        qs.annotate(
            m=MonthStart(f"{prefix}date"), **{f"c_{k}": v for k, v in names.items()}, **keys
        )
        .values("m", *[f"c_{k}" for k in names], *keys)
        .annotate(q=Sum(f"{prefix}normalised_quantity"), n=Count("pk"))
        .order_by()
    )


def refresh(country_ids: Iterable[int], first: dt.date, last: dt.date) -> int:
    """Rebuild the rollup of these countries for the months from ``first`` to ``last``."""
    country_ids = sorted(set(country_ids))
    if not country_ids:
        return 0
    first, last = month_start(first), month_end(last)
    SeizureRollup.objects.filter(country_id__in=country_ids, month__range=(first, last)).delete()
    rows: list[SeizureRollup] = []
    rollup_row = RowBuilder(SeizureRollup)
    for dimension in DIMENSIONS:
        for r in _grouped(dimension, country_ids, first, last):
            month = r["m"]
            if isinstance(month, str):  # SQLite returns the expression as text
                month = dt.date.fromisoformat(month)
            elif isinstance(month, dt.datetime):
                month = month.date()
            rows.append(
                rollup_row(
                    month=month,
                    country_id=r["c_country_id"],
                    organisation_id=r["c_organisation_id"],
                    confidentiality=r["c_confidentiality"],
                    substance_group_id=r["c_substance_group_id"],
                    dimension=dimension,
                    key1=r.get("k1"),
                    key2=r.get("k2"),
                    normalised_unit=r["c_normalised_unit"],
                    quantity=r["q"] or 0.0,
                    seizures=r["n"],
                )
            )
    insert_many(SeizureRollup, rows)
    return len(rows)


def refresh_for(seizures: Iterable[Seizure | object]) -> int:
    """Refresh the buckets of these seizures (objects with ``country_id`` and ``date``)."""
    items = [(s.country_id, s.date) for s in seizures]
    if not items:
        return 0
    return refresh({c for c, _d in items}, min(d for _c, d in items), max(d for _c, d in items))


def refresh_all() -> int:
    bounds = Seizure.objects.values_list("date", flat=True).order_by("date")
    first, last = bounds.first(), bounds.last()
    if first is None:
        SeizureRollup.objects.all().delete()
        return 0
    from cadis.apps.reference.models import Country

    return refresh(Country.objects.values_list("id", flat=True), first, last)
