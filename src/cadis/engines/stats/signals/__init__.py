"""Statistical signal detection on count series (framework-free; see docs/signals.md).

- `ears_c1`, `ears_c2`, `ears_c3`: CDC EARS aberration tests;
- `cusum`: standardised upper CUSUM;
- `farrington`, `farrington_at`: Farrington-flexible (quasi-Poisson regression, seasonal
  windows, reweighting, 2/3 power threshold; Noufaily et al. 2013);
- `count_series`: events -> daily or weekly counts per key; `detect`: every method over many
  series, returning `Signal` records;
- `synthetic_series`: seeded series with injected outbreaks for evaluation.
"""

from __future__ import annotations

from cadis.engines.stats.signals.cusum import cusum
from cadis.engines.stats.signals.detect import METHODS, Signal, detect, run_methods
from cadis.engines.stats.signals.ears import Detection, ears_c1, ears_c2, ears_c3
from cadis.engines.stats.signals.farrington import FarringtonParameters, farrington, farrington_at
from cadis.engines.stats.signals.glm import QuasiPoissonFit, fit_quasi_poisson
from cadis.engines.stats.signals.series import CountTable, count_series
from cadis.engines.stats.signals.synthetic import Outbreak, SyntheticSeries, synthetic_series

__all__ = [
    "METHODS",
    "CountTable",
    "Detection",
    "FarringtonParameters",
    "Outbreak",
    "QuasiPoissonFit",
    "Signal",
    "SyntheticSeries",
    "count_series",
    "cusum",
    "detect",
    "ears_c1",
    "ears_c2",
    "ears_c3",
    "farrington",
    "farrington_at",
    "fit_quasi_poisson",
    "run_methods",
    "synthetic_series",
]
