"""Dashboard aggregates over 1,000,000 synthetic seizures on PostgreSQL.

    .venv/bin/python benchmarks/bench_supply_dashboard.py [--rows 1000000] [--repeat 5]

Creates the database ``cadis_bench`` (postgres://postgres@127.0.0.1:5432/cadis_bench) if needed,
migrates it, loads reference data and bulk-loads synthetic seizures with COPY (once; later runs
reuse them), then times every aggregate the dashboard and the API run, for an anonymous visitor,
a country analyst and a regional analyst, with and without filters. Target: p95 < 300 ms per
aggregate query. The filter sets are whole months (read from the monthly rollup) plus an
agency filter and a mid-month period (read from the seizure table). Writes benchmarks/out/bench_supply_dashboard.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SERVER = "postgres://postgres@127.0.0.1:5432"


def ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'cadis_bench'").fetchone():
            conn.execute("CREATE DATABASE cadis_bench")


def load_seizures(total: int, offset: int = 0) -> float:
    """COPY synthetic seizures (and concealment links) straight into the tables; returns seconds."""
    from django.db import connection

    from cadis.apps.accounts.models import Organisation
    from cadis.apps.reference import models as ref
    from cadis.apps.supply.importing.loading import top_group_ids

    started = time.perf_counter()
    rng = random.Random(7)
    countries = list(ref.Country.objects.filter(is_central_asia=True))
    orgs = [
        Organisation.objects.get_or_create(
            name_en=f"Bench unit {c.code}",
            defaults={"name_ru": f"Бенчмарк {c.code}", "kind": "law_enforcement", "country": c},
        )[0]
        for c in countries
    ]
    subdivisions = {
        c.pk: list(ref.Subdivision.objects.filter(country=c).values_list("id", flat=True))
        for c in countries
    }
    agencies = {
        c.pk: list(ref.Agency.objects.filter(country=c).values_list("id", flat=True))
        for c in countries
    }
    tops = top_group_ids()
    substances = list(
        ref.Substance.objects.exclude(group=None).values_list("id", "group_id", "default_unit")
    )[:40]
    concealments = list(ref.ConcealmentMethod.objects.values_list("id", flat=True))
    transports = list(ref.TransportMode.objects.values_list("id", flat=True))
    af, ru = ref.Country.objects.get(code="AF").pk, ref.Country.objects.get(code="RU").pk
    columns = (
        "country_id",
        "organisation_id",
        "confidentiality",
        "source_kind",
        "source_ref",
        "created_at",
        "updated_at",
        "date",
        "date_precision",
        "subdivision_id",
        "place",
        "agency_id",
        "substance_id",
        "substance_group_id",
        "substance_as_written",
        "substance_resolution",
        "quantity_as_written",
        "unit_as_written",
        "quantity_value",
        "quantity_unit",
        "normalised_quantity",
        "normalised_unit",
        "conversion_rule",
        "transport_mode_id",
        "departure_country_id",
        "destination_country_id",
        "fingerprint",
        "notes",
    )
    now = dt.datetime.now(dt.UTC)
    start = dt.date(2019, 1, 1)
    with connection.cursor() as cursor:
        raw = cursor.cursor
        cursor.execute("SELECT coalesce(max(id), 0) FROM supply_seizure")
        (before,) = cursor.fetchone()
        with raw.copy(f"COPY supply_seizure ({', '.join(columns)}) FROM STDIN") as copy:
            for n in range(total):
                index = rng.randrange(len(countries))
                country, org = countries[index], orgs[index]
                sid, gid, unit = rng.choice(substances)
                value = round(rng.lognormvariate(0, 2), 3)
                route = rng.random() < 0.3
                copy.write_row(
                    (
                        country.pk,
                        org.pk,
                        rng.choices(["public", "restricted", "confidential"], [6, 3, 1])[0],
                        "import",
                        "{}",
                        now,
                        now,
                        start + dt.timedelta(days=rng.randrange(2190)),
                        "day",
                        rng.choice(subdivisions[country.pk] or [None]),
                        "",
                        rng.choice(agencies[country.pk] or [None]),
                        sid,
                        tops.get(gid),
                        "bench",
                        "exact",
                        str(value),
                        "kg" if unit == "kg" else "unit",
                        value,
                        "kg" if unit == "kg" else "unit",
                        value,
                        unit,
                        "bench",
                        rng.choice(transports) if rng.random() < 0.6 else None,
                        af if route else None,
                        ru if route else None,
                        f"bench-{offset + n}",
                        "synthetic benchmark row",
                    )
                )
        cursor.execute("SELECT min(id), max(id) FROM supply_seizure WHERE id > %s", [before])
        low, high = cursor.fetchone()
        with raw.copy(
            "COPY supply_seizure_concealment_methods (seizure_id, concealmentmethod_id) FROM STDIN"
        ) as copy:
            for seizure_id in range(low, high + 1):
                if rng.random() < 0.4:
                    copy.write_row((seizure_id, rng.choice(concealments)))
        cursor.execute("ANALYZE supply_seizure")
        cursor.execute("ANALYZE supply_seizure_concealment_methods")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    ensure_database()
    os.environ["DATABASE_URL"] = f"{SERVER}/cadis_bench"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadis.config.settings")
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection, transaction

    from cadis.apps.accounts.models import Organisation, User
    from cadis.apps.reference.loader import refdata_load
    from cadis.apps.reference.models import Agency
    from cadis.apps.supply import analytics, rollup
    from cadis.apps.supply.models import Seizure, SeizureRollup
    from cadis.platform.roles import Role

    call_command("migrate", verbosity=0)
    refdata_load()
    existing = Seizure.objects.count()
    load_seconds = None
    if existing < args.rows:
        load_seconds = round(load_seizures(args.rows - existing, offset=existing), 1)
    rollup_seconds = None
    if load_seconds is not None or not SeizureRollup.objects.exists():
        started = time.perf_counter()
        with transaction.atomic():
            rollup.refresh_all()
        rollup_seconds = round(time.perf_counter() - started, 1)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE supply_seizurerollup")
    kg_org = Organisation.objects.get(name_en="Bench unit KG")
    users = {
        "anonymous": AnonymousUser(),
        "kg_analyst": User.objects.get_or_create(
            username="bench_kg", defaults={"organisation": kg_org, "role": Role.ANALYST}
        )[0],
        "regional": User.objects.get_or_create(
            username="bench_regional", defaults={"role": Role.REGIONAL_ANALYST}
        )[0],
    }
    filter_sets = {
        "all": analytics.Filters(),
        "country_KG": analytics.Filters(country="KG"),
        "year_2023_quarters": analytics.Filters(
            date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31), grain="quarter"
        ),
        "opioids_by_month": analytics.Filters(substance_group="opioids", grain="month"),
        "agency_filter_seizure_table": None,
        "mid_month_period_seizure_table": analytics.Filters(
            date_from=dt.date(2023, 3, 15), date_to=dt.date(2023, 9, 14)
        ),
    }
    timings: dict[str, list[float]] = {}
    by_case: dict[str, list[float]] = {}
    agency = Agency.objects.filter(country__code="KG").values_list("code", flat=True).first()
    filter_sets["agency_filter_seizure_table"] = analytics.Filters(country="KG", agency=agency)
    for user_name, user in users.items():
        for filter_name, filters in filter_sets.items():
            for _ in range(args.repeat):
                for dimension in analytics.DIMENSIONS:
                    started = time.perf_counter()
                    analytics.by_dimension(user, filters, dimension, 15)
                    elapsed = time.perf_counter() - started
                    timings.setdefault(dimension, []).append(elapsed)
                    by_case.setdefault(f"{user_name}/{filter_name}", []).append(elapsed)
                for name, fn in (
                    ("totals", analytics.totals),
                    ("change", analytics.change),
                    ("cases", analytics.case_totals),
                ):
                    started = time.perf_counter()
                    fn(user, filters)
                    elapsed = time.perf_counter() - started
                    timings.setdefault(name, []).append(elapsed)
                    by_case.setdefault(f"{user_name}/{filter_name}", []).append(elapsed)
    every = sorted(t for values in timings.values() for t in values)

    def p95(values: list[float]) -> float:
        ordered = sorted(values)
        return round(1000 * ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1)

    figures = {
        "rows": Seizure.objects.count(),
        "database": "postgresql",
        "load_seconds": load_seconds,
        "rollup_rebuild_seconds": rollup_seconds,
        "rollup_rows": SeizureRollup.objects.count(),
        "queries": len(every),
        "p95_ms": p95(every),
        "median_ms": round(1000 * statistics.median(every), 1),
        "max_ms": round(1000 * every[-1], 1),
        "by_aggregate_p95_ms": {name: p95(values) for name, values in sorted(timings.items())},
        "by_user_and_filters_p95_ms": {
            name: p95(values) for name, values in sorted(by_case.items())
        },
        "target_p95_ms": 300,
    }
    figures["meets_target"] = figures["p95_ms"] < 300
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_supply_dashboard.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    return 0 if figures["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
