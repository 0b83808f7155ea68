"""Seizure import end to end on SQLite: read, check every row, write all (one transaction).

    .venv/bin/python benchmarks/bench_supply_import.py [--rows 100000]

Uses a fresh SQLite database in a temporary directory (migrated, reference data loaded), a
synthetic CSV from gen_seizures.py, and the same code path as `cadis import seizures`.
Targets (issue 19): 100,000 rows checked and committed in at most 30 s, the same file
re-imported (checked, nothing written) in at most 6 s. Writes benchmarks/out/bench_supply_import.json.
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
sys.path.insert(0, str(HERE))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="cadis-bench-supply-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadis.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from gen_seizures import generate

    from cadis.apps.accounts.models import Organisation, User
    from cadis.apps.reference.loader import refdata_load
    from cadis.apps.supply.importing.commit import check_bytes, commit_checked, import_context
    from cadis.apps.supply.models import Seizure
    from cadis.platform.roles import Role

    call_command("migrate", verbosity=0)
    refdata_load()
    organisation = Organisation.objects.create(
        name_en="Benchmark unit", name_ru="Бенчмарк", kind="international"
    )
    actor = User(username="bench", role=Role.ADMINISTRATOR, is_superuser=True, is_active=True)
    path = generate(workdir / f"seizures-{args.rows}.csv", args.rows)

    def run() -> dict:
        started, cpu_started = time.perf_counter(), time.process_time()
        data = path.read_bytes()
        context = import_context(actor, organisation, "restricted")
        result = check_bytes(data, path.name, context, dry_run=False)
        checked, cpu_checked = time.perf_counter(), time.process_time()
        assert result.report.ok, result.report.errors[:5]
        report = commit_checked(result, actor=None, organisation=organisation)
        done, cpu_done = time.perf_counter(), time.process_time()
        return {
            # CPU seconds of this process: on a loaded machine the wall clock says little
            "check_cpu_s": round(cpu_checked - cpu_started, 2),
            "write_cpu_s": round(cpu_done - cpu_checked, 2),
            "rows": report.rows,
            "warnings": sum(1 for i in report.issues if i.severity != "error"),
            "created": report.created,
            "unchanged": report.unchanged,
            "check_s": round(checked - started, 2),
            "write_s": round(done - checked, 2),
            "total_s": round(done - started, 2),
        }

    first = run()
    second = run()  # idempotent: the same file again writes nothing
    figures = {
        "rows": args.rows,
        "database": "sqlite",
        "first_import": first,
        "reimport_same_file": second,
        "seizures_in_db": Seizure.objects.count(),
        "target_s": 30,
        "reimport_target_s": 6,
        "meets_target": first["total_s"] <= 30 and second["total_s"] <= 6,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_supply_import.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    return 0 if figures["meets_target"] and second["created"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
