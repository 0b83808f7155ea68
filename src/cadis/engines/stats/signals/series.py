"""Counts per key and period from event records: the input of every detection method.

Events are (date, key) pairs: a seizure's date and its substance x subdivision, a lab
detection's date and its category x country. `count_series` bins them into daily or weekly
counts (weeks start on Monday, ISO 8601) for every key at once with numpy.

>>> import numpy as np
>>> dates = np.array(["2024-01-01", "2024-01-03", "2024-01-09"], dtype="datetime64[D]")
>>> table = count_series(dates, np.array([0, 0, 1]), n_keys=2, freq="W")
>>> table.counts.tolist(), str(table.periods[0])
([[2.0, 0.0], [0.0, 1.0]], '2024-01-01')
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_MONDAY = np.datetime64("1970-01-05", "D")  # a Monday: the origin of week numbers


@dataclass(frozen=True)
class CountTable:
    counts: np.ndarray  # (n_keys, T) float counts
    periods: np.ndarray  # (T,) datetime64[D]: the first day of each period
    freq: str  # "D" or "W"


def period_index(dates: np.ndarray, freq: str) -> np.ndarray:
    """Day or ISO-week number of every date (int64)."""
    days = (np.asarray(dates, dtype="datetime64[D]") - _MONDAY).astype(np.int64)
    if freq == "D":
        return days
    if freq == "W":
        return np.floor_divide(days, 7)
    raise ValueError("freq must be 'D' (daily) or 'W' (weekly)")


def count_series(
    dates: np.ndarray,
    keys: np.ndarray,
    *,
    n_keys: int,
    freq: str = "W",
    start: np.datetime64 | None = None,
    end: np.datetime64 | None = None,
    weights: np.ndarray | None = None,
) -> CountTable:
    """Counts (or sums of `weights`) per key (0..n_keys-1) and period between start and end."""
    index = period_index(dates, freq)
    first = int(index.min()) if start is None else int(period_index(np.array([start]), freq)[0])
    last = int(index.max()) if end is None else int(period_index(np.array([end]), freq)[0])
    length = last - first + 1
    keep = (index >= first) & (index <= last)
    flat = np.asarray(keys, dtype=np.int64)[keep] * length + (index[keep] - first)
    values = None if weights is None else np.asarray(weights, dtype=float)[keep]
    counts = np.bincount(flat, weights=values, minlength=n_keys * length).astype(float)
    step = 7 if freq == "W" else 1
    periods = _MONDAY + np.arange(first, last + 1) * step
    return CountTable(counts.reshape(n_keys, length), periods.astype("datetime64[D]"), freq)
