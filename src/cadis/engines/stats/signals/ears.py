"""CDC EARS aberration tests C1, C2 and C3 (Hutwagner et al. 2003), vectorised over series.

For each period t of a count series y:

- C1: baseline = the 7 periods t-7 .. t-1; C1_t = (y_t - mean) / sd.
- C2: baseline = the 7 periods t-9 .. t-3 (a 2-period guard band); C2_t = (y_t - mean) / sd.
- C3: C3_t = sum over i = 0, 1, 2 of max(0, C2_{t-i} - 1).

`sd` is the sample standard deviation (ddof = 1) of the baseline, floored at `min_sd` so that
an all-zero baseline does not turn one count into an infinite score. A period alarms when
C1 or C2 exceeds 3, or C3 exceeds 2 (the CDC defaults). Periods without a full baseline get
NaN and never alarm. C1 and C2 carry the normal upper tail 1 - Phi(C) as `p_value` (the
normal approximation EARS states); C3 has none (NaN).

Inputs are arrays of shape (T,) or (n_series, T); outputs have the same shape.

>>> import numpy as np
>>> y = np.array([2, 3, 2, 4, 3, 2, 3, 3, 12])
>>> round(float(ears_c1(y).score[-1]), 2)
13.25
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from cadis.engines.stats.signals.tails import ears_p_value

BASELINE = 7
GUARD = 2
C1_C2_THRESHOLD = 3.0
C3_THRESHOLD = 2.0
MIN_SD = 0.5


@dataclass(frozen=True)
class Detection:
    """Per-period results of one method: arrays shaped like the input counts.

    `expected` is the baseline value the method compares with, `threshold` the count above
    which the period alarms, `score` the method's statistic, `alarm` the decision, `p_value`
    the tail probability of the score under the method's model of an ordinary period (see
    `tails`; NaN where there is none).
    """

    method: str
    observed: np.ndarray
    expected: np.ndarray
    threshold: np.ndarray
    score: np.ndarray
    alarm: np.ndarray
    p_value: np.ndarray


def _as_2d(counts: np.ndarray) -> tuple[np.ndarray, bool]:
    array = np.asarray(counts, dtype=float)
    if array.ndim == 1:
        return array[None, :], True
    if array.ndim != 2:
        raise ValueError("counts must be a 1-D series or a 2-D array of series")
    return array, False


def _baseline_stats(
    y: np.ndarray, lag: int, window: int, min_sd: float
) -> tuple[np.ndarray, np.ndarray]:
    """Mean and floored sd of y[t-lag-window .. t-lag-1] for every t (NaN where incomplete)."""
    n, length = y.shape
    mean = np.full((n, length), np.nan)
    sd = np.full((n, length), np.nan)
    first = lag + window
    if length > first:
        windows = sliding_window_view(y, window, axis=1)[:, : length - first]
        mean[:, first:] = windows.mean(axis=2)
        sd[:, first:] = np.maximum(windows.std(axis=2, ddof=1), min_sd)
    return mean, sd


def _ears(y: np.ndarray, lag: int, method: str, threshold: float, min_sd: float) -> Detection:
    data, flat = _as_2d(y)
    mean, sd = _baseline_stats(data, lag, BASELINE, min_sd)
    with np.errstate(invalid="ignore"):
        score = (data - mean) / sd
        alarm = np.nan_to_num(score, nan=-np.inf) > threshold
    limit = mean + threshold * sd
    result = (data, mean, limit, score, alarm, ears_p_value(score))
    if flat:
        result = tuple(a[0] for a in result)
    return Detection(method, *result)


def ears_c1(
    counts: np.ndarray, *, threshold: float = C1_C2_THRESHOLD, min_sd: float = MIN_SD
) -> Detection:
    """EARS C1: the last 7 periods as baseline (no guard band)."""
    return _ears(counts, 0, "ears_c1", threshold, min_sd)


def ears_c2(
    counts: np.ndarray, *, threshold: float = C1_C2_THRESHOLD, min_sd: float = MIN_SD
) -> Detection:
    """EARS C2: 7 baseline periods ending 3 periods back (2-period guard band).

    >>> import numpy as np
    >>> round(float(ears_c2(np.array([1, 2, 1, 2, 1, 2, 1, 0, 0, 9])).score[-1]), 2)
    14.16
    """
    return _ears(counts, GUARD, "ears_c2", threshold, min_sd)


def ears_c3(
    counts: np.ndarray, *, threshold: float = C3_THRESHOLD, min_sd: float = MIN_SD
) -> Detection:
    """EARS C3: the sum of the positive parts of C2 - 1 over the current and 2 previous periods."""
    c2 = _ears(counts, GUARD, "ears_c2", C1_C2_THRESHOLD, min_sd)
    data, flat = _as_2d(c2.score)
    excess = np.maximum(data - 1.0, 0.0)
    score = np.full(data.shape, np.nan)
    if data.shape[1] >= 3:
        score[:, 2:] = excess[:, 2:] + excess[:, 1:-1] + excess[:, :-2]
    with np.errstate(invalid="ignore"):
        alarm = np.nan_to_num(score, nan=-np.inf) > threshold
    # The count that would bring C3 to the threshold, given the two previous C2 values.
    mean, sd = _as_2d(c2.expected)[0], _as_2d(c2.threshold)[0]
    sd = (sd - mean) / C1_C2_THRESHOLD
    previous = np.zeros(data.shape)
    previous[:, 2:] = excess[:, 1:-1] + excess[:, :-2]
    threshold_count = mean + sd * (1.0 + np.maximum(threshold - previous, 0.0))
    # C3 has no stated null distribution (it sums dependent C2 values): no p-value.
    p_value = np.full(data.shape, np.nan)
    result = (_as_2d(c2.observed)[0], mean, threshold_count, score, alarm, p_value)
    if flat:
        result = tuple(a[0] for a in result)
    return Detection("ears_c3", *result)
