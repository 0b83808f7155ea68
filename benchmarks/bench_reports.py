"""Country-profile PDF with 1,000,000 seizures and 200,000 TDI episodes on PostgreSQL.

    .venv/bin/python benchmarks/bench_reports.py [--seizures 1000000] [--episodes 200000] [--repeat 3]

Creates the database ``cadis_bench_reports`` (postgres://postgres@127.0.0.1:5432/cadis_bench_reports)
if needed, migrates it, loads reference data, synthetic seizures (COPY, the supply benchmark's
loader) and synthetic TDI episodes (bulk insert, six years over the five countries, about 5 %
repeat clients), all once; later runs reuse them. Then it times the whole country profile
(selectors, suppression, Vega-Lite -> SVG, WeasyPrint) for the largest country, for an
anonymous visitor and a regional analyst. Target: < 10 s per PDF. Writes
benchmarks/out/bench_reports.json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE = "cadis_bench_reports"
YEARS = range(2019, 2025)
SHARE = {"KZ": 0.32, "UZ": 0.28, "KG": 0.16, "TJ": 0.15, "TM": 0.09}


def ensure_database() -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE]).fetchone():
            conn.execute(f"CREATE DATABASE {DATABASE}")


def load_episodes(total: int) -> float:
    from cadis.apps.accounts.models import Organisation
    from cadis.apps.reference.models import Country
    from cadis.apps.treatment.synthetic import save_episodes, synthetic_episodes

    started = time.perf_counter()
    for code, share in SHARE.items():
        country = Country.objects.get(code=code)
        org, _ = Organisation.objects.get_or_create(
            name_en=f"Bench clinic {code}",
            defaults={
                "name_ru": f"Бенчмарк клиника {code}",
                "kind": "treatment_centre",
                "country": country,
            },
        )
        per_year = int(total * share / len(YEARS))
        for year in YEARS:
            save_episodes(
                synthetic_episodes(
                    country=country,
                    organisation=org,
                    year=year,
                    count=per_year,
                    seed=sum(map(ord, code)) * 10_000 + year,
                )
            )
    return time.perf_counter() - started


def release_and_harms() -> None:
    from cadis.apps.accounts.models import Organisation
    from cadis.apps.reference.models import Country
    from cadis.apps.treatment.models import HarmRecord, TdiRelease

    for code in SHARE:
        country = Country.objects.get(code=code)
        org = Organisation.objects.get(name_en=f"Bench clinic {code}")
        for k, year in enumerate(YEARS):
            TdiRelease.objects.get_or_create(
                country=country,
                year=year,
                defaults={"organisation": org, "confidentiality": "public", "source_kind": "demo"},
            )
            for indicator, cases, tested in (
                ("drd", 40 + k, None),
                ("drid_hiv", 30 - k, 400),
                ("drid_hcv", 150 - k, 380),
            ):
                HarmRecord.objects.get_or_create(
                    country=country,
                    organisation=org,
                    indicator=indicator,
                    year=year,
                    sex="all",
                    age_band="all",
                    substance=None,
                    defaults={
                        "cases": cases,
                        "tested": tested,
                        "source": "Synthetic benchmark",
                        "data_quality": "partial",
                        "confidentiality": "public",
                        "source_kind": "demo",
                    },
                )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seizures", type=int, default=1_000_000)
    parser.add_argument("--episodes", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_database()
    os.environ["DATABASE_URL"] = f"{SERVER}/{DATABASE}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cadis.config.settings")
    import django

    django.setup()
    from django.apps import apps
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.utils import translation

    from cadis.apps.accounts.models import User
    from cadis.apps.reference.loader import refdata_load
    from cadis.apps.reference.models import Country
    from cadis.apps.reports import pdf
    from cadis.apps.reports.profile import country_profile
    from cadis.apps.treatment.models import TreatmentEpisode
    from cadis.platform.roles import Role

    call_command("migrate", verbosity=0)
    refdata_load()
    seizures, seizure_seconds = 0, None
    if apps.is_installed("cadis.apps.supply"):
        from cadis.apps.supply.models import Seizure

        sys.path.insert(0, str(HERE))
        from bench_supply_dashboard import load_seizures

        existing = Seizure.objects.count()
        if existing < args.seizures:
            seizure_seconds = round(load_seizures(args.seizures - existing, offset=existing), 1)
        seizures = Seizure.objects.count()
    episode_seconds = None
    if TreatmentEpisode.objects.count() < args.episodes * 0.95:
        episode_seconds = round(load_episodes(args.episodes - TreatmentEpisode.objects.count()), 1)
    release_and_harms()
    from django.db import connection

    with connection.cursor() as cursor:  # fresh planner statistics after the bulk loads
        cursor.execute("ANALYZE treatment_treatmentepisode")
        cursor.execute("ANALYZE treatment_harmrecord")
    users = {
        "anonymous": AnonymousUser(),
        "regional": User.objects.get_or_create(
            username="bench_reports_regional", defaults={"role": Role.REGIONAL_ANALYST}
        )[0],
    }
    country = Country.objects.get(code="KZ")
    timings: dict[str, list[float]] = {}
    pdf_bytes = 0
    with translation.override("ru"):
        pdf.chart_svg(
            {"mark": "point", "data": {"values": [{"a": 1}]}, "encoding": {}}
        )  # engine warm-up
        for name, user in users.items():
            for _ in range(args.repeat):
                started = time.perf_counter()
                profile = country_profile(user, country)
                built = time.perf_counter()
                data = pdf.profile_pdf(profile)
                done = time.perf_counter()
                pdf_bytes = len(data)
                timings.setdefault(f"{name}/data_s", []).append(built - started)
                timings.setdefault(f"{name}/total_s", []).append(done - started)
    worst = max(max(v) for k, v in timings.items() if k.endswith("total_s"))
    figures = {
        "database": "postgresql",
        "seizures": seizures,
        "episodes": TreatmentEpisode.objects.count(),
        "load_seconds": {"seizures": seizure_seconds, "episodes": episode_seconds},
        "country": country.code,
        "pdf_bytes": pdf_bytes,
        "seconds_max": {k: round(max(v), 2) for k, v in sorted(timings.items())},
        "seconds_each_run": {k: [round(x, 2) for x in v] for k, v in sorted(timings.items())},
        "worst_pdf_seconds": round(worst, 2),
        "target_seconds": 10,
    }
    figures["meets_target"] = worst < 10
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_reports.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    return 0 if figures["meets_target"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
