"""Reads for supply reduction, always through the country scope."""

from __future__ import annotations

import datetime as dt

from cadis.apps.supply.importing.vocabulary import key
from cadis.apps.supply.models import Case, PeriodStatistic, Seizure
from cadis.platform.errors import NotFound
from cadis.platform.queries import filter_by
from cadis.platform.scope import visible

SEIZURE_RELATED = (
    "country",
    "organisation",
    "subdivision",
    "geo_place",
    "agency",
    "substance",
    "form",
    "transport_mode",
    "departure_country",
    "destination_country",
    "producing_country",
    "case",
)


# Filter name -> lookup; an empty value leaves the list unfiltered.
SEIZURE_FILTERS = {
    "country": "country__code",
    "date_from": "date__gte",
    "date_to": "date__lte",
    "substance_group": "substance_group__code",
    "agency": "agency__code",
    "import_batch": "import_batch_id",
}


def seizure_list(
    user,
    *,
    country: str | None = None,
    date_from=None,
    date_to=None,
    substance_group=None,
    agency=None,
    import_batch=None,
):
    return filter_by(
        visible(Seizure.objects.all(), user).select_related(*SEIZURE_RELATED),
        {
            "country": country,
            "date_from": date_from,
            "date_to": date_to,
            "substance_group": substance_group,
            "agency": agency,
            "import_batch": import_batch,
        },
        SEIZURE_FILTERS,
    )


def seizure_get(user, pk: int) -> Seizure:
    seizure = (
        visible(Seizure.objects.all(), user)
        .select_related(*SEIZURE_RELATED)
        .prefetch_related("concealment_methods", "transit_countries")
        .filter(pk=pk)
        .first()
    )
    if seizure is None:
        raise NotFound("No such seizure.")
    return seizure


def seizure_find_similar(
    user,
    *,
    country_id: int,
    date: dt.date,
    normalised_quantity: float,
    normalised_unit: str,
    substance_id: int | None = None,
    substance_as_written: str = "",
    days: int = 3,
    tolerance: float = 0.05,
    exclude_pk: int | None = None,
):
    """Seizures that may be the same event: same country and substance, date within ``days``,
    quantity within ``tolerance`` (relative). Used to warn about duplicates before creating one."""
    low, high = normalised_quantity * (1 - tolerance), normalised_quantity * (1 + tolerance)
    qs = visible(Seizure.objects.all(), user).filter(
        country_id=country_id,
        normalised_unit=normalised_unit,
        date__range=(date - dt.timedelta(days=days), date + dt.timedelta(days=days)),
        normalised_quantity__gte=low,
        normalised_quantity__lte=high,
    )
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    if substance_id:
        qs = qs.filter(substance_id=substance_id)
    else:
        candidates = list(qs.filter(substance__isnull=True).select_related(*SEIZURE_RELATED)[:200])
        return [s for s in candidates if key(s.substance_as_written) == key(substance_as_written)]
    return list(qs.select_related(*SEIZURE_RELATED)[:50])


def case_list(user, *, country: str | None = None):
    qs = (
        visible(Case.objects.all(), user)
        .select_related("country", "organisation")
        .prefetch_related("agencies")
    )
    if country:
        qs = qs.filter(country__code=country)
    return qs


def case_get(user, pk: int) -> Case:
    case = (
        visible(Case.objects.all(), user)
        .select_related("country", "organisation")
        .prefetch_related("agencies", "labs", "labs__substance")
        .filter(pk=pk)
        .first()
    )
    if case is None:
        raise NotFound("No such case.")
    return case


def case_seizures(user, case: Case):
    return visible(case.seizures.all(), user).select_related(*SEIZURE_RELATED)


def period_statistic_list(
    user,
    *,
    country: str | None = None,
    date_from=None,
    date_to=None,
    substance_group=None,
    agency=None,
):
    qs = visible(PeriodStatistic.objects.all(), user).select_related(
        "country", "substance", "substance_group", "agency"
    )
    if country:
        qs = qs.filter(country__code=country)
    if date_from:
        qs = qs.filter(period_end__gte=date_from)
    if date_to:
        qs = qs.filter(period_start__lte=date_to)
    if substance_group:
        qs = (
            qs.filter(substance_group__code=substance_group)
            | qs.filter(substance__group__code=substance_group)
            | qs.filter(substance__group__parent__code=substance_group)
        )
    if agency:
        qs = qs.filter(agency__code=agency)
    return qs
