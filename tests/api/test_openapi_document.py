"""The served OpenAPI document is valid, names each schema once, says where the server is, and
describes the server's answers: checked with `openapi-spec-validator` and with a Python client
that `openapi-python-client` generates from it and that lists seizures against a live server."""

from __future__ import annotations

import datetime as dt
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import validate
from pydantic import BaseModel


def _served(client) -> dict:
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    return answer.json()


@pytest.mark.django_db
def test_the_served_document_is_valid_openapi(client):
    validate(_served(client))


@pytest.mark.django_db
def test_the_document_names_the_installation_as_its_server(client, settings):
    settings.SITE_URL = "https://cadis.example.org/"
    assert _served(client)["servers"] == [
        {"url": "https://cadis.example.org", "description": "this installation"}
    ]


def _models_of(annotation, seen: set) -> None:
    """Every pydantic model reachable from an annotation (fields, lists, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        for field in annotation.model_fields.values():
            _models_of(field.annotation, seen)
        return
    for argument in getattr(annotation, "__args__", ()) or ():
        _models_of(argument, seen)


def test_no_two_schemas_of_the_api_share_a_name():
    from cadis.api.api import api

    seen: set = set()
    for _prefix, router in api._routers:
        for path_view in router.path_operations.values():
            for operation in path_view.operations:
                for model in operation.response_models.values():
                    if model is not None and hasattr(model, "__annotations__"):
                        _models_of(model.__annotations__.get("response"), seen)
                for model in operation.models:
                    _models_of(model, seen)
    names: dict[str, set[str]] = {}
    for model in seen:
        if model.__module__.startswith("cadis."):
            names.setdefault(model.__name__, set()).add(f"{model.__module__}.{model.__qualname__}")
    assert {name: where for name, where in names.items() if len(where) > 1} == {}
    assert "RecommendationImplementationOut" in names and "ProgrammeImplementationOut" in names


def test_every_operation_documents_400_and_401_with_the_error_body(client, db):
    document = _served(client)
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            for status in ("400", "401"):
                body = operation["responses"][status]["content"]["application/json"]["schema"]
                assert body == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)


# POSTs that only compute (classify structures, search spectra) and store nothing.
STORES_NOTHING = {
    "/api/v1/ews/classify", "/api/v1/ews/spectra/search", "/api/v1/ews/spectra/suspects",
}


def test_every_write_documents_403(client, db):
    document = _served(client)
    writes = [
        (method, path, operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
        if method in ("post", "put", "patch", "delete") and path not in STORES_NOTHING
    ]
    assert len(writes) >= 14
    for method, path, operation in writes:
        assert "403" in operation["responses"], (method, path)


def test_an_anonymous_write_is_refused_with_the_documented_401(client, refdata):
    answer = client.post(
        "/api/v1/supply/seizures",
        {"date": "2026-01-01", "quantity_as_written": "1 kg"},
        content_type="application/json",
    )
    assert answer.status_code == 401
    assert answer.json()["code"] == "not_authenticated"


def test_a_signed_in_write_without_its_csrf_token_is_still_refused(personas):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.kg_focal)
    answer = browser.post(
        "/api/v1/supply/seizures",
        {"date": "2026-01-01", "quantity_as_written": "1 kg"},
        content_type="application/json",
    )
    assert answer.status_code == 403
    assert answer.json()["code"] == "permission_denied"


def _generate_client(document_path: Path, out: Path) -> None:
    config = out.parent / "client-config.yml"
    config.write_text(
        "project_name_override: cadis-client\npackage_name_override: cadis_client\npost_hooks: []\n"
    )
    generator = Path(sys.executable).with_name("openapi-python-client")
    subprocess.run(
        [str(generator), "generate", "--path", str(document_path), "--config", str(config),
         "--meta", "none", "--output-path", str(out)],
        check=True, capture_output=True, timeout=300,
    )


@pytest.mark.django_db(transaction=True)
def test_a_generated_python_client_lists_seizures_with_a_token(live_server, personas, tmp_path):
    import json

    from django.test import Client

    from cadis.apps.accounts import services as account_services
    from cadis.apps.accounts.models import ApiToken
    from cadis.apps.supply import services as supply_services

    seizure = supply_services.seizure_create(
        actor=personas.kg_focal,
        data={"date": dt.date(2026, 3, 1), "quantity_as_written": "2.5", "unit_as_written": "kg",
              "substance_as_written": "heroin", "confidentiality": "restricted"},
    )
    _, token = account_services.api_token_create(
        actor=personas.kg_focal, user=personas.kg_focal, name="client", access=ApiToken.Access.READ
    )
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(_served(Client())), encoding="utf-8")
    _generate_client(document, tmp_path / "cadis_client")

    sys.path.insert(0, str(tmp_path))
    try:
        cadis_client = importlib.import_module("cadis_client")
        seizure_list = importlib.import_module(
            "cadis_client.api.supply.cadis_apps_supply_api_seizure_list"
        )
        with cadis_client.AuthenticatedClient(base_url=live_server.url, token=token) as api:
            page = seizure_list.sync(client=api, limit=10)
            anonymous = seizure_list.sync(client=cadis_client.Client(base_url=live_server.url))
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == "cadis_client" or n.startswith("cadis_client.")]:
            del sys.modules[name]
    assert type(page).__name__ == "PagedSeizureOut"
    assert [item.id for item in page.items] == [seizure.pk]
    assert page.items[0].country == "KG"
    assert page.items[0].normalised_quantity == 2.5
    # The restricted seizure is not public: the anonymous public sees an empty page.
    assert anonymous.count == 0
