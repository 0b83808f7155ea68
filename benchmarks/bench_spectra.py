"""Spectral search: accuracy on the project's own synthetic set and speed at 100,000 spectra.

    .venv/bin/python benchmarks/bench_spectra.py [--library-size 100000]

The spectra are synthetic (made from catalogue structures by `engines/spectra/synthetic.py`,
then perturbed: intensity noise, dropped peaks, added peaks). They are not real spectra.
Accuracy: every catalogue substance is queried once with a perturbed spectrum; top-1 is the
share whose own entry ranks first. False matches: 10 % of the substances are held out of the
library, queried, and counted as false matches when the best remaining hit scores at least
the reporting threshold (0.7). Speed: the catalogue spectra are replicated with perturbations
up to the library size and each of 200 queries (perturbed spectra of 200 catalogue substances)
is timed; median, 95th percentile and maximum are reported, in wall time and in CPU time of
the process (the shared machine is often busy). Writes benchmarks/out/bench_spectra.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from cadis.engines.chem.catalogue import catalogue_rows  # noqa: E402
from cadis.engines.spectra import SpectralLibrary  # noqa: E402
from cadis.engines.spectra.synthetic import perturb, synthetic_spectrum  # noqa: E402

THRESHOLD = 0.7
QUERIES = 200


def accuracy(rows: list[dict[str, str]]) -> dict[str, object]:
    spectra = [synthetic_spectrum(r["smiles"], r["name_en"]) for r in rows]
    rng = np.random.default_rng(7)
    held = set(rng.choice(len(rows), size=len(rows) // 10, replace=False).tolist())
    result: dict[str, object] = {"substances": len(rows), "held_out": len(held)}
    full = SpectralLibrary(spectra, [r["id"] for r in rows])
    partial_idx = [i for i in range(len(rows)) if i not in held]
    partial = SpectralLibrary(
        [spectra[i] for i in partial_idx], [rows[i]["id"] for i in partial_idx]
    )
    for method in ("entropy", "cosine"):
        top1 = sum(full.search(perturb(s, seed=i), k=1, method=method)[0].substance_id == rows[i]["id"]
                   for i, s in enumerate(spectra))  # fmt: skip
        false = sum(partial.search(perturb(spectra[i], seed=i), k=1, method=method)[0].score >= THRESHOLD
                    for i in held)  # fmt: skip
        result[method] = {"top1_accuracy": round(top1 / len(rows), 4),
                          "false_match_rate_at_0.7": round(false / len(held), 4)}  # fmt: skip
    return result


def speed(rows: list[dict[str, str]], size: int) -> dict[str, object]:
    base = [synthetic_spectrum(r["smiles"], r["name_en"]) for r in rows]
    spectra = [perturb(base[i % len(base)], seed=i) for i in range(size)]
    started = time.perf_counter()
    library = SpectralLibrary(spectra)
    build = time.perf_counter() - started
    wall, cpu = [], []
    for i in range(QUERIES):
        query = perturb(base[i % len(base)], seed=10_000 + i)
        t0, c0 = time.perf_counter(), time.process_time()
        library.search(query, k=5)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return {"library_spectra": size, "build_s": round(build, 2), "queries": QUERIES,
            "query_s_median": round(float(np.median(wall)), 4),
            "query_s_p95": round(float(np.percentile(wall, 95)), 4),
            "query_s_max": round(float(np.max(wall)), 4),
            "query_cpu_s_median": round(float(np.median(cpu)), 4),
            "query_cpu_s_p95": round(float(np.percentile(cpu, 95)), 4),
            "query_cpu_s_max": round(float(np.max(cpu)), 4),
            "load_average": round(os.getloadavg()[0], 2)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--library-size", type=int, default=100_000)
    args = parser.parse_args()
    rows = catalogue_rows()
    report = {"note": "synthetic spectra made by the project; not real spectra",
              "accuracy": accuracy(rows), "speed": speed(rows, args.library_size)}  # fmt: skip
    out = ROOT / "benchmarks" / "out"
    out.mkdir(exist_ok=True)
    (out / "bench_spectra.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
