"""SDMX engine: stream 100,000 checked TDI observations as SDMX-CSV 2.0, build the structure.

    .venv/bin/python benchmarks/bench_sdmx.py [--observations 100000] [--repeat 3]

Every row is checked as it is written (codes against their code lists, time period,
status attributes, duplicate keys), so this is the cost of a published, registry-safe
export. Writes benchmarks/out/bench_sdmx.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from pathlib import Path

from cadis.engines.sdmx import (
    Observation,
    cadis_structures,
    iter_sdmx_csv,
    structure_message,
    tdi_code,
    tdi_dataflow,
)
from cadis.engines.sdmx.codelists import CL_AGE, CL_SEX, COUNTRIES
from cadis.engines.tdi.codes import PRIMARY_DRUGS, VARIABLES

OUT = Path(__file__).resolve().parent / "out"


def observations(count: int) -> list[Observation]:
    keys = itertools.product(
        range(1990, 2030),
        [c for c, _ru, _en in COUNTRIES],
        [c.id for c in CL_SEX.codes],
        [c.id for c in CL_AGE.codes],
        [tdi_code(code) for code, *_ in PRIMARY_DRUGS],
        [tdi_code(code) for code in VARIABLES["centre_type"].codes],
    )
    out = []
    for i, (year, area, sex, age, drug, centre) in zip(range(count), keys, strict=False):
        key = {
            "REF_AREA": area,
            "INDICATOR": "TDI_CLIENTS",
            "SEX": sex,
            "AGE": age,
            "PRIMARY_DRUG": drug,
            "CENTRE_TYPE": centre,
        }
        hidden = i % 11 == 0
        attrs = {"OBS_STATUS": "A", "CONF_STATUS": "C" if hidden else "F", "UNIT_MEASURE": "PS"}
        out.append(Observation(key, str(year), None if hidden else i % 900, attrs))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--observations", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = observations(args.observations)
    flow = tdi_dataflow()
    times = []
    size = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        size = sum(len(chunk) for chunk in iter_sdmx_csv(flow, rows))
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    structure = structure_message(cadis_structures())
    structure_s = time.perf_counter() - started
    figures = {
        "observations": len(rows),
        "csv_chars": size,
        "csv_write_s": round(statistics.median(times), 3),
        "rows_per_s": round(len(rows) / statistics.median(times)),
        "structure_bytes": len(structure),
        "structure_s": round(structure_s, 3),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_sdmx.json").write_text(json.dumps(figures, indent=2))
    for name, value in figures.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
