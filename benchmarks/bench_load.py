"""Load: 50 concurrent clients on public pages and API lists, gunicorn + PostgreSQL, loopback only.

    .venv/bin/python benchmarks/bench_load.py [--clients 50] [--seconds 60] [--fresh]

Prepares the database ``cadis_bench_load`` on postgres://postgres@127.0.0.1:5432 once (migrate,
reference data and the synthetic demo data of `cadis demo --no-serve`; later runs reuse it, or
``--fresh`` rebuilds it), collects the static files into a temporary directory, starts gunicorn
with ``CADIS_PROFILE=production`` on 127.0.0.1 (the README's ``--workers 2 --threads 4``), then
runs the clients for a fixed time, each looping over a mix of anonymous page and API requests
(keep-alive off, like browsers behind a proxy that opens a connection per request). Reports
requests/s, p50, p95, p99 and errors (any status other than 200, or a failed connection).
Bounded: loopback only, fixed duration, the server is stopped at the end.
Writes benchmarks/out/bench_load.json. Environment: BENCH_LOAD_DB, BENCH_LOAD_PORT (8766),
BENCH_LOAD_WORKERS (2), BENCH_LOAD_THREADS (4).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
SERVER = "postgres://postgres@127.0.0.1:5432"
CADIS = [sys.executable, "-m", "cadis.cli"]

MIX = [
    "/",
    "/supply/",
    "/precursors/",
    "/ews/",
    "/treatment/",
    "/knowledge/",
    "/exchange/",
    "/reports/",
    "/api/v1/supply/seizures?limit=50",
    "/api/v1/reference/countries",
    "/api/v1/ews/profiles?limit=50",
    "/api/v1/knowledge/services?limit=50",
    "/api/v1/precursors/incidents?limit=50",
    "/api/v1/exchange/events?limit=50",
]


def environment(database: str, var_dir: Path, profile: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CADIS_", "DJANGO_ALLOW_ASYNC_UNSAFE"))}
    env.update(
        CADIS_PROFILE=profile,
        DATABASE_URL=f"{SERVER}/{database}",
        CADIS_VAR_DIR=str(var_dir),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TDI_PSEUDONYM_KEY="bench-load-pseudonym-key",
        TASK_BACKEND="immediate",
        CADIS_REQUIRE_2FA="0",
        LOG_LEVEL="WARNING",
    )
    env.pop("REDIS_URL", None)
    return env


def prepare_database(database: str, var_dir: Path, fresh: bool) -> float:
    import psycopg

    started = time.perf_counter()
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists and fresh:
            conn.execute(f'DROP DATABASE "{database}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{database}"')
    with psycopg.connect(f"{SERVER}/{database}") as conn:
        ready = conn.execute("SELECT to_regclass('public.supply_seizure') IS NOT NULL").fetchone()[0]
        if ready:
            ready = conn.execute("SELECT count(*) FROM supply_seizure").fetchone()[0] > 0
    if not ready:
        print("preparing the database (migrate, reference data, demo data) ...", flush=True)
        env = environment(database, var_dir, "development")
        subprocess.run([*CADIS, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def wait_for(port: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{port} within {seconds} s")


def run_clients(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], dict[str, list[float]]]:
    latencies: list[float] = []
    errors: list[str] = []
    per_path: dict[str, list[float]] = {path: [] for path in MIX}
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(index: int) -> None:
        n = index
        while time.monotonic() < stop_at:
            path = MIX[n % len(MIX)]
            n += 1
            request = urllib.request.Request(base + path, headers={"X-Forwarded-Proto": "https"})
            started = time.perf_counter()
            problem = None
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                    if response.status != 200:
                        problem = f"{response.status} {path}"
            except urllib.error.HTTPError as error:
                problem = f"{error.code} {path}"
            except OSError as error:
                problem = f"{type(error).__name__} {path}"
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                per_path[path].append(elapsed)
                if problem:
                    errors.append(problem)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors, per_path


def quantile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--fresh", action="store_true", help="drop and rebuild the database first")
    args = parser.parse_args()
    database = os.environ.get("BENCH_LOAD_DB", "cadis_bench_load")
    port = int(os.environ.get("BENCH_LOAD_PORT", "8766"))
    workers = os.environ.get("BENCH_LOAD_WORKERS", "2")
    threads = os.environ.get("BENCH_LOAD_THREADS", "4")
    with tempfile.TemporaryDirectory(prefix="cadis-bench-load-") as tmp:
        var_dir = Path(tmp)
        prepare_seconds = prepare_database(database, var_dir, args.fresh)
        env = environment(database, var_dir, "production")
        subprocess.run([*CADIS, "collectstatic", "--no-input"], env=env, check=True, stdout=subprocess.DEVNULL)
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cadis.config.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", workers, "--threads", threads, "--timeout", "120"],
            env=env, stdout=subprocess.DEVNULL, stderr=open(var_dir / "gunicorn.log", "w"),  # noqa: SIM115
        )
        try:
            wait_for(port, 60)
            base = f"http://127.0.0.1:{port}"
            run_clients(base, 4, 5)  # warm-up: imports, caches, connections
            print(f"{args.clients} clients for {args.seconds:.0f} s against {base} ...", flush=True)
            started = time.perf_counter()
            latencies, errors, per_path = run_clients(base, args.clients, args.seconds)
            wall = time.perf_counter() - started
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    figures = {
        "clients": args.clients,
        "seconds": round(wall, 1),
        "gunicorn": f"--workers {workers} --threads {threads}",
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(quantile(latencies, 0.50) * 1000),
        "p95_ms": round(quantile(latencies, 0.95) * 1000),
        "p99_ms": round(quantile(latencies, 0.99) * 1000),
        "mean_ms": round(statistics.fmean(latencies) * 1000) if latencies else 0,
        "errors": len(errors),
        "error_samples": sorted(set(errors))[:10],
        "p95_ms_by_path": {path: round(quantile(v, 0.95) * 1000) for path, v in per_path.items()},
        "prepare_seconds": round(prepare_seconds, 1),
        "cpu_count": os.cpu_count(),
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_load.json").write_text(json.dumps(figures, indent=2))
    print(json.dumps(figures, indent=2))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
