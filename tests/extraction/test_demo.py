from __future__ import annotations

import pytest

from cadis.apps.extraction.demo import load_demo
from cadis.apps.extraction.models import Fact
from cadis.apps.knowledge.models import Document

pytestmark = pytest.mark.django_db


def test_the_demo_ingests_two_synthetic_releases_and_accepts_some_facts(refdata):
    first = load_demo()
    assert first["documents"] == 2 and first["accepted"] >= 4
    documents = Document.objects.filter(source_kind="demo")
    assert documents.count() == 2 and all(
        "ynthetic" in d.title or "интетич" in d.title for d in documents
    )
    assert (
        Fact.objects.filter(status="accepted", record_id__isnull=False).count() == first["accepted"]
    )
    from cadis.apps.supply.models import PeriodStatistic, Seizure

    assert Seizure.objects.filter(source_kind="demo", source_ref__document__isnull=False).exists()
    assert PeriodStatistic.objects.filter(source_kind="demo").exists()
    assert load_demo() == {"documents": 0, "accepted": 0}
