"""The synthetic demo data loads once, is labelled synthetic, and is confidential where it must be."""

from __future__ import annotations

import io

import pytest

from cadis.apps.operations.demo_accounts import ensure_demo_accounts
from cadis.apps.precursors.demo import declarations_csv, load_demo
from cadis.apps.precursors.models import PrecursorIncident, PreExportNotification, ScreeningJob

pytestmark = pytest.mark.django_db


def test_the_demo_loads_a_screened_job_notifications_and_incidents_once(refdata, client_of):
    ensure_demo_accounts()
    for _ in range(2):
        load_demo(stdout=io.StringIO())
    job = ScreeningJob.objects.get()
    assert (
        job.source_kind == "demo" and job.confidentiality == "confidential" and job.status == "done"
    )
    assert job.lines == 240 and 0 < job.flagged < job.lines
    assert PreExportNotification.objects.filter(source_kind="demo").count() == 3
    assert PrecursorIncident.objects.filter(source_kind="demo").count() == 3
    linked = PrecursorIncident.objects.get(reference="KZ-PICS-DEMO-1")
    assert linked.screening_results.count() == 1 and linked.notifications.count() == 1
    overdue = PreExportNotification.objects.get(reference="KZ-PEN-DEMO-2")
    assert overdue.is_overdue
    # The PEN Online fields are filled, so the PEN export has something in every column group.
    rail = PreExportNotification.objects.get(reference="KZ-PEN-DEMO-3")
    assert (rail.hs_code, rail.transport_mode.code) == ("290230", "rail_freight")
    assert list(rail.transit_countries.values_list("code", flat=True)) == ["UZ"]
    first = PreExportNotification.objects.get(reference="KZ-PEN-DEMO-1")
    assert first.pure_quantity < first.quantity
    assert [i.role for i in first.intermediaries.all()] == ["freight_forwarder"]


def test_the_synthetic_file_is_deterministic():
    assert declarations_csv() == declarations_csv()
    assert declarations_csv().count("\n") == 241
