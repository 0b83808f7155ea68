"""The synthetic demo data loads once, is labelled synthetic, and is confidential where it must be."""

from __future__ import annotations

import io
import re

import pytest
from django.utils.html import strip_tags

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


def test_the_demo_records_are_written_in_russian_and_tagged_synthetic_in_the_readers_language(
    refdata, client_of
):
    from cadis.apps.accounts.models import User

    ensure_demo_accounts()
    load_demo(stdout=io.StringIO())
    notification = PreExportNotification.objects.get(reference="KZ-PEN-DEMO-1")
    incident = PrecursorIncident.objects.get(reference="KZ-PICS-DEMO-3")
    # The Kazakh authorities' free text is Russian, with no marker words of its own.
    assert notification.exporter == "ТОО «Пример-Химия»"
    assert incident.modus_operandi.startswith("Арендованный гараж")
    client = client_of(User.objects.get(username="kz_focal"))
    paths = (
        f"/precursors/notifications/{notification.pk}/",
        f"/precursors/incidents/{incident.pk}/",
    )
    client.cookies["django_language"] = "ru"
    for path in paths:
        html = client.get(path).content.decode()
        assert '<span class="tag synthetic">синтетические данные</span>' in html
        # Visible text only: the tag's class is "synthetic", references read KZ-PEN-DEMO-1.
        text = strip_tags(html.split("<body", 1)[1])
        assert not re.search(r"\b[Ss]ynthetic\b|\binvented\b|\b[Dd]emo\b", text), path
    assert "<dd>ТОО «Пример-Химия»</dd>" in client.get(paths[0]).content.decode()
    # On an English page the same Russian text is marked as Russian.
    client.cookies["django_language"] = "en"
    html = client.get(paths[0]).content.decode()
    assert '<span class="tag synthetic">synthetic</span>' in html
    assert '<dd><span lang="ru">ТОО «Пример-Химия»</span></dd>' in html
    html = client.get(paths[1]).content.decode()
    assert '<span lang="ru">Арендованный гараж; лабораторная посуда' in html
