"""Knowledge API: programmes, services and documents, scoped like the pages."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cadis.apps.accounts import services as account_services
from cadis.apps.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


def test_programmes_are_listed_with_facet_filters(programmes, client_of):
    body = client_of(None).get("/api/v1/knowledge/programmes?area=harm_reduction").json()
    assert body["count"] >= 2 and all(p["area"] == "harm_reduction" for p in body["items"])
    one = client_of(None).get("/api/v1/knowledge/programmes/opioid-agonist-treatment").json()
    assert (
        one["evidence"] == "beneficial" and "methadone" in one["substances"] and one["references"]
    )


def test_an_unknown_programme_is_a_404_with_an_error_code(programmes, client_of):
    response = client_of(None).get("/api/v1/knowledge/programmes/nope")
    assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_documents_follow_the_access_level(library, personas, client_of):
    def titles(user):
        return {
            d["title"]
            for d in client_of(user)
            .get("/api/v1/knowledge/documents?query=изъятие")
            .json()["items"]
        }

    assert titles(None) == {"Public KG report"}
    assert titles(personas.tj_focal) == {"Public KG report"}
    assert titles(personas.kg_other_provider) == {"Public KG report", "Restricted KG note"}
    assert titles(personas.kg_focal) == {
        "Public KG report",
        "Restricted KG note",
        "Confidential KG memo",
    }
    memo = library["confidential"].pk
    assert client_of(None).get(f"/api/v1/knowledge/documents/{memo}").status_code == 404
    assert (
        "прекурсоров"
        in client_of(personas.kg_focal).get(f"/api/v1/knowledge/documents/{memo}").json()["text"]
    )


def test_services_endpoint_lists_public_services_to_anonymous(personas, client_of):
    from cadis.apps.knowledge import services

    services.service_save(
        actor=personas.kg_provider,
        data={
            "name_en": "Synthetic A",
            "name_ru": "А",
            "modalities": ["outpatient"],
            "confidentiality": "public",
        },
    )
    services.service_save(
        actor=personas.kg_provider,
        data={
            "name_en": "Synthetic B",
            "name_ru": "Б",
            "modalities": ["inpatient"],
            "confidentiality": "restricted",
        },
    )
    assert [
        s["name_en"] for s in client_of(None).get("/api/v1/knowledge/services").json()["items"]
    ] == ["Synthetic A"]
    mine = (
        client_of(personas.kg_analyst)
        .get("/api/v1/knowledge/services?modality=inpatient")
        .json()["items"]
    )
    assert [s["name_en"] for s in mine] == ["Synthetic B"]


def test_uploading_needs_a_write_token_and_a_writer(personas, client_of):
    _, raw = account_services.api_token_create(
        actor=personas.kg_provider,
        user=personas.kg_provider,
        name="t",
        access=ApiToken.Access.READ_WRITE,
    )
    upload = SimpleUploadedFile("synthetic.txt", "Изъято 2 кг".encode())
    response = client_of(None).post(
        "/api/v1/knowledge/documents",
        {"file": upload, "title": "API doc", "countries": ["KG"], "confidentiality": "public"},
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["countries"] == ["KG"]
    assert client_of(None).post("/api/v1/knowledge/documents", {"title": "x"}).status_code == 401
    bad = client_of(None).post(
        "/api/v1/knowledge/documents",
        {"file": SimpleUploadedFile("x.txt", b""), "title": "x"},
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert bad.status_code == 400 and bad.json()["code"] == "bad_input_file"
    _, analyst = account_services.api_token_create(
        actor=personas.kg_analyst,
        user=personas.kg_analyst,
        name="t",
        access=ApiToken.Access.READ_WRITE,
    )
    denied = client_of(None).post(
        "/api/v1/knowledge/documents",
        {"title": "x", "url": "https://example.org"},
        headers={"Authorization": f"Bearer {analyst}"},
    )
    assert denied.status_code == 403
