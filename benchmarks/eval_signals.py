"""Signal detection on seeded synthetic series with injected outbreaks, per method.

Series: negative-binomial baselines (means 1-20 per period, dispersion 1.5, yearly
seasonality), each with one outbreak of `duration` periods in the last year, adding
Poisson(k x sd) cases per period (see cadis.engines.stats.signals.synthetic). Weekly series
have 6 years (Farrington uses 5 years of history), daily series 3 years and 60 days.

Per method and outbreak strength k, over the evaluation window (the last year, or the last
120 days):

- sensitivity: outbreaks with at least one alarm during the outbreak;
- within 2 periods: outbreaks first detected at most 2 periods after onset (delay 0, 1 or 2);
- median delay: periods from onset to the first alarm, over detected outbreaks;
- false alarms: alarms outside outbreaks per series-period of the window.

Usage: python benchmarks/eval_signals.py   (writes benchmarks/out/eval_signals.json)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from cadis.engines.stats.signals import FarringtonParameters, run_methods, synthetic_series  # noqa: E402

OUT = HERE / "out"
SEED = 2013


def evaluate(freq: str, k: float, n_series: int) -> dict[str, dict[str, float]]:
    if freq == "W":
        length, period, window, duration = 6 * 52, 52, 52, 3
        params = FarringtonParameters()
    else:
        length, period, window, duration = 3 * 365 + 60 + 120, 365, 120, 5
        params = FarringtonParameters.daily()
    series = synthetic_series(
        n_series=n_series,
        length=length,
        period=period,
        seed=SEED + int(k * 10),
        k=k,
        duration=duration,
        outbreak_window=(length - window, length - duration),
    )
    start = length - window
    results = run_methods(series.counts, farrington_params=params, farrington_start=start)
    report = {}
    for name, result in results.items():
        alarm = result.alarm[:, start:]
        outbreak = series.in_outbreak[:, start:]
        delays = []
        for o in series.outbreaks:
            hits = np.flatnonzero(result.alarm[o.series, o.onset : o.onset + o.duration])
            if hits.size:
                delays.append(int(hits[0]))
        quiet = ~outbreak
        report[name] = {
            "sensitivity": round(len(delays) / len(series.outbreaks), 3),
            "within_2_periods": round(sum(d <= 2 for d in delays) / len(series.outbreaks), 3),
            "median_delay": float(np.median(delays)) if delays else None,
            "false_alarm_rate": round(float((alarm & quiet).sum() / quiet.sum()), 4),
        }
    return report


def main() -> None:
    report: dict[str, dict] = {}
    started = time.perf_counter()
    for freq, n_series in (("W", 400), ("D", 60)):
        for k in (3.0, 5.0):
            key = f"{'weekly' if freq == 'W' else 'daily'} k={k:g}"
            report[key] = evaluate(freq, k, n_series)
            print(f"\n{key}")
            print(
                f"  {'method':11} {'sensitivity':>11} {'<=2 periods':>11} {'median delay':>12} {'false alarms':>12}"
            )
            for name, r in report[key].items():
                delay = "-" if r["median_delay"] is None else f"{r['median_delay']:.0f}"
                print(
                    f"  {name:11} {r['sensitivity']:>11.3f} {r['within_2_periods']:>11.3f} {delay:>12} "
                    f"{r['false_alarm_rate']:>12.4f}"
                )
    report["seconds"] = round(time.perf_counter() - started, 1)
    OUT.mkdir(exist_ok=True)
    (OUT / "eval_signals.json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
