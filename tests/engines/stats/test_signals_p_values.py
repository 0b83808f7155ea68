"""p-values of the signal tests: by hand, against scipy/statsmodels, and against simulation."""

from __future__ import annotations

import math

import numpy as np
import pytest
import statsmodels.api as sm
from scipy.stats import norm

from cadis.engines.stats.signals import (
    FarringtonParameters,
    cusum,
    detect,
    ears_c1,
    ears_c2,
    ears_c3,
    farrington,
    farrington_at,
    synthetic_series,
)
from cadis.engines.stats.signals.farrington import _baseline_design
from cadis.engines.stats.signals.tails import cusum_p_value, farrington_p_value, normal_sf

SERIES = np.array([2, 3, 2, 4, 3, 2, 3, 3, 12], dtype=float)


def _upper_tail(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


def test_the_normal_tail_matches_scipy_to_seven_digits_far_into_the_tail():
    x = np.linspace(-8, 30, 3801)
    expected = norm.sf(x)
    assert normal_sf(x) == pytest.approx(expected, rel=2e-7, abs=1e-300)
    assert float(normal_sf(np.array(0.0))) == pytest.approx(0.5, rel=1e-7)
    assert float(normal_sf(np.array(3.0))) == pytest.approx(0.0013498980, rel=1e-6)
    assert np.isnan(normal_sf(np.array(np.nan)))


def test_ears_c1_and_c2_carry_the_normal_tail_of_their_score():
    mean = 20 / 7
    sd = math.sqrt(sum((v - mean) ** 2 for v in [3, 2, 4, 3, 2, 3, 3]) / 6)
    c1 = ears_c1(SERIES)
    assert c1.p_value[-1] == pytest.approx(_upper_tail((12 - mean) / sd), rel=1e-6)
    assert np.isnan(c1.p_value[:7]).all()
    # A moderate score: mean 2, sd sqrt(8/6) = 1.1547, C2 = 3 / 1.1547 = 2.598, p = 0.00469.
    series = np.array([1, 2, 3, 4, 2, 1, 1, 0, 0, 5], dtype=float)
    base = [1, 2, 3, 4, 2, 1, 1]
    m = sum(base) / 7
    s = math.sqrt(sum((v - m) ** 2 for v in base) / 6)
    c2 = ears_c2(series)
    assert c2.p_value[-1] == pytest.approx(norm.sf((5 - m) / s), rel=1e-6)
    assert c2.p_value[-1] == pytest.approx(0.00469, abs=1e-5)


def test_ears_c3_has_no_p_value():
    assert np.isnan(ears_c3(SERIES).p_value).all()


def _simulated_cusum_tail(levels, *, k, h, reset, seed=5, chains=200, steps=20_000):
    rng = np.random.default_rng(seed)
    running = np.zeros(chains)
    kept = []
    for step in range(steps):
        running = np.maximum(0.0, running + rng.standard_normal(chains) - k)
        if step >= 500:  # burn-in: the chains start at 0, the steady state does not
            kept.append(running.copy())
        if reset:
            running = np.where(running > h, 0.0, running)
    values = np.concatenate(kept)
    return np.array([(values >= level).mean() for level in levels])


@pytest.mark.parametrize("reset", [True, False])
def test_the_cusum_tail_is_the_steady_state_of_an_in_control_process(reset):
    levels = np.array([0.25, 0.5, 1.0, 2.0, 3.0])
    simulated = _simulated_cusum_tail(levels, k=0.5, h=4.0, reset=reset)
    computed = cusum_p_value(levels, k=0.5, h=4.0, reset=reset)
    assert computed == pytest.approx(simulated, rel=0.05)
    assert np.all(np.diff(computed) < 0)
    assert float(cusum_p_value(np.array(0.0), k=0.5, h=4.0, reset=reset)) == 1.0


def test_the_interpolated_cusum_tail_agrees_with_the_exact_sum():
    from cadis.engines.stats.signals.tails import _cusum_tail_exact

    rng = np.random.default_rng(2)
    values = np.concatenate([rng.uniform(0.001, 16, 500), [0.003, 4.0, 16.2, 25.0]])
    exact = _cusum_tail_exact(values, 0.5, 4.0, True)
    assert cusum_p_value(values, k=0.5, h=4.0, reset=True) == pytest.approx(exact, rel=1e-4)


def test_with_reset_the_cusum_tail_at_h_is_one_over_the_in_control_run_length():
    # ARL0 = 336 for k = 0.5, h = 4 (Montgomery, Introduction to Statistical Quality Control,
    # table of one-sided CUSUM run lengths); each alarm ends one run, so P(S > h) = 1 / ARL0.
    p = float(cusum_p_value(np.array(4.0), k=0.5, h=4.0, reset=True))
    assert 1 / p == pytest.approx(336, rel=0.01)


def test_cusum_p_values_follow_the_statistic_and_are_absent_without_a_baseline():
    series = np.array([2, 3, 2, 4, 3, 2, 3, 3, 3, 3, 9, 9], dtype=float)
    result = cusum(series)
    assert np.isnan(result.p_value[:9]).all()
    expected = cusum_p_value(result.score[9:], k=0.5, h=4.0, reset=True)
    assert result.p_value[9:] == pytest.approx(expected)
    alarms = result.alarm.nonzero()[0]
    assert len(alarms) and (result.p_value[alarms] < 0.003).all()


def test_farrington_p_value_is_the_tail_of_the_two_thirds_power_transformation():
    rng = np.random.default_rng(11)
    t = np.arange(6 * 52)
    weekly = rng.poisson(np.exp(1.8 + 0.4 * np.cos(2 * np.pi * t / 52))).astype(float)
    weekly[-1] = 14
    params = FarringtonParameters(no_periods=1, b=3, w=3, past_excluded=0, reweight=False)
    t0 = len(weekly) - 1
    result = farrington_at(weekly, t0, params)
    times, _levels = _baseline_design(t0, params)
    y = weekly[times]
    # By hand from statsmodels' fit: intercept only (the trend is kept only when significant).
    X1 = np.column_stack([np.ones(len(times)), (times - t0) / 52.0])
    trend_fit = sm.GLM(y, X1, family=sm.families.Poisson()).fit(scale="X2")
    phi1 = max(1.0, trend_fit.scale)
    cov1 = trend_fit.cov_params() / trend_fit.scale * phi1
    if norm.sf(abs(trend_fit.params[1]) / math.sqrt(cov1[1, 1])) * 2 < 0.05 and math.exp(
        trend_fit.params[0]
    ) <= y.max():
        eta0, var0, phi = trend_fit.params[0], cov1[0, 0], phi1
    else:
        flat = sm.GLM(y, np.ones((len(times), 1)), family=sm.families.Poisson()).fit(scale="X2")
        phi = max(1.0, flat.scale)
        eta0, var0 = flat.params[0], flat.cov_params()[0, 0] / flat.scale * phi
    mu0 = math.exp(eta0)
    tau = phi + mu0 * var0
    z = (14 ** (2 / 3) - mu0 ** (2 / 3)) / math.sqrt(4 / 9 * mu0 ** (1 / 3) * tau)
    assert result.p_value == pytest.approx(norm.sf(z), rel=1e-5)
    # At the threshold the tail is alpha: the alarm and "p < alpha" are one decision.
    at_threshold = farrington_p_value(np.array(result.threshold), np.array(mu0), np.array(tau))
    assert float(at_threshold) == pytest.approx(params.alpha, rel=1e-5)


def test_farrington_alarms_exactly_where_the_p_value_is_below_alpha_and_cases_suffice():
    data = synthetic_series(n_series=30, length=6 * 52, seed=3, k=5)
    params = FarringtonParameters()
    result = farrington(data.counts, params, start=6 * 52 - 30)
    tested = ~np.isnan(result.p_value)
    recent = np.stack(
        [
            np.convolve(row, np.ones(params.recent_periods), mode="full")[: row.size]
            for row in data.counts
        ]
    )
    decision = (result.p_value < params.alpha) & (recent >= params.min_recent)
    assert tested.sum() > 500
    assert (result.alarm[tested] == decision[tested]).all()
    assert result.alarm.any()


def test_each_signal_carries_the_p_value_of_its_test():
    counts = np.array([[2, 3, 2, 4, 3, 2, 3, 3, 3, 2, 14.0]])
    signals = detect(counts, [("heroin", "KG-O")], methods=("ears_c1", "ears_c2", "cusum"))
    by_method = {s.method: s for s in signals}
    assert by_method["ears_c1"].p_value == pytest.approx(float(ears_c1(counts[0]).p_value[-1]))
    assert by_method["ears_c2"].p_value == pytest.approx(float(ears_c2(counts[0]).p_value[-1]))
    assert all(0 < s.p_value < 0.01 for s in signals)
