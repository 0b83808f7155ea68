"""A demo installation for the crawl: prepared once, served (DEBUG off) in a subprocess.

The installation lives in its own CADIS_HOME (a temporary directory with its own SQLite
file), so the crawl never touches the developer's ``var/`` or the pytest database.
Preparation is ``cadis demo --no-serve``: migrate, reference data, demo users and the
synthetic data of every module, exactly what ``make demo`` loads. The server is gunicorn
(what production runs) with the development profile, DEBUG off and 2FA off so that focal
points can sign in with a password.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
VENV_BIN = Path(sys.executable).parent
DEMO_PASSWORD = "cadis-demo-2024"
# CADIS_CRAWL_PORTS="8600-8699" keeps the demo server inside a port range of one's own.
PORT_RANGE = tuple(
    int(n) for n in os.environ.get("CADIS_CRAWL_PORTS", "18800-18899").split("-", 1)
)


def free_port(first: int = PORT_RANGE[0], last: int = PORT_RANGE[1]) -> int:
    """The first port of the range nobody listens on."""
    for port in range(first, last + 1):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {first}-{last}")


def demo_environment(home: Path) -> dict[str, str]:
    """The environment of every process of the demo installation under ``home``."""
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("CADIS_", "DJANGO_"))
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    env.update(
        CADIS_HOME=str(home),
        CADIS_PROFILE="development",
        CADIS_DEMO="1",
        CADIS_REQUIRE_2FA="0",
        DEBUG="0",
        TASK_BACKEND="database",
        DJANGO_SETTINGS_MODULE="cadis.config.settings",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(REPO),
    )
    return env


def cadis(home: Path, *args: str, timeout: float = 900) -> str:
    """Run ``cadis <args>`` against the installation under ``home``; return its output."""
    done = subprocess.run(
        [str(VENV_BIN / "cadis"), *args],
        env=demo_environment(home),
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"cadis {' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return done.stdout


def prepare_demo(home: Path) -> None:
    """Create the demo installation under ``home`` (about 35 s) unless it is already there."""
    marker = home / "demo-ready"
    if marker.exists():
        return
    home.mkdir(parents=True, exist_ok=True)
    cadis(home, "demo", "--no-serve")
    marker.write_text("cadis demo --no-serve\n", encoding="utf-8")


def demo_vocabulary(home: Path) -> dict[str, list[str]]:
    """Names held by the demo database (see ``vocabulary_dump``), read in its own process."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.browser.crawl.vocabulary_dump"],
        env=demo_environment(home),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0:
        raise RuntimeError(f"vocabulary dump failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


@dataclass
class DemoServer:
    """A running gunicorn serving the installation under ``home``."""

    home: Path
    port: int
    process: subprocess.Popen
    log: Path
    vocabulary: dict[str, list[str]] = field(default_factory=dict)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """CPU time used so far by gunicorn and its workers (Linux /proc; 0.0 elsewhere)."""
        return process_tree_cpu_seconds(self.process.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            # gunicorn was started in its own process group: end the group, not a name.
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


def process_tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of ``root`` and its living descendants, and of children they reaped."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    times: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        times[pid] = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier.extend(children)
    return round(sum(times.get(pid, 0) for pid in tree) / ticks, 1)


def start_server(home: Path, port: int | None = None, workers: int = 2) -> DemoServer:
    """Serve the installation under ``home`` on 127.0.0.1 and wait until it answers."""
    port = port or free_port()
    log = home / "server.log"
    handle = log.open("ab")
    process = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "cadis.config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            "2",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        env=demo_environment(home),
        cwd=home,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = DemoServer(home=home, port=port, process=process, log=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"the demo server exited:\n{log.read_text(errors='replace')[-3000:]}"
            )
        try:
            with urllib.request.urlopen(f"{server.origin}/", timeout=5) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.5)
    server.stop()
    raise RuntimeError("the demo server did not answer within 120 s")


def discard(home: Path) -> None:
    shutil.rmtree(home, ignore_errors=True)
