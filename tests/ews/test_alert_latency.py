"""End to end with a real worker: a lab report submitted through the API becomes a draft alert
with its evidence bundle in under 60 s (the harness is benchmarks/bench_alert_latency.py).

The clock starts at the POST, after a warm-up report has loaded the server's and the worker's
libraries along the same path; on failure the message splits the time into the API's answer,
the wait for the worker, the job's run and the evidence seen, with the load and the worker's
log."""

from __future__ import annotations

import importlib.util
import os
import socket
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_alert_latency.py"


def _free_port() -> int:
    """A free port in this project's range for the test server."""
    for port in range(8811, 8840):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8811-8839")


def _harness():
    spec = importlib.util.spec_from_file_location("bench_alert_latency", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_lab_report_through_the_api_is_a_draft_alert_with_evidence_within_a_minute(tmp_path):
    harness = _harness()
    env, token = harness.prepare(tmp_path)
    port = _free_port()
    db = tmp_path / "latency.sqlite3"
    with harness.Services(env, port, tmp_path) as services:
        # Not timed: the first report loads the libraries of the server and the worker.
        warm = harness.warm_up(port, token, db)
        try:
            seconds, evidence, phases = harness.report_once(port, token, db)
        except harness.LatencyTimeout as timeout:
            raise AssertionError(f"{timeout}\nworker log:\n{services.log_tail('worker')}") from None
        worker_log = services.log_tail("worker")
    print(f"lab report -> draft alert: {seconds:.2f} s (warm-up {warm:.1f} s); phases {phases}")
    assert seconds < 60, (
        f"lab report -> draft alert took {seconds:.1f} s (limit 60); phases, in seconds from the "
        f"POST: {phases}; load average {os.getloadavg()}; warm-up {warm:.1f} s\n"
        f"worker log:\n{worker_log}"
    )
    assert phases["job_status"] == "succeeded" and phases["job_taken_by_worker"] is not None
    weekly = [
        s
        for s in evidence["signals"]
        if s["freq"] == "W" and s["series"]["dimension"] == "substance_subdivision"
    ]
    assert len(weekly) == 1 and weekly[0]["series"]["area"] == "KG-GB"
    assert {t["method"] for t in weekly[0]["tests"]} >= {"ears_c1"}
    assert weekly[0]["tests"][0]["observed"] == 4.0
    assert all(0 < t["p_value"] < 0.01 for t in weekly[0]["tests"])
    assert evidence["identification"]["basis"] == "library_match"
    assert evidence["map"]["layer"][1]["data"]["values"]
