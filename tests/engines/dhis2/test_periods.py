"""DHIS2 and ADX periods: both spellings, and their round trips."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cadis.engines.dhis2 import Period, PeriodError


@pytest.mark.parametrize(
    ("dhis2", "adx"),
    [
        ("2024", "2024-01-01/P1Y"),
        ("2024Q1", "2024-01-01/P3M"),
        ("2024Q4", "2024-10-01/P3M"),
        ("202401", "2024-01-01/P1M"),
        ("202412", "2024-12-01/P1M"),
        ("2024W5", "2024-01-29/P7D"),
        ("2020W53", "2020-12-28/P7D"),
        ("2025W1", "2024-12-30/P7D"),  # ISO week 1 of 2025 starts in 2024
    ],
)
def test_each_kind_has_its_dhis2_and_adx_form(dhis2, adx):
    period = Period.from_dhis2(dhis2)
    assert period.dhis2 == dhis2
    assert period.adx == adx
    assert Period.from_adx(adx) == period


def test_a_padded_week_and_an_iso_week_duration_are_read_too():
    assert Period.from_dhis2("2024W05") == Period.from_dhis2("2024W5")
    assert Period.from_adx("2024-01-29/P1W") == Period.from_dhis2("2024W5")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "24",
        "2024Q5",
        "2024Q0",
        "202413",
        "202400",
        "2024W54",
        "2021W53",
        "2024-01",
        "2024M1",
        "1899",
        "3000",
        "２０２４",
        "2024W5 ",
        None,
        2024,
    ],
)
def test_bad_dhis2_periods_are_refused(text):
    with pytest.raises(PeriodError):
        Period.from_dhis2(text)


@pytest.mark.parametrize(
    "text",
    [
        "2024-01-02/P1M",
        "2024-02-01/P3M",
        "2024-01-30/P7D",
        "2024-02-30/P1M",
        "2024-01-01/P2Y",
        "2024-01-01",
        "2024-01-01/P1Y/x",
        "2024-07-01/P1Y",
    ],
)
def test_bad_adx_periods_are_refused(text):
    with pytest.raises(PeriodError):
        Period.from_adx(text)


periods = st.one_of(
    st.builds(Period, st.just("yearly"), st.integers(1900, 2999)),
    st.builds(Period, st.just("quarterly"), st.integers(1900, 2999), st.integers(1, 4)),
    st.builds(Period, st.just("monthly"), st.integers(1900, 2999), st.integers(1, 12)),
    st.dates(date(1901, 1, 7), date(2998, 12, 1)).map(
        lambda d: Period("weekly", *d.isocalendar()[:2])
    ),
)


@given(periods)
def test_every_period_round_trips_through_both_forms(period):
    assert Period.from_dhis2(period.dhis2) == period
    assert Period.from_adx(period.adx) == period


@given(st.text(max_size=20))
def test_parsing_any_text_either_works_or_raises_period_error(text):
    for parse in (Period.from_dhis2, Period.from_adx):
        try:
            parse(text)
        except PeriodError:
            pass
