"""The synthetic demo: detections in the five countries, drafts and issued alerts, idempotent."""

from __future__ import annotations

import io

import pytest

from cadis.apps.ews.models import Alert, Detection, ReferenceSpectrum

pytestmark = pytest.mark.django_db


def test_the_demo_loads_synthetic_detections_and_alerts_once(library):
    from cadis.apps.ews.demo import load_demo
    from cadis.apps.operations.demo_accounts import ensure_demo_accounts

    ensure_demo_accounts()
    load_demo(stdout=io.StringIO())
    detections = Detection.objects.all()
    assert set(detections.values_list("country__code", flat=True)) == {"KZ", "KG", "TJ", "TM", "UZ"}
    assert not detections.exclude(source_kind="demo").exists()
    assert (
        Alert.objects.filter(status="issued").exists()
        and Alert.objects.filter(status="draft").exists()
    )
    count = detections.count()
    refs = ReferenceSpectrum.objects.all()
    assert refs.count() == 10 and not refs.exclude(source_kind="demo").exists()
    assert all(r.is_synthetic for r in refs)
    load_demo(stdout=io.StringIO())
    assert Detection.objects.count() == count
    assert ReferenceSpectrum.objects.count() == 10
