"""Seeded synthetic count series with injected outbreaks, for evaluating the detectors.

Baselines follow Noufaily et al. (2013): negative-binomial counts with mean

    mu_t = exp(theta + beta * t + sum_j gamma1_j cos(2 pi j t / period) + gamma2_j sin(...))

and variance phi * mu_t. An outbreak starting at `onset` adds, over `duration` periods,
Poisson(k * sd_t) extra cases per period (sd_t = sqrt(phi * mu_t)): k = 2..6 makes outbreaks
from hard to plain to see.

>>> s = synthetic_series(n_series=3, length=300, seed=7)
>>> s.counts.shape, len(s.outbreaks)
((3, 300), 3)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Outbreak:
    series: int
    onset: int
    duration: int
    size: float  # extra cases added in total


@dataclass(frozen=True)
class SyntheticSeries:
    counts: np.ndarray  # (n_series, length)
    baseline_mean: np.ndarray  # (n_series, length) mu_t without outbreaks
    outbreaks: tuple[Outbreak, ...]
    in_outbreak: np.ndarray  # (n_series, length) bool


def synthetic_series(
    *,
    n_series: int = 100,
    length: int = 6 * 52,
    period: int = 52,
    seed: int = 17,
    mean_range: tuple[float, float] = (1.0, 20.0),
    phi: float = 1.5,
    seasonal: float = 0.4,
    trend: float = 0.0,
    k: float = 4.0,
    duration: int = 4,
    outbreak_window: tuple[int, int] | None = None,
) -> SyntheticSeries:
    """`n_series` series of `length` periods, each with one outbreak in `outbreak_window`."""
    rng = np.random.default_rng(seed)
    t = np.arange(length)
    theta = np.log(rng.uniform(*mean_range, size=n_series))[:, None]
    phase = rng.uniform(0, 2 * np.pi, size=n_series)[:, None]
    mu = np.exp(theta + trend * t / period + seasonal * np.cos(2 * np.pi * t / period + phase))
    counts = _negative_binomial(rng, mu, phi)
    window = outbreak_window or (length - 52, length - duration)
    in_outbreak = np.zeros((n_series, length), dtype=bool)
    outbreaks = []
    for series in range(n_series):
        onset = int(rng.integers(window[0], window[1]))
        end = min(onset + duration, length)
        sd = np.sqrt(phi * mu[series, onset:end])
        extra = rng.poisson(k * sd)
        counts[series, onset:end] += extra
        in_outbreak[series, onset:end] = True
        outbreaks.append(Outbreak(series, onset, end - onset, float(extra.sum())))
    return SyntheticSeries(counts, mu, tuple(outbreaks), in_outbreak)


def _negative_binomial(rng: np.random.Generator, mu: np.ndarray, phi: float) -> np.ndarray:
    """Counts with mean mu and variance phi * mu (Poisson when phi = 1)."""
    if phi <= 1.0:
        return rng.poisson(mu).astype(float)
    size = mu / (phi - 1.0)  # NB(r, p): mean r(1-p)/p = mu, variance mu/p = phi mu
    return rng.negative_binomial(size, 1.0 / phi).astype(float)
