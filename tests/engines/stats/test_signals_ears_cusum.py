"""EARS C1, C2, C3 and CUSUM against values worked out by hand on small series."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cadis.engines.stats.signals import cusum, ears_c1, ears_c2, ears_c3

SERIES = np.array([2, 3, 2, 4, 3, 2, 3, 3, 12], dtype=float)


def _mean_sd(values):
    mean = sum(values) / len(values)
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
    return mean, sd


def test_c1_compares_the_period_with_the_seven_before_it():
    mean, sd = _mean_sd([3, 2, 4, 3, 2, 3, 3])  # 20/7 and sqrt(20/42)
    result = ears_c1(SERIES)
    assert result.expected[-1] == pytest.approx(20 / 7)
    assert result.score[-1] == pytest.approx((12 - mean) / sd)
    assert result.threshold[-1] == pytest.approx(mean + 3 * sd)
    assert bool(result.alarm[-1]) and not result.alarm[:-1].any()
    assert np.isnan(result.score[:7]).all()


def test_c2_leaves_a_two_period_guard_band():
    series = np.array([1, 2, 1, 2, 1, 2, 1, 0, 0, 9], dtype=float)
    mean, sd = _mean_sd([1, 2, 1, 2, 1, 2, 1])  # periods 0..6 for period 9
    result = ears_c2(series)
    assert result.score[9] == pytest.approx((9 - mean) / sd)
    assert np.isnan(result.score[:9]).all()


def test_c3_sums_the_excess_of_c2_over_one_across_three_periods():
    series = np.array([1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 3, 4, 5], dtype=float)
    c2 = ears_c2(series).score
    c3 = ears_c3(series)
    expected = sum(max(0.0, c2[t] - 1.0) for t in (10, 11, 12))
    assert c3.score[12] == pytest.approx(expected)
    assert bool(c3.alarm[12]) == (expected > 2)


def test_a_flat_baseline_uses_the_sd_floor_instead_of_dividing_by_zero():
    series = np.array([0, 0, 0, 0, 0, 0, 0, 1], dtype=float)
    result = ears_c1(series, min_sd=0.5)
    assert result.score[-1] == pytest.approx(2.0)
    assert not result.alarm[-1]


def test_cusum_accumulates_standardised_excess_and_resets_after_an_alarm():
    series = np.array([2, 3, 2, 4, 3, 2, 3, 3, 3, 3, 5, 5, 5], dtype=float)
    result = cusum(series, k=0.5, h=4.0)
    s, expected_s, alarms = 0.0, [], []
    for t in range(len(series)):
        if t < 9:
            expected_s.append(0.0)
            alarms.append(False)
            continue
        mean, sd = _mean_sd(series[t - 9 : t - 2].tolist())
        s = max(0.0, s + (series[t] - mean) / max(sd, 0.5) - 0.5)
        fired = s > 4.0
        expected_s.append(s)
        alarms.append(fired)
        if fired:
            s = 0.0
    assert result.score.tolist() == pytest.approx(expected_s)
    assert result.alarm.tolist() == alarms


def test_many_series_give_the_same_answers_as_one_at_a_time():
    rng = np.random.default_rng(3)
    block = rng.poisson(4, size=(5, 40)).astype(float)
    for method in (ears_c1, ears_c2, ears_c3, cusum):
        together = method(block)
        for row in range(5):
            alone = method(block[row])
            np.testing.assert_allclose(together.score[row], alone.score, equal_nan=True)
            assert (together.alarm[row] == alone.alarm).all()
