"""Dashboard aggregates: the monthly rollup agrees with the seizure table for every dimension."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.reference.models import (
    Agency,
    ConcealmentMethod,
    Country,
    Subdivision,
    TransportMode,
)
from cadis.apps.supply import analytics, imports, rollup, services
from cadis.apps.supply.models import SeizureRollup
from tests.supply.conftest import GOOD_ROWS, csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(personas, make_seizure):
    kg = Country.objects.get(code="KG")
    make_seizure(
        confidentiality="public",
        date=dt.date(2023, 5, 3),
        quantity="7",
        agency=Agency.objects.get(code="kg_mvd"),
        subdivision=Subdivision.objects.filter(country=kg).first(),
        transport_mode=TransportMode.objects.get(code="rail"),
        departure_country=Country.objects.get(code="AF"),
        destination_country=Country.objects.get(code="RU"),
        concealment_methods=list(
            ConcealmentMethod.objects.filter(code__in=["vacuum_packaging", "odour_masking"])
        ),
    )
    make_seizure(
        confidentiality="restricted",
        date=dt.date(2024, 1, 31),
        substance="tramadol",
        quantity="150",
        unit="таблеток",
    )
    make_seizure(
        personas.kg_other_provider,
        confidentiality="confidential",
        date=dt.date(2024, 2, 1),
        substance="hashish",
        quantity="2,5",
        unit="кг",
    )
    make_seizure(
        personas.tj_provider,
        confidentiality="public",
        date=dt.date(2024, 6, 1),
        substance="opium",
        quantity="900",
        unit="г",
    )
    batch = imports.import_upload(
        actor=personas.kg_provider, data=csv_bytes(GOOD_ROWS), file_name="m.csv"
    )
    imports.import_commit(
        actor=personas.kg_provider,
        batch=imports.import_check(actor=personas.kg_provider, batch=batch),
    )


FILTERS = [
    analytics.Filters(),
    analytics.Filters(country="KG", grain="month"),
    analytics.Filters(
        date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 12, 31), grain="quarter"
    ),
    analytics.Filters(substance_group="opioids"),
    analytics.Filters(date_from=dt.date(2023, 5, 3), date_to=dt.date(2024, 6, 1), grain="month"),
    analytics.Filters(date_from=dt.date(2024, 1, 31), date_to=dt.date(2024, 2, 1)),
    analytics.Filters(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 2, 1)),
    analytics.Filters(date_to=dt.date(2024, 1, 31)),
    analytics.Filters(date_from=dt.date(2024, 1, 30)),
]


@pytest.mark.parametrize("filters", FILTERS)
def test_the_rollup_agrees_with_the_seizures_for_every_dimension_and_user(personas, mixed, filters):
    def norm(rows):
        return sorted(
            (r["code"] or "", round(r["kg"], 6), round(r["units"], 6), r["seizures"]) for r in rows
        )

    for dimension in analytics.DIMENSIONS:
        for user in (
            None,
            personas.kg_analyst,
            personas.tj_analyst,
            personas.regional,
            personas.kg_focal,
        ):
            from_rollup = analytics.by_dimension(user, filters, dimension)
            direct = analytics.by_dimension_from_seizures(user, filters, dimension)
            assert norm(from_rollup) == norm(direct), (dimension, user)
    assert analytics.totals(personas.kg_focal, filters) == pytest.approx(
        analytics.totals_from_seizures(personas.kg_focal, filters)
    )


def test_unaligned_periods_and_agency_filters_read_the_seizure_table(personas, mixed):
    assert not analytics.analytics_rollup.fits(
        analytics.Filters(date_from=dt.date(2024, 1, 15)), "substance"
    )
    assert not analytics.analytics_rollup.fits(analytics.Filters(agency="kg_mvd"), "substance")
    rows = analytics.by_dimension(
        personas.kg_analyst, analytics.Filters(agency="kg_mvd"), "substance"
    )
    assert [(r["code"], r["seizures"]) for r in rows] == [("heroin", 2)]  # the form and the file


def test_updates_move_a_seizure_between_buckets(personas, make_seizure):
    seizure = make_seizure(date=dt.date(2023, 3, 1), quantity="4")
    services.seizure_update(
        actor=personas.kg_provider, seizure=seizure, data={"date": dt.date(2024, 7, 9)}
    )
    assert set(SeizureRollup.objects.values_list("month", flat=True)) == {dt.date(2024, 7, 1)}
    assert rollup.refresh_all() == SeizureRollup.objects.count()


def test_change_compares_with_the_previous_period(personas, mixed):
    change = analytics.change(personas.kg_focal, analytics.Filters(country="KG"))
    assert change["current"]["from"] == dt.date(2024, 1, 1) and change["previous"]["to"] == dt.date(
        2023, 12, 31
    )
    assert change["previous"]["kg"] == 7 and change["current"]["seizures"] == 5
