"""The demo data of both modules loads, is labelled synthetic, and loads again without duplicates."""

from __future__ import annotations

import io

import pytest

from cadis.apps.exchange import demo as exchange_demo
from cadis.apps.exchange.models import Event, Recommendation
from cadis.apps.knowledge import demo as knowledge_demo
from cadis.apps.knowledge.models import Document, TreatmentService
from cadis.apps.operations.demo_accounts import ensure_demo_accounts

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates(refdata, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ensure_demo_accounts()
    for _ in range(2):
        knowledge_demo.load_demo(stdout=io.StringIO())
        exchange_demo.load_demo(stdout=io.StringIO())
    conference = Event.objects.get()
    assert conference.city == "Ashgabat" and conference.participating_countries.count() == 5
    assert conference.source_kind == "demo" and conference.sessions.count() == 5
    # The founding document: CADAP 7 implemented by FIIAPP; Polish, German, Lithuanian and
    # Spanish expert organisations spoke.
    assert "CADAP 7" in conference.organisers and "FIIAPP" in conference.organisers
    for country in ("Poland", "Germany", "Lithuania", "Spanish"):
        assert any(country in o for o in conference.participating_organisations), country
    assert sorted(Recommendation.objects.values_list("status", flat=True)) == [
        "adopted",
        "consultation",
        "draft",
    ]
    assert (
        TreatmentService.objects.exclude(source_kind="demo").count() == 0
        and TreatmentService.objects.count() == 8
    )
    assert Document.objects.exclude(source_kind="demo").count() == 0
