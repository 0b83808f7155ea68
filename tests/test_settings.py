"""Settings come from the environment."""

from __future__ import annotations

import os
import subprocess
import sys


def _cadis(args, **env_extra) -> subprocess.CompletedProcess:
    # The browser tests allow async-unsafe ORM calls in this process; a deployment never would.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CADIS_", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"))}
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "cadis.cli", *args], env=env, capture_output=True, text=True, timeout=120)


# The deploy check with collected static files: tests/web/test_production_static.py.


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _cadis(["check"], CADIS_PROFILE="production", CADIS_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_development_generates_a_secret_key_under_var(tmp_path):
    result = _cadis(["check"], CADIS_VAR_DIR=str(tmp_path), DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "secret_key").read_text()) > 40


def test_an_unknown_profile_is_refused(tmp_path):
    result = _cadis(["check"], CADIS_PROFILE="staging", CADIS_VAR_DIR=str(tmp_path))
    assert result.returncode != 0 and "CADIS_PROFILE" in result.stderr
