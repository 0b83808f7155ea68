"""Screen the development set with run_screening and print the official scores.

.venv/bin/python benchmarks/eval_screening.py [--labels PATH] [--show-errors N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from cadis.engines.screening.io import run_screening

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT.parent / "shared" / "eval"
OUT = ROOT / "benchmarks" / "out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--labels", default=str(EVAL_DIR / "screening-dev.csv"))
    parser.add_argument("--show-errors", type=int, default=0)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    predictions = OUT / "screening-dev.predictions.jsonl"
    started = time.perf_counter()
    with predictions.open("w", encoding="utf-8") as stream:
        summary = run_screening(args.labels, stream, fmt="jsonl")
    elapsed = time.perf_counter() - started
    command = [sys.executable, str(EVAL_DIR / "score_screening.py"), str(predictions), args.labels]
    if args.show_errors:
        command += ["--show-errors", str(args.show_errors)]
    scored = subprocess.run(command, capture_output=True, text=True, check=True)
    sys.stderr.write(scored.stderr)
    scores = dict(line.rsplit(" ", 1) for line in scored.stdout.splitlines() if line.strip())
    print(f"{'metric':<20} value")
    for name, value in scores.items():
        print(f"{name:<20} {value}")
    print(f"{'lines/s':<20} {summary.lines / elapsed:,.0f}")
    result = {"scores": scores, "lines": summary.lines, "list_version": summary.list_version}
    (OUT / "eval_screening.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
