"""DHIS2 aggregates import end to end on SQLite: read, check every value, write all (one
transaction), then the same file again (checked, nothing written).

    .venv/bin/python benchmarks/bench_dhis2_import.py [--values 50000] [--format json|adx]

Uses a fresh SQLite database in a temporary directory (migrated, reference data loaded, the
default `cadis` mapping) and the same code path as `cadis import dhis2`. The file is generated
here with the engine's writer: the five countries' TDI_CLIENTS and harms values (DRD_CASES,
DRID_*_CASES and _TESTED) in total, by sex and by age band, over as many years as needed.
Target (issue 18): 50,000 values imported in under 60 s. Writes
benchmarks/out/bench_dhis2_import.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
TARGET_S = 60


def synthetic_values(count: int) -> list:
    """Invented values: every element and combination of a country-year, years from 1990."""
    from cadis.engines.dhis2 import AggregateValue, Period, disaggregation

    sexes = ("female", "male", "not_known")
    ages = ("<15", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54")
    ages += ("55-59", "60-64", "65+", "unknown")
    combos = [(), *(disaggregation(sex=s) for s in sexes), *(disaggregation(age=a) for a in ages)]
    out = []
    year = 1990
    while len(out) < count:
        for country in ("KZ", "KG", "TJ", "TM", "UZ"):
            for n, combo in enumerate(combos):
                period = Period.from_dhis2(str(year))
                base = 40 + (year % 7) * 3 + n
                figures = {"TDI_CLIENTS": base * 9, "DRD_CASES": base}
                for what in ("HIV", "HCV", "HBV"):
                    figures[f"DRID_{what}_CASES"] = base
                    figures[f"DRID_{what}_TESTED"] = base * 4
                for element, value in figures.items():
                    out.append(AggregateValue(element, period, country, value, combo))
        year += 1
    return out[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--values", type=int, default=50_000)
    parser.add_argument("--format", choices=["json", "adx"], default="json")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="cadis-bench-dhis2-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadis.config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from cadis.apps.accounts.models import Organisation, User
    from cadis.apps.reference.dhis2 import mapping_for
    from cadis.apps.reference.loader import refdata_load
    from cadis.apps.reference.models import Dhis2Instance
    from cadis.apps.treatment.dhis2_import import import_dhis2
    from cadis.apps.treatment.models import HarmRecord, ImportedAggregate
    from cadis.engines.dhis2 import write_adx, write_data_value_set
    from cadis.platform.roles import Role

    call_command("migrate", verbosity=0)
    refdata_load()
    organisation = Organisation.objects.create(
        name_en="Benchmark unit", name_ru="Бенчмарк", kind="international"
    )
    actor = User(username="bench", role=Role.ADMINISTRATOR, is_superuser=True, is_active=True)
    instance = Dhis2Instance.objects.get(code="cadis")
    mapping = mapping_for(instance)
    values = synthetic_values(args.values)
    if args.format == "adx":
        data = write_adx(values, mapping)
    else:
        data = write_data_value_set(values, mapping).encode()
    path = workdir / f"values-{args.values}.{'xml' if args.format == 'adx' else 'json'}"
    path.write_bytes(data)

    def run() -> dict:
        started, cpu_started = time.perf_counter(), time.process_time()
        report = import_dhis2(
            actor=actor,
            organisation=organisation,
            instance=instance,
            data=path.read_bytes(),
            file_name=path.name,
            dry_run=False,
            confidentiality="restricted",
        )
        done, cpu_done = time.perf_counter(), time.process_time()
        assert report.ok, report.errors[:5]
        return {
            "values": report.rows,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "total_s": round(done - started, 2),
            # CPU seconds of this process: on a loaded machine the wall clock says little
            "cpu_s": round(cpu_done - cpu_started, 2),
        }

    first = run()
    second = run()  # idempotent: the same file again writes nothing
    figures = {
        "values": args.values,
        "format": args.format,
        "file_mb": round(len(data) / 1e6, 1),
        "database": "sqlite",
        "first_import": first,
        "reimport_same_file": second,
        "harm_records": HarmRecord.objects.count(),
        "imported_aggregates": ImportedAggregate.objects.count(),
        "target_s": TARGET_S,
        "meets_target": first["total_s"] < TARGET_S,
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_dhis2_import.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    ok = first["created"] == args.values and second["created"] == second["updated"] == 0
    return 0 if figures["meets_target"] and ok else 1


if __name__ == "__main__":
    sys.exit(main())
