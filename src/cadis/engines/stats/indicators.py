"""Indicator and trend helpers: rates, shares, changes, linear trends, confidence intervals.

Pure functions over plain numbers; None stands for "not available" and propagates.

>>> rate_per(45, 1_500_000)
3.0
>>> percent_change(80, 100)
25.0
>>> round(linear_trend([2019, 2020, 2021], [10, 12, 14]).slope, 6)
2.0
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def rate_per(count: float | None, population: float | None, per: float = 100_000) -> float | None:
    """Count per ``per`` inhabitants; None when either input is missing or the population is 0."""
    if count is None or not population:
        return None
    return count * per / population


def share(part: float | None, whole: float | None) -> float | None:
    """Percentage of ``whole`` that ``part`` represents.

    >>> share(1, 4)
    25.0
    """
    if part is None or not whole:
        return None
    return 100.0 * part / whole


def percent_change(previous: float | None, current: float | None) -> float | None:
    """Change from ``previous`` to ``current`` in percent; None when previous is 0 or missing."""
    if previous is None or current is None or previous == 0:
        return None
    return 100.0 * (current - previous) / previous


@dataclass(frozen=True)
class Trend:
    slope: float
    intercept: float
    direction: str  # "up", "down" or "stable"

    def at(self, x: float) -> float:
        return self.intercept + self.slope * x


def linear_trend(
    xs: Sequence[float], ys: Sequence[float | None], *, stable_within: float = 0.05
) -> Trend | None:
    """Least-squares line through the available points.

    ``direction`` is "stable" when the fitted change over the whole span is within
    ``stable_within`` (5 %) of the mean; None when fewer than two points are available.

    >>> linear_trend([1, 2, 3], [5, 5, 5]).direction
    'stable'
    """
    points = [(float(x), float(y)) for x, y in zip(xs, ys, strict=True) if y is not None]
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(p[0] for p in points) / n
    mean_y = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mean_x) ** 2 for p in points)
    if sxx == 0:
        return None
    slope = sum((p[0] - mean_x) * (p[1] - mean_y) for p in points) / sxx
    intercept = mean_y - slope * mean_x
    span = max(p[0] for p in points) - min(p[0] for p in points)
    change = slope * span
    if abs(change) <= stable_within * abs(mean_y) or change == 0:
        direction = "stable"
    else:
        direction = "up" if change > 0 else "down"
    return Trend(slope=slope, intercept=intercept, direction=direction)


def moving_average(values: Sequence[float | None], window: int = 3) -> list[float | None]:
    """Trailing moving average; None until ``window`` available values are in the window.

    >>> moving_average([1, 2, 3, 4], 2)
    [None, 1.5, 2.5, 3.5]
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    out: list[float | None] = []
    for i in range(len(values)):
        chunk = values[max(0, i - window + 1) : i + 1]
        if len(chunk) < window or any(v is None for v in chunk):
            out.append(None)
        else:
            out.append(sum(chunk) / window)  # type: ignore[arg-type]
    return out


def wilson_interval(successes: int, trials: int, z: float = 1.96) -> tuple[float, float] | None:
    """95 % Wilson score interval of a proportion, as percentages.

    >>> tuple(round(v, 1) for v in wilson_interval(20, 100))
    (13.3, 28.9)
    """
    if trials <= 0 or successes < 0 or successes > trials:
        return None
    p = successes / trials
    denom = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denom
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denom
    return 100.0 * max(0.0, centre - half), 100.0 * min(1.0, centre + half)


AGE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("<15", 0, 14),
    ("15-19", 15, 19),
    ("20-24", 20, 24),
    ("25-29", 25, 29),
    ("30-34", 30, 34),
    ("35-39", 35, 39),
    ("40-44", 40, 44),
    ("45-49", 45, 49),
    ("50-54", 50, 54),
    ("55-59", 55, 59),
    ("60-64", 60, 64),
    ("65+", 65, None),
)
AGE_UNKNOWN = "unknown"


def age_band(age: int | None) -> str:
    """The TDI/EUDA age band of an age in years.

    >>> age_band(17), age_band(65), age_band(None)
    ('15-19', '65+', 'unknown')
    """
    if age is None or age < 0:
        return AGE_UNKNOWN
    for label, low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return AGE_UNKNOWN
