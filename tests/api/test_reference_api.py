from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_read_the_reference_vocabularies(client, refdata):
    body = client.get("/api/v1/reference/countries?central_asia=true").json()
    assert body["count"] == 5
    assert {c["code"] for c in body["items"]} == {"KZ", "KG", "TJ", "TM", "UZ"}


def test_substances_are_found_by_a_russian_synonym(client, refdata):
    body = client.get("/api/v1/reference/substances", {"q": "героин"}).json()
    assert any(item["name_en"].lower() == "heroin" for item in body["items"])


def test_lists_are_paginated(client, refdata):
    body = client.get("/api/v1/reference/countries?limit=10&offset=20").json()
    assert (
        body["limit"] == 10
        and body["offset"] == 20
        and len(body["items"]) == 10
        and body["count"] > 200
    )


def test_a_bad_parameter_gives_the_error_body(client, refdata):
    response = client.get("/api/v1/reference/countries?limit=0")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error" and body["message"] and body["details"]


def test_an_unknown_substance_is_not_found_with_the_error_body(client, refdata):
    response = client.get("/api/v1/reference/substances/no-such-thing")
    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "message": "Not found.", "details": None}


def test_reference_endpoints_refuse_writes(client, refdata):
    assert client.post("/api/v1/reference/countries").status_code == 405


def test_the_control_lists_say_their_version(client, refdata):
    body = client.get("/api/v1/reference/control-lists?kind=table_I").json()
    assert body["items"][0]["version"] and body["items"][0]["entries"]
