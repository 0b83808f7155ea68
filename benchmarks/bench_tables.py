"""The one table reader (``cadis.engines.tables``): speed, memory, and a hostile workbook.

    .venv/bin/python benchmarks/bench_tables.py [--rows 100000] [--bomb-mb 300]

1. reads a synthetic seizure CSV and the same table as XLSX (written by openpyxl) with the
   engine (the rows are counted, not kept), and the XLSX with openpyxl's read-only mode,
   which every reader used before, for comparison: rows per second and peak memory;
2. opens an XLSX bomb (a small file whose one shared string unpacks to ``--bomb-mb`` MB)
   the way every reader did before (openpyxl read-only, all rows) and with the engine.

Each reading runs in a fresh process and reports its own time and peak resident memory.

Writes benchmarks/out/bench_tables.json.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _write_xlsx(csv_path: Path, xlsx_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("seizures")
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle, delimiter=";"):
            sheet.append(row)
    book.save(xlsx_path)


def _bomb(path: Path, megabytes: int) -> None:
    sys.path.insert(0, str(HERE.parent / "tests" / "engines" / "tables"))
    from helpers import raw_workbook  # the same builder as the tests

    path.write_bytes(
        raw_workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', ["A" * (megabytes * 2**20)])
    )


# Each measurement runs in a fresh process: its peak resident memory (VmHWM, which a new
# program does not inherit) is then its own.
CHILD = {
    "engine": (
        "import openpyxl  # the engine uses its date helpers\n"
        "from cadis.engines.tables import TableError, iter_rows\n",
        "try:\n"
        "    answer = f'read {sum(1 for _ in iter_rows(sys.argv[1]))} rows'\n"
        "except TableError as e:\n"
        "    answer = f'refused {e.code.value} - {e.text}'\n",
    ),
    "openpyxl": (
        "import openpyxl\n",
        "b = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
        "answer = f'read {sum(1 for _ in b.worksheets[0].iter_rows(values_only=True))} rows'\n"
        "b.close()\n",
    ),
}
# Imports first (not timed), then the reading ``repeat`` times: the best time is reported
# (the machine is shared), and the peak resident memory of the whole process.
TIMED = (
    "import sys, time\n{imports}"
    "best = None\n"
    "for _ in range(int(sys.argv[2])):\n"
    "    started = time.perf_counter()\n"
    "{body}"
    "    took = time.perf_counter() - started\n"
    "    best = took if best is None else min(best, took)\n"
    "print(answer)\n"
    "print('seconds', round(best, 2))\n"
    "print('peak_mb', [int(l.split()[1]) // 1024 for l in open('/proc/self/status')"
    " if l.startswith('VmHWM')][0])\n"
)


def _child(kind: str, path: Path, repeat: int = 1) -> dict:
    imports, body = CHILD[kind]
    body = "".join("    " + line + "\n" for line in body.splitlines())
    done = subprocess.run(
        [sys.executable, "-c", TIMED.format(imports=imports, body=body), str(path), str(repeat)],
        capture_output=True,
        text=True,
        cwd=HERE.parent,
        timeout=3600,
    )
    lines = done.stdout.strip().splitlines()
    values = dict(line.split(" ", 1) for line in lines[1:] if " " in line)
    answer = lines[0] if lines else (done.stderr.strip().splitlines() or [""])[-1]
    figures: dict = {"answer": answer, "exit": done.returncode}
    if "seconds" in values:
        figures["seconds"] = float(values["seconds"])
        figures["peak_rss_mb"] = int(values["peak_mb"])
        if answer.startswith("read "):
            rows = int(answer.split()[1])
            figures["rows_per_s"] = round(rows / max(figures["seconds"], 1e-9))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--bomb-mb", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="readings per file; best time")
    args = parser.parse_args()
    from gen_seizures import generate

    work = Path(tempfile.mkdtemp(prefix="cadis-bench-tables-"))
    csv_path = generate(work / f"seizures-{args.rows}.csv", args.rows)
    xlsx_path = work / f"seizures-{args.rows}.xlsx"
    _write_xlsx(csv_path, xlsx_path)
    bomb_path = work / "bomb.xlsx"
    _bomb(bomb_path, args.bomb_mb)

    figures = {
        "rows": args.rows,
        "csv": {"bytes": csv_path.stat().st_size, **_child("engine", csv_path, args.repeat)},
        "xlsx": {"bytes": xlsx_path.stat().st_size, **_child("engine", xlsx_path, args.repeat)},
        "xlsx_openpyxl_read_only": _child("openpyxl", xlsx_path, args.repeat),
        "bomb": {
            "file_kb": round(bomb_path.stat().st_size / 1024),
            "unpacks_to_mb": args.bomb_mb,
            "before_openpyxl_read_only": _child("openpyxl", bomb_path),
            "after_engine": _child("engine", bomb_path),
        },
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_tables.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    after = figures["bomb"]["after_engine"]
    ok = after["exit"] == 0 and "refused" in str(after["answer"])
    read_all = figures["csv"]["answer"] == f"read {args.rows + 1} rows"
    return 0 if ok and read_all and figures["xlsx"]["answer"] == figures["csv"]["answer"] else 1


if __name__ == "__main__":
    sys.exit(main())
