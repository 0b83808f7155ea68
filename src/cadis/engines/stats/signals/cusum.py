"""A standardised upper CUSUM on counts (Page 1954; as in CDC EARS and Rossi et al. 1999).

For each period t: z_t = (y_t - mean_t) / sd_t, with mean and sd from the 7 periods
t-9 .. t-3 (the C2 baseline, guard band 2), sd floored at `min_sd`; then

    S_t = max(0, S_{t-1} + z_t - k),   alarm when S_t > h,

with reference value k = 0.5 (detects a shift of about one sd) and decision interval h = 4.
After an alarm S is reset to 0 (`reset=True`), so a long outbreak alarms repeatedly rather
than without end. Periods without a baseline have S = 0 and never alarm.

`p_value` is P(S_t >= s) for an in-control process in its steady state (z_t i.i.d. N(0, 1)),
from the Brook & Evans Markov chain (`tails.cusum_p_value`); at s = h it is 1 / ARL0.

>>> import numpy as np
>>> y = np.array([2, 3, 2, 4, 3, 2, 3, 3, 3, 3, 9, 9])
>>> cusum(y).alarm.nonzero()[0].tolist()
[10, 11]
"""

from __future__ import annotations

import numpy as np

from cadis.engines.stats.signals.ears import (
    BASELINE,
    GUARD,
    MIN_SD,
    Detection,
    _as_2d,
    _baseline_stats,
)
from cadis.engines.stats.signals.tails import cusum_p_value

REFERENCE_K = 0.5
DECISION_H = 4.0


def cusum(
    counts: np.ndarray,
    *,
    k: float = REFERENCE_K,
    h: float = DECISION_H,
    min_sd: float = MIN_SD,
    reset: bool = True,
) -> Detection:
    """Upper CUSUM of standardised counts; see the module docstring for the formula."""
    data, flat = _as_2d(counts)
    mean, sd = _baseline_stats(data, GUARD, BASELINE, min_sd)
    with np.errstate(invalid="ignore"):
        z = np.nan_to_num((data - mean) / sd, nan=0.0)
    n, length = data.shape
    statistic = np.zeros((n, length))
    alarm = np.zeros((n, length), dtype=bool)
    threshold = np.full((n, length), np.nan)
    running = np.zeros(n)
    for t in range(length):
        # The count that would make S_t reach h from S_{t-1}.
        threshold[:, t] = mean[:, t] + sd[:, t] * (h - running + k)
        running = np.maximum(0.0, running + z[:, t] - k)
        statistic[:, t] = running
        fired = running > h
        alarm[:, t] = fired
        if reset:
            running = np.where(fired, 0.0, running)
    p_value = np.where(np.isnan(mean), np.nan, cusum_p_value(statistic, k=k, h=h, reset=reset))
    result = (data, mean, threshold, statistic, alarm, p_value)
    if flat:
        result = tuple(a[0] for a in result)
    return Detection("cusum", *result)
