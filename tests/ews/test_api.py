"""API: profiles are public, detections scoped, alerts issued only, classification for everyone."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadis.apps.accounts import services as account_services
from cadis.apps.ews.models import Detection
from tests.ews.conftest import NEW_CATHINONE

pytestmark = pytest.mark.django_db
API = "/api/v1/ews"


def _post(client, path, body, **headers):
    return client.post(
        f"{API}{path}", data=json.dumps(body), content_type="application/json", **headers
    )


def test_profiles_are_public_and_searchable_by_synonym(client_of, library):
    body = client_of(None).get(f"{API}/profiles", {"q": "мефедр"}).json()
    assert [p["name_en"] for p in body["items"]] == ["Mephedrone"]
    assert body["items"][0]["inchikey"] and body["count"] == 1


def test_detections_are_scoped(client_of, personas, report):
    detection, _ = report(personas.kg_provider)
    assert client_of(personas.kg_analyst).get(f"{API}/detections").json()["count"] == 1
    assert client_of(personas.regional).get(f"{API}/detections").json()["count"] == 1
    assert client_of(personas.tj_analyst).get(f"{API}/detections").json()["count"] == 0
    assert client_of(None).get(f"{API}/detections").json()["count"] == 0
    assert client_of(None).get(f"{API}/detections/{detection.pk}").status_code == 404


def test_a_provider_reports_a_detection_with_a_token(client_of, personas, library):
    _token, key = account_services.api_token_create(
        actor=personas.kg_provider, user=personas.kg_provider, name="lab", access="read_write"
    )
    response = _post(
        client_of(None),
        "/detections",
        {
            "detected_on": "2026-05-02",
            "sample_type": "e_liquid",
            "methods": ["lc_hrms"],
            "structure": NEW_CATHINONE,
            "purity": 40,
        },
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["detection"]["category"] == "synthetic_cathinone"
    assert body["detection"]["classification"]["status"]["KZ"]["status"] == "controlled_derivative"
    assert body["alert_id"] is not None
    assert Detection.objects.get().source_kind == "api"


@pytest.mark.parametrize(
    ("structure", "code"),
    [
        ("C1CC((", "invalid_structure"),
        ("", "empty_input"),
        ("[Fe]", "inorganic_or_metal"),
        ("C" * 200, "too_large"),
    ],
)
def test_an_unusable_structure_is_a_400_with_a_clear_message(
    client_of, personas, library, structure, code
):
    response = _post(
        client_of(personas.kg_provider),
        "/detections",
        {"detected_on": "2026-05-02", "sample_type": "powder", "structure": structure},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error" and body["details"]["error_code"] == code
    assert body["message"]


@pytest.mark.parametrize(("who", "status"), [("kg_analyst", 403), (None, 401)])
def test_readers_cannot_report_detections(client_of, personas, library, who, status):
    user = getattr(personas, who) if who else None
    response = _post(
        client_of(user),
        "/detections",
        {"detected_on": "2026-05-02", "sample_type": "powder", "structure": NEW_CATHINONE},
    )
    assert response.status_code == status


def test_only_issued_alerts_are_listed(client_of, personas, report):
    from cadis.apps.ews.services import alert_issue

    _d, draft = report(personas.kg_provider)
    assert client_of(personas.kg_focal).get(f"{API}/alerts").json()["count"] == 0
    assert client_of(None).get(f"{API}/alerts/{draft.pk}").status_code == 404
    alert_issue(actor=personas.kg_focal, alert=draft, public=True)
    items = client_of(None).get(f"{API}/alerts").json()["items"]
    assert [a["id"] for a in items] == [draft.pk] and items[0]["countries"] == ["KG"]


def test_classify_answers_each_input_with_a_result_or_an_error(client_of, library):
    response = _post(
        client_of(None), "/classify", {"inputs": [NEW_CATHINONE, "C1CC((", "CCO.CNC(C)Cc1ccccc1"]}
    )
    first, bad, salt = response.json()
    assert first["category"] == "synthetic_cathinone" and first["known"] is None
    assert first["status"]["KG"]["parent"] == "Mephedrone"
    assert bad["error_code"] == "invalid_structure" and bad["message"]
    assert salt["known"]["name"] == "Methamphetamine"


def test_classify_refuses_an_empty_batch(client_of, library):
    assert _post(client_of(None), "/classify", {"inputs": []}).status_code == 400


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=80))
def test_identification_never_crashes_on_any_text(text):
    # OPSIN (a Java process per name) is left out here: this checks the parsing and our wrapper.
    from cadis.apps.ews.identify import identify
    from cadis.platform.errors import ValidationError

    try:
        result = identify(text, use_opsin=False)
    except ValidationError as exc:
        assert exc.message and exc.details["error_code"]
    else:
        assert result.inchikey
