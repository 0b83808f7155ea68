"""Only complete periods are compared: a small import of a new year never makes the headline."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from cadis.apps.supply import analytics, imports
from cadis.apps.supply.comparison import previous_period
from tests.supply.conftest import csv_bytes

pytestmark = pytest.mark.django_db

# Eight rows of one country, January to March 2025: a partial year.
PARTIAL_2025 = [
    f"{day:02d}.{month:02d}.2025;KG;;героин;0,5;кг;;"
    for month, day in ((1, 5), (1, 19), (2, 2), (2, 14), (2, 27), (3, 3), (3, 15), (3, 28))
]


@pytest.fixture
def two_complete_years(personas, make_seizure):
    """KG and TJ report through 2023 and 2024 (public records: every persona sees them)."""
    for year, kg in ((2023, "40"), (2024, "60")):
        for month in (1, 6, 12):
            make_seizure(date=dt.date(year, month, 10), quantity=kg, confidentiality="public")
            make_seizure(
                personas.tj_provider,
                date=dt.date(year, month, 11),
                quantity="10",
                confidentiality="public",
            )


def import_partial_year(personas) -> None:
    batch = imports.import_upload(
        actor=personas.kg_provider, data=csv_bytes(PARTIAL_2025), file_name="jan-mar-2025.csv"
    )
    batch = imports.import_check(actor=personas.kg_provider, batch=batch)
    imports.import_commit(actor=personas.kg_provider, batch=batch)


def test_a_small_partial_year_does_not_replace_the_complete_year_in_the_headline(
    personas, two_complete_years
):
    import_partial_year(personas)
    change = analytics.change(personas.kg_analyst, analytics.Filters())
    assert change["current"]["from"] == dt.date(2024, 1, 1)
    assert change["current"]["to"] == dt.date(2024, 12, 31)
    assert change["previous"]["from"] == dt.date(2023, 1, 1)
    assert change["comparable"] is True
    # KG 3 × 60 + TJ 3 × 10 = 210 kg against 3 × 40 + 3 × 10 = 150 kg.
    assert change["change_pct"]["kg"] == 40.0


def test_the_partial_year_chosen_explicitly_is_labelled_and_not_compared(
    personas, two_complete_years
):
    import_partial_year(personas)
    filters = analytics.Filters(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 12, 31))
    change = analytics.change(personas.kg_analyst, filters)
    assert change["current"]["seizures"] == 8
    assert change["current"]["complete"] is False
    assert change["previous"]["complete"] is True
    assert change["comparable"] is False
    assert change["change_pct"] == {"kg": None, "units": None, "seizures": None}
    assert "TJ" in change["reason"]


def test_the_dashboard_says_why_it_shows_no_change(client_of, personas, two_complete_years):
    import_partial_year(personas)
    client = client_of(personas.kg_analyst)
    client.cookies["django_language"] = "en"
    html = client.get("/supply/?date_from=2025-01-01&date_to=2025-12-31").content.decode()
    assert "partial period" in html
    assert "No change is shown: the selected period is incomplete" in html
    html = client.get("/supply/").content.decode()
    assert "40.0" in html and "No change is shown" not in html


def test_a_year_that_has_not_ended_is_not_complete(personas, make_seizure):
    today = dt.date.today()
    for year in (today.year - 1, today.year):
        for month in (1, 12):
            make_seizure(date=dt.date(year, month, 1), confidentiality="public")
    filters = analytics.Filters(
        date_from=dt.date(today.year, 1, 1), date_to=dt.date(today.year, 12, 31)
    )
    with translation.override("en"):
        change = analytics.change(personas.kg_analyst, filters)
    assert change["comparable"] is False
    assert change["reason"] == "No change is shown: the selected period has not ended yet."


@pytest.mark.parametrize(
    "period, previous",
    [
        (
            (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ),
        ((dt.date(2024, 4, 1), dt.date(2024, 6, 30)), (dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
        ((dt.date(2024, 3, 1), dt.date(2024, 3, 31)), (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ((dt.date(2024, 1, 11), dt.date(2024, 1, 20)), (dt.date(2024, 1, 1), dt.date(2024, 1, 10))),
    ],
)
def test_the_previous_period_of_a_calendar_period_is_the_calendar_period_before(period, previous):
    assert previous_period(*period) == previous
