"""Backup and restore of the demo database on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/bench_backup.py [--sqlite PATH] [--pg-prefix cadis]

Builds the demo database (``cadis migrate`` + ``cadis demo`` into
benchmarks/out/bench_backup/demo.sqlite3, once; later runs reuse it) unless ``--sqlite`` names an
existing one, then times, each in a fresh ``cadis`` process:

- ``cadis backup`` of the SQLite database (archive size, rows, files);
- ``cadis restore`` of that archive into a new, migrated SQLite database and another MEDIA_ROOT;
- when PostgreSQL answers on 127.0.0.1:5432: ``cadis restore`` of the SQLite archive into a new
  migrated database ``<prefix>_bench_backup``, ``cadis backup`` of that database, and
  ``cadis restore`` of the PostgreSQL archive into it again.

Row counts of the restored databases are compared with the archive's manifest. Migration time
is not counted. Writes benchmarks/out/bench_backup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
WORK = OUT / "bench_backup"
CADIS = [sys.executable, "-m", "cadis.cli"]
COUNT = (
    "import json; from cadis.apps.operations.backup import stored_models; "
    "print(json.dumps({m._meta.db_table: m._base_manager.count() for m in stored_models()}))"
)


def env_for(database_url: str, var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TASK_BACKEND", "REDIS_URL")}
    env.update({"DATABASE_URL": database_url, "CADIS_VAR_DIR": str(var_dir),
                "MEDIA_ROOT": str(var_dir / "media"), "CADIS_PROFILE": "development",
                "TASK_BACKEND": "immediate", "DJANGO_SETTINGS_MODULE": "cadis.config.settings"})
    return env


CPU: dict[str, float] = {}  # CPU seconds of the last command (the wall time suffers on a busy machine)


def cadis(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([*CADIS, *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["last"] = round((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 1)
    if result.returncode != 0:
        raise SystemExit(f"cadis {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return elapsed, result.stdout


def manifest_of(archive: Path) -> dict:
    with zipfile.ZipFile(archive) as zipped:
        return json.loads(zipped.read("manifest.json"))


def expected_counts(manifest: dict) -> dict[str, int]:
    return {t["table"]: t["rows"] for t in manifest["tables"]}


def check_counts(env: dict[str, str], manifest: dict) -> None:
    counts = json.loads(cadis(["shell", "--no-imports", "-c", COUNT], env)[1])
    expected = expected_counts(manifest)
    differ = {t: (counts.get(t), n) for t, n in expected.items() if counts.get(t) != n}
    if differ:
        raise SystemExit(f"row counts differ after the restore: {differ}")


def postgres_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        return True
    except OSError:
        return False


def recreate(name: str) -> None:
    import psycopg

    with psycopg.connect("postgres://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def archive_figures(archive: Path, seconds: float) -> dict:
    manifest = manifest_of(archive)
    return {"seconds": round(seconds, 1), "cpu_seconds": CPU["last"], "archive_mb": round(archive.stat().st_size / 1e6, 1),
            "rows": manifest["rows"], "tables": len(manifest["tables"]),
            "media_files": manifest["media_files"]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sqlite", type=Path, help="an existing demo database (SQLite file)")
    parser.add_argument("--pg-prefix", default="cadis", help="PostgreSQL database name prefix")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    figures: dict[str, dict] = {}

    source = args.sqlite or WORK / "demo.sqlite3"
    source_env = env_for(f"sqlite:///{source}", source.parent)
    if not source.exists():
        print("building the demo database (once) …", flush=True)
        cadis(["migrate", "-v0"], source_env)
        cadis(["demo", "--no-serve"], source_env)

    sqlite_archive = WORK / "demo-sqlite.zip"
    seconds, _ = cadis(["backup", str(sqlite_archive), "--quiet"], source_env)
    figures["sqlite_backup"] = archive_figures(sqlite_archive, seconds)
    print("SQLite backup:", figures["sqlite_backup"], flush=True)
    manifest = manifest_of(sqlite_archive)

    target = WORK / "restored"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    target_env = env_for(f"sqlite:///{target / 'restored.sqlite3'}", target)
    cadis(["migrate", "-v0"], target_env)
    seconds, _ = cadis(["restore", str(sqlite_archive), "--yes", "--quiet"], target_env)
    cpu = CPU["last"]
    check_counts(target_env, manifest)
    figures["sqlite_restore"] = {"seconds": round(seconds, 1), "cpu_seconds": cpu, "rows": manifest["rows"]}
    print("SQLite restore:", figures["sqlite_restore"], flush=True)

    if postgres_answers():
        name = f"{args.pg_prefix}_bench_backup"
        recreate(name)
        pg_dir = WORK / "pg"
        shutil.rmtree(pg_dir, ignore_errors=True)
        pg_dir.mkdir()
        pg_env = env_for(f"postgres://postgres@127.0.0.1:5432/{name}", pg_dir)
        cadis(["migrate", "-v0"], pg_env)
        seconds, _ = cadis(["restore", str(sqlite_archive), "--yes", "--quiet"], pg_env)
        cpu = CPU["last"]
        check_counts(pg_env, manifest)
        figures["postgres_restore_from_sqlite"] = {"seconds": round(seconds, 1), "cpu_seconds": cpu, "rows": manifest["rows"]}
        pg_archive = WORK / "demo-postgres.zip"
        seconds, _ = cadis(["backup", str(pg_archive), "--quiet"], pg_env)
        figures["postgres_backup"] = archive_figures(pg_archive, seconds)
        seconds, _ = cadis(["restore", str(pg_archive), "--yes", "--quiet"], pg_env)
        cpu = CPU["last"]
        check_counts(pg_env, manifest_of(pg_archive))
        figures["postgres_restore"] = {"seconds": round(seconds, 1), "cpu_seconds": cpu, "rows": manifest["rows"]}
        for key in ("postgres_restore_from_sqlite", "postgres_backup", "postgres_restore"):
            print(f"{key}:", figures[key], flush=True)
    else:
        figures["postgres"] = {"skipped": "PostgreSQL does not answer on 127.0.0.1:5432"}

    figures["load_average"] = {"1min": round(os.getloadavg()[0], 1)}
    (OUT / "bench_backup.json").write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
