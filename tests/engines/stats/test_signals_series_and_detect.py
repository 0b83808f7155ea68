"""Events to count series, detection over many series, the synthetic generator, docstrings."""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest

from cadis.engines.stats.signals import count_series, detect, synthetic_series


def test_events_are_binned_by_iso_week_and_key():
    dates = np.array(
        ["2024-01-07", "2024-01-08", "2024-01-14", "2024-01-15"], dtype="datetime64[D]"
    )
    table = count_series(dates, np.array([1, 1, 0, 1]), n_keys=2, freq="W")
    assert [str(p) for p in table.periods] == ["2024-01-01", "2024-01-08", "2024-01-15"]
    assert table.counts.tolist() == [[0, 1, 0], [1, 1, 1]]


def test_daily_bins_and_weights_sum_quantities():
    dates = np.array(["2024-03-01", "2024-03-01", "2024-03-03"], dtype="datetime64[D]")
    table = count_series(
        dates, np.zeros(3, dtype=int), n_keys=1, freq="D", weights=np.array([1.5, 2.0, 4.0])
    )
    assert table.counts.tolist() == [[3.5, 0.0, 4.0]]


def test_detect_lists_the_alarms_of_the_last_period_with_their_evidence():
    rng = np.random.default_rng(5)
    counts = rng.poisson(3, size=(3, 6 * 52)).astype(float)
    counts[1, -1] = 30
    signals = detect(counts, ["a", "b", "c"], last=1)
    on_b = [s for s in signals if s.label == "b"]
    assert {s.method for s in on_b} == {"ears_c1", "ears_c2", "ears_c3", "cusum", "farrington"}
    for signal in on_b:
        assert signal.period == 6 * 52 - 1
        assert signal.observed == 30 and signal.observed > signal.threshold > signal.expected


def test_detect_needs_one_label_per_series():
    with pytest.raises(ValueError):
        detect(np.zeros((2, 10)), ["only one"])


def test_the_generator_is_seeded_and_puts_one_outbreak_in_each_series():
    first, again = synthetic_series(n_series=4, seed=9), synthetic_series(n_series=4, seed=9)
    assert (first.counts == again.counts).all()
    assert len(first.outbreaks) == 4
    for outbreak in first.outbreaks:
        assert first.in_outbreak[outbreak.series].sum() == outbreak.duration
    # extra cases added by each outbreak (seeded, so exact)
    assert [o.size for o in first.outbreaks] == [95.0, 40.0, 73.0, 74.0]


@pytest.mark.parametrize(
    "name", ["cusum", "detect", "ears", "farrington", "glm", "series", "synthetic"]
)
def test_the_docstring_examples_hold(name):
    module = importlib.import_module(f"cadis.engines.stats.signals.{name}")
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0
