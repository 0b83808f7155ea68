"""The synthetic demo: five countries, labelled synthetic, idempotent."""

from __future__ import annotations

import io

from cadis.apps.operations.demo_accounts import ensure_demo_accounts
from cadis.apps.treatment.demo import load_demo
from cadis.apps.treatment.models import HarmRecord, TdiRelease, TreatmentEpisode


def test_the_demo_loads_synthetic_data_for_the_five_countries_once(refdata):
    ensure_demo_accounts()
    load_demo(stdout=io.StringIO(), scale=0.02)
    count = TreatmentEpisode.objects.count()
    assert set(TreatmentEpisode.objects.values_list("country__code", flat=True).distinct()) == {
        "KZ",
        "KG",
        "TJ",
        "TM",
        "UZ",
    }
    assert not TreatmentEpisode.objects.exclude(source_kind="demo").exists()
    assert (
        HarmRecord.objects.filter(source__icontains="synthetic").count()
        == HarmRecord.objects.count()
        > 0
    )
    assert TdiRelease.objects.count() == 25
    load_demo(stdout=io.StringIO(), scale=0.02)
    assert TreatmentEpisode.objects.count() == count
