"""Adding and editing events, their agenda and delegations; one's own expert profile."""

from __future__ import annotations

import datetime as dt

import pytest

from cadis.apps.exchange.models import Event, Expert
from cadis.apps.exchange.services import events as event_services
from cadis.platform.errors import PermissionDenied, ValidationError

pytestmark = pytest.mark.django_db


def test_a_focal_point_adds_an_event_through_the_form(personas, client_of, countries):
    client = client_of(personas.kg_focal)
    assert 'id="new-event"' in client.get("/exchange/events/").content.decode()
    response = client.post(
        "/exchange/events/new/",
        {
            "title_ru": "Синтетический тренинг",
            "title_en": "Synthetic training",
            "kind": "training",
            "starts_on": "2025-05-01",
            "ends_on": "2025-05-02",
            "city": "Osh",
            "organisers": "Synthetic",
            "participating_countries": [countries["KG"].pk],
            "confidentiality": "public",
            "organisations_text": "Synthetic NGO\nSynthetic ministry",
        },
    )
    event = Event.objects.get(title_en="Synthetic training")
    assert response.status_code == 302 and event.organisation == personas.kg_org
    assert event.participating_organisations == ["Synthetic NGO", "Synthetic ministry"]


def test_dates_are_checked(personas, event):
    with pytest.raises(ValidationError):
        event_services.event_update(
            actor=personas.kg_focal, event=event, data={"ends_on": dt.date(2024, 1, 1)}
        )
    with pytest.raises(ValidationError):
        event_services.session_add(
            actor=personas.kg_focal,
            event=event,
            day=dt.date(2025, 1, 1),
            title_ru="x",
            title_en="x",
        )


def test_only_the_organising_side_edits_an_event(personas, event, client_of):
    for intruder in (personas.tj_focal, personas.kg_other_provider):
        with pytest.raises(PermissionDenied):
            event_services.event_update(actor=intruder, event=event, data={"city": "Elsewhere"})
        assert client_of(intruder).get(f"/exchange/events/{event.pk}/edit/").status_code == 403
        assert (
            client_of(intruder).post(f"/exchange/events/{event.pk}/sessions/", {}).status_code
            == 403
        )
    assert client_of(personas.kg_analyst).get("/exchange/events/new/").status_code == 403


def test_agenda_and_delegations_through_the_event_page(personas, event, client_of, countries):
    client = client_of(personas.kg_focal)
    page = client.get(f"/exchange/events/{event.pk}/").content.decode()
    assert 'id="session-form"' in page and 'id="delegation-form"' in page
    client.post(
        f"/exchange/events/{event.pk}/sessions/",
        {"day": "2024-11-28", "title_ru": "Итоги", "title_en": "Wrap-up", "speakers": "Synthetic"},
    )
    client.post(
        f"/exchange/events/{event.pk}/delegations/",
        {"country": "TJ", "head": "Synthetic TJ head", "size": 2},
    )
    html = client.get(f"/exchange/events/{event.pk}/").content.decode()
    assert "Итоги" in html and "Synthetic TJ head" in html
    assert (
        'id="session-form"'
        not in client_of(personas.tj_focal).get(f"/exchange/events/{event.pk}/").content.decode()
    )


def test_any_signed_in_user_keeps_one_expert_profile(personas, client_of):
    client = client_of(personas.kg_analyst)
    assert client.get("/exchange/experts/me/").status_code == 200
    for bio in ("First", "Second"):
        client.post(
            "/exchange/experts/me/",
            {
                "full_name": "Synthetic Analyst",
                "expertise": ["monitoring"],
                "languages": ["ru", "en"],
                "bio_en": bio,
                "confidentiality": "public",
            },
        )
    expert = Expert.objects.get(user=personas.kg_analyst)
    assert (
        expert.bio_en == "Second"
        and expert.country.code == "KG"
        and expert.expertise == ["monitoring"]
    )
    assert "Synthetic Analyst" in client_of(None).get("/exchange/experts/").content.decode()
    with pytest.raises(ValidationError):
        event_services.expert_profile_save(actor=personas.regional, data={"full_name": "R"})
    assert client_of(None).get("/exchange/experts/me/").status_code == 302
