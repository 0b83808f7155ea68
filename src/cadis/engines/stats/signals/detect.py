"""Run the detection methods over many count series and list the signals they raise.

`detect` takes a (n_series, T) count array with one label per series (for instance
("cannabis", "KG-O")) and returns one `Signal` per alarm in the periods asked for: a plain
record the early-warning app can turn into a draft alert with its evidence (the method, the
baseline, the threshold, the score and its p-value).

>>> import numpy as np
>>> counts = np.array([[2, 3, 2, 4, 3, 2, 3, 3, 3, 2, 14.0]])
>>> [s.method for s in detect(counts, [("heroin", "KG-O")], methods=("ears_c1", "ears_c2"))]
['ears_c1', 'ears_c2']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cadis.engines.stats.signals.cusum import cusum
from cadis.engines.stats.signals.ears import Detection, ears_c1, ears_c2, ears_c3
from cadis.engines.stats.signals.farrington import FarringtonParameters, farrington

METHODS: dict[str, Callable[..., Detection]] = {
    "ears_c1": ears_c1,
    "ears_c2": ears_c2,
    "ears_c3": ears_c3,
    "cusum": cusum,
    "farrington": farrington,
}


@dataclass(frozen=True)
class Signal:
    """One alarm: which series, which period, which test, and the numbers behind it."""

    label: Any
    period: int  # index into the series (the CountTable's periods give the date)
    method: str
    observed: float
    expected: float
    threshold: float
    score: float
    p_value: float  # tail probability under the method's model (NaN: the method has none)


def run_methods(
    counts: np.ndarray,
    methods: Sequence[str] = tuple(METHODS),
    *,
    farrington_params: FarringtonParameters | None = None,
    farrington_start: int | None = None,
) -> dict[str, Detection]:
    """Every method over every series and period (Farrington from `farrington_start`)."""
    results: dict[str, Detection] = {}
    for name in methods:
        if name == "farrington":
            results[name] = farrington(counts, farrington_params, start=farrington_start)
        else:
            results[name] = METHODS[name](counts)
    return results


def detect(
    counts: np.ndarray,
    labels: Sequence[Any],
    *,
    methods: Sequence[str] = tuple(METHODS),
    last: int = 1,
    farrington_params: FarringtonParameters | None = None,
) -> list[Signal]:
    """Signals raised in the `last` periods of each series, by every method asked for."""
    data = np.atleast_2d(np.asarray(counts, dtype=float))
    if len(labels) != data.shape[0]:
        raise ValueError("one label per series is needed")
    start = data.shape[1] - last
    results = run_methods(
        data, methods, farrington_params=farrington_params, farrington_start=start
    )
    signals: list[Signal] = []
    for name, result in results.items():
        rows, periods = np.nonzero(result.alarm[:, start:])
        for row, offset in zip(rows.tolist(), periods.tolist(), strict=True):
            t = start + offset
            signals.append(
                Signal(
                    labels[row],
                    t,
                    name,
                    float(result.observed[row, t]),
                    float(result.expected[row, t]),
                    float(result.threshold[row, t]),
                    float(result.score[row, t]),
                    float(result.p_value[row, t]),
                )
            )
    signals.sort(key=lambda s: (s.period, str(s.label), s.method))
    return signals
