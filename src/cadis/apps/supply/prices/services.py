"""Writes of price and purity records: checked (ranges, period) and audited through ``crud``."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from cadis.apps.supply.prices.models import PriceRecord
from cadis.platform.crud import scoped_create, scoped_update
from cadis.platform.errors import ValidationError
from cadis.platform.records import SourceKind

PRICE_FIELDS = (
    "substance",
    "form",
    "market_level",
    "subdivision",
    "place",
    "period_start",
    "period_end",
    "currency",
    "price_unit",
    "price_min",
    "price_max",
    "price_mean",
    "price_mode",
    "price_sample_size",
    "purity_min",
    "purity_max",
    "purity_mean",
    "purity_mode",
    "purity_sample_size",
    "purity_basis",
    "source",
    "notes",
    "confidentiality",
)
PRICES = ("price_min", "price_mean", "price_mode", "price_max")
PURITIES = ("purity_min", "purity_mean", "purity_mode", "purity_max")


# Stable codes of what a record cannot be (the import reports them as issue codes).
CHECKS = {
    "period_reversed": _lazy("The period ends before it starts."),
    "period_spans_years": _lazy("A record covers one calendar year at most."),
    "no_figures": _lazy("Give at least one price or one purity figure."),
    "min_above_max": _lazy("The minimum is above the maximum."),
    "typical_outside_range": _lazy("The typical value lies outside the minimum and maximum."),
    "bad_purity": _lazy("Purity is a percentage: at most 100."),
    "price_needs_currency": _lazy("A price needs its currency."),
    "price_needs_unit": _lazy("A price needs its unit (per gram, per kilogram...)."),
}


def record_checks(record: PriceRecord) -> list[tuple[str, str]]:
    """(field, code) for what a price and purity record cannot be; codes of ``CHECKS``, and
    ``negative_number`` for a negative figure."""
    problems: list[tuple[str, str]] = []
    if record.period_start and record.period_end:
        if record.period_end < record.period_start:
            problems.append(("period_end", "period_reversed"))
        elif record.period_start.year != record.period_end.year:
            problems.append(("period_end", "period_spans_years"))
    prices = [getattr(record, f) for f in PRICES]
    purities = [getattr(record, f) for f in PURITIES]
    if all(v is None for v in prices + purities):
        problems.append(("price_mean", "no_figures"))
    for values, names in ((prices, PRICES), (purities, PURITIES)):
        low, high = values[0], values[-1]
        if any(v is not None and v < 0 for v in values):
            problems.append((names[0], "negative_number"))
        if low is not None and high is not None and low > high:
            problems.append((names[0], "min_above_max"))
        for value, name in zip(values[1:3], names[1:3], strict=True):
            if value is not None and (
                (low is not None and value < low) or (high is not None and value > high)
            ):
                problems.append((name, "typical_outside_range"))
    if any(v is not None and v > 100 for v in purities):
        problems.append(("purity_max", "bad_purity"))
    if any(v is not None for v in prices):
        if not record.currency:
            problems.append(("currency", "price_needs_currency"))
        if not record.price_unit:
            problems.append(("price_unit", "price_needs_unit"))
    return problems


def record_problems(record: PriceRecord) -> list[tuple[str, str]]:
    """(field, message) for what a price and purity record cannot be."""
    out = []
    for field, code in record_checks(record):
        if code == "negative_number":
            what = "price" if field.startswith("price") else "purity"
            out.append((field, _("A %(what)s cannot be negative.") % {"what": what}))
        else:
            out.append((field, str(CHECKS[code])))
    return out


def _prepare(record: PriceRecord) -> None:
    record.currency = (record.currency or "").upper()
    problems = record_problems(record)
    if problems:
        raise ValidationError(
            _("The price and purity record is not valid."),
            details=[{"field": f, "message": m} for f, m in problems],
        )
    record.year = record.period_start.year


@transaction.atomic
def price_record_create(
    *,
    actor,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
    organisation=None,
    country=None,
) -> PriceRecord:
    """A price and purity record owned by ``organisation`` (default: the actor's) in
    ``country`` (default: the organisation's)."""
    return scoped_create(
        PriceRecord,
        actor=actor,
        data=data,
        fields=PRICE_FIELDS,
        prepare=_prepare,
        source_kind=source_kind,
        source_detail=source_detail,
        organisation=organisation,
        country=country,
    )


@transaction.atomic
def price_record_update(
    *,
    actor,
    record: PriceRecord,
    data: dict[str, Any],
    source_kind: str = SourceKind.FORM,
    source_detail: dict | None = None,
) -> PriceRecord:
    return scoped_update(
        record,
        actor=actor,
        data=data,
        fields=PRICE_FIELDS,
        prepare=_prepare,
        source_kind=source_kind,
        source_detail=source_detail,
        denied=_("You may not change this record."),
    )
