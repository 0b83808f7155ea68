"""A job goes end to end through a real worker process, for each task backend.

These tests run the `cadis` command in subprocesses against a database file of their
own (the test database of pytest-django lives in memory and cannot be shared).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

CADIS = [sys.executable, "-m", "cadis.cli"]


def _env(tmp_path, **extra) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "TASK_BACKEND", "REDIS_URL")
    }
    env.update(
        {
            "CADIS_VAR_DIR": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
            "CADIS_PROFILE": "development",
            "DJANGO_SETTINGS_MODULE": "cadis.config.settings",
        }
    )
    env.update(extra)
    return env


def _run(args, env, timeout=120) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [*CADIS, *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _job_state(env) -> list[str]:
    """The status and progress of the only job in the database, as the worker left them."""
    code = "from cadis.apps.jobs.models import Job; j = Job.objects.get(); print(j.status, j.progress_done)"
    return _run(["shell", "--no-imports", "-c", code], env).stdout.split()


def _redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def test_the_database_worker_runs_a_queued_job(tmp_path):
    env = _env(tmp_path, TASK_BACKEND="database")
    _run(["migrate", "-v0"], env)
    queued = _run(["jobs", "selftest", "--steps", "4"], env)
    assert "queued" in queued.stdout
    _run(["worker", "--burst"], env)
    assert _job_state(env) == ["succeeded", "4"]


@pytest.mark.redis
@pytest.mark.skipif(not _redis_answers(), reason="Redis does not answer on 127.0.0.1:6379")
def test_the_rq_worker_runs_a_queued_job(tmp_path):
    # A Redis database of our own (number 9), flushed first so no stale job is picked up.
    env = _env(tmp_path, TASK_BACKEND="rq", REDIS_URL="redis://127.0.0.1:6379/9")
    import redis

    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    _run(["migrate", "-v0"], env)
    _run(["jobs", "selftest", "--steps", "3"], env)
    _run(["worker", "--burst"], env)
    assert _job_state(env) == ["succeeded", "3"]
