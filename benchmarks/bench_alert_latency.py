"""Lab report → draft alert with its evidence bundle, end to end, with a real worker.

A database of its own (SQLite in a temporary directory), a `cadis runserver` and a `cadis worker`
as subprocesses. The database holds the reference data, the NPS library, a data provider with
a read-write API token and twenty weeks of detections of mephedrone in Bishkek (one every other
week, three this week) and of JWH-018 in Osh (two this week). The timer starts when the lab report (the fourth this week) is POSTed
to /api/v1/ews/detections and stops when an alert's evidence bundle holds the statistical
signal and the new detection: the API identifies and geocodes the structure, the rules run, the
signal job is queued, the worker picks it up, tests the series and writes the evidence.
Before the timed reports, one lab report of another substance, with a history of its own in
another city, warms the server and the worker up along the same whole path (identification,
geocoding, rules, the signal job, the draft and its evidence map): a running system has loaded
its libraries. Its time is reported as `warm_up_s`; the scheduled signal job a worker queues
when it starts (`CADIS_SIGNALS_INTERVAL_SECONDS`) also runs during the warm-up.

Each timed report is split into phases (`phases`): the API's answer, the wait for the worker
to take the job, the job's run, and the time until the evidence was seen; a run over the
target, or one that times out, says which phase took the time.

    python benchmarks/bench_alert_latency.py [--runs 3] [--port 8812]

Target (issue 17): under 60 s. tests/ews/test_alert_latency.py runs the same once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CADIS = [sys.executable, "-m", "cadis.cli"]
OUT = Path(__file__).resolve().parent / "out"

SEED = r"""
import datetime as dt
from django.utils import timezone
from cadis.apps.accounts.models import Organisation, User
from cadis.apps.accounts.services import api_token_create
from cadis.apps.ews import services
from cadis.apps.ews.library import profiles_load
from cadis.apps.ews.rules import ensure_default_rules
from cadis.apps.reference.loader import refdata_load
from cadis.apps.reference.models import Country
from cadis.platform.roles import Role

refdata_load()
profiles_load()
ensure_default_rules()
kg = Country.objects.get(code="KG")
org = Organisation.objects.create(name_en="KG forensic lab", name_ru="Лаборатория", country=kg)
user = User.objects.create(username="lab", organisation=org, role=Role.DATA_PROVIDER)
_token, key = api_token_create(actor=user, user=user, name="lab", access="read_write")
services.enqueue_signals = lambda **kwargs: None  # the history is not what is measured
today = timezone.localdate()
for structure, place, recent in (
    ("CNC(C)C(=O)c1ccc(C)cc1", "Бишкек", 3),  # mephedrone: the timed reports
    ("CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21", "Ош", 2),  # JWH-018: the warm-up report
):
    history = [today - dt.timedelta(weeks=w) for w in range(2, 22, 2)] + [today] * recent
    for day in history:
        services.detection_create(actor=user, country=kg, organisation=org, data={
            "detected_on": day, "sample_type": "powder", "methods": ["gc_ms"],
            "structure_input": structure, "place": place, "confidentiality": "restricted"})
print("TOKEN=" + key)
"""


def _env(workdir: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "TASK_BACKEND", "REDIS_URL")
    }
    env.update(
        {
            "CADIS_VAR_DIR": str(workdir),
            "DATABASE_URL": f"sqlite:///{workdir / 'latency.sqlite3'}",
            "CADIS_PROFILE": "development",
            "DJANGO_SETTINGS_MODULE": "cadis.config.settings",
            "TASK_BACKEND": "database",
            # No timed signal run: one queued at the worker's start would draft the weekly
            # signal from the history alone, racing the lab report that is measured.
            "CADIS_SIGNALS_INTERVAL_SECONDS": "0",
        }
    )
    return env


def _run(args: list[str], env: dict[str, str], timeout: int = 900) -> str:
    result = subprocess.run(
        [*CADIS, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)
    return result.stdout


def prepare(workdir: Path) -> tuple[dict[str, str], str]:
    """Migrate, seed; the environment and the lab's API token."""
    env = _env(workdir)
    _run(["migrate", "-v0"], env)
    out = _run(["shell", "--no-imports", "-c", SEED], env)
    token = next(line[6:] for line in out.splitlines() if line.startswith("TOKEN="))
    return env, token


def _wait_for_port(port: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"nothing answers on port {port}")


def _wait_for_log(path: Path, text: str, proc: subprocess.Popen, timeout: float = 600) -> None:
    """Until the process has written ``text`` to its log (the worker: "worker ready")."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(errors="replace"):
            return
        if proc.poll() is not None:
            raise RuntimeError(f"{path.stem} exited: {path.read_text(errors='replace')[-2000:]}")
        time.sleep(0.3)
    raise TimeoutError(f"{path.stem} did not say {text!r} in {timeout:.0f} s")


def _signal_alert(db: Path, detection_id: int, dimension: str | None = None) -> dict | None:
    """The alert whose evidence holds a signal (of the series ``dimension`` when given) and the
    detection, read straight from SQLite. One job may draft several alerts (the substance in
    its subdivision, its category in the country), written one after the other."""
    with sqlite3.connect(db, timeout=30) as conn:
        for (evidence,) in conn.execute("SELECT evidence FROM ews_alert"):
            data = json.loads(evidence or "{}")
            ids = {r["id"] for r in data.get("records", []) if r["type"] == "ews.detection"}
            dimensions = {s["series"]["dimension"] for s in data.get("signals", [])}
            if dimensions and detection_id in ids and (dimension is None or dimension in dimensions):
                return data
    return None


MEPHEDRONE = "CNC(C)C(=O)c1ccc(C)cc1"
JWH_018 = "CCCCCn1cc(C(=O)c2cccc3ccccc23)c2ccccc21"


def _post(port: int, token: str, structure: str, place: str, timeout: float) -> int:
    body = json.dumps(
        {
            "detected_on": time.strftime("%Y-%m-%d"),
            "sample_type": "powder",
            "methods": ["gc_ms"],
            "structure": structure,
            "place": place,
        }
    ).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/ews/detections",
        data=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        if response.status != 201:
            raise RuntimeError(f"the API answered {response.status}")
        return json.loads(response.read())["detection"]["id"]


def _jobs_pending(db: Path) -> int:
    with sqlite3.connect(db, timeout=30) as conn:
        query = "SELECT COUNT(*) FROM jobs_job WHERE status IN ('queued', 'running')"
        return conn.execute(query).fetchone()[0]


def _utc(text: str | None) -> float | None:
    """A datetime column (UTC, as Django writes it to SQLite) as a POSIX time."""
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text.replace(" ", "T"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.timestamp()


def _signal_job(db: Path, detection_id: int) -> dict | None:
    """The signal job the detection queued: when it was queued, taken and finished."""
    with sqlite3.connect(db, timeout=30) as conn:
        row = conn.execute(
            "SELECT status, created_at, started_at, finished_at, error FROM jobs_job "
            "WHERE kind = 'ews.signals' AND json_extract(params, '$.detection') = ? "
            "ORDER BY id DESC LIMIT 1",
            (detection_id,),
        ).fetchone()
    if row is None:
        return None
    status, created, started, finished, error = row
    return {
        "status": status,
        "queued": _utc(created),
        "started": _utc(started),
        "finished": _utc(finished),
        "error": error,
    }


def phases(posted_at: float, answered_at: float, job: dict | None, seen_at: float | None) -> dict:
    """Where the time went, in seconds from the POST (None: that step did not happen)."""

    def since(moment: float | None) -> float | None:
        return None if moment is None else round(moment - posted_at, 2)

    job = job or {}
    return {
        "api_answered": since(answered_at),  # identification, geocoding, rules, job queued
        "job_queued": since(job.get("queued")),
        "job_taken_by_worker": since(job.get("started")),
        "job_finished": since(job.get("finished")),
        "evidence_seen": since(seen_at),
        "job_status": job.get("status"),
        "job_error": job.get("error") or None,
    }


class LatencyTimeout(AssertionError):
    """No draft alert with the evidence in time; the message says where the time went."""


def warm_up(port: int, token: str, db: Path, *, timeout: float = 900) -> float:
    """A first lab report of another substance (with its own history, so that it too makes a
    signal): the server loads the identification library and the gazetteer, the worker its
    numerical libraries and the draft's evidence and map, as a running system has done already.
    Seconds until its draft holds the evidence and no job is left (the worker's scheduled signal
    job included)."""
    start = time.monotonic()
    detection_id = _post(port, token, JWH_018, "г. Ош", timeout)
    while time.monotonic() - start < timeout:
        if _signal_alert(db, detection_id) is not None and _jobs_pending(db) == 0:
            return time.monotonic() - start
        time.sleep(0.2)
    raise LatencyTimeout(
        f"the warm-up report had no draft alert with evidence after {timeout:.0f} s; "
        f"signal job: {_signal_job(db, detection_id)}; jobs pending: {_jobs_pending(db)}"
    )


def report_once(
    port: int, token: str, db: Path, *, timeout: float = 180
) -> tuple[float, dict, dict]:
    """POST one lab report; seconds until the draft alert of its substance in its subdivision
    holds the signal's evidence, the evidence, and the phases (``phases``)."""
    posted_at, start = time.time(), time.monotonic()
    detection_id = _post(port, token, MEPHEDRONE, "г. Бишкек", timeout)
    answered_at = time.time()
    while time.monotonic() - start < timeout:
        found = _signal_alert(db, detection_id, "substance_subdivision")
        if found is not None:
            seconds = time.monotonic() - start
            seen_at = time.time()
            # Not timed: the job records its end just after the evidence is written.
            job = _signal_job(db, detection_id)
            for _ in range(300):
                if job is not None and job["finished"] is not None:
                    break
                time.sleep(0.1)
                job = _signal_job(db, detection_id)
            return seconds, found, phases(posted_at, answered_at, job, seen_at)
        time.sleep(0.1)
    split = phases(posted_at, answered_at, _signal_job(db, detection_id), None)
    raise LatencyTimeout(
        f"no draft alert with evidence {timeout:.0f} s after the lab report; phases (s from the "
        f"POST): {split}; load average {os.getloadavg()}"
    )


class Services:
    """`cadis runserver` and `cadis worker` for the duration of a `with` block."""

    def __init__(self, env: dict[str, str], port: int, workdir: Path) -> None:
        self.env, self.port, self.workdir = env, port, workdir
        self.procs: list[subprocess.Popen] = []

    def __enter__(self) -> Services:
        for name, args in (
            ("worker", ["worker"]),
            ("server", ["runserver", f"127.0.0.1:{self.port}", "--noreload", "--skip-checks"]),
        ):
            log = open(self.workdir / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
            self.procs.append(
                subprocess.Popen([*CADIS, *args], env=self.env, stdout=log, stderr=log)
            )
        _wait_for_port(self.port)
        _wait_for_log(self.workdir / "worker.log", "worker ready", self.procs[0])
        return self

    def log_tail(self, name: str, lines: int = 15) -> str:
        path = self.workdir / f"{name}.log"
        text = path.read_text(errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def __exit__(self, *exc) -> None:
        for proc in self.procs:
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=8812)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        t0 = time.monotonic()
        env, token = prepare(workdir)
        setup = time.monotonic() - t0
        seconds, splits = [], []
        with Services(env, args.port, workdir):
            cold = warm_up(args.port, token, workdir / "latency.sqlite3")
            for _ in range(args.runs):
                elapsed, _evidence, split = report_once(
                    args.port, token, workdir / "latency.sqlite3"
                )
                seconds.append(round(elapsed, 2))
                splits.append(split)
    result = {
        "warm_up_s": round(cold, 2),
        "runs": seconds,
        "first_s": seconds[0],
        "max_s": max(seconds),
        "target_s": 60,
        "phases": splits,
        "setup_s": round(setup, 1),
        "load_average": os.getloadavg()[0],
    }
    OUT.mkdir(exist_ok=True)
    (OUT / "bench_alert_latency.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result))
    return 0 if max(seconds) < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
