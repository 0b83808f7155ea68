"""Signal detection over 1,000,000 seizures: every substance x subdivision series (target < 30 s).

Seizure records are generated (seeded): six years of dates with yearly seasonality, one of
40 substances (Zipf-like frequencies), one of the 56 subdivisions of the five countries, and
a quantity. Timed: binning into weekly counts per substance x subdivision (2,240 series) and
per substance group x country (10 x 5), then EARS C1, C2, C3 and CUSUM over every week of
every series and Farrington-flexible (5 years of history, 10 seasonal levels, reweighting)
on the latest week of every series, the weekly job that drafts alerts.

Writes benchmarks/out/bench_signals.json.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from cadis.engines.stats.signals import count_series, detect  # noqa: E402

OUT = HERE / "out"
SEIZURES = 1_000_000
SUBSTANCES, SUBDIVISIONS, GROUPS, COUNTRIES = 40, 56, 10, 5
TARGET_SECONDS = 30.0


def seizures(rng: np.random.Generator) -> dict[str, np.ndarray]:
    start = np.datetime64("2019-01-07")
    days = 6 * 364
    day = rng.integers(0, days, size=SEIZURES * 3)
    keep = rng.random(day.size) < 0.5 * (1 + 0.3 * np.cos(2 * np.pi * day / 364))
    day = day[keep][:SEIZURES]
    weights = 1.0 / np.arange(1, SUBSTANCES + 1)
    substance = rng.choice(SUBSTANCES, size=day.size, p=weights / weights.sum())
    subdivision = rng.integers(0, SUBDIVISIONS, size=day.size)
    return {
        "date": start + day.astype("timedelta64[D]"),
        "substance": substance,
        "subdivision": subdivision,
        "quantity_kg": rng.lognormal(0, 1.5, size=day.size),
    }


def main() -> None:
    rng = np.random.default_rng(1_000_000)
    made = time.perf_counter()
    data = seizures(rng)
    generated = time.perf_counter() - made

    started, cpu = time.perf_counter(), time.process_time()
    keys = data["substance"] * SUBDIVISIONS + data["subdivision"]
    fine = count_series(data["date"], keys, n_keys=SUBSTANCES * SUBDIVISIONS, freq="W")
    group_country = (data["substance"] % GROUPS) * COUNTRIES + data["subdivision"] % COUNTRIES
    coarse = count_series(data["date"], group_country, n_keys=GROUPS * COUNTRIES, freq="W")
    binned = time.perf_counter() - started
    labels = [(s, d) for s in range(SUBSTANCES) for d in range(SUBDIVISIONS)]
    signals = detect(fine.counts, labels, last=1)
    signals += detect(
        coarse.counts, [(g, c) for g in range(GROUPS) for c in range(COUNTRIES)], last=1
    )
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu

    result = {
        "seizures": int(data["date"].size),
        "series": int(fine.counts.shape[0] + coarse.counts.shape[0]),
        "weeks": int(fine.counts.shape[1]),
        "signals_latest_week": len(signals),
        "generate_seconds": round(generated, 2),
        "binning_seconds": round(binned, 2),
        "detection_seconds_wall": round(elapsed, 2),
        "detection_seconds_cpu": round(cpu, 2),
        "target_seconds": TARGET_SECONDS,
        "meets_target": elapsed < TARGET_SECONDS,
    }
    print(json.dumps(result, indent=2))
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_signals.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
