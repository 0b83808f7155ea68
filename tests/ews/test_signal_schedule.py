"""The signal tests run on the worker's timer and after imports of seizures, queued as jobs."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from cadis.apps.ews.jobs import SIGNAL_JOB, schedule_signals
from cadis.apps.jobs import recovery, schedule
from cadis.apps.jobs.models import Job
from cadis.apps.reference.models import CENTRAL_ASIA


def _signal_jobs():
    return list(Job.objects.filter(kind=SIGNAL_JOB).order_by("pk"))


def test_the_worker_timer_runs_each_duty_at_start_and_every_interval(monkeypatch):
    calls: dict[str, list[float]] = {"fast": [], "off": [], "recovery": []}
    fast_done = threading.Event()

    def fast():
        calls["fast"].append(time.monotonic())
        if len(calls["fast"]) == 4:
            fast_done.set()

    def broken():
        calls["off"].append(time.monotonic())
        raise RuntimeError("a failing duty must not stop the others")

    duties = [
        schedule.Periodic("fast", lambda: 0.1, fast),
        schedule.Periodic("broken", lambda: 0.1, broken),
        schedule.Periodic("off", lambda: 0, lambda: calls["off"].append(-1.0)),
    ]
    monkeypatch.setattr(recovery, "periodic_duties", lambda: duties)
    monkeypatch.setattr(recovery, "check_interval", lambda: 0.25)
    monkeypatch.setattr(recovery, "recover_stale_jobs", lambda: calls["recovery"].append(1.0))
    watcher = recovery.Watcher()
    started = time.monotonic()
    watcher.start()
    try:
        assert fast_done.wait(10), "the duty every 0.1 s did not run four times in 10 s"
    finally:
        watcher.stop()
        watcher.join(5)
    assert not watcher.is_alive()
    first, *later = calls["fast"]
    assert first - started < 0.5  # at start, not after one interval
    gaps = [b - a for a, b in zip(calls["fast"], later, strict=False)]
    assert all(gap >= 0.09 for gap in gaps)
    assert -1.0 not in calls["off"]  # interval 0: never run
    assert len(calls["off"]) >= 3  # the broken duty kept being tried: it stopped nothing
    assert calls["recovery"]  # orphan recovery still runs on the same timer


def test_the_signal_tests_are_registered_on_the_timer_with_their_setting(settings):
    [duty] = [d for d in schedule.periodic_duties() if d.name == SIGNAL_JOB]
    settings.CADIS_SIGNALS_INTERVAL_SECONDS = 900
    assert duty.interval() == 900
    settings.CADIS_SIGNALS_INTERVAL_SECONDS = 0
    assert duty.interval() == 0


@pytest.mark.django_db
def test_the_timer_queues_the_five_countries_once_per_interval(
    settings, django_capture_on_commit_callbacks
):
    settings.CADIS_SIGNALS_INTERVAL_SECONDS = 3600
    with django_capture_on_commit_callbacks(execute=True):
        job = schedule_signals()
    assert job is not None
    job.refresh_from_db()
    assert job.status == Job.Status.QUEUED and job.task_id  # handed to the task queue
    assert job.params == {"countries": list(CENTRAL_ASIA), "scheduled": True}
    # Another worker's timer, or this one restarted: nothing more while the job waits ...
    assert schedule_signals() is None
    # ... nor within the interval after it ran.
    Job.objects.filter(pk=job.pk).update(status=Job.Status.SUCCEEDED)
    assert schedule_signals() is None
    # One interval later the timer queues the tests again.
    Job.objects.filter(pk=job.pk).update(created_at=job.created_at - dt.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        again = schedule_signals()
    assert again is not None and again.pk != job.pk
    settings.CADIS_SIGNALS_INTERVAL_SECONDS = 0
    Job.objects.filter(pk=again.pk).update(
        status=Job.Status.SUCCEEDED, created_at=job.created_at - dt.timedelta(hours=2)
    )
    assert schedule_signals() is None
    assert len(_signal_jobs()) == 2


@pytest.mark.django_db
def test_a_seizure_import_queues_the_signal_tests_of_its_country_after_commit(
    personas, django_capture_on_commit_callbacks
):
    from cadis.apps.supply import imports
    from tests.supply.conftest import GOOD_ROWS, csv_bytes

    data = csv_bytes(GOOD_ROWS)
    batch = imports.import_upload(
        actor=personas.kg_provider, data=data, file_name="kg-2024.csv"
    )
    batch = imports.import_check(actor=personas.kg_provider, batch=batch)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        imports.import_commit(actor=personas.kg_provider, batch=batch)
    assert _signal_jobs() == []  # queued once the import commits, not inline
    for callback in callbacks:
        callback()
    [job] = _signal_jobs()
    assert job.params["countries"] == ["KG"] and job.params["reason"] == "import"
    assert job.status == Job.Status.QUEUED
    # A second file while that job still waits: the waiting job will read both.
    again = imports.import_upload(
        actor=personas.kg_provider,
        data=csv_bytes(["01.06.2024;KG;;героин;2;кг;;"]),
        file_name="kg-2024-06.csv",
    )
    again = imports.import_check(actor=personas.kg_provider, batch=again)
    with django_capture_on_commit_callbacks(execute=True):
        imports.import_commit(actor=personas.kg_provider, batch=again)
    assert len(_signal_jobs()) == 1


@pytest.mark.django_db
def test_an_import_that_writes_nothing_new_queues_nothing(
    personas, django_capture_on_commit_callbacks
):
    from cadis.apps.supply import imports
    from tests.supply.conftest import GOOD_ROWS, csv_bytes

    data = csv_bytes(GOOD_ROWS)
    first = imports.import_check(
        actor=personas.kg_provider,
        batch=imports.import_upload(actor=personas.kg_provider, data=data, file_name="a.csv"),
    )
    imports.import_commit(actor=personas.kg_provider, batch=first)
    second = imports.import_check(
        actor=personas.kg_provider,
        batch=imports.import_upload(actor=personas.kg_provider, data=data, file_name="b.csv"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        imports.import_commit(actor=personas.kg_provider, batch=second)
    assert _signal_jobs() == []
