"""Tail probabilities of the signal tests: how unusual a period is, as a p-value.

Every method's `Detection.p_value` is the probability, under the method's own model of an
ordinary period, of a statistic at least as large as the one observed (NaN where the method
has no baseline). They are exact for the models stated, not for the counts: EARS and CUSUM
standardise counts and treat them as normal, Farrington uses the 2/3 power transformation.

- EARS C1, C2: p = 1 - Phi(C) (the normal approximation EARS states: y ~ N(mean, sd^2)).
- EARS C3: none (NaN). C3 sums overlapping, dependent C2 values; it has no stated null
  distribution, and it never drafts an alert.
- CUSUM: p = P(S_t >= s) when the process is in control (z_t i.i.d. N(0, 1)) and in its steady
  state, computed with the Markov chain of Brook & Evans (1972): the running sum after each
  period (reset to 0 after an alarm) on a grid of `CUSUM_GRID` cells over [0, h], its stationary
  distribution pi, then P(S_t >= s) = sum_i pi_i (1 - Phi(s - x_i + k)). With reset, the
  p-value at s = h is the in-control alarm rate, 1 / ARL0 (about 1/336 for k = 0.5, h = 4).
- Farrington: the upper tail of the 2/3 power transformation the threshold comes from
  (Farrington et al. 1996, section 3.4): p = 1 - Phi( (y0^(2/3) - mu0^(2/3)) /
  sqrt((4/9) mu0^(1/3) tau) ), tau = phi + mu0 Var(eta0). So p < alpha exactly when y0 > U.

>>> round(float(normal_sf(np.array(3.0))), 6)
0.00135
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

CUSUM_GRID = 400  # cells of the Brook-Evans chain over [0, h]
CUSUM_TABLE_STEP = 0.005  # tail table for long runs: log p interpolated between these steps
CUSUM_TABLE_BEYOND = 12.0  # ... from 0 to h + 12 (beyond: computed exactly)

# erfc by Chebyshev fitting (Press et al., Numerical Recipes, 2nd ed., section 6.2, `erfcc`):
# fractional error below 1.2e-7 everywhere, also far in the tail, vectorised in numpy.
_ERFC_COEFFICIENTS = (
    -1.26551223,
    1.00002368,
    0.37409196,
    0.09678418,
    -0.18628806,
    0.27886807,
    -1.13520398,
    1.48851587,
    -0.82215223,
    0.17087277,
)


def _erfc(x: np.ndarray) -> np.ndarray:
    z = np.abs(x)
    t = 1.0 / (1.0 + 0.5 * z)
    poly = np.zeros_like(t)
    for coefficient in reversed(_ERFC_COEFFICIENTS[1:]):
        poly = (poly + coefficient) * t
    ans = t * np.exp(-z * z + _ERFC_COEFFICIENTS[0] + poly)
    result: np.ndarray = np.where(x >= 0, ans, 2.0 - ans)
    return result


def normal_sf(x: np.ndarray) -> np.ndarray:
    """1 - Phi(x), the standard normal upper tail, element-wise (NaN stays NaN)."""
    array = np.asarray(x, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        return 0.5 * _erfc(array / math.sqrt(2.0))


def ears_p_value(score: np.ndarray) -> np.ndarray:
    """EARS C1/C2: the normal upper tail of the standardised count."""
    return normal_sf(score)


@lru_cache(maxsize=32)
def _cusum_chain(k: float, h: float, reset: bool) -> tuple[np.ndarray, np.ndarray]:
    """States (values of the running sum after a period) and their stationary probabilities.

    State 0 is S = 0 exactly; the others are cells of width h / CUSUM_GRID, represented by their
    midpoints. Without reset the grid extends 10 beyond h (the drift is -k: mass beyond it is
    negligible and is kept in the last cell)."""
    upper = h if reset else h + 10.0
    cells = CUSUM_GRID if reset else int(CUSUM_GRID * upper / h)
    width = upper / cells
    values = np.concatenate([[0.0], (np.arange(cells) + 0.5) * width])
    edges = np.arange(cells + 1) * width  # right edges of the cells: 0, w, 2w, ...
    # cdf[i, j] = P(S' <= edges[j] | S = values[i]) = Phi(edges[j] - values[i] + k)
    cdf = 1.0 - normal_sf(edges[None, :] - values[:, None] + k)
    transition = np.empty((cells + 1, cells + 1))
    transition[:, 0] = cdf[:, 0]  # S' = 0
    transition[:, 1:] = np.diff(cdf, axis=1)
    beyond = 1.0 - cdf[:, -1]
    if reset:
        transition[:, 0] += beyond  # an alarm: the sum starts again from 0
    else:
        transition[:, -1] += beyond
    # Stationary distribution: pi P = pi, sum pi = 1 (least squares on the stacked system).
    size = cells + 1
    system = np.vstack([transition.T - np.eye(size), np.ones((1, size))])
    target = np.zeros(size + 1)
    target[-1] = 1.0
    pi = np.linalg.lstsq(system, target, rcond=None)[0]
    pi = np.clip(pi, 0.0, None)
    return values, pi / pi.sum()


def _cusum_tail_exact(s: np.ndarray, k: float, h: float, reset: bool) -> np.ndarray:
    """P(S_t >= s) for s > 0: before the period the sum is in state i with probability pi_i,
    and S_t >= s needs z_t >= s - x_i + k."""
    values, pi = _cusum_chain(k, h, reset)
    tails = normal_sf(s[:, None] - values[None, :] + k)
    result: np.ndarray = tails @ pi
    return result


@lru_cache(maxsize=32)
def _cusum_tail_table(k: float, h: float, reset: bool) -> tuple[np.ndarray, np.ndarray]:
    """log P(S_t >= s) on a fine grid of s, for the many values of a large run."""
    levels = np.arange(1, int((h + CUSUM_TABLE_BEYOND) / CUSUM_TABLE_STEP) + 1) * CUSUM_TABLE_STEP
    return levels, np.log(_cusum_tail_exact(levels, k, h, reset))


def cusum_p_value(statistic: np.ndarray, *, k: float, h: float, reset: bool) -> np.ndarray:
    """P(S_t >= s) for an in-control CUSUM in its steady state; 1 where s = 0, NaN stays NaN.

    Values on the table's range are interpolated (in log p, steps of CUSUM_TABLE_STEP), the
    others computed exactly.

    >>> round(float(cusum_p_value(np.array(4.0), k=0.5, h=4.0, reset=True)), 4)
    0.003
    """
    k, h, reset = float(k), float(h), bool(reset)
    s = np.asarray(statistic, dtype=float)
    flat = s.reshape(-1)
    p = np.full(flat.shape, np.nan)
    p[flat == 0] = 1.0
    levels, log_tail = _cusum_tail_table(k, h, reset)
    inside = (flat >= levels[0]) & (flat <= levels[-1])
    p[inside] = np.exp(np.interp(flat[inside], levels, log_tail))
    other = (flat > 0) & ~inside
    if other.any():
        p[other] = _cusum_tail_exact(flat[other], k, h, reset)
    result: np.ndarray = np.clip(p, 0.0, 1.0).reshape(s.shape)
    return result


def farrington_p_value(
    observed: np.ndarray, mu0: np.ndarray, tau: np.ndarray
) -> np.ndarray:
    """Upper tail of the 2/3 power transformation of y0 around mu0 (variance factor tau)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (np.cbrt(observed) ** 2 - np.cbrt(mu0) ** 2) / np.sqrt(4 / 9 * np.cbrt(mu0) * tau)
    return normal_sf(z)
