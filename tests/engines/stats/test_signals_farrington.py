"""Farrington-flexible: the regression against statsmodels' GLM, the threshold by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest
import statsmodels.api as sm

from cadis.engines.stats.signals import (
    FarringtonParameters,
    farrington,
    farrington_at,
    fit_quasi_poisson,
)
from cadis.engines.stats.signals.farrington import _anscombe_weights, _baseline_design, _design


@pytest.fixture(scope="module")
def weekly():
    rng = np.random.default_rng(11)
    t = np.arange(6 * 52)
    mu = np.exp(1.8 + 0.4 * np.cos(2 * np.pi * t / 52))
    return rng.poisson(mu).astype(float)


def test_the_quasi_poisson_fit_matches_statsmodels_glm(weekly):
    params = FarringtonParameters()
    t0 = len(weekly) - 1
    times, levels = _baseline_design(t0, params)
    X, _ = _design(times, levels, t0, params.no_periods, trend=True)
    y = weekly[times]
    weights = np.random.default_rng(2).uniform(0.5, 1.5, size=len(y))
    ours = fit_quasi_poisson(X, y[None, :], weights[None, :])
    theirs = sm.GLM(y, X, family=sm.families.Poisson(), var_weights=weights).fit(scale="X2")
    np.testing.assert_allclose(ours.beta[0], theirs.params, rtol=1e-6, atol=1e-8)
    assert ours.phi[0] == pytest.approx(max(1.0, theirs.scale), rel=1e-6)
    np.testing.assert_allclose(
        ours.cov[0] / ours.phi[0], theirs.cov_params() / theirs.scale, rtol=1e-5
    )
    np.testing.assert_allclose(
        ours.leverage[0], theirs.get_hat_matrix_diag(), rtol=1e-5, atol=1e-10
    )


def test_the_reweighting_down_weights_large_anscombe_residuals():
    y = np.array([[3.0, 4, 3, 5, 4, 3, 4, 4, 5, 3, 4, 4, 3, 5, 4, 3, 4, 4, 5, 40]])
    X = np.ones((y.shape[1], 1))
    fit = fit_quasi_poisson(X, y)
    weights = _anscombe_weights(y, fit, 2.58)
    raw = []
    for i, count in enumerate(y[0]):
        mu, h = fit.mu[0, i], fit.leverage[0, i]
        s = (
            1.5
            * (count ** (2 / 3) * mu ** (-1 / 6) - math.sqrt(mu))
            / math.sqrt(fit.phi[0] * (1 - h))
        )
        raw.append(s**-2 if s > 2.58 else 1.0)
    assert raw[-1] < 1 and raw[:-1] == [1.0] * 19  # only the 40 is an outlier
    np.testing.assert_allclose(weights[0], np.array(raw) * 20 / sum(raw))
    assert weights[0].sum() == pytest.approx(20)


def test_the_threshold_is_the_two_thirds_power_prediction_limit(weekly):
    params = FarringtonParameters(
        no_periods=1, b=3, w=3, past_excluded=0, reweight=False, alpha=0.05
    )
    t0 = len(weekly) - 1
    result = farrington_at(weekly, t0, params)
    # Recompute by hand with statsmodels: intercept-only model on the windows (+ trend if kept).
    times, levels = _baseline_design(t0, params)
    y = weekly[times]
    assert len(times) == 3 * 7
    X1 = np.column_stack([np.ones(len(times)), (times - t0) / 52.0])
    trend_fit = sm.GLM(y, X1, family=sm.families.Poisson()).fit(scale="X2")
    phi1 = max(1.0, trend_fit.scale)
    cov1 = trend_fit.cov_params() / trend_fit.scale * phi1
    p_trend = math.erfc(abs(trend_fit.params[1]) / math.sqrt(cov1[1, 1]) / math.sqrt(2))
    if p_trend < 0.05 and math.exp(trend_fit.params[0]) <= y.max():
        eta0, var0, phi = trend_fit.params[0], cov1[0, 0], phi1
    else:
        flat = sm.GLM(y, np.ones((len(times), 1)), family=sm.families.Poisson()).fit(scale="X2")
        phi = max(1.0, flat.scale)
        eta0, var0 = flat.params[0], flat.cov_params()[0, 0] / flat.scale * phi
    mu0 = math.exp(eta0)
    z = 1.6448536269514722
    upper = (mu0 ** (2 / 3) + z * math.sqrt(4 / 9 * mu0 ** (1 / 3) * (phi + mu0 * var0))) ** 1.5
    assert result.expected == pytest.approx(mu0, rel=1e-6)
    assert result.threshold == pytest.approx(upper, rel=1e-6)


def test_an_outbreak_is_flagged_and_a_quiet_week_is_not(weekly):
    series = weekly.copy()
    quiet = farrington_at(series, len(series) - 1)
    series[-1] = quiet.threshold + 5
    loud = farrington_at(series, len(series) - 1)
    assert not quiet.alarm or quiet.observed > quiet.threshold
    assert loud.alarm and loud.score > 1


def test_too_little_history_or_an_empty_baseline_gives_no_alarm():
    short = farrington(np.ones(100) * 3)
    assert not short.alarm.any() and np.isnan(short.expected).all()
    empty = np.zeros(6 * 52)
    empty[-1] = 50
    result = farrington_at(empty, len(empty) - 1)
    assert not result.alarm and math.isnan(result.expected)


def test_the_limit_rule_needs_five_cases_in_four_weeks(weekly):
    series = np.zeros(6 * 52)
    series[::13] = 1  # a trickle: one case a quarter
    series[-1] = 3
    result = farrington_at(series, len(series) - 1)
    assert result.observed > result.threshold
    assert not result.alarm  # 3 cases in the last 4 weeks


def test_the_seasonal_baseline_levels_cover_the_year():
    times, levels = _baseline_design(400, FarringtonParameters())
    assert times.max() == 400 - 26
    assert set(levels.tolist()) == set(range(10))
    window = levels == 0
    assert all(((400 - t) % 52 <= 3) or ((400 - t) % 52 >= 49) for t in times[window])
