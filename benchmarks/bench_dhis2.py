"""DHIS2 exchange engine: write and read 50,000 aggregate values as ADX and as dataValueSets.

    .venv/bin/python benchmarks/bench_dhis2.py [--values 50000] [--repeat 3]

Issue #18 asks that 50,000 values import in under 60 s. This measures the engine part of
an import (parse, map back, check periods, numbers and duplicates) and of an export
(map, group, serialise), plus the ADX schema check, on synthetic values over the five
countries, their subdivisions, monthly periods and sex x age disaggregations. The app's
database write comes on top and is measured when the import pipeline is wired.
Writes benchmarks/out/bench_dhis2.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import time
from pathlib import Path

from cadis.engines.dhis2 import (
    DEFAULT_COMBO,
    AggregateValue,
    Combo,
    Dhis2Mapping,
    Period,
    disaggregation,
    read_adx,
    read_data_value_set,
    schema_errors,
    write_adx,
    write_data_value_set,
)

OUT = Path(__file__).resolve().parent / "out"
BUDGET_SECONDS = 60.0
SEXES = ("male", "female", "not_known")
AGES = ("<15", "15-19", "20-24", "25-29", "30-34", "35-39", "40+")
INDICATORS = ("TDI_CLIENTS", "DRD_CASES", "DRID_HIV_CASES", "DRID_HIV_TESTED", "DRID_HCV_CASES")


def build_mapping() -> Dhis2Mapping:
    areas = [f"{c}-{n:02d}" for c in ("KZ", "KG", "TJ", "TM", "UZ") for n in range(1, 21)]
    combos = [DEFAULT_COMBO] + [
        Combo(disaggregation(sex=s, age=a), f"COC{i:03d}", {"SEX": s.upper(), "AGE": f"A{j}"})
        for i, (s, (j, a)) in enumerate(itertools.product(SEXES, enumerate(AGES)))
    ]
    return Dhis2Mapping(
        org_units={code: f"OU_{code.replace('-', '_')}" for code in areas},
        data_elements={ind: f"DE_{ind}" for ind in INDICATORS},
        combos=tuple(combos),
        data_set="DS_CADIS",
    )


def build_values(mapping: Dhis2Mapping, count: int) -> list[AggregateValue]:
    periods = [
        Period("monthly", year, month) for year in range(2015, 2030) for month in range(1, 13)
    ]
    keys = itertools.product(periods, sorted(mapping.org_units), INDICATORS, mapping.combos[1:])
    return [
        AggregateValue(indicator, period, org_unit, (i * 7919) % 500, combo.ours)
        for i, (period, org_unit, indicator, combo) in zip(range(count), keys, strict=False)
    ]


def timed(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--values", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    mapping = build_mapping()
    values = build_values(mapping, args.values)
    assert len(values) == args.values, "not enough distinct keys for that many values"

    adx_write_s, adx = timed(lambda: write_adx(values, mapping), args.repeat)
    adx_read_s, adx_result = timed(lambda: read_adx(adx, mapping), args.repeat)
    schema_s, errors = timed(lambda: schema_errors(adx, mapping), args.repeat)
    json_write_s, text = timed(lambda: write_data_value_set(values, mapping), args.repeat)
    json_read_s, json_result = timed(lambda: read_data_value_set(text, mapping), args.repeat)

    assert adx_result.ok and len(adx_result.values) == len(values), adx_result.problems[:3]
    assert json_result.ok and json_result.values == values, json_result.problems[:3]
    assert errors == [], errors[:3]
    figures = {
        "values": len(values),
        "adx_bytes": len(adx),
        "json_bytes": len(text.encode()),
        "adx_write_s": round(adx_write_s, 3),
        "adx_read_s": round(adx_read_s, 3),
        "adx_schema_check_s": round(schema_s, 3),
        "json_write_s": round(json_write_s, 3),
        "json_read_s": round(json_read_s, 3),
        "import_budget_s": BUDGET_SECONDS,
        "adx_import_engine_share_of_budget": round((adx_read_s + schema_s) / BUDGET_SECONDS, 4),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_dhis2.json").write_text(json.dumps(figures, indent=2))
    for name, value in figures.items():
        print(f"{name}: {value}")
    slowest = max(adx_read_s + schema_s, json_read_s)
    if slowest > BUDGET_SECONDS:
        raise SystemExit(f"engine import took {slowest:.1f} s, over the {BUDGET_SECONDS} s budget")


if __name__ == "__main__":
    main()
