"""Indicator helpers: rates, shares, changes, trends, intervals and age bands."""

from __future__ import annotations

import doctest

from hypothesis import given
from hypothesis import strategies as st

from cadis.engines.stats import (
    age_band,
    indicators,
    linear_trend,
    moving_average,
    percent_change,
    rate_per,
    share,
    suppression,
    wilson_interval,
)


def test_missing_inputs_give_missing_indicators():
    assert rate_per(None, 100) is None and rate_per(5, 0) is None
    assert share(3, 0) is None and percent_change(0, 5) is None and percent_change(None, 5) is None


def test_trends_know_their_direction():
    assert linear_trend([2020, 2021, 2022], [100, 80, 60]).direction == "down"
    assert linear_trend([2020, 2021, 2022], [10, None, 30]).direction == "up"
    assert linear_trend([2020], [10]) is None
    assert linear_trend([2020, 2020], [1, 2]) is None


def test_moving_average_waits_for_a_full_window_without_gaps():
    assert moving_average([1, None, 3, 5, 7], 2) == [None, None, None, 4.0, 6.0]


@given(st.integers(0, 500), st.integers(1, 500))
def test_wilson_interval_contains_the_observed_share(successes, trials):
    interval = wilson_interval(min(successes, trials), trials)
    observed = 100 * min(successes, trials) / trials
    assert interval is not None
    low, high = interval
    assert 0 <= low <= high <= 100
    assert low - 1e-9 <= observed <= high + 1e-9


@given(st.one_of(st.none(), st.integers(-5, 130)))
def test_every_age_falls_into_exactly_one_band(age):
    band = age_band(age)
    assert band == "unknown" if age is None or age < 0 else band != "unknown"


def test_the_engine_docstring_examples_hold():
    for module in (indicators, suppression):
        assert doctest.testmod(module).failed == 0
