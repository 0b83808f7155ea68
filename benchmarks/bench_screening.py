"""Screening throughput, memory and a naive baseline.

    .venv/bin/python benchmarks/bench_screening.py [--lines 1000000] [--sample 5000]

1. generates a declarations file (benchmarks/gen_declarations.py) unless it already exists;
2. screens it in this process with ``run_screening`` (reading, screening and JSON Lines
   serialisation included; output goes to /dev/null): lines per minute and peak RSS;
3. times a naive baseline on the first ``--sample`` lines: RapidFuzz ``process.extractOne``
   of each description over all synonym names, and reports the speed ratio;
4. scores both against the generator's labels (line-level precision and recall).

Prints a table and writes benchmarks/out/bench_screening.json.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_declarations import generate  # noqa: E402

from cadis.engines.screening import Screener, load_control_list_csv  # noqa: E402
from cadis.engines.screening.io import run_screening  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
BASELINE_CUTOFF = 85  # WRatio score from which the baseline calls a line a hit


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def precision_recall(flags: list[bool], labels: list[bool]) -> tuple[float, float]:
    tp = sum(f and g for f, g in zip(flags, labels, strict=True))
    fp = sum(f and not g for f, g in zip(flags, labels, strict=True))
    fn = sum(g and not f for f, g in zip(flags, labels, strict=True))
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


class _FlagCollector(io.TextIOBase):
    """Counts flagged lines from the JSON Lines stream without keeping it."""

    def __init__(self, sink: io.TextIOBase) -> None:
        self.sink = sink
        self.flags: list[bool] = []

    def write(self, text: str) -> int:
        self.flags.append('"hits": []' not in text)
        return self.sink.write(text)

    def flush(self) -> None:
        self.sink.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--sample", type=int, default=5000)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    data = OUT / f"declarations-{args.lines}.csv"
    if args.regenerate or not data.exists():
        started = time.perf_counter()
        generate(data, args.lines)
        print(f"generated {data.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    labels: list[bool] = []
    sample: list[str] = []
    with data.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            labels.append(bool(row["label_cas"]))
            if len(sample) < args.sample:
                sample.append(row["description"])

    control = load_control_list_csv()
    started = time.perf_counter()
    screener = Screener.from_control_list(control)
    build_seconds = time.perf_counter() - started

    with open(os.devnull, "w", encoding="utf-8") as sink:
        collector = _FlagCollector(sink)  # type: ignore[arg-type]
        started = time.perf_counter()
        cpu_started = time.process_time()
        summary = run_screening(data, collector, fmt="jsonl", screener=screener)  # type: ignore[arg-type]
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
    lines_per_minute = summary.lines / seconds * 60
    precision, recall = precision_recall(collector.flags, labels)

    names = sorted(
        {
            name
            for entry in control.entries
            if not entry.is_national
            for name in (*entry.names_en, *entry.names_ru, *entry.names_other)
        }
    )
    started = time.perf_counter()
    baseline_flags = [
        process.extractOne(text, names, scorer=fuzz.WRatio, score_cutoff=BASELINE_CUTOFF)
        is not None
        for text in sample
    ]
    baseline_seconds = time.perf_counter() - started
    baseline_per_minute = len(sample) / baseline_seconds * 60
    base_precision, base_recall = precision_recall(baseline_flags, labels[: len(sample)])

    result = {
        "lines": summary.lines,
        "flagged": summary.flagged,
        "seconds": round(seconds, 2),
        "lines_per_minute": round(lines_per_minute),
        # CPU time as well: on a shared machine the wall clock also measures the neighbours.
        "cpu_seconds": round(cpu_seconds, 2),
        "lines_per_cpu_minute": round(summary.lines / cpu_seconds * 60),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "index_build_seconds": round(build_seconds, 3),
        "precision_vs_generator_labels": round(precision, 4),
        "recall_vs_generator_labels": round(recall, 4),
        "baseline_sample_lines": len(sample),
        "baseline_lines_per_minute": round(baseline_per_minute),
        "speed_ratio": round(lines_per_minute / baseline_per_minute, 1),
        "baseline_precision": round(base_precision, 4),
        "baseline_recall": round(base_recall, 4),
        "list_version": summary.list_version,
        "targets": {"lines_per_minute": 600_000, "peak_rss_mb": 1024},
    }
    (OUT / "bench_screening.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"{'measure':<34} {'value':>14}")
    for key in (
        "lines",
        "flagged",
        "seconds",
        "lines_per_minute",
        "cpu_seconds",
        "lines_per_cpu_minute",
        "peak_rss_mb",
        "index_build_seconds",
        "precision_vs_generator_labels",
        "recall_vs_generator_labels",
        "baseline_sample_lines",
        "baseline_lines_per_minute",
        "speed_ratio",
        "baseline_precision",
        "baseline_recall",
    ):
        value = result[key]
        shown = f"{value:,}" if isinstance(value, int) else f"{value}"
        print(f"{key:<34} {shown:>14}")
    ok = result["lines_per_minute"] >= 600_000 and result["peak_rss_mb"] < 1024
    print(f"{'targets met':<34} {'yes' if ok else 'NO':>14}")


if __name__ == "__main__":
    main()
