"""Farrington-flexible outbreak detection (Farrington et al. 1996; Noufaily et al. 2013).

For the period t0 under test, a quasi-Poisson regression is fitted to the counts of the `b`
previous years:

    log mu_t = alpha + beta * t + gamma_{season(t)}

- Seasonal windows: with `no_periods = 1` (the original method) the baseline is only the
  windows t0 - j*period +- w, j = 1..b; with `no_periods > 1` (Noufaily et al.) it is every
  period from b years back, and a factor gives the window around t0's time of year its own
  level and splits the rest of each year into `no_periods - 1` blocks.
- The most recent `past_excluded` periods are left out of the baseline (26 weeks in Noufaily
  et al.) so that an outbreak under way does not raise its own baseline.
- Trend: kept only when its Wald test is significant (p < `p_trend`), when the baseline spans
  at least 3 years, and when it does not predict above the largest baseline count.
- Reweighting: baseline periods with an Anscombe residual above `weights_threshold` (2.58 in
  Noufaily et al.; 1 in the original) are down-weighted by s^-2 and the model is refitted.
- Threshold (the 2/3 power transformation, Farrington et al. 1996 section 3.4): with
  tau = phi + mu0 * Var(eta0),

      U = ( mu0^(2/3) + z_{1-alpha} * sqrt( (4/9) * mu0^(1/3) * tau ) )^(3/2)

  (one-sided, `alpha` = 0.005 by default). The score is (y0 - mu0) / (U - mu0): above 1 means
  above the threshold. No alarm unless at least `min_recent` cases were counted in the last
  `recent_periods` periods (5 in 4 weeks, the "limit54" rule).
- p-value: the upper tail of the same transformation, 1 - Phi((y0^(2/3) - mu0^(2/3)) /
  sqrt((4/9) mu0^(1/3) tau)); it is below `alpha` exactly when y0 > U (`tails`).

All series of a call share the period grid and are fitted at once (see `glm`). The matrix
products are small: a multithreaded BLAS only adds overhead (several times slower on a busy
machine), so the fits run with BLAS limited to one thread (threadpoolctl).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
from threadpoolctl import threadpool_limits

from cadis.engines.stats.signals.ears import Detection, _as_2d
from cadis.engines.stats.signals.glm import QuasiPoissonFit, fit_quasi_poisson
from cadis.engines.stats.signals.tails import farrington_p_value


@dataclass(frozen=True)
class FarringtonParameters:
    """Defaults: Noufaily et al. (2013) for weekly data, with the 2/3 power threshold."""

    period: int = 52  # periods per year: 52 weekly, 365 daily, 12 monthly
    b: int = 5  # years of history
    w: int = 3  # half-width of the seasonal window (periods)
    no_periods: int = 10  # seasonal factor levels (1 = original windows-only baseline)
    past_excluded: int = 26  # most recent periods left out of the baseline
    alpha: float = (
        0.005  # one-sided; chosen for <= 1 % false alarms per series-period (docs/signals.md)
    )
    p_trend: float = 0.05
    weights_threshold: float = 2.58
    reweight: bool = True
    min_recent: int = 5  # the limit54 rule: at least 5 cases ...
    recent_periods: int = 4  # ... in the last 4 periods

    @classmethod
    def daily(cls) -> FarringtonParameters:
        """Daily counts: a 7-day window, the last 60 days excluded, 5 cases in 7 days."""
        return cls(period=365, b=3, w=7, no_periods=10, past_excluded=60, recent_periods=7)

    @property
    def history_needed(self) -> int:
        return self.b * self.period + self.w


def _baseline_design(t0: int, params: FarringtonParameters) -> tuple[np.ndarray, np.ndarray]:
    """Baseline time indices and their seasonal level (0 = the window around t0's time of year)."""
    period, w = params.period, params.w
    if params.no_periods <= 1:
        times = np.array(
            [t0 - j * period + d for j in range(1, params.b + 1) for d in range(-w, w + 1)]
        )
        times = times[times <= t0 - params.past_excluded]
        return np.sort(times), np.zeros(len(times), dtype=int)
    times = np.arange(t0 - params.b * period - w, t0 - params.past_excluded + 1)
    phase = (times - t0) % period  # 0 = same time of year as t0
    in_window = (phase <= w) | (phase >= period - w)
    position = (phase - w - 1) / max(period - 2 * w - 1, 1)
    level = 1 + np.floor(np.clip(position, 0, 0.999999) * (params.no_periods - 1)).astype(int)
    return times, np.where(in_window, 0, level)


def _design(
    times: np.ndarray, levels: np.ndarray, t0: int, no_periods: int, trend: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Design matrix of the baseline and the row of t0 (time centred on t0 for stability)."""
    columns = [np.ones(len(times))]
    row = [1.0]
    if trend:
        columns.append((times - t0) / 52.0)
        row.append(0.0)
    present = sorted(set(levels.tolist()) - {0})
    for level in present:
        columns.append((levels == level).astype(float))
        row.append(0.0)
    return np.column_stack(columns), np.array(row)


def _anscombe_weights(y: np.ndarray, fit: QuasiPoissonFit, threshold: float) -> np.ndarray:
    """Farrington's reweighting: s^-2 for Anscombe residuals s above `threshold`, normalised."""
    mu = fit.mu
    with np.errstate(divide="ignore", invalid="ignore"):
        s = (
            1.5
            * (np.cbrt(y) ** 2 * mu ** (-1 / 6) - np.sqrt(mu))
            / np.sqrt(fit.phi[:, None] * np.clip(1 - fit.leverage, 1e-9, None))
        )
    raw = np.where(s > threshold, 1.0 / np.maximum(s, 1e-9) ** 2, 1.0)
    weights: np.ndarray = raw * (y.shape[1] / raw.sum(axis=1, keepdims=True))
    return weights


def _fit(X: np.ndarray, y: np.ndarray, params: FarringtonParameters) -> QuasiPoissonFit:
    fit = fit_quasi_poisson(X, y)
    if params.reweight:
        fit = fit_quasi_poisson(
            X, y, _anscombe_weights(y, fit, params.weights_threshold), beta0=fit.beta
        )
    return fit


def _wald_p(beta: np.ndarray, variance: np.ndarray) -> np.ndarray:
    z = np.abs(beta) / np.sqrt(np.maximum(variance, 1e-300))
    return np.array([math.erfc(v / math.sqrt(2)) for v in z])


def farrington_at(
    counts: np.ndarray, t0: int, params: FarringtonParameters | None = None
) -> Detection:
    """Test period `t0` of every series in `counts` (shape (n, T) or (T,)).

    Returns 1-element-per-series arrays (expected mu0, threshold U, score, alarm); series
    without enough history or with an all-zero baseline get NaN and no alarm.
    """
    with threadpool_limits(limits=1, user_api="blas"):
        return _farrington_at(counts, t0, params or FarringtonParameters())


def _farrington_at(counts: np.ndarray, t0: int, params: FarringtonParameters) -> Detection:
    data, flat = _as_2d(counts)
    n = data.shape[0]
    observed = data[:, t0]
    expected = np.full(n, np.nan)
    threshold = np.full(n, np.nan)
    tau = np.full(n, np.nan)
    if t0 - params.history_needed >= 0:
        times, levels = _baseline_design(t0, params)
        y = data[:, times]
        usable = y.sum(axis=1) > 0
        if usable.any():
            mu0, upper, variance = _predict(y[usable], times, levels, t0, params)
            expected[usable], threshold[usable], tau[usable] = mu0, upper, variance
    recent = data[:, max(0, t0 - params.recent_periods + 1) : t0 + 1].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = (observed - expected) / (threshold - expected)
        alarm = (observed > threshold) & (recent >= params.min_recent)
    alarm = np.nan_to_num(alarm, nan=False).astype(bool)
    p_value = farrington_p_value(observed, expected, tau)
    result = (observed, expected, threshold, score, alarm, p_value)
    if flat:
        result = tuple(a[0] for a in result)
    return Detection("farrington", *result)


def _predict(
    y: np.ndarray, times: np.ndarray, levels: np.ndarray, t0: int, params: FarringtonParameters
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """mu0, the threshold U and tau = phi + mu0 Var(eta0) of every series."""
    X0, x0 = _design(times, levels, t0, params.no_periods, trend=False)
    fit0 = _fit(X0, y, params)
    eta0 = fit0.beta @ x0
    var0 = np.einsum("p,npq,q->n", x0, fit0.cov, x0)
    phi = fit0.phi
    if params.b >= 3:
        X1, x1 = _design(times, levels, t0, params.no_periods, trend=True)
        fit1 = _fit(X1, y, params)
        eta1 = fit1.beta @ x1
        p_value = _wald_p(fit1.beta[:, 1], fit1.cov[:, 1, 1])
        keep = (p_value < params.p_trend) & (np.exp(eta1) <= y.max(axis=1))
        eta0 = np.where(keep, eta1, eta0)
        var0 = np.where(keep, np.einsum("p,npq,q->n", x1, fit1.cov, x1), var0)
        phi = np.where(keep, fit1.phi, phi)
    mu0 = np.exp(eta0)
    z = NormalDist().inv_cdf(1 - params.alpha)
    tau = phi + mu0 * var0
    upper = (mu0 ** (2 / 3) + z * np.sqrt(4 / 9 * mu0 ** (1 / 3) * tau)) ** 1.5
    return mu0, upper, tau


def farrington(
    counts: np.ndarray, params: FarringtonParameters | None = None, *, start: int | None = None
) -> Detection:
    """Farrington-flexible over every period from `start` (default: the first with enough history).

    >>> import numpy as np
    >>> rng = np.random.default_rng(1)
    >>> y = rng.poisson(10, size=5 * 52 + 40).astype(float)
    >>> y[-1] = 40
    >>> bool(farrington(y).alarm[-1])
    True
    """
    params = params or FarringtonParameters()
    data, flat = _as_2d(counts)
    n, length = data.shape
    names = ("expected", "threshold", "score", "p_value")
    out = {name: np.full((n, length), np.nan) for name in names}
    alarm = np.zeros((n, length), dtype=bool)
    first = max(params.history_needed, 0 if start is None else start)
    with threadpool_limits(limits=1, user_api="blas"):
        results = [(t0, _farrington_at(data, t0, params)) for t0 in range(first, length)]
    for t0, result in results:
        for name in names:
            out[name][:, t0] = getattr(result, name)
        alarm[:, t0] = result.alarm
    values = (data, out["expected"], out["threshold"], out["score"], alarm, out["p_value"])
    if flat:
        values = tuple(a[0] for a in values)
    return Detection("farrington", *values)
