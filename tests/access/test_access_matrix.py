"""Endpoint × persona: every page and API operation, asked by each of ten personas, one request each.

The pages come from the URL configuration, the operations from the OpenAPI document; each must
have an entry in its app's access table (``<app>/access.py``, ``cadis.platform.access``) with
the exact status every persona receives. A new page or operation without an entry fails
``test_every_page_has_an_entry`` / ``test_every_operation_has_an_entry``; an entry for something
that no longer exists fails too. Each cell runs in a savepoint that is rolled back, so a write
by one persona does not change what the next one sees.
"""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cadis.platform.access import PERSONAS, AccessTable, Entry, access_tables
from tests.access.world import World

# Django's admin is Django's own (staff only, its own permission system): not in the tables.
SKIPPED_NAMESPACES = ("admin",)
API_NAMESPACE = "api-1.0.0"
# The API's own pages (the document, its viewer, the root) are URL patterns, not operations.
API_PAGES = ("openapi-json", "openapi-view", "api-root")


def _url_names() -> set[str]:
    names: set[str] = set()

    def walk(resolver: URLResolver, namespace: str | None) -> None:
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                if inner in SKIPPED_NAMESPACES:
                    continue
                walk(pattern, joined)
            elif isinstance(pattern, URLPattern):
                if namespace == API_NAMESPACE and pattern.name not in API_PAGES:
                    continue  # an API operation: checked against the OpenAPI document
                if pattern.name is None:
                    raise AssertionError(f"URL pattern {pattern.pattern} has no name")
                names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    walk(get_resolver(), None)
    return names


def _operation_keys() -> set[str]:
    from cadis.api.api import api

    schema = api.get_openapi_schema()
    return {
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
    }


def _tables() -> list[AccessTable]:
    return list(access_tables())


def _duplicates(keys: list[str]) -> list[str]:
    return sorted({k for k in keys if keys.count(k) > 1})


def test_every_page_has_an_entry(db):
    declared = [e.key for t in _tables() for e in t.pages]
    assert _duplicates(declared) == []
    assert sorted(_url_names() - set(declared)) == [], "pages without an access entry"
    assert sorted(set(declared) - _url_names()) == [], "access entries for pages that do not exist"


def test_every_operation_has_an_entry(db):
    declared = [e.key for t in _tables() for e in t.operations]
    assert _duplicates(declared) == []
    assert sorted(_operation_keys() - set(declared)) == [], "operations without an access entry"
    assert sorted(set(declared) - _operation_keys()) == [], (
        "entries for operations that do not exist"
    )


def test_every_table_names_ten_exact_statuses():
    for table in _tables():
        for entry in (*table.pages, *table.operations):
            assert len(entry.statuses) == len(PERSONAS), entry.key
            assert all(100 <= s <= 599 for s in entry.statuses), entry.key


# --- asking every cell ----------------------------------------------------------------------
def _clients(world: World) -> dict[str, Client]:
    clients = {}
    for column, (user, token) in world.columns.items():
        client = Client(raise_request_exception=False)
        if user is not None:
            client.force_login(user)
        if token is not None:
            client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        clients[column] = client
    return clients


def _request(world: World, entry: Entry, *, operation: bool) -> tuple[str, str, dict, bool]:
    """``(method, url, data, json)``; builds the examples the entry names (outside any cell)."""
    kwargs = world.resolve(dict(entry.kwargs))
    if not operation:
        return "get", reverse(entry.key, kwargs=kwargs), dict(entry.query), False
    method, _, path = entry.key.partition(" ")
    url = re.sub(r"\{(\w+)\}", lambda m: str(kwargs[m.group(1)]), path)
    if method == "GET":
        return "get", url, dict(entry.query), False
    body = world.resolve(dict(entry.body or {}))
    return method.lower(), url, body, not entry.multipart


def _ask(client: Client, method: str, url: str, data: dict, as_json: bool) -> int:
    if as_json:
        return getattr(client, method)(url, data, content_type="application/json").status_code
    if method != "get":  # multipart: bytes values are sent as files
        data = {
            k: SimpleUploadedFile(f"{k}.csv", v) if isinstance(v, bytes) else v
            for k, v in data.items()
        }
    return getattr(client, method)(url, data).status_code


def _observe(
    world: World, clients: dict[str, Client], entry: Entry, *, operation: bool
) -> dict[str, int]:
    request = _request(world, entry, operation=operation)
    observed = {}
    for column in PERSONAS:
        with transaction.atomic():
            observed[column] = _ask(clients[column], *request)
            transaction.set_rollback(True)
    return observed


def _table_labels() -> list[str]:
    # pytest-django has set Django up before collection.
    return [t.app for t in access_tables()]


@pytest.mark.parametrize("app", _table_labels())
def test_each_persona_gets_the_declared_status(app, personas, settings):
    settings.CADIS_REQUIRE_2FA = False
    table = next(t for t in _tables() if t.app == app)
    world = World(personas)
    clients = _clients(world)
    wrong = []
    for operation, entries in ((False, table.pages), (True, table.operations)):
        for entry in entries:
            observed = _observe(world, clients, entry, operation=operation)
            if observed != entry.expected():
                cells = [
                    f"{c}: {entry.expected()[c]} -> {observed[c]}"
                    for c in PERSONAS
                    if observed[c] != entry.expected()[c]
                ]
                row = ", ".join(str(observed[c]) for c in PERSONAS)
                wrong.append(f"{entry.key} ({'; '.join(cells)})  observed: ({row})")
    assert wrong == [], "\n".join(wrong)
