"""The supply API with personas: own country, other country, anonymous, other organisation."""

from __future__ import annotations

import pytest

from cadis.apps.supply.models import Seizure

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(personas, make_seizure):
    return [
        make_seizure(confidentiality="public", quantity="7"),
        make_seizure(confidentiality="restricted", quantity="3"),
    ]


def test_seizure_lists_follow_the_scope(client_of, personas, records):
    assert client_of(None).get("/api/v1/supply/seizures").json()["count"] == 1
    assert client_of(personas.tj_analyst).get("/api/v1/supply/seizures").json()["count"] == 1
    assert client_of(personas.kg_analyst).get("/api/v1/supply/seizures").json()["count"] == 2
    item = client_of(None).get("/api/v1/supply/seizures").json()["items"][0]
    assert (
        item["normalised_unit"] == "kg" and item["country"] == "KG" and item["synthetic"] is False
    )


def test_one_seizure_is_not_found_outside_the_scope(client_of, personas, records):
    path = f"/api/v1/supply/seizures/{records[1].pk}"
    assert client_of(personas.kg_analyst).get(path).status_code == 200
    response = client_of(personas.tj_analyst).get(path)
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert client_of(None).get(path).status_code == 404


def test_aggregates_match_the_dashboard_and_say_they_are_event_data(client_of, personas, records):
    body = client_of(personas.kg_analyst).get("/api/v1/supply/aggregates/substance").json()
    assert (
        body["data"] == "events"
        and body["rows"][0]["kg"] == 10
        and body["rows"][0]["seizures"] == 2
    )
    public = client_of(None).get("/api/v1/supply/aggregates/period", {"grain": "quarter"}).json()
    assert public["rows"] == [
        {"code": "2024-01-01", "label": "2024 Q1", "kg": 7.0, "units": 0.0, "seizures": 1}
    ]
    totals = client_of(personas.tj_analyst).get("/api/v1/supply/totals").json()
    assert totals["seizures"]["seizures"] == 1
    assert client_of(None).get("/api/v1/supply/aggregates/nothing").status_code == 400


def test_writers_create_seizures_and_others_are_refused(client_of, personas):
    payload = {
        "date": "12.03.2024",
        "substance": "heroin",
        "quantity_as_written": "15 т 106 кг 549 г",
        "concealment_methods": ["vacuum_packaging"],
    }
    response = client_of(personas.kg_provider).post(
        "/api/v1/supply/seizures", payload, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["normalised_quantity"] == pytest.approx(
        15106.549
    )
    assert Seizure.objects.get().source_kind == "api"
    refused = client_of(personas.kg_analyst).post(
        "/api/v1/supply/seizures", payload, content_type="application/json"
    )
    assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
    assert (
        client_of(None)
        .post("/api/v1/supply/seizures", payload, content_type="application/json")
        .status_code
        == 401
    )
    bad = client_of(personas.kg_provider).post(
        "/api/v1/supply/seizures",
        {**payload, "quantity_as_written": "1.300", "unit_as_written": "кг"},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["details"]["code"] == "ambiguous_number"


def test_cases_and_period_statistics_are_scoped(client_of, personas):
    from cadis.apps.supply import services

    services.case_create(
        actor=personas.kg_provider, data={"reference": "K-1", "persons_arrested": 3}
    )
    services.period_statistic_create(
        actor=personas.kg_provider,
        data={
            "indicator": "groups_dismantled",
            "value": 16,
            "unit": "count",
            "period_start": __import__("datetime").date(2024, 1, 1),
            "period_end": __import__("datetime").date(2024, 12, 31),
            "confidentiality": "public",
        },
    )
    assert client_of(personas.kg_analyst).get("/api/v1/supply/cases").json()["count"] == 1
    assert client_of(personas.tj_analyst).get("/api/v1/supply/cases").json()["count"] == 0
    assert client_of(None).get("/api/v1/supply/period-statistics").json()["count"] == 1


def test_writers_record_joint_cases_and_period_statistics(client_of, personas):
    case = {
        "reference": "JOINT-7",
        "agencies": ["kg_mvd", "kz_mvd"],
        "groups_dismantled": 2,
        "group_members": 9,
        "persons_arrested": 4,
        "labs": [{"kind": "synthetic", "products": "мефедрон"}],
    }
    response = client_of(personas.kg_provider).post(
        "/api/v1/supply/cases", case, content_type="application/json"
    )
    assert response.status_code == 201 and response.json()["agencies"] == ["kg_mvd", "kz_mvd"]
    again = client_of(personas.kg_provider).post(
        "/api/v1/supply/cases", case, content_type="application/json"
    )
    assert again.status_code == 409 and again.json()["code"] == "conflict"
    stat = {
        "indicator": "groups_dismantled",
        "value": 16,
        "period_start": "2024-01-01",
        "period_end": "2024-12-31",
        "source_text": "synthetic figure",
        "confidentiality": "public",
    }
    assert (
        client_of(personas.kg_provider)
        .post("/api/v1/supply/period-statistics", stat, content_type="application/json")
        .status_code
        == 201
    )
    backwards = {**stat, "period_end": "2023-01-01"}
    response = client_of(personas.kg_provider).post(
        "/api/v1/supply/period-statistics", backwards, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["code"] == "validation_error"
    assert (
        client_of(personas.tj_analyst)
        .post("/api/v1/supply/cases", {**case, "reference": "X"}, content_type="application/json")
        .status_code
        == 403
    )
