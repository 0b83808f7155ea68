"""Probable duplicates: a proposal that states a figure already recorded.

Two proposals (or a proposal and a supply record) look alike when they have the same record
kind and country, the same substance or indicator, a quantity within ``TOLERANCE`` and
overlapping periods. The reviewer sees the reason and must override explicitly.
"""

from __future__ import annotations

import datetime as dt

from cadis.apps.supply import services as supply
from cadis.apps.supply.facts.proposals import CASE, SEIZURE, STATISTIC, service_data
from cadis.apps.supply.models import Case, PeriodStatistic
from cadis.apps.supply.selectors import seizure_find_similar
from cadis.platform.scope import visible

TOLERANCE = 0.05  # relative difference of quantities still called "the same"


def _close(a, b) -> bool:
    if a in (None, "") or b in (None, ""):
        return a in (None, "") and b in (None, "")
    a, b = float(a), float(b)
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def _span(values: dict) -> tuple[dt.date | None, dt.date | None]:
    kind = values.get("kind")
    if kind == SEIZURE:
        start = end = values.get("date")
    elif kind == STATISTIC:
        start, end = values.get("period_start"), values.get("period_end")
    else:
        start, end = values.get("date_start"), values.get("date_end")

    def as_date(v):
        try:
            return dt.date.fromisoformat(str(v)) if v else None
        except ValueError:
            return None

    return as_date(start), as_date(end or start)


def _overlap(a: dict, b: dict) -> bool:
    (a0, a1), (b0, b1) = _span(a), _span(b)
    if None in (a0, a1, b0, b1):
        return a0 is None and b0 is None
    return a0 <= b1 and b0 <= a1


def _amount(values: dict):
    kind = values.get("kind")
    if kind == SEIZURE:
        return values.get("quantity_as_written", "").replace(",", ".") or None
    if kind == STATISTIC:
        return values.get("value")
    return (
        (values.get("groups_dismantled") or 0)
        + (values.get("persons_arrested") or 0)
        + (values.get("persons_prosecuted") or 0)
        + (values.get("labs") or 0)
    )


def same_figure(a: dict, b: dict) -> bool:
    """Do two record proposals state the same figure?"""
    if not a or not b or a.get("kind") != b.get("kind") or a.get("country") != b.get("country"):
        return False
    if a.get("substance") != b.get("substance"):
        return False
    if a.get("kind") == STATISTIC and a.get("indicator") != b.get("indicator"):
        return False
    if a.get("kind") == CASE and not _close(a.get("group_members"), b.get("group_members")):
        return False
    if a.get("kind") == SEIZURE and a.get("unit_as_written") != b.get("unit_as_written"):
        return False
    return _close(_amount(a), _amount(b)) and _overlap(a, b)


class _NoDocument:
    """Enough of a document for resolving proposal codes without an owner."""

    pk = None
    country_id = None
    organisation = None
    confidentiality = "restricted"
    title = ""


def similar_records(values: dict, user) -> list:
    """Supply records the user may see that state the figure of ``values`` already."""
    try:
        data = service_data(values, _NoDocument(), None)
    except Exception:  # values that cannot make a record cannot match one either
        return []
    kind = values["kind"]
    if kind == SEIZURE:
        try:
            q = supply.normalise_quantity(data["quantity_as_written"], data["unit_as_written"])
        except Exception:
            return []
        return list(
            seizure_find_similar(
                user,
                country_id=data["country"].pk,
                date=data["date"],
                normalised_quantity=q["normalised_quantity"],
                normalised_unit=q["normalised_unit"],
                substance_id=data["substance"].pk if data["substance"] else None,
                substance_as_written=data["substance_as_written"],
                tolerance=TOLERANCE,
            )
        )
    if kind == STATISTIC:
        if data["value"] is None:
            return []
        low, high = data["value"] * (1 - TOLERANCE), data["value"] * (1 + TOLERANCE)
        return list(
            visible(PeriodStatistic.objects.all(), user).filter(
                country=data["country"],
                indicator=data["indicator"],
                substance=data["substance"],
                value__gte=low,
                value__lte=high,
                period_start__lte=data["period_end"],
                period_end__gte=data["period_start"],
            )[:5]
        )
    qs = visible(Case.objects.all(), user).filter(
        country=data["country"],
        groups_dismantled=data["groups_dismantled"],
        group_members=data["group_members"],
        persons_arrested=data["persons_arrested"],
    )
    if data["date_start"] and data["date_end"]:
        qs = qs.filter(date_start__lte=data["date_end"], date_end__gte=data["date_start"])
    return list(qs[:5])
