"""A worker killed (SIGKILL) in the middle of a job, for each task backend: the job is retried
by another worker and finishes, or, once its retries are used up, fails with the reason.

Like test_worker_processes.py, these run `cadis` in subprocesses against a database file of
their own. Two workers run; the one running the job is killed; CADIS_JOB_STALE_SECONDS is 3
here, so the other finds the job within 3 s + the check interval (1.5 s) of its last heartbeat.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.jobs.test_worker_processes import CADIS, _env, _redis_answers

STALE = 3
# The documented bound: a dead worker's job is picked up again within the stale timeout plus the
# check interval (stale / 2) of its last heartbeat, when another worker runs. SLACK absorbs a
# loaded machine (the watcher thread and the queue polling of 0.5 s).
BOUND = STALE * 1.5
SLACK = 10


def _run(args, env, timeout=900) -> subprocess.CompletedProcess:
    result = subprocess.run([*CADIS, *args], env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _job(env, job_id: int) -> dict:
    path = env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(path, timeout=20) as db:
        db.row_factory = sqlite3.Row
        row = db.execute("select status, progress_done, attempts, error, message, heartbeat_at, "
                         "started_at from jobs_job where id = ?", (job_id,)).fetchone()
    return dict(row)


def _wait(predicate, timeout: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.2)
    raise AssertionError(f"not within {timeout} s: {what}")


def _start_worker(env, log: Path) -> subprocess.Popen:
    # A session of its own: killing its group kills an RQ work horse with it, as a crash would.
    worker = subprocess.Popen([*CADIS, "worker"], env=env, start_new_session=True,
                              stdout=log.open("w"), stderr=subprocess.STDOUT)
    _wait(lambda: "worker ready" in log.read_text(), 600, f"the worker of {log.name} starts")
    return worker


def _stop(worker: subprocess.Popen) -> None:
    try:
        os.killpg(worker.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    worker.wait(timeout=60)


def _kill_the_runner(env, job_id: int) -> None:
    """SIGKILL the process group of the worker that runs the job (the self-test job's message
    names its process: the database worker, or the RQ work horse forked by the worker)."""
    pid = int(re.search(r"process (\d+)", _job(env, job_id)["message"]).group(1))
    os.killpg(os.getpgid(pid), signal.SIGKILL)


def _queue(env) -> int:
    out = _run(["jobs", "selftest", "--steps", "40", "--delay", "0.25"], env).stdout
    return int(out.split()[1])


def _seconds(stamp: str) -> float:
    return dt.datetime.fromisoformat(stamp).timestamp()


def _kill_mid_job_then_recover(env, tmp_path: Path) -> None:
    _run(["migrate", "-v0"], env)
    workers = [_start_worker(env, tmp_path / "a.log"), _start_worker(env, tmp_path / "b.log")]
    try:
        first = _queue(env)
        _wait(lambda: _job(env, first)["progress_done"] >= 2, 300, "a worker starts the job")
        _kill_the_runner(env, first)
        time.sleep(0.5)
        killed = _job(env, first)
        assert killed["status"] == "running" and killed["attempts"] == 1

        # The other worker finds the orphan (its heartbeat stopped) and runs it again to the end.
        _wait(lambda: _job(env, first)["status"] == "succeeded", 300, "the job is retried and done")
        done = _job(env, first)
        assert (done["progress_done"], done["attempts"]) == (40, 2)
        assert _seconds(done["started_at"]) - _seconds(killed["heartbeat_at"]) < BOUND + SLACK

        # Killed again with no retry left: `cadis jobs recover` fails it with the reason.
        second = _queue(env)
        _wait(lambda: _job(env, second)["progress_done"] >= 2, 300, "the second job starts")
        _kill_the_runner(env, second)
    finally:
        for worker in workers:
            _stop(worker)
    time.sleep(STALE + 0.5)
    recovered = _run(["jobs", "recover"], {**env, "CADIS_JOB_RETRIES": "0"}).stdout
    assert f"job {second} (jobs.selftest): failed" in recovered
    failed = _job(env, second)
    assert failed["status"] == "failed" and failed["attempts"] == 1
    with translation.override("ru"):  # the reason is stored in the site's language
        reason = gettext(
            "The worker running this job stopped (no sign of life for %(seconds)s s) "
            "%(attempts)s times; the job was not run again."
        ) % {"seconds": STALE, "attempts": 1}
    assert failed["error"] == reason and reason.startswith("Обработчик")


def test_a_database_worker_killed_mid_job_leaves_a_job_that_is_retried_or_failed(tmp_path):
    _kill_mid_job_then_recover(_env(tmp_path, TASK_BACKEND="database",
                                    CADIS_JOB_STALE_SECONDS=str(STALE)), tmp_path)


@pytest.mark.redis
@pytest.mark.skipif(not _redis_answers(), reason="Redis does not answer on 127.0.0.1:6379")
def test_an_rq_worker_killed_mid_job_leaves_a_job_that_is_retried_or_failed(tmp_path):
    env = _env(tmp_path, TASK_BACKEND="rq", CADIS_JOB_STALE_SECONDS=str(STALE),
               REDIS_URL=os.environ.get("CADIS_TEST_REDIS_URL", "redis://127.0.0.1:6379/2"))
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    _kill_mid_job_then_recover(env, tmp_path)
