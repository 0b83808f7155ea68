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


def test_the_english_demo_release_is_quoted_in_english_on_a_russian_page(refdata, client_of):
    from cadis.apps.accounts.models import User

    load_demo()
    english = Document.objects.get(source_kind="demo", language="en")
    assert english.publisher == "cadis"  # the demo's own words say it is invented
    client = client_of(User.objects.get(username="kg_focal"))
    client.cookies["django_language"] = "ru"
    html = client.get(f"/documents/{english.pk}/").content.decode()
    assert f'<h1><span lang="en">{english.title}</span>' in html
    assert '<span class="tag synthetic">синтетические данные</span>' in html
    assert '«<span lang="en">14.2 kg of heroin</span>»' in html
    assert '<div class="doc-text" id="doc-text" lang="en">' in html
