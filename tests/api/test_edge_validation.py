"""Validation at the edge: bounded numbers and closed choices are refused with 400, never
stored or answered with 500; an explicit other country is refused, not silently replaced."""

from __future__ import annotations

import json

import pytest

API = "/api/v1"


def _post(client, path, body, user=None):
    return client.post(f"{API}{path}", json.dumps(body), content_type="application/json")


@pytest.mark.parametrize("offset", ["18446744073709551616", "1000000001", "-1"])
def test_an_offset_out_of_bounds_is_a_validation_error(client, refdata, offset):
    answer = client.get(f"{API}/supply/seizures", {"offset": offset})
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_error"


@pytest.mark.parametrize("pk", ["9223372036854775808", "100000000000000000000", "0"])
def test_an_id_out_of_bounds_is_a_validation_error(client, refdata, pk):
    answer = client.get(f"{API}/supply/seizures/{pk}")
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_error"


def test_the_largest_id_is_simply_not_found(client, refdata):
    assert client.get(f"{API}/precursors/incidents/9223372036854775807").status_code == 404


def test_a_nul_character_is_refused_before_it_reaches_the_database(client, refdata):
    answer = client.get(f"{API}/knowledge/programmes", {"q": "a\x00b"})
    assert answer.status_code == 400
    assert answer.json()["details"] == {"field": "q"}


def test_a_nul_character_in_a_json_body_is_refused(client_of, personas):
    answer = _post(client_of(personas.kg_focal), "/supply/cases", {"reference": "A\u0000B"})
    assert answer.status_code == 400
    assert answer.json()["code"] == "validation_error"


@pytest.mark.parametrize("level", ["", "not-a-level", "PUBLIC"])
def test_confidentiality_is_a_closed_choice(client_of, personas, level):
    answer = _post(
        client_of(personas.kg_focal), "/supply/cases", {"reference": "C-1", "confidentiality": level}
    )
    assert answer.status_code == 400


@pytest.mark.parametrize("quantity", ["4.96e228", "-1", "1e308", "1000000000.001", "0.0001"])
def test_a_notification_quantity_out_of_bounds_is_refused(client_of, personas, quantity):
    body = {
        "reference": "KG-PEN-X", "exporting_country": "KG", "exporting_authority": "A",
        "importing_country": "UZ", "exporter": "E", "importer": "I", "substance": "Acetone",
        "quantity": quantity,
    }
    answer = _post(client_of(personas.kg_focal), "/precursors/notifications", body)
    assert answer.status_code == 400


def test_the_largest_notification_quantity_is_stored_and_read_back(client_of, personas):
    client = client_of(personas.kg_focal)
    body = {
        "reference": "KG-PEN-MAX", "exporting_country": "KG", "exporting_authority": "A",
        "importing_country": "UZ", "exporter": "E", "importer": "I", "substance": "Acetone",
        "quantity": "1000000000.000",
    }
    assert _post(client, "/precursors/notifications", body).status_code == 201
    listed = client.get(f"{API}/precursors/notifications")
    assert listed.status_code == 200
    assert listed.json()["items"][0]["quantity"] == "1000000000.000"


@pytest.mark.parametrize("count", [-1, 10**20, 1_000_000_001])
def test_case_counts_are_bounded(client_of, personas, count):
    answer = _post(
        client_of(personas.kg_focal), "/supply/cases", {"reference": "C-2", "persons_arrested": count}
    )
    assert answer.status_code == 400


def test_a_seizure_quantity_beyond_the_ceiling_is_refused(client_of, personas):
    answer = _post(
        client_of(personas.kg_focal), "/supply/seizures",
        {"date": "2026-01-02", "quantity_as_written": "4.96e228", "unit_as_written": "kg"},
    )
    assert answer.status_code == 400
    assert answer.json()["details"]["field"] == "quantity_as_written"


def _incident(country=None) -> dict:
    body = {
        "reference": "KG-INC-1", "kind": "diversion_attempt", "occurred_on": "2026-01-02",
        "chemical": "Acetone",
    }
    if country:
        body["country"] = country
    return body


def test_an_incident_for_another_country_is_refused_not_replaced(client_of, personas):
    from cadis.apps.precursors.models import PrecursorIncident

    answer = _post(client_of(personas.kg_provider), "/precursors/incidents", _incident("TJ"))
    assert answer.status_code == 403
    assert answer.json()["code"] == "permission_denied"
    assert not PrecursorIncident.objects.exists()


def test_an_incident_naming_the_callers_own_country_is_recorded(client_of, personas):
    answer = _post(client_of(personas.kg_provider), "/precursors/incidents", _incident("KG"))
    assert answer.status_code == 201
    assert answer.json()["country"] == "KG"
