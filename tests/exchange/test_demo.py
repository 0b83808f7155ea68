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


def _page(client, path: str, language: str) -> str:
    client.cookies["django_language"] = language
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_demo_texts_are_in_their_authors_language_and_marked_on_pages_of_the_other(
    refdata, settings, client_of
):
    from cadis.apps.accounts.models import User
    from cadis.apps.exchange.models import Thread

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    ensure_demo_accounts()
    knowledge_demo.load_demo(stdout=io.StringIO())
    exchange_demo.load_demo(stdout=io.StringIO())
    client = client_of(User.objects.get(username="kg_focal"))
    conference = Event.objects.get()

    html = _page(client, f"/exchange/events/{conference.pk}/", "ru")
    # The EU partners' names, as the founding document lists them, marked as English ...
    assert '<span lang="en">Akzept (Germany)</span>' in html
    assert '<span lang="en">National Centre for Addiction Prevention (Poland)</span>' in html
    # ... the Central Asian delegations' and speakers' words in Russian, unmarked.
    assert "<td>Государственные учреждения и НПО</td>" in html
    assert "<td>МВД Туркменистана</td>" in html
    assert "Synthetic" not in html and "(synthetic)" not in html

    thread = Thread.objects.get(title__startswith="Курительные смеси")
    html = _page(client, f"/exchange/discussions/{thread.pk}/", "en")
    assert f'<h1><span lang="ru">{thread.title}</span></h1>' in html
    assert '<p><span lang="ru">Демонстрационный ответ: мы пилотируем' in html

    adopted = Recommendation.objects.get(status="adopted")
    html = _page(client, f"/exchange/recommendations/{adopted.pk}/", "ru")
    assert '<span class="tag synthetic">синтетические данные</span>' in html
    assert "Охватывает и отцов, и матерей" in html and "Synthetic:" not in html
    html = _page(client, f"/exchange/recommendations/{adopted.pk}/", "en")
    assert '<td><span lang="ru">Министерство здравоохранения</span></td>' in html
