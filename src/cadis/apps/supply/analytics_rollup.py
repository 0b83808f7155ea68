"""Dashboard aggregates read from the monthly rollup (exact; thousands of rows, not millions).

Used when the filters fit the rollup: whole months and no agency filter (except for the agency
dimension itself); ``analytics`` falls back to the seizure table otherwise.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max, Q, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils.translation import get_language, gettext

from cadis.apps.reference import models as ref
from cadis.apps.supply.models import SeizureRollup
from cadis.apps.supply.periods import period_label
from cadis.apps.supply.rollup import month_end
from cadis.platform.scope import visible

_TRUNC = {"year": TruncYear, "quarter": TruncQuarter, "month": TruncMonth}
_LOOKUP = {  # dimension -> (rollup dimension, grouping column, reference model)
    "substance_group": ("none", "substance_group_id", ref.SubstanceGroup),
    "country": ("none", "country_id", ref.Country),
    "substance": ("substance", "key1", ref.Substance),
    "agency": ("agency", "key1", ref.Agency),
    "subdivision": ("subdivision", "key1", ref.Subdivision),
    "transport": ("transport", "key1", ref.TransportMode),
    "concealment": ("concealment", "key1", ref.ConcealmentMethod),
}


def split(filters):
    """(whole-month filters or None, [filters of the partial months at either end])."""
    from dataclasses import replace

    first, last = filters.date_from, filters.date_to
    if first and last and first > last:
        return None, [filters]
    partial = []
    whole_from, whole_to = first, last
    if first and first.day != 1:
        edge_end = month_end(first) if not last else min(last, month_end(first))
        partial.append(replace(filters, date_from=first, date_to=edge_end))
        whole_from = edge_end + dt.timedelta(days=1)
    if last and last != month_end(last):
        edge_start = max(last.replace(day=1), whole_from or last.replace(day=1))
        if edge_start <= last and not (partial and partial[-1].date_to >= last):
            partial.append(replace(filters, date_from=edge_start, date_to=last))
        whole_to = last.replace(day=1) - dt.timedelta(days=1)
    if whole_from and whole_to and whole_from > whole_to:
        return None, partial
    return replace(filters, date_from=whole_from, date_to=whole_to), partial


def fits(filters, dimension: str) -> bool:
    if filters.agency and dimension != "agency":
        return False
    if filters.date_from and filters.date_from.day != 1:
        return False
    return not (filters.date_to and filters.date_to != month_end(filters.date_to))


def _id(model, code: str) -> int:
    return model.objects.filter(code=code).values_list("id", flat=True).first() or 0


def _base(user, filters, rollup_dimension: str):
    qs = visible(SeizureRollup.objects.filter(dimension=rollup_dimension), user)
    if filters.country:
        qs = qs.filter(country_id=_id(ref.Country, filters.country))
    if filters.date_from:
        qs = qs.filter(month__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(month__lte=filters.date_to)
    if filters.substance_group:
        qs = qs.filter(substance_group_id=_id(ref.SubstanceGroup, filters.substance_group))
    if filters.agency:
        qs = qs.filter(key1=_id(ref.Agency, filters.agency))
    return qs


def _measures() -> dict:
    return {
        "kg": Sum("quantity", filter=Q(normalised_unit="kg")),
        "units": Sum("quantity", filter=Q(normalised_unit="count")),
        "n": Sum("seizures"),
    }


def _row(code, label, r) -> dict:
    return {
        "code": code,
        "label": label,
        "kg": r["kg"] or 0.0,
        "units": r["units"] or 0.0,
        "seizures": r["n"] or 0,
    }


def _labels(model, ids) -> dict[int, tuple[str, str]]:
    lang = (get_language() or "ru")[:2]
    out = {}
    for obj in model.objects.filter(pk__in=[i for i in ids if i is not None]):
        out[obj.pk] = (obj.code, getattr(obj, f"name_{lang}", "") or obj.name_en or obj.code)
    return out


def _ordered(rows: list[dict], limit: int | None) -> list[dict]:
    rows.sort(key=lambda r: (-r["seizures"], r["code"] or ""))
    return rows[:limit] if limit else rows


def by_dimension(user, filters, dimension: str, limit: int | None = None) -> list[dict]:

    if dimension == "period":
        trunc = _TRUNC[filters.grain]
        grouped = (
            _base(user, filters, "none")
            .annotate(period=trunc("month"))
            .values("period")
            .annotate(**_measures())
            .order_by("period")
        )
        return [
            _row(r["period"].isoformat(), period_label(r["period"], filters.grain), r)
            for r in grouped
        ]
    if dimension == "route":
        grouped = list(
            _base(user, filters, "route").values("key1", "key2").annotate(**_measures()).order_by()
        )
        names = _labels(ref.Country, {r["key1"] for r in grouped} | {r["key2"] for r in grouped})
        rows = []
        for r in grouped:
            unknown = (gettext("not stated"),) * 2
            (code_a, name_a), (code_b, name_b) = (
                names.get(r["key1"], unknown),
                names.get(r["key2"], unknown),
            )
            rows.append(_row(f"{code_a}-{code_b}", f"{name_a} → {name_b}", r))
        return _ordered(rows, limit or 10)
    rollup_dimension, column, model = _LOOKUP[dimension]
    grouped = list(
        _base(user, filters, rollup_dimension).values(column).annotate(**_measures()).order_by()
    )
    names = _labels(model, {r[column] for r in grouped})
    rows = [_row(*names.get(r[column], (None, gettext("not stated"))), r) for r in grouped]
    return _ordered(rows, limit or (10 if dimension == "concealment" else None))


def latest_month(user, filters):
    """The last month with data in the selection (from the small 'none' rollup)."""
    return _base(user, filters, "none").aggregate(latest=Max("month"))["latest"]


def totals(user, filters) -> dict:
    result = _base(user, filters, "none").aggregate(**_measures())
    return {
        "kg": result["kg"] or 0.0,
        "units": result["units"] or 0.0,
        "seizures": result["n"] or 0,
    }
