"""What a reviewer sees before a fact becomes a supply record, and what they must confirm.

``preview`` renders the record a proposal would create (date, quantity in kg or units, substance,
country, place, agency) in the active language. ``checks`` adds the registry's own plausibility
checks to the engine's: a date far from the document's, a quantity far outside what has been
recorded for that substance.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Max
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext

from cadis.apps.reference.models import Agency, Country, Subdivision, Substance
from cadis.apps.reference.unit_labels import unit_label
from cadis.apps.supply import services as supply
from cadis.apps.supply.facts.proposals import CASE, SEIZURE, STATISTIC
from cadis.apps.supply.models import Seizure
from cadis.platform.errors import ValidationError
from cadis.platform.scope import visible

# A recorded seizure of a substance this many times larger than the largest one the reviewer
# can see is worth a second look (a misread unit or a total taken for one event)...
OUTSIDE_RANGE_FACTOR = 10.0
# ...once there are enough recorded seizures of that substance to speak of a usual range.
MIN_RECORDED_FOR_RANGE = 10
# An event dated more than this before the document (or after it) is not the document's news.
FAR_FROM_DOCUMENT = dt.timedelta(days=366)


def _memo(cache: dict | None, key: tuple, compute):
    """``compute()`` once per key within one page (``cache``: a dict the caller keeps)."""
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _named(model, code: str | None, cache: dict | None = None) -> str:
    if not code:
        return ""

    def lookup() -> str:
        obj = model.objects.filter(code=code).first()
        return obj.name if obj is not None else code

    return _memo(cache, (model.__name__, code), lookup)


def _iso(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def quantity_kg_or_units(values: dict) -> tuple[float | None, str, str]:
    """(normalised quantity, normalised unit, error message) of a seizure proposal."""
    try:
        q = supply.normalise_quantity(
            str(values.get("quantity_as_written") or ""), str(values.get("unit_as_written") or "")
        )
    except ValidationError as error:
        return None, "", error.message
    return q["normalised_quantity"], q["normalised_unit"], ""


def _amount_text(value: float, unit: str) -> str:
    shown = number_format(round(value, 3), decimal_pos=None, use_l10n=True, force_grouping=True)
    return f"{shown} {unit_label('kg' if unit == 'kg' else 'count')}"


def preview(fact, values: dict, cache: dict | None = None) -> list[tuple[str, str]]:
    """(label, value) rows of the record ``values`` would create, in the active language."""
    kind = values.get("kind")
    rows: list[tuple[str, str]] = []
    if kind == SEIZURE:
        day = _iso(values.get("date"))
        rows.append((gettext("Date"), date_format(day, "SHORT_DATE_FORMAT") if day else "—"))
        value, unit, problem = quantity_kg_or_units(values)
        rows.append(
            (gettext("Quantity"), _amount_text(value, unit) if value is not None else problem)
        )
    elif kind == STATISTIC:
        start, end = _iso(values.get("period_start")), _iso(values.get("period_end"))
        period = "—"
        if start and end:
            period = (
                f"{date_format(start, 'SHORT_DATE_FORMAT')}–{date_format(end, 'SHORT_DATE_FORMAT')}"
            )
        rows.append((gettext("Period"), period))
        value = values.get("value")
        if value not in (None, ""):
            unit = values.get("unit") or "count"
            rows.append((gettext("Value"), _amount_text(float(value), unit)))
    elif kind == CASE:
        start = _iso(values.get("date_start"))
        rows.append((gettext("Date"), date_format(start, "SHORT_DATE_FORMAT") if start else "—"))
        for field, label in (
            ("groups_dismantled", gettext("Groups dismantled")),
            ("persons_arrested", gettext("Persons arrested")),
            ("labs", gettext("Laboratories")),
        ):
            if values.get(field):
                rows.append((label, str(values[field])))
    substance = _named(Substance, cache=cache, code=values.get("substance"))
    rows.append((gettext("Substance"), substance or gettext("not stated")))
    rows.append(
        (gettext("Country"), _named(Country, cache=cache, code=values.get("country")) or "—")
    )
    place = _named(Subdivision, cache=cache, code=values.get("subdivision"))
    if place:
        rows.append((gettext("Place"), place))
    agency = _named(Agency, cache=cache, code=values.get("agency"))
    if agency:
        rows.append((gettext("Agency"), agency))
    return rows


def _date_checks(fact, values: dict) -> list[str]:
    published = fact.document.published_on
    # A total's period may run past the document ("в 2024 году" in November): its start counts.
    field = {SEIZURE: "date", CASE: "date_start", STATISTIC: "period_start"}.get(values.get("kind"))
    day = _iso(values.get(field)) if field else None
    if published is None or day is None:
        return []
    if day > published + dt.timedelta(days=1):
        return ["date_after_document"]
    if values.get("kind") != STATISTIC and day < published - FAR_FROM_DOCUMENT:
        return ["date_far_from_document"]
    return []


def _quantity_checks(values: dict, user, cache: dict | None) -> list[str]:
    if values.get("kind") != SEIZURE or not values.get("substance"):
        return []
    value, unit, _problem = quantity_kg_or_units(values)
    if value is None or unit != "kg":
        return []

    def recorded() -> dict:
        return (
            visible(Seizure.objects.all(), user)
            .filter(substance__code=values["substance"], normalised_unit="kg")
            .aggregate(n=Count("pk"), largest=Max("normalised_quantity"))
        )

    stats = _memo(cache, ("recorded", values["substance"]), recorded)
    if stats["n"] < MIN_RECORDED_FOR_RANGE or not stats["largest"]:
        return []
    return (
        ["quantity_outside_usual_range"] if value > OUTSIDE_RANGE_FACTOR * stats["largest"] else []
    )


def checks(fact, values: dict, user, cache: dict | None = None) -> list[str]:
    """Codes of the registry's plausibility checks that the proposal fails."""
    if not values:
        return []
    return _date_checks(fact, values) + _quantity_checks(values, user, cache)
