"""`make bench`: run every benchmark and evaluation script, then print one summary.

Each script writes its figures to benchmarks/out/<name>.json. Scripts that need PostgreSQL are run
only when a server answers on 127.0.0.1:5432 (the summary says which were skipped and why).
Pass names to run a subset: `python benchmarks/run_all.py bench_screening eval_nps`.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
NEEDS_POSTGRES = {"bench_supply_dashboard", "bench_reports", "bench_load"}


def postgres_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return True
    except OSError:
        return False


def scripts(selected: list[str]) -> list[Path]:
    found = sorted(
        p for p in HERE.glob("*.py") if p.stem.startswith(("bench_", "eval_")) or p.stem == "house_metrics"
    )
    return [p for p in found if not selected or p.stem in selected]


def main(argv: list[str]) -> int:
    OUT.mkdir(exist_ok=True)
    have_postgres = postgres_answers()
    summary: dict[str, dict] = {}
    failed = []
    for script in scripts(argv):
        name = script.stem
        if name in NEEDS_POSTGRES and not have_postgres:
            summary[name] = {"skipped": "PostgreSQL does not answer on 127.0.0.1:5432"}
            continue
        print(f"\n=== {name}", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(script)], cwd=HERE.parent)
        elapsed = time.perf_counter() - started
        out_file = OUT / f"{name}.json"
        figures = json.loads(out_file.read_text()) if out_file.exists() else {}
        summary[name] = {
            "exit": result.returncode,
            "seconds": round(elapsed, 1),
            "figures": figures,
        }
        if result.returncode != 0:
            failed.append(name)
    (OUT / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print("\n=== summary (benchmarks/out/summary.json)")
    for name, entry in summary.items():
        print(
            f"{name}: {entry.get('skipped') or ('FAILED' if entry['exit'] else 'ok')} "
            f"({entry.get('seconds', '-')} s)"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
