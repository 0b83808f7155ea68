"""Exchange API: events, recommendations (audience rules) and implementation reports."""

from __future__ import annotations

import pytest

from cadis.apps.accounts import services as account_services
from cadis.apps.accounts.models import ApiToken
from tests.exchange.conftest import advance

pytestmark = pytest.mark.django_db


def _token(user) -> dict:
    _, raw = account_services.api_token_create(
        actor=user, user=user, name="t", access=ApiToken.Access.READ_WRITE
    )
    return {"Authorization": f"Bearer {raw}"}


def test_events_are_listed_with_delegations_and_agenda(event, client_of):
    body = client_of(None).get("/api/v1/exchange/events").json()
    assert body["count"] == 1 and set(body["items"][0]["participating_countries"]) == {
        "KG",
        "KZ",
        "TJ",
    }
    one = client_of(None).get(f"/api/v1/exchange/events/{event.pk}").json()
    assert (
        one["delegations"][0]["country"] == "KG" and one["sessions"][0]["title_en"] == "Session one"
    )
    assert client_of(None).get("/api/v1/exchange/events/999999").json()["code"] == "not_found"


def test_drafts_are_visible_only_to_their_audience(draft, personas, client_of):
    assert client_of(None).get("/api/v1/exchange/recommendations").json()["count"] == 0
    assert (
        client_of(personas.tj_focal).get(f"/api/v1/exchange/recommendations/{draft.pk}").status_code
        == 404
    )
    mine = client_of(personas.kg_focal).get(f"/api/v1/exchange/recommendations/{draft.pk}").json()
    assert mine["status"] == "draft" and len(mine["criteria"]) == 4


def test_a_country_reports_its_implementation_through_the_api(draft, personas, client_of):
    advance(draft, personas.kg_provider, "adopted")
    url = f"/api/v1/exchange/recommendations/{draft.pk}/implementations/KG"
    payload = {
        "status": "in_progress",
        "responsible_body": "Synthetic ministry",
        "milestone": "Synthetic step",
    }
    response = client_of(None).put(
        url, payload, content_type="application/json", headers=_token(personas.kg_focal)
    )
    assert response.status_code == 200, response.content
    assert response.json()["milestones"][0]["title"] == "Synthetic step"
    public = client_of(None).get(f"/api/v1/exchange/recommendations/{draft.pk}").json()
    assert public["implementations"][0]["status"] == "in_progress"
    denied = client_of(None).put(
        url, payload, content_type="application/json", headers=_token(personas.tj_focal)
    )
    assert denied.status_code == 403 and denied.json()["code"] == "permission_denied"
    assert client_of(None).put(url, payload, content_type="application/json").status_code == 401
